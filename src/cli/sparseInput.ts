/**
 * `reglab path` on a sparse design: an svmlight/libsvm file (its labels in the file) or a Matrix
 * Market file with its target in another (`--response FILE`, one number per line), read into CSC
 * and fitted by the sparse path (glm/sparsePath.ts) without densifying.
 */
import { DataError, displayName } from "../data/dataError.js";
import { readMatrixMarket, readSvmlight, sparseFormatOf } from "../data/readSparse.js";
import type { SparseDataset } from "../data/sparseMatrix.js";
import { checkClassSizes } from "../glm/binaryTarget.js";
import { fitsDense } from "../glm/sparseByShape.js";
import { type SparsePathOptions, usesStatistics } from "../glm/sparsePath.js";
import { formatNumber } from "../i18n/format.js";
import type { Translator } from "../i18n/translate.js";
import { UsageError } from "./errors.js";
import { lambdaList, pathSettings, readNumberColumn } from "./glmOptions.js";
import { readTextFile } from "./loadData.js";
import type { OptionSpec } from "./optionTable.js";

export const SPARSE_OPTIONS: readonly OptionSpec[] = [
  { name: "response", kind: "path", valueName: "file", description: "path.option.response" },
];

/** Options that need a dense table of named columns, refused by name over a sparse design. */
const NOT_FOR_SPARSE: Record<string, string> = {
  target: "--target",
  na: "--na",
  weights: "--weights",
  offset: "--offset",
  columns: "--columns",
  exclude: "--exclude",
  penaltyFactor: "--penalty-factor",
  lowerLimits: "--lower-limits",
  upperLimits: "--upper-limits",
  relax: "--relax",
  where: "--where",
  explain: "--explain",
  stats: "--stats",
  saveStats: "--save-stats",
  stream: "--stream",
};

/** Sparse input files are named by their format: .svm/.svmlight/.libsvm, or .mtx. */
export function isSparseInput(file: string | undefined): boolean {
  return file !== undefined && sparseFormatOf(file) !== null;
}

export interface SparseInput {
  data: SparseDataset;
  /** binomial: the two target values, coded 0 and 1 in this order (as glmnet's factor levels). */
  classes?: number[];
  options: SparsePathOptions;
}

/** Any text file's size limit: a sparse file holds only its nonzeros, so 1 GB is a large design. */
const SPARSE_FILE_LIMIT = 1 << 30;

/**
 * A sparse file's design alone (predict: no target needed): its CSC matrix and its columns' names,
 * x1, x2, … by the index each had in the file (svmlight's own numbering, 0-based or 1-based).
 */
export function readSparseDesign(file: string): { x: SparseDataset["x"]; featureNames: string[] } {
  if (sparseFormatOf(file) === "svmlight") {
    const data = readSvmlight(readTextFile(file, SPARSE_FILE_LIMIT), file);
    return { x: data.x, featureNames: data.featureNames };
  }
  const x = readMatrixMarket(readTextFile(file, SPARSE_FILE_LIMIT), file);
  return { x, featureNames: Array.from({ length: x.p }, (_, j) => `x${j + 1}`) };
}

export function readSparseInput(
  file: string,
  options: Record<string, unknown>,
  given: ReadonlySet<string>,
): SparseInput {
  for (const [option, flag] of Object.entries(NOT_FOR_SPARSE))
    if (given.has(option)) throw new UsageError("sparse.optionNotHere", { option: flag });
  const family = options["family"] as string;
  if (family !== "gaussian" && family !== "binomial") throw new UsageError("sparse.family", { family });
  const format = sparseFormatOf(file)!;
  const responseFile = options["response"] as string | undefined;
  let data: SparseDataset;
  if (format === "svmlight") {
    if (responseFile !== undefined)
      throw new UsageError("sparse.responseBesideSvmlight", { file: displayName(file, 200) });
    data = readSvmlight(readTextFile(file, SPARSE_FILE_LIMIT), file);
  } else {
    if (responseFile === undefined)
      throw new UsageError("sparse.needsResponse", { file: displayName(file, 200) });
    const x = readMatrixMarket(readTextFile(file, SPARSE_FILE_LIMIT), file);
    const y = readNumberColumn(
      responseFile,
      () => true,
      (row, value) =>
        new DataError("sparse.badResponse", { file: displayName(responseFile, 200), row, value }),
    );
    if (y.length !== x.n)
      throw new DataError("sparse.responseLength", {
        file: displayName(responseFile, 200),
        rows: y.length,
        matrix: displayName(file, 200),
        n: x.n,
      });
    data = {
      x,
      y: Float64Array.from(y),
      featureNames: Array.from({ length: x.p }, (_, j) => `x${j + 1}`),
      source: file,
      targetName: displayName(responseFile, 200),
    };
  }
  let classes: number[] | undefined;
  if (family === "binomial") {
    // two target values, whatever they are (svmlight writes −1/+1): the larger is the event
    classes = [...new Set(data.y)].sort((a, b) => a - b);
    if (classes.length !== 2)
      throw new DataError("sparse.notTwoClasses", {
        file: displayName(data.source, 200),
        count: classes.length,
      });
    checkClassSizes(data.y, data.source);
    const event = classes[1]!;
    data = { ...data, y: Float64Array.from(data.y, (v) => (v === event ? 1 : 0)) };
  }
  return {
    data,
    classes,
    options: { family, ...pathSettings(options), lambda: lambdaList(options) },
  };
}

/** The `sparse` block of a path's or a CV's JSON: the design as it was held (CSC), not n × p. */
export function sparseJson(file: string, input: SparseInput) {
  const { x } = input.data;
  return {
    sparse: {
      format: sparseFormatOf(file),
      nonzeros: x.values.length,
      density: x.values.length / (x.n * x.p),
      // a tall gaussian design is fitted from its covariance (p × p), a wide one on its columns
      solver: fitsDense(x)
        ? "dense (a small design: n·p ≤ 10⁷ cells)"
        : usesStatistics(input.data, input.options)
          ? "sufficient statistics"
          : "coordinate descent on CSC",
    },
  };
}

/** The text line that says how a sparse design was held. */
export function sparseSummary(input: SparseInput, t: Translator) {
  const { x } = input.data;
  return `${t("path.sparseSummary", { nonzeros: x.values.length, density: formatNumber((100 * x.values.length) / (x.n * x.p), 3) })}\n`;
}
