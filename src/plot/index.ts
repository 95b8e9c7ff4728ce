export { composeFigure, escapeXml, type FigureParts, FONT_FAMILY } from "./composeFigure.js";
export { lossFigure, outcomeFigure } from "./descendFigures.js";
export { envelopeIndices } from "./downsample.js";
export { scaleFigure, sigmoidFigure, sigmoidOverlayFigure } from "./sigmoidFigures.js";
