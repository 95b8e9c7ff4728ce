export { binaryTarget } from "./binaryTarget.js";
export { choleskyInPlace, choleskySolveInPlace } from "./cholesky.js";
export { type ClassLabel, classNames } from "./classLabels.js";
export { coxDeviance, harrellC } from "./coxValidation.js";
export {
  auc,
  CV_MEASURES,
  type CvMeasure,
  type CvOptions,
  type CvResult,
  crossValidate,
  foldIds,
} from "./crossValidation.js";
export { buildDesign, type Design, type DesignOptions } from "./design.js";
export { type ElasticNetPath, elasticNetPath, type Family, type PathOptions } from "./elasticNetPath.js";
export { type ExponentialFamily, type FamilyName, familyOf, nullModel } from "./families/index.js";
export {
  GLM_FAMILIES,
  type GlmFamily,
  type GlmPath,
  type GlmPathOptions,
  glmPath,
  predictGlm,
} from "./glmPath.js";
export { type LambdaSequenceOptions, lambdaMax, lambdaSequence } from "./lambdaSequence.js";
export { type LogisticRidgeFit, type LogisticRidgeOptions, logisticRidge } from "./logisticRidge.js";
export { type MgaussianPath, mgaussianPath } from "./mgaussianPath.js";
export { modelDocument } from "./modelDocument.js";
export {
  classIndices,
  MAX_MULTINOMIAL_CLASSES,
  type MultinomialPath,
  multinomialPath,
} from "./multinomialPath.js";
export { multinomialCoefficientsAt, predictMultinomial } from "./multinomialPredict.js";
export {
  type Coefficients,
  coefficientsAt,
  type PredictionType,
  predictPath,
  relaxedCoefficientsAt,
} from "./predict.js";
export { type RelaxedFit, relaxPath } from "./relax.js";
export type { RelaxedCv } from "./relaxedCv.js";
export {
  type RidgeFit,
  type RidgeOptions,
  type RidgeProblem,
  ridge,
  ridgeFits,
  ridgeProblem,
} from "./ridge.js";
