export { composeFigure, escapeXml, type FigureParts, FONT_FAMILY } from "./composeFigure.js";
export { lossFigure, outcomeFigure } from "./descendFigures.js";
export { envelopeIndices } from "./downsample.js";
export { cvFigure, cvPanel, pathFigure, pathPanel } from "./glmFigures.js";
export {
  type BoundaryGrid,
  boundaryFigure,
  type LabelledPoint,
  SWEEP_FIGURE_METRICS,
  type SweepMetric,
  sweepFigure,
  trainingFigure,
} from "./networkFigures.js";
export { labelsThatFit, type PlacedLabel, placeLabels } from "./placeLabels.js";
export { saturatedIntervals, sigmoidCompareFigure } from "./sigmoidCompareFigure.js";
export { scaleFigure, sigmoidFigure, sigmoidOverlayFigure } from "./sigmoidFigures.js";
