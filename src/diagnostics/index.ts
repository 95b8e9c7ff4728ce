export {
  CHAIN_RULE_FACTORS,
  type ChainRuleFactor,
  type DivergenceExplanation,
  type DivergenceFix,
  explainDivergence,
  lossExploded,
} from "./divergence.js";
export { type LayerDiagnostics, layerDiagnostics, lipschitzUpperBound } from "./networkDiagnostics.js";
export { saturatedShare, saturatedShareOfInterval, saturationCutoff, steepestSlope } from "./saturation.js";
export { inputSensitivity, type Perturbation, perturbInputs, type Sensitivity } from "./sensitivity.js";
export { spectralNorm } from "./spectralNorm.js";
