/**
 * A gaussian path needs only the data's sufficient statistics: n, Σw, the weighted means of the
 * features and the target, and their weighted covariance (1/Σw, as glmnet standardizes). They can
 * be computed anywhere — one streaming pass, or SQL aggregates in a database over a table larger
 * than memory (cli/outOfCore/) — and this module turns them back into a path.
 *
 * How, without a second solver: a small data set with exactly those statistics. With C = RᵀR (the
 * covariance of [x, y], factored) and H a k × (p+1) matrix of orthonormal columns, each orthogonal to
 * the vector of ones (Helmert's contrasts), the k = p + 2 rows
 *
 *   row_i = mean + √k · (H R)_i        (equal weights)
 *
 * have mean `mean` (the columns of H sum to zero) and covariance (1/k)·k·RᵀHᵀHR = C. Every quantity
 * a gaussian path computes — standardization, λ_max, the coefficients along the path, deviances,
 * duality gaps — is a function of these statistics alone, so the ordinary path code run on the
 * k rows gives the path of the full data (to rounding). Its n and weight total are then set back to
 * the data's own.
 */
import type { Dataset } from "../data/parseCsv.js";
import { semidefiniteCholesky } from "./cholesky.js";
import type { ElasticNetPath } from "./elasticNetPath.js";
import { type GlmPathOptions, glmPath } from "./glmPath.js";

export interface GaussianStatistics {
  /** Rows the statistics summarize. */
  n: number;
  /** Σ of the observation weights as given (n without weights). */
  weightTotal: number;
  featureNames: string[];
  targetName: string;
  /** Weighted means: the p features, then the target (length p + 1). */
  mean: Float64Array;
  /** Weighted covariance of [features, target] with divisor Σw, row-major (p + 1) × (p + 1). */
  covariance: Float64Array;
  /** Where they came from (for messages): a file, a query. */
  source: string;
}

/** The k = p + 2 rows with exactly the statistics' means and covariance (see the module's note). */
export function representativeRows(statistics: GaussianStatistics): Dataset {
  const p = statistics.featureNames.length;
  const m = p + 1;
  if (statistics.mean.length !== m || statistics.covariance.length !== m * m)
    throw new RangeError(`statistics for ${p} features need ${m} means and a ${m} × ${m} covariance`);
  const k = m + 1;
  const r = semidefiniteCholesky(statistics.covariance, m);
  const rows = new Float64Array(k * m);
  // H's column c (0-based) is the Helmert contrast: 1/√((c+1)(c+2)) on rows 0…c, −(c+1)/√(…) on
  // row c + 1, zero below. So (H R)_i = S_i − (i/norm_{i−1})·R[i−1][:] with the suffix sums
  // S_i = Σ_{c ≥ i} R[c][:]/norm_c, which the rows from the last up build one R row at a time:
  // O(m²), where the sum over H's columns as written was m³/6 (p = 1000: 0.54 s of a 1.3 s path).
  const root = Math.sqrt(k);
  const suffix = new Float64Array(m);
  for (let i = m; i >= 0; i--) {
    const row = i * m;
    for (let l = 0; l < m; l++) rows[row + l] = suffix[l]!;
    if (i === 0) break;
    const c = i - 1; // R's row c (upper triangular: its entries from c on)
    const norm = Math.sqrt((c + 1) * (c + 2));
    const below = i / norm;
    const above = 1 / norm;
    for (let l = c; l < m; l++) {
      rows[row + l]! -= below * r[c * m + l]!;
      suffix[l]! += above * r[c * m + l]!;
    }
  }
  for (let a = 0; a < k * m; a++) rows[a]! *= root;
  const x = new Float64Array(k * p);
  const y = new Float64Array(k);
  for (let i = 0; i < k; i++) {
    for (let j = 0; j < p; j++) x[i * p + j] = statistics.mean[j]! + rows[i * m + j]!;
    y[i] = statistics.mean[p]! + rows[i * m + p]!;
  }
  const constantColumns = statistics.featureNames.filter((_, j) => !(statistics.covariance[j * m + j]! > 0));
  return {
    source: statistics.source,
    featureNames: statistics.featureNames,
    targetName: statistics.targetName,
    n: k,
    p,
    x,
    y,
    droppedRows: 0,
    constantColumns,
  };
}

/**
 * The statistics of an in-memory data set (weights optional), as the SQL of cli/outOfCore computes
 * them over a file: for tests, and for `--save-stats` from a CSV. Two passes (means, then centred
 * products), as the SQL does, for the accuracy of the centred sums.
 */
export function statisticsOf(data: Dataset, weights?: Float64Array): GaussianStatistics {
  const { n, p, x, y } = data;
  const m = p + 1;
  const value = (i: number, j: number) => (j < p ? x[i * p + j]! : y[i]!);
  let total = 0;
  const mean = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i]! : 1;
    total += w;
    for (let j = 0; j < m; j++) mean[j]! += w * value(i, j);
  }
  for (let j = 0; j < m; j++) mean[j]! /= total;
  const covariance = new Float64Array(m * m);
  const centred = new Float64Array(m);
  for (let i = 0; i < n; i++) {
    const w = weights ? weights[i]! : 1;
    for (let j = 0; j < m; j++) centred[j] = value(i, j) - mean[j]!;
    for (let j = 0; j < m; j++) {
      const a = w * centred[j]!;
      for (let l = j; l < m; l++) covariance[j * m + l]! += a * centred[l]!;
    }
  }
  for (let j = 0; j < m; j++)
    for (let l = j; l < m; l++) {
      covariance[j * m + l]! /= total;
      covariance[l * m + j] = covariance[j * m + l]!;
    }
  return {
    n,
    weightTotal: total,
    featureNames: data.featureNames,
    targetName: data.targetName,
    mean,
    covariance,
    source: data.source,
  };
}

/** Options a path from statistics takes: a gaussian path's, without what needs the rows. */
export type StatisticsPathOptions = Omit<GlmPathOptions, "family" | "weights" | "offset" | "relax" | "time">;

/**
 * The gaussian path of the data the statistics summarize: the ordinary path on their
 * representative rows, with glmnet's default λ_min ratio for the data's own n and p, and the
 * data's n and weight total reported.
 */
export function gaussianPathFromStatistics(
  statistics: GaussianStatistics,
  options: StatisticsPathOptions = {},
): ElasticNetPath {
  const p = statistics.featureNames.length;
  const rows = representativeRows(statistics);
  const path = glmPath(rows, {
    ...options,
    family: "gaussian",
    lambdaMinRatio:
      options.lambda || options.lambdaMinRatio !== undefined
        ? options.lambdaMinRatio
        : statistics.n > p
          ? 1e-4
          : 1e-2,
  }) as ElasticNetPath;
  return { ...path, n: statistics.n, weightTotal: statistics.weightTotal };
}
