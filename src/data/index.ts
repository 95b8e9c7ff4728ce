export { DataError, displayName } from "./dataError.js";
export { DATASETS_2D, type Dataset2dName, type Dataset2dOptions, dataset2d } from "./datasets2d.js";
export { type Dataset, type ParseCsvOptions, parseCsv } from "./parseCsv.js";
export { monomialExponents, polynomialFeatures } from "./polynomialFeatures.js";
export {
  columnMoments,
  fitStandardizer,
  type Standardizer,
  shuffledIndices,
  standardize,
  takeRows,
  trainTestSplit,
} from "./split.js";
