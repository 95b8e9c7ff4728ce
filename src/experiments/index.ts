export {
  type ArticleClaims,
  articleClaims,
  type OvershootClaim,
  type SlopeClaim,
  type StallClaim,
} from "./claims.js";
export { type DecisionGrid, decisionGrid, gridAxis } from "./decisionGrid.js";
export {
  DESCEND_DEFAULTS,
  type DescendOptions,
  type DescendResult,
  type DescendRun,
  type DescendSettings,
  descend,
} from "./descend.js";
export { type DescentSummary, summarizeDescent } from "./descentSummary.js";
export {
  type EarlyStoppingOptions,
  type EarlyStoppingPoint,
  type EarlyStoppingResult,
  earlyStoppingVsRidge,
  largestEigenvalue,
} from "./earlyStoppingRidge.js";
export {
  initScaleSweep,
  lambdaSweep,
  type PreparedData,
  prepareData,
  rankCorrelation,
  SWEEP_INIT_SCALES,
  SWEEP_LAMBDAS,
  type SweepRow,
} from "./networkSweeps.js";
export {
  ARTICLE_SLOPES,
  type SigmoidCurve,
  type SigmoidCurves,
  type SigmoidCurvesOptions,
  sigmoidCurves,
} from "./sigmoidCurves.js";
export { type TeacherData, type TeacherDataOptions, teacherData } from "./teacherData.js";
