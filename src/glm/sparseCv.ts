/**
 * Cross-validation of a sparse design's path (sparsePath.ts), by cv.glmnet's procedure as for the
 * dense families (crossValidation.ts): each fold's training rows taken from the compressed columns
 * (never densified) and fitted on their own λ sequence (or the full data's, `foldLambda: "full"`),
 * the held-out rows predicted at the full data's λ by glmnet's interpolation, scored by the same
 * per-row losses, then the same cvm, cvsd, λ.min and λ.1se.
 */
import { DataError, displayName } from "../data/dataError.js";
import type { Dataset } from "../data/parseCsv.js";
import { type SparseDataset, takeSparseRows } from "../data/sparseMatrix.js";
import {
  auc,
  type CvMeasure,
  type CvResult,
  checkFolds,
  curveAndChoices,
  foldIds,
  largestFold,
  rowLoss,
} from "./crossValidation.js";
import type { ElasticNetPath } from "./elasticNetPath.js";
import { responseOf } from "./families/index.js";
import { coefficientsAt, sparseLinearPredictor } from "./predict.js";
import { type SparsePathOptions, sparseElasticNetPath } from "./sparsePath.js";

export interface SparseCvOptions extends SparsePathOptions {
  folds?: number;
  foldRule?: "random" | "mod";
  foldId?: Int32Array;
  foldLambda?: "own" | "full";
  measure?: CvMeasure;
  seed?: number;
  onFold?: (fold: number, folds: number) => void;
}

const MEASURES = {
  gaussian: ["deviance", "mse", "mae"],
  binomial: ["deviance", "mse", "mae", "class", "auc"],
} as const;

export function crossValidateSparse(data: SparseDataset, options: SparseCvOptions = {}): CvResult {
  const family = options.family ?? "gaussian";
  const measure = options.measure ?? "deviance";
  if (!(MEASURES[family] as readonly string[]).includes(measure))
    throw new DataError("cv.measureFamily", { measure, family });
  const { n } = data.x;
  const folds = options.folds ?? 10;
  if (!options.foldId && folds > n)
    throw new DataError("cv.moreFoldsThanRows", { file: displayName(data.source, 200), folds, n });
  const foldId = options.foldId ?? foldIds(n, folds, options.foldRule ?? "random", options.seed ?? 1);
  // the fold checks read the rows' count, targets and file name only
  checkFolds({ n, y: data.y, source: data.source } as Dataset, foldId, family, measure);
  const path = sparseElasticNetPath(data, options);
  const lambdas = path.lambda;
  const errors: number[][] = [];
  const foldWeight: number[] = [];
  const foldCount = largestFold(foldId);
  for (let fold = 1; fold <= foldCount; fold++) {
    const trainRows: number[] = [];
    const testRows: number[] = [];
    for (let i = 0; i < n; i++) (foldId[i] === fold ? testRows : trainRows).push(i);
    const fit = sparseElasticNetPath(
      {
        ...data,
        x: takeSparseRows(data.x, trainRows),
        y: Float64Array.from(trainRows, (i) => data.y[i]!),
      },
      { ...options, lambda: options.foldLambda === "full" ? lambdas : options.lambda },
    );
    errors.push(foldErrorsSparse(fit, lambdas, data, testRows, measure, family));
    foldWeight.push(testRows.length);
    options.onFold?.(fold, foldCount);
  }
  return {
    path,
    measure,
    foldId,
    ...curveAndChoices(errors, foldWeight, lambdas, data.source, measure === "auc" ? -1 : 1),
  };
}

/** A fold's mean loss over its held-out rows at each of the full data's λ. */
function foldErrorsSparse(
  fit: ElasticNetPath,
  lambdas: readonly number[],
  data: SparseDataset,
  testRows: number[],
  measure: CvMeasure,
  family: "gaussian" | "binomial",
): number[] {
  const test = takeSparseRows(data.x, testRows);
  const y = Float64Array.from(testRows, (i) => data.y[i]!);
  const identity = Int32Array.from({ length: test.p }, (_, j) => j);
  const mean = responseOf(family);
  const prediction = new Float64Array(test.n);
  return lambdas.map((lambda) => {
    sparseLinearPredictor(coefficientsAt(fit, lambda), test, identity, prediction);
    if (measure === "auc") return auc(prediction, y);
    mean(prediction, prediction);
    let sum = 0;
    for (let i = 0; i < test.n; i++) sum += rowLoss(measure, family, y[i]!, prediction[i]!);
    return sum / test.n;
  });
}
