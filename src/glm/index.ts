export { buildDesign, type Design, type DesignOptions } from "./design.js";
export { type ElasticNetPath, elasticNetPath, type Family, type PathOptions } from "./elasticNetPath.js";
export { type LambdaSequenceOptions, lambdaMax, lambdaSequence } from "./lambdaSequence.js";
