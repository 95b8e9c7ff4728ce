export { type LayerDiagnostics, layerDiagnostics, lipschitzUpperBound } from "./networkDiagnostics.js";
export { saturatedShare, saturatedShareOfInterval, saturationCutoff, steepestSlope } from "./saturation.js";
export { inputSensitivity, type Perturbation, perturbInputs, type Sensitivity } from "./sensitivity.js";
export { spectralNorm } from "./spectralNorm.js";
