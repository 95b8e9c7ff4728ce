/**
 * Cross-validation of a gaussian path from each fold's sufficient statistics alone — what one SQL
 * scan grouped by fold computes over a table larger than memory (cli/outOfCore/). Everything
 * cv.glmnet needs follows from them:
 *
 * - a fold's training set is the other folds: their statistics merged (weights add; the merged
 *   mean is the weighted mean; the covariance adds each group's spread about the merged mean);
 * - its path is fitted from those (sufficientStatistics.ts) on its own λ sequence and read at the
 *   full data's λ by glmnet's interpolation (predict.ts), as cv.glmnet does by default;
 * - its held-out error at (b₀, b) is exact from the held-out fold's own statistics:
 *     (1/W_k) Σ_k w (y − b₀ − xᵀb)² = Var_k(y − xᵀb) + (ȳ_k − b₀ − x̄_kᵀb)²
 *   with Var_k(y − xᵀb) = c_yy − 2bᵀc_xy + bᵀC_xx b;
 * - cvm, cvsd, λ.min and λ.1se as crossValidation.ts computes them from the folds' errors.
 */
import { chooseLambdas, summarizeFolds } from "./crossValidation.js";
import type { ElasticNetPath } from "./elasticNetPath.js";
import { coefficientsAt } from "./predict.js";
import {
  type GaussianStatistics,
  gaussianPathFromStatistics,
  type StatisticsPathOptions,
} from "./sufficientStatistics.js";

/** The statistics of the union of groups (the same columns in each). */
export function mergeStatistics(groups: readonly GaussianStatistics[]): GaussianStatistics {
  const first = groups[0]!;
  const m = first.mean.length;
  let weightTotal = 0;
  let n = 0;
  const mean = new Float64Array(m);
  for (const group of groups) {
    weightTotal += group.weightTotal;
    n += group.n;
    for (let a = 0; a < m; a++) mean[a]! += group.weightTotal * group.mean[a]!;
  }
  for (let a = 0; a < m; a++) mean[a]! /= weightTotal;
  const covariance = new Float64Array(m * m);
  for (const group of groups) {
    const share = group.weightTotal / weightTotal;
    for (let a = 0; a < m; a++) {
      const da = group.mean[a]! - mean[a]!;
      for (let b = 0; b < m; b++)
        covariance[a * m + b]! += share * (group.covariance[a * m + b]! + da * (group.mean[b]! - mean[b]!));
    }
  }
  return { ...first, n, weightTotal, mean, covariance };
}

/** The weighted mean squared error of (b₀, b) over the rows a fold's statistics summarize. */
export function meanSquaredError(
  fold: GaussianStatistics,
  intercept: number,
  beta: readonly number[],
): number {
  const p = beta.length;
  const m = p + 1;
  const c = fold.covariance;
  let variance = c[p * m + p]!;
  let centre = fold.mean[p]! - intercept;
  for (let j = 0; j < p; j++) {
    const bj = beta[j]!;
    if (bj === 0) continue;
    centre -= fold.mean[j]! * bj;
    variance -= 2 * bj * c[j * m + p]!;
    for (let k = 0; k < p; k++) if (beta[k] !== 0) variance += bj * c[j * m + k]! * beta[k]!;
  }
  // (rounding can leave a perfect fit's variance a hair below 0)
  return Math.max(variance, 0) + centre * centre;
}

export interface StatisticsCv {
  path: ElasticNetPath;
  lambda: number[];
  cvm: number[];
  cvsd: number[];
  lambdaMin: number;
  lambdaOneSe: number;
  indexMin: number;
  indexOneSe: number;
  /** Each fold's rows and weight. */
  foldSizes: number[];
  foldWeights: number[];
}

/**
 * K-fold CV (measure: mean squared error, the gaussian deviance per unit weight) from the folds'
 * statistics, each fold on its own λ sequence unless `foldLambda` is "full".
 */
export function crossValidateFromStatistics(
  folds: readonly GaussianStatistics[],
  options: StatisticsPathOptions & { foldLambda?: "own" | "full" } = {},
): StatisticsCv {
  if (folds.length < 3) throw new RangeError("cross-validation needs at least 3 folds");
  const { foldLambda, ...pathOptions } = options;
  const path = gaussianPathFromStatistics(mergeStatistics(folds), pathOptions);
  const lambdas = path.lambda;
  const L = lambdas.length;
  const errors = folds.map((held, k) => {
    const training = mergeStatistics(folds.filter((_, j) => j !== k));
    const fit = gaussianPathFromStatistics(training, {
      ...pathOptions,
      lambda: foldLambda === "full" ? lambdas : pathOptions.lambda,
    });
    return lambdas.map((lambda) => {
      const at = coefficientsAt(fit, lambda);
      return meanSquaredError(held, at.intercept, at.beta);
    });
  });
  const weights = folds.map((fold) => fold.weightTotal);
  // cvm, cvsd and the two choices exactly as the cross-validation on rows makes them
  const { cvm, cvsd } = summarizeFolds(errors, weights, L);
  const { indexMin, indexOneSe } = chooseLambdas(cvm, cvsd);
  return {
    path,
    lambda: [...lambdas],
    cvm,
    cvsd,
    lambdaMin: lambdas[indexMin]!,
    lambdaOneSe: lambdas[indexOneSe]!,
    indexMin,
    indexOneSe,
    foldSizes: folds.map((fold) => fold.n),
    foldWeights: weights,
  };
}
