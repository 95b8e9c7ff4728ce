/**
 * Predictions and cross-validation for the multi-response gaussian family (mgaussianPath.ts), as
 * glmnet's predict and cv.glmnet do them for "mgaussian":
 *
 * - predictions at any λ, each response's coefficients interpolated linearly in λ between the
 *   path's points (glmnet's exact = FALSE), n × K row-major;
 * - cross-validation by cv.glmnet's procedure: each fold on its own λ sequence (or the full data's,
 *   `foldLambda: "full"`), predicted at the full data's λ; a row's error is summed over the
 *   responses, Σ_k (y_k − ŷ_k)² ("mse", also "deviance") or Σ_k |y_k − ŷ_k| ("mae"); then cvm,
 *   cvsd, λ.min and λ.1se exactly as for the other families (crossValidation.ts).
 */
import { DataError, displayName } from "../data/dataError.js";
import type { Dataset } from "../data/parseCsv.js";
import { takeRows } from "../data/split.js";
import { checkFolds, curveAndChoices, foldIds, largestFold } from "./crossValidation.js";
import type { PathOptions } from "./elasticNetPath.js";
import { type MgaussianPath, mgaussianPath } from "./mgaussianPath.js";
import { coefficientsAt } from "./predict.js";

/** ŷ for n rows of x (row-major, the path's p features) at λ: n × K, row-major. */
export function predictMgaussian(
  path: MgaussianPath,
  x: Float64Array,
  n: number,
  lambda: number,
): Float64Array {
  const K = path.responses.length;
  const { p } = path;
  const out = new Float64Array(n * K);
  for (let k = 0; k < K; k++) {
    const { intercept, beta } = coefficientsAt(
      { lambda: path.lambda, a0: path.a0[k]!, beta: path.beta[k]! },
      lambda,
    );
    for (let i = 0; i < n; i++) {
      let sum = intercept;
      for (let j = 0; j < p; j++) sum += x[i * p + j]! * beta[j]!;
      out[i * K + k] = sum;
    }
  }
  return out;
}

export type MgaussianMeasure = "deviance" | "mse" | "mae";

export interface MgaussianCvOptions extends PathOptions {
  folds?: number;
  foldRule?: "random" | "mod";
  foldId?: Int32Array;
  foldLambda?: "own" | "full";
  measure?: MgaussianMeasure;
  seed?: number;
  onFold?: (fold: number, folds: number) => void;
}

export interface MgaussianCv {
  path: MgaussianPath;
  measure: MgaussianMeasure;
  foldId: Int32Array;
  lambda: number[];
  cvm: number[];
  cvsd: number[];
  lambdaMin: number;
  lambdaOneSe: number;
  indexMin: number;
  indexOneSe: number;
}

export function crossValidateMgaussian(
  data: Dataset,
  responses: readonly Float64Array[],
  responseNames: readonly string[],
  options: MgaussianCvOptions = {},
): MgaussianCv {
  const measure = options.measure ?? "deviance";
  if (measure !== "deviance" && measure !== "mse" && measure !== "mae")
    throw new DataError("cv.measureFamily", { measure, family: "mgaussian" });
  const folds = options.folds ?? 10;
  if (!options.foldId && folds > data.n)
    throw new DataError("cv.moreFoldsThanRows", { file: displayName(data.source, 200), folds, n: data.n });
  const foldId = options.foldId ?? foldIds(data.n, folds, options.foldRule ?? "random", options.seed ?? 1);
  // at least three folds, none empty (the number-target checks: there are no classes to keep)
  checkFolds(data, foldId, "gaussian", "mse");
  const path = mgaussianPath(data, responses, responseNames, options);
  const lambdas = path.lambda;
  const K = responses.length;
  const weights = options.weights;
  const foldCount = largestFold(foldId);
  const errors: number[][] = [];
  const foldWeight: number[] = [];
  for (let fold = 1; fold <= foldCount; fold++) {
    const trainRows: number[] = [];
    const testRows: number[] = [];
    for (let i = 0; i < data.n; i++) (foldId[i] === fold ? testRows : trainRows).push(i);
    const fit = mgaussianPath(
      takeRows(data, trainRows),
      responses.map((y) => Float64Array.from(trainRows, (i) => y[i]!)),
      responseNames,
      {
        ...options,
        lambda: options.foldLambda === "full" ? lambdas : options.lambda,
        weights: weights ? Float64Array.from(trainRows, (i) => weights[i]!) : undefined,
      },
    );
    const test = takeRows(data, testRows);
    const testWeights = Float64Array.from(testRows, (i) => (weights ? weights[i]! : 1));
    const total = testWeights.reduce((a, b) => a + b, 0);
    errors.push(
      lambdas.map((lambda) => {
        const predicted = predictMgaussian(fit, test.x, test.n, lambda);
        let sum = 0;
        for (let r = 0; r < test.n; r++) {
          let loss = 0;
          for (let k = 0; k < K; k++) {
            const d = responses[k]![testRows[r]!]! - predicted[r * K + k]!;
            loss += measure === "mae" ? Math.abs(d) : d * d;
          }
          sum += testWeights[r]! * loss;
        }
        return sum / total;
      }),
    );
    foldWeight.push(total);
    options.onFold?.(fold, foldCount);
  }
  return { path, measure, foldId, ...curveAndChoices(errors, foldWeight, lambdas, data.source) };
}
