export { maxOf, minOf } from "./extent.js";
export {
  type DescentHistory,
  type DescentOptions,
  type DescentResult,
  trainSigmoidUnit,
} from "./gradientDescent.js";
export { linspace } from "./linspace.js";
export {
  l2Gradient,
  NO_PENALTY,
  type Penalty,
  penaltySubgradient,
  penaltyValue,
  softThreshold,
} from "./penalty.js";
export { createRandom, type Random } from "./random.js";
export { logit, logSigmoid, logSigmoidDerivative, sigmoid, sigmoidDerivative, softplus } from "./sigmoid.js";
export {
  type BatchGradient,
  batchGradient,
  type ChainRuleFactors,
  chainRule,
  emptyBatchGradient,
} from "./sigmoidUnit.js";
