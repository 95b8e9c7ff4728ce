/**
 * Elastic-net paths on a sparse design (CSC, data/sparseMatrix.ts), gaussian and binomial, as
 * glmnet's sparse mode fits them: the columns are centred and scaled *implicitly*, never densified.
 *
 * With x̃_ij = (x_ij − m_j)/s_j (m_j the column's mean, s_j its 1/n standard deviation), a
 * coordinate step needs x̃_jᵀ W r, and the residual r changes along x̃_j, which is dense (every row
 * moves by m_j/s_j). Both are kept sparse by writing the residual as r = r° + o·1, a sparse part r°
 * plus one shared shift o:
 *
 *   x̃_jᵀ W r = ( Σ_{i: x_ij≠0} w_i x_ij r°_i + o·(Wx)_j − m_j·(Σ w r° + o·Σ w) ) / s_j
 *   β_j += δ   →   r°_i −= δ x_ij/s_j on column j's nonzeros,   o += δ m_j/s_j
 *
 * so a coordinate step costs the column's nonzeros, not n. The gaussian path is coordinate descent
 * on the least-squares objective (y divided by sd(y) as glmnet does, unless the objective "as
 * written" is asked for); the binomial path is IRLS — each Newton step a weighted least-squares
 * problem solved the same way. Each λ starts from the previous one's solution on the strong set
 * (Tibshirani et al.'s sequential strong rule, plus every column ever active) and ends when the
 * KKT conditions of the true problem hold over *all* columns to the target (violation / the
 * largest null gradient, the other families' certificate): a column the rule missed is added and
 * the solve goes on.
 */

import { softThreshold } from "../core/penalty.js";
import { sigmoid, softplus } from "../core/sigmoid.js";
import { DataError, displayName } from "../data/dataError.js";
import type { SparseDataset } from "../data/sparseMatrix.js";
import { SparseColumnDots, SparseSweepKernel } from "../kernels/sparseSweepKernel.js";
import { DEFAULT_TOLERANCE, type ElasticNetPath, emptyPath } from "./elasticNetPath.js";
import { familyOf } from "./families/index.js";
import { lambdaSequence } from "./lambdaSequence.js";
import { andersonWeights } from "./solvers/anderson.js";
import { UpdatableCholesky } from "./solvers/updatableCholesky.js";
import { type GaussianStatistics, gaussianPathFromStatistics } from "./sufficientStatistics.js";

export interface SparsePathOptions {
  family?: "gaussian" | "binomial";
  alpha?: number;
  nlambda?: number;
  lambdaMinRatio?: number;
  lambda?: readonly number[];
  standardize?: boolean;
  intercept?: boolean;
  tolerance?: number;
  /** The gaussian objective for α < 1: glmnet's (ridge part over sd(y), the default) or as written. */
  objective?: "glmnet" | "as-written";
  earlyStop?: boolean;
  /** false: coordinate descent on the columns even where the statistics route applies. */
  statistics?: boolean;
  /** false: plain coordinate sweeps, without Anderson extrapolation (the tests compare the two). */
  acceleration?: boolean;
  /** false: the sweeps in JavaScript even where the WebAssembly kernel runs (the tests compare them). */
  kernel?: boolean;
}

/** IRLS's floor on p(1 − p), as glmnet's: keeps the working response finite near 0 and 1. */
const CURVATURE_FLOOR = 1e-5;
const MAX_PASSES = 100_000;
/** Up to this many strong columns the descent runs on their Gram (8 MB at 1000). */
const COVARIANCE_MAX_STRONG = 1000;
/**
 * Up to this many columns a tall (n > p) gaussian path with an intercept runs on the design's
 * sufficient statistics (the covariance of [X, y], 32 MB at 2048), as glmnet's covariance mode
 * does; a wide one has no use for a p × p Gram of rank n.
 */
const STATISTICS_MOST = 2048;
/** The gaussian Gram cache's most columns (128 MB at 4000). */
const GRAM_CACHE_MOST = 4000;
/** The intercept's key in the Newton step's factor (columns are keyed by their index ≥ 0). */
const INTERCEPT_ROW = -1;
/** Passes with an unchanged sign pattern before the Newton step on the nonzero columns is tried. */
const POLISH_AFTER = 3;
/** Newton steps in a row when each stops at a coefficient reaching 0. */
const POLISH_ATTEMPTS = 20;
/** From this many columns the gradient's dot products over all columns run in WebAssembly. */
const COLUMN_DOTS_FROM = 2000;
/** Sweeps whose iterates one Anderson extrapolation combines (see recordAndExtrapolate). */
const ANDERSON_DEPTH = 5;

/**
 * Whether the path runs on the design's sufficient statistics: a tall gaussian design (n > p,
 * p ≤ 2048) with an intercept, unless `statistics: false` asks for coordinate descent on the
 * columns (the tests compare the two).
 */
export function usesStatistics(data: SparseDataset, options: SparsePathOptions): boolean {
  return (
    (options.family ?? "gaussian") === "gaussian" &&
    (options.intercept ?? true) &&
    options.statistics !== false &&
    data.x.p <= STATISTICS_MOST &&
    data.x.n > data.x.p
  );
}

export function sparseElasticNetPath(data: SparseDataset, options: SparsePathOptions = {}): ElasticNetPath {
  const familyName = options.family ?? "gaussian";
  const accelerated = options.acceleration ?? true;
  if (usesStatistics(data, options)) {
    const statistics = sparseStatistics(data);
    checkStatisticsTarget(data, statistics);
    const { family: _, statistics: __, ...rest } = options;
    return gaussianPathFromStatistics(statistics, rest);
  }
  const family = familyOf(familyName);
  const alpha = options.alpha ?? 1;
  const intercept = options.intercept ?? true;
  const standardize = options.standardize ?? true;
  const target = options.tolerance ?? DEFAULT_TOLERANCE;
  const { n, p, colPtr, rowIdx, values } = data.x;
  const file = displayName(data.source, 200);
  const invalid = family.invalidTarget(data.y);
  if (invalid)
    throw new DataError("sparse.badTarget", {
      file,
      row: invalid.row + 1,
      value: data.y[invalid.row]!,
      family: familyName,
    });

  // columns: sums, means (centring only with an intercept), scales, and which can enter a model
  const colSum = new Float64Array(p);
  const mean = new Float64Array(p);
  const scale = new Float64Array(p);
  const usable = new Uint8Array(p);
  for (let j = 0; j < p; j++) {
    let sum = 0;
    let squares = 0;
    for (let a = colPtr[j]!; a < colPtr[j + 1]!; a++) {
      sum += values[a]!;
      squares += values[a]! * values[a]!;
    }
    colSum[j] = sum;
    const m = sum / n;
    const variance = Math.max(squares / n - m * m, 0);
    if (intercept) mean[j] = m;
    scale[j] = standardize ? Math.sqrt(variance) : 1;
    // a constant column never enters (glmnet's): nothing to learn from it
    usable[j] = variance > 1e-300 * Math.max(1, squares / n) ? 1 : 0;
  }

  // the target, and for the gaussian family glmnet's y/sd(y) (λ in the same units)
  const y = data.y;
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += y[i]! / n;
  let yScale = 1;
  if (familyName === "gaussian") {
    let squares = 0;
    const centre = intercept ? yMean : 0;
    for (let i = 0; i < n; i++) squares += (y[i]! - centre) ** 2 / n;
    if (!(squares > 0)) throw new DataError("sparse.constantTarget", { file });
    if (options.objective !== "as-written") yScale = Math.sqrt(squares);
  } else if (intercept && (yMean <= 0 || yMean >= 1)) {
    throw new DataError("sparse.oneClass", { file, value: yMean <= 0 ? 0 : 1 });
  }

  // working arrays, allocated once for the whole path
  const beta = new Float64Array(p); // on the standardized columns, in y/yScale units
  let b0 = 0;
  const eta = new Float64Array(n);
  const weight = new Float64Array(n); // IRLS weights (1/n for the gaussian family)
  const residual = new Float64Array(n); // r°, the sparse part of the residual
  let shift = 0; // o
  let weightedResidual = 0; // Σ w r°
  let weightTotal = 0; // Σ w
  const weightedColSum = new Float64Array(p); // (Wx)_j
  const curvature = new Float64Array(p); // x̃_jᵀ W x̃_j
  const fresh = new Uint8Array(p); // (Wx)_j and the curvature computed for the current weights
  const gradient = new Float64Array(p); // of the smooth part: −∂loss/∂β_j at the current fit
  const inStrong = new Uint8Array(p);
  const everActive = new Uint8Array(p);
  const strong: number[] = [];

  /** x̃_jᵀ W r at the current residual. */
  const columnGradient = (j: number) => {
    let dot = 0;
    for (let a = colPtr[j]!; a < colPtr[j + 1]!; a++)
      dot += weight[rowIdx[a]!]! * values[a]! * residual[rowIdx[a]!]!;
    return (
      (dot + shift * weightedColSum[j]! - mean[j]! * (weightedResidual + shift * weightTotal)) / scale[j]!
    );
  };
  const prepareColumn = (j: number) => {
    let wx = 0;
    let wxx = 0;
    for (let a = colPtr[j]!; a < colPtr[j + 1]!; a++) {
      const v = values[a]!;
      const wv = weight[rowIdx[a]!]! * v;
      wx += wv;
      wxx += wv * v;
    }
    weightedColSum[j] = wx;
    const m = mean[j]!;
    curvature[j] = (wxx - 2 * m * wx + m * m * weightTotal) / (scale[j]! * scale[j]!);
    fresh[j] = 1;
  };
  const moveColumn = (j: number, delta: number) => {
    const step = delta / scale[j]!;
    for (let a = colPtr[j]!; a < colPtr[j + 1]!; a++) {
      const i = rowIdx[a]!;
      residual[i]! -= step * values[a]!;
      weightedResidual -= weight[i]! * step * values[a]!;
    }
    shift += step * mean[j]!;
  };
  /** η = b₀ + X̃β from scratch (after a Newton step), through the columns' nonzeros. */
  const refreshEta = () => {
    // (over the strong set, which holds every nonzero coefficient: a wide design's p is 100000
    // where the strong set is a few thousand, and a binomial path recomputes η ~700 times)
    let constant = b0;
    for (const j of strong) if (beta[j] !== 0) constant -= (beta[j]! * mean[j]!) / scale[j]!;
    eta.fill(constant);
    for (const j of strong) {
      const b = beta[j]!;
      if (b === 0) continue;
      const step = b / scale[j]!;
      for (let a = colPtr[j]!; a < colPtr[j + 1]!; a++) eta[rowIdx[a]!]! += step * values[a]!;
    }
  };
  /** The loss per observation at η (the gaussian's in y/yScale units) and, into `residual`, y − μ. */
  const lossAndResidual = () => {
    let loss = 0;
    for (let i = 0; i < n; i++) {
      if (familyName === "gaussian") {
        const r = y[i]! / yScale - eta[i]!;
        residual[i] = r;
        loss += (r * r) / 2;
      } else {
        residual[i] = y[i]! - sigmoid(eta[i]!);
        loss += softplus(eta[i]!) - y[i]! * eta[i]!;
      }
    }
    return loss / n;
  };
  // the gradient's dot products over all columns in WebAssembly (kernels/sparseSweepKernel.ts), on
  // a copy of the matrix made once: worth it on a design whose columns are many (the path's rounds
  // then spend most of their time outside the sweeps in this product)
  const columnDots =
    options.kernel === false || p < COLUMN_DOTS_FROM
      ? null
      : SparseColumnDots.create(n, p, colPtr, rowIdx, values);
  const rawDots = new Float64Array(columnDots ? p : 0);
  /** The gradient of the smooth part for every usable column, from `residual` = y − μ (unit weights). */
  const fullGradient = () => {
    let total = 0;
    for (let i = 0; i < n; i++) total += residual[i]!;
    if (columnDots) {
      // every column's x_jᵀ r in WebAssembly (the loop below's order: the same bits)
      columnDots.dots(residual, rawDots);
      for (let j = 0; j < p; j++)
        if (usable[j]) gradient[j] = (rawDots[j]! - mean[j]! * total) / (n * scale[j]!);
      return total / n;
    }
    for (let j = 0; j < p; j++) {
      if (!usable[j]) continue;
      let dot = 0;
      for (let a = colPtr[j]!; a < colPtr[j + 1]!; a++) dot += values[a]! * residual[rowIdx[a]!]!;
      gradient[j] = (dot - mean[j]! * total) / (n * scale[j]!);
    }
    return total / n;
  };
  const penalty = (lambda: number) => {
    let l1 = 0;
    let l2 = 0;
    for (let j = 0; j < p; j++) {
      l1 += Math.abs(beta[j]!);
      l2 += beta[j]! * beta[j]!;
    }
    return lambda * (alpha * l1 + ((1 - alpha) / 2) * l2);
  };
  /** Largest KKT violation of the true problem at λ, over every usable column and the intercept. */
  const kktViolation = (lambda: number, interceptGradient: number) => {
    let worst = intercept ? Math.abs(interceptGradient) : 0;
    for (let j = 0; j < p; j++) {
      if (!usable[j]) continue;
      const g = gradient[j]!;
      const b = beta[j]!;
      const violation =
        b !== 0
          ? Math.abs(g - lambda * (1 - alpha) * b - lambda * alpha * Math.sign(b))
          : Math.max(0, Math.abs(g) - lambda * alpha);
      if (violation > worst) worst = violation;
    }
    return worst;
  };

  // the null model: its η, loss and gradient give λ_max
  if (familyName === "binomial") b0 = intercept ? Math.log(yMean / (1 - yMean)) : 0;
  else b0 = intercept ? yMean / yScale : 0;
  eta.fill(b0);
  const nullLoss = lossAndResidual();
  fullGradient();
  let largestGradient = 0;
  for (let j = 0; j < p; j++)
    if (usable[j]) largestGradient = Math.max(largestGradient, Math.abs(gradient[j]!));
  if (!(largestGradient > 0)) throw new DataError("sparse.nothingToFit", { file });
  const lambdaMax = largestGradient / Math.max(alpha, 1e-3);
  const lambdas = options.lambda
    ? Float64Array.from([...options.lambda].map((l) => l / yScale).sort((a, b) => b - a))
    : lambdaSequence(lambdaMax, n, p, { count: options.nlambda, minRatio: options.lambdaMinRatio });
  const gradientScale = largestGradient;
  // deviance per observation: 2·loss (both families' saturated losses are 0 here: the gaussian's
  // loss is ½(y − η)², the binomial's targets are 0 or 1), the gaussian's back in the user's units
  const toUserDeviance = (loss: number) => 2 * loss * yScale * yScale;
  const nullDeviance = toUserDeviance(nullLoss);

  const result = emptyPath({
    family: familyName,
    alpha,
    n,
    p,
    featureNames: data.featureNames,
    nullDeviance,
    weightTotal: n,
    tolerance: target,
    penaltyFactor: new Array<number>(p).fill(1),
    objectiveForm: options.objective ?? "glmnet",
    standardize,
    intercept,
  });

  // covariance mode (glmnet's for small p): the strong set's weighted Gram, built from sparse dot
  // products once per quadratic, makes each coordinate step O(|strong|) instead of O(nonzeros)
  let gram = new Float64Array(0);
  let covGradient = new Float64Array(0);
  let coupling = new Float64Array(0); // x̃_jᵀ W 1: how the intercept and column j move each other
  let startBeta = new Float64Array(0);

  let rightSide = new Float64Array(0);
  let polishedInterceptGradient = 0;
  let polishedFully = false;
  let quadraticVersion = 0; // bumped when the IRLS weights change (never for the gaussian family)
  // the factor of the Newton step's matrix, kept from one step to the next (and, for a lasso with
  // the gaussian family's fixed weights, from one λ to the next): columns that enter are appended
  // and columns that leave removed, O(m²) each, where factoring afresh costs m³/6
  let factor: UpdatableCholesky | null = null;
  let factorVersion = -1;
  let factorL2 = Number.NaN;
  const positionOf = new Int32Array(p).fill(-1); // column → its place in the strong set
  const slotOf = new Int32Array(p).fill(-1); // column → its row in the factor
  const cross: number[] = [];
  /**
   * The Newton step on the nonzero columns A (and the intercept) with their signs s held: solves
   *   (G_AA + λ(1−α)I) Δ_A + c_A Δ₀ = g_A − λ(1−α)β_A − λα s_A,   c_Aᵀ Δ_A + W Δ₀ = g₀
   * and takes it as far as the first coefficient it would carry across 0 (which is set to 0).
   * Updates β, the strong set's gradients and (returned) the intercept's move.
   */
  const polish = (size: number, l1: number, l2: number, interceptGradient: number) => {
    polishedInterceptGradient = interceptGradient;
    polishedFully = false;
    for (let a = 0; a < size; a++) positionOf[strong[a]!] = a;
    factor ??= new UpdatableCholesky(COVARIANCE_MAX_STRONG + 1);
    if (factorVersion !== quadraticVersion || factorL2 !== l2) {
      for (const key of factor.keys) if (key >= 0) slotOf[key] = -1;
      factor.clear();
      factorVersion = quadraticVersion;
      factorL2 = l2;
    }
    // rows whose column left the model (or the strong set) go; the intercept's row stays first
    for (let u = factor.size - 1; u >= 0; u--) {
      const key = factor.keys[u]!;
      if (key >= 0 && (positionOf[key]! < 0 || beta[key] === 0)) {
        factor.remove(u);
        slotOf[key] = -1;
      }
    }
    if (intercept && factor.size === 0) factor.append(INTERCEPT_ROW, [], weightTotal);
    let m = 0;
    for (let a = 0; a < size; a++) {
      const j = strong[a]!;
      if (beta[j] === 0) continue;
      m++;
      if (slotOf[j]! >= 0) continue;
      cross.length = 0;
      for (const key of factor.keys) cross.push(key < 0 ? coupling[a]! : gram[a * size + positionOf[key]!]!);
      if (factor.size >= n + (intercept ? 1 : 0)) {
        for (let u = 0; u < size; u++) positionOf[strong[u]!] = -1;
        return 0;
      }
      // a column that the others already span (duplicate or proportional columns, common in a
      // sparse design's folds) is held where it is: the step on the rest is still a descent step,
      // where giving up left coordinate descent to crawl between equally good optima
      factor.append(j, cross, gram[a * size + a]! + l2);
    }
    factor.keys.forEach((key, u) => {
      if (key >= 0) slotOf[key] = u;
    });
    const dim = factor.size;
    if (m === 0) {
      for (let a = 0; a < size; a++) positionOf[strong[a]!] = -1;
      return 0;
    }
    if (rightSide.length < dim) rightSide = new Float64Array(COVARIANCE_MAX_STRONG + 1);
    for (let u = 0; u < dim; u++) {
      const key = factor.keys[u]!;
      if (key < 0) {
        rightSide[u] = interceptGradient;
        continue;
      }
      const b = beta[key]!;
      rightSide[u] = covGradient[positionOf[key]!]! - l2 * b - l1 * Math.sign(b);
    }
    factor.solve(rightSide);
    // the step is taken up to the first coefficient that would cross 0 (the objective falls all
    // along it: it is a convex quadratic on this orthant), which is then set to 0
    let fraction = 1;
    let crossing = -1;
    for (let u = 0; u < dim; u++) {
      const key = factor.keys[u]!;
      if (key < 0) continue;
      const b = beta[key]!;
      if (Math.sign(b + rightSide[u]!) !== Math.sign(b) && -b / rightSide[u]! < fraction) {
        fraction = -b / rightSide[u]!;
        crossing = u;
      }
    }
    polishedFully = crossing < 0;
    let move = 0;
    for (let u = 0; u < dim; u++) {
      const key = factor.keys[u]!;
      if (key < 0) {
        move = fraction * rightSide[u]!;
        continue;
      }
      const a = positionOf[key]!;
      const delta = u === crossing ? -beta[key]! : fraction * rightSide[u]!;
      beta[key]! += delta;
      if (u === crossing) beta[key] = 0;
      const row = a * size;
      for (let b = 0; b < size; b++) covGradient[b]! -= gram[row + b]! * delta;
      polishedInterceptGradient -= coupling[a]! * delta;
    }
    if (intercept) {
      for (let b = 0; b < size; b++) covGradient[b]! -= coupling[b]! * move;
      polishedInterceptGradient -= weightTotal * move;
    }
    for (let a = 0; a < size; a++) positionOf[strong[a]!] = -1;
    return move;
  };

  // X by rows too (compressed sparse rows), built the first time a Gram is: a Gram row is then
  // Σ over column j's nonzero rows of x_ij·(row i), O(nonzeros of j × nonzeros per row), where
  // dotting column j with each other column would cost every column's nonzeros (on a tall design,
  // 200000 × 1000 at 1 %, that is 2000 against 2·10⁶ operations per pair)
  let rowPtr: Int32Array | null = null;
  let rowColumn = new Int32Array(0);
  let rowValue = new Float64Array(0);
  const buildRows = () => {
    const ptr = new Int32Array(n + 1);
    for (let a = 0; a < rowIdx.length; a++) ptr[rowIdx[a]! + 1]!++;
    for (let i = 0; i < n; i++) ptr[i + 1]! += ptr[i]!;
    const next = ptr.slice(0, n);
    rowColumn = new Int32Array(rowIdx.length);
    rowValue = new Float64Array(rowIdx.length);
    for (let j = 0; j < p; j++)
      for (let a = colPtr[j]!; a < colPtr[j + 1]!; a++) {
        const slot = next[rowIdx[a]!]!++;
        rowColumn[slot] = j;
        rowValue[slot] = values[a]!;
      }
    rowPtr = ptr;
  };
  const rawRow = new Float64Array(p); // Σ_i w_i x_ij x_il for every l, of the column j in hand
  /** Fills rawRow with column j's raw weighted inner products (clearRawRow undoes it). */
  const fillRawRow = (j: number) => {
    if (!rowPtr) buildRows();
    const ptr = rowPtr!;
    for (let e = colPtr[j]!; e < colPtr[j + 1]!; e++) {
      const i = rowIdx[e]!;
      const v = weight[i]! * values[e]!;
      for (let f = ptr[i]!; f < ptr[i + 1]!; f++) rawRow[rowColumn[f]!]! += v * rowValue[f]!;
    }
  };
  const clearRawRow = (j: number) => {
    const ptr = rowPtr!;
    for (let e = colPtr[j]!; e < colPtr[j + 1]!; e++) {
      const i = rowIdx[e]!;
      for (let f = ptr[i]!; f < ptr[i + 1]!; f++) rawRow[rowColumn[f]!] = 0;
    }
  };
  /** x̃_jᵀ W x̃_l from rawRow (column j filled): centred and scaled. */
  const gramEntry = (j: number, l: number) =>
    (rawRow[l]! -
      mean[l]! * weightedColSum[j]! -
      mean[j]! * weightedColSum[l]! +
      mean[j]! * mean[l]! * weightTotal) /
    (scale[j]! * scale[l]!);
  // the gaussian family's Gram cache (glmnet's covariance mode keeps the same): a column's inner
  // products with every cached column, computed when it first joins a strong set
  const cacheIndex = new Int32Array(p).fill(-1);
  const cached: number[] = [];
  let cacheCapacity = 0;
  let cacheGram = new Float64Array(0);
  const cacheColumns = (size: number) => {
    for (let a = 0; a < size; a++) {
      const j = strong[a]!;
      if (cacheIndex[j]! >= 0) continue;
      if (cached.length === cacheCapacity) {
        const capacity = Math.max(64, 2 * cacheCapacity);
        const bigger = new Float64Array(capacity * capacity);
        for (let u = 0; u < cached.length; u++)
          bigger.set(cacheGram.subarray(u * cacheCapacity, u * cacheCapacity + cached.length), u * capacity);
        cacheGram = bigger;
        cacheCapacity = capacity;
      }
      const slot = cached.length;
      cached.push(j);
      cacheIndex[j] = slot;
      if (!fresh[j]) prepareColumn(j);
      fillRawRow(j);
      for (let u = 0; u <= slot; u++) {
        const l = cached[u]!;
        if (!fresh[l]) prepareColumn(l);
        const value = gramEntry(j, l);
        cacheGram[slot * cacheCapacity + u] = value;
        cacheGram[u * cacheCapacity + slot] = value;
      }
      clearRawRow(j);
    }
  };

  /** The same descent on the strong set's Gram: gradients kept up to date by Gram rows. */
  const descendCovariance = (lambda: number, tolerance: number, kktTarget: number) => {
    const size = strong.length;
    if (gram.length < size * size) gram = new Float64Array(size * size);
    if (covGradient.length < size) {
      covGradient = new Float64Array(size);
      coupling = new Float64Array(size);
      startBeta = new Float64Array(size);
    }
    for (let a = 0; a < size; a++) {
      const j = strong[a]!;
      if (!fresh[j]) prepareColumn(j);
      covGradient[a] = columnGradient(j);
      coupling[a] = (weightedColSum[j]! - mean[j]! * weightTotal) / scale[j]!;
      startBeta[a] = beta[j]!;
    }
    if (familyName === "gaussian" && cached.length + size <= GRAM_CACHE_MOST) {
      // the weights never change: the Gram's entries are the cache's, computed once per column
      cacheColumns(size);
      for (let a = 0; a < size; a++) {
        const row = cacheIndex[strong[a]!]! * cacheCapacity;
        for (let b = 0; b < size; b++) gram[a * size + b] = cacheGram[row + cacheIndex[strong[b]!]!]!;
      }
    } else {
      for (let a = 0; a < size; a++) {
        const j = strong[a]!;
        fillRawRow(j);
        for (let b = a; b < size; b++) {
          const value = gramEntry(j, strong[b]!);
          gram[a * size + b] = value;
          gram[b * size + a] = value;
        }
        clearRawRow(j);
      }
    }
    let interceptGradient = weightedResidual + shift * weightTotal;
    let interceptMove = 0;
    const l1 = lambda * alpha;
    const l2 = lambda * (1 - alpha);
    let done = false;
    let steadyPasses = 0;
    for (let pass = 0; pass < MAX_PASSES && !done; pass++) {
      // once a few passes have kept the same columns nonzero with the same signs, the optimum is
      // (nearly always) the solution of one linear system on them: solve it, as glmnet's CD would
      // after thousands of passes where the columns are nearly collinear (p > n)
      if (steadyPasses >= POLISH_AFTER) {
        steadyPasses = 0;
        // a partial step (a coefficient reached 0) is followed by the step on the smaller set
        for (let attempt = 0; attempt < POLISH_ATTEMPTS; attempt++) {
          interceptMove += polish(size, l1, l2, interceptGradient);
          interceptGradient = polishedInterceptGradient;
          if (polishedFully) break;
        }
      }
      let patternChanged = false;
      let largest = 0;
      for (let a = 0; a < size; a++) {
        const c = gram[a * size + a]!;
        const j = strong[a]!;
        const old = beta[j]!;
        const updated = softThreshold(covGradient[a]! + c * old, l1) / (c + l2);
        const delta = updated - old;
        if (delta === 0) continue;
        if (Math.sign(updated) !== Math.sign(old)) patternChanged = true;
        beta[j] = updated;
        everActive[j] = 1;
        const row = a * size;
        for (let b = 0; b < size; b++) covGradient[b]! -= gram[row + b]! * delta;
        interceptGradient -= coupling[a]! * delta;
        largest = Math.max(largest, c * delta * delta);
      }
      if (intercept) {
        const delta = interceptGradient / weightTotal;
        interceptMove += delta;
        for (let b = 0; b < size; b++) covGradient[b]! -= coupling[b]! * delta;
        interceptGradient = 0;
        largest = Math.max(largest, weightTotal * delta * delta);
      }
      // done when the strong set's KKT conditions hold to the target (the gradients are at hand),
      // or the steps have become too small to move them
      let violation = intercept ? Math.abs(interceptGradient) : 0;
      for (let a = 0; a < size && violation <= kktTarget; a++) {
        const b = beta[strong[a]!]!;
        const g = covGradient[a]!;
        violation = Math.max(
          violation,
          b !== 0 ? Math.abs(g - l2 * b - l1 * Math.sign(b)) : Math.abs(g) - l1,
        );
      }
      done = violation <= kktTarget || largest < tolerance;
      steadyPasses = patternChanged ? 0 : steadyPasses + 1;
    }
    // the moves, applied once to the sparse residual
    for (let a = 0; a < size; a++) {
      const delta = beta[strong[a]!]! - startBeta[a]!;
      if (delta !== 0) moveColumn(strong[a]!, delta);
    }
    b0 += interceptMove;
    shift -= interceptMove;
    return done;
  };

  /** Coordinate descent over the strong set on the current quadratic, to `tolerance` in curvature·δ². */
  const nonzero: number[] = []; // positions in the strong set
  // the strong set's columns copied side by side (a fresh copy per λ, extended when columns join):
  // the sweeps then stream through memory instead of jumping across the whole matrix, which on a
  // 100000-column design made each column a few cache misses
  let packedPtr = new Int32Array(1);
  let packedRow = new Int32Array(0);
  let packedValue = new Float64Array(0);
  // w_i·x_ij beside each packed x_ij (binomial: the IRLS weights change every Newton step), so the
  // weighted dot product reads two arrays per nonzero as the gaussian's does
  let packedWeighted = new Float64Array(0);
  let packedCount = 0;
  // the sweep in WebAssembly, created with the first sweep (null: none here, the loop below runs),
  // and how many packed positions it holds copies of
  let kernel: SparseSweepKernel | null | undefined;
  let kernelCount = 0;
  const weighPacked = (fromColumn: number) => {
    if (familyName === "gaussian") return;
    for (let a = packedPtr[fromColumn]!; a < packedPtr[packedCount]!; a++)
      packedWeighted[a] = weight[packedRow[a]!]! * packedValue[a]!;
    if (kernel && fromColumn < kernelCount)
      kernel.weigh(packedPtr[fromColumn]!, packedPtr[kernelCount]!, packedWeighted);
  };
  const packStrong = () => {
    if (packedPtr.length < strong.length + 1) {
      const bigger = new Int32Array(2 * strong.length + 1);
      bigger.set(packedPtr.subarray(0, packedCount + 1));
      packedPtr = bigger;
    }
    let end = packedPtr[packedCount]!;
    let needed = end;
    for (let q = packedCount; q < strong.length; q++) needed += colPtr[strong[q]! + 1]! - colPtr[strong[q]!]!;
    if (packedRow.length < needed) {
      const rows = new Int32Array(2 * needed);
      const cells = new Float64Array(2 * needed);
      const weighted = new Float64Array(familyName === "gaussian" ? 0 : 2 * needed);
      rows.set(packedRow.subarray(0, end));
      cells.set(packedValue.subarray(0, end));
      weighted.set(packedWeighted.subarray(0, familyName === "gaussian" ? 0 : end));
      packedRow = rows;
      packedValue = cells;
      packedWeighted = weighted;
    }
    const firstNew = packedCount;
    for (; packedCount < strong.length; packedCount++) {
      const j = strong[packedCount]!;
      const from = colPtr[j]!;
      const count = colPtr[j + 1]! - from;
      packedRow.set(rowIdx.subarray(from, from + count), end);
      packedValue.set(values.subarray(from, from + count), end);
      end += count;
      packedPtr[packedCount + 1] = end;
    }
    weighPacked(firstNew);
    if (kernel) {
      const from = Math.min(firstNew, kernelCount);
      for (let q = from; q < packedCount; q++) if (!fresh[strong[q]!]) prepareColumn(strong[q]!);
      const packed = kernel.pack(
        from,
        packedCount,
        { ptr: packedPtr, rows: packedRow, cells: packedValue, weighted: packedWeighted },
        strong,
        { mean, scale, weightedSum: weightedColSum, curvature },
      );
      // (its memory could not hold them: the loop below sweeps from here on, on the same arrays)
      if (packed) kernelCount = packedCount;
      else kernel = null;
    }
  };
  /**
   * One coordinate sweep over `columns`: returns the largest curvature·δ² and, in `sweepViolation`,
   * the largest KKT violation met before each step (every column's own condition holds after it).
   */
  let sweepViolation = 0;
  const sweep = (positions: readonly number[] | null, l1: number, l2: number) => {
    // the hot loop: the arrays and the residual's sums in locals, and for the gaussian family
    // (every weight 1/n) no weight read per nonzero
    const uniform = familyName === "gaussian";
    const w0 = 1 / n;
    let o = shift;
    let sumWr = weightedResidual;
    let largest = 0;
    let violation = 0;
    const rows = packedRow;
    const cells = packedValue;
    const weighted = packedWeighted;
    const count = positions ? positions.length : strong.length;
    if (kernel) {
      // the same loop in WebAssembly (kernels/sparseSweepKernel.ts), the same bits; a column's
      // (Wx)_j and curvature for new IRLS weights (binomial) computed here and handed to it
      if (!uniform)
        for (let q = 0; q < count; q++) {
          const position = positions ? positions[q]! : q;
          const j = strong[position]!;
          if (fresh[j]) continue;
          prepareColumn(j);
          kernel.setColumn(position, weightedColSum[j]!, curvature[j]!);
        }
      largest = kernel.sweep(
        positions,
        count,
        strong,
        beta,
        everActive,
        residual,
        l1,
        l2,
        o,
        sumWr,
        weightTotal,
      );
      violation = kernel.last.violation;
      o = kernel.last.shift;
      sumWr = kernel.last.weightedResidual;
    } else {
      for (let q = 0; q < count; q++) {
        const position = positions ? positions[q]! : q;
        const j = strong[position]!;
        if (!fresh[j]) prepareColumn(j);
        const start = packedPtr[position]!;
        const stop = packedPtr[position + 1]!;
        let dot = 0;
        if (uniform) {
          for (let a = start; a < stop; a++) dot += cells[a]! * residual[rows[a]!]!;
          dot *= w0;
        } else {
          for (let a = start; a < stop; a++) dot += weighted[a]! * residual[rows[a]!]!;
        }
        const m = mean[j]!;
        const s = scale[j]!;
        const g = (dot + o * weightedColSum[j]! - m * (sumWr + o * weightTotal)) / s;
        const c = curvature[j]!;
        const old = beta[j]!;
        violation = Math.max(
          violation,
          old !== 0 ? Math.abs(g - l2 * old - l1 * Math.sign(old)) : Math.abs(g) - l1,
        );
        const updated = softThreshold(g + c * old, l1) / (c + l2);
        const delta = updated - old;
        if (delta === 0) continue;
        beta[j] = updated;
        everActive[j] = 1;
        // r −= δ x̃_j: the nonzeros into r°, the centring into the shift
        const step = delta / s;
        for (let a = start; a < stop; a++) residual[rows[a]!]! -= step * cells[a]!;
        sumWr -= step * weightedColSum[j]!;
        o += step * m;
        largest = Math.max(largest, c * delta * delta);
      }
    }
    if (intercept) {
      // the intercept's own step: the weighted mean of the residual
      const delta = (sumWr + o * weightTotal) / weightTotal;
      violation = Math.max(violation, Math.abs(delta * weightTotal));
      b0 += delta;
      o -= delta;
      largest = Math.max(largest, weightTotal * delta * delta);
    }
    shift = o;
    weightedResidual = sumWr;
    sweepViolation = violation;
    return largest;
  };

  /**
   * Coordinate descent over the strong set on the current quadratic, glmnet's way: a sweep over
   * the whole set, then sweeps over its nonzero columns alone until they settle, and again, until a
   * whole-set sweep finds every condition within `kktTarget` (or the steps below `tolerance`).
   */
  const descend = (lambda: number, tolerance: number, kktTarget: number) => {
    if (strong.length <= COVARIANCE_MAX_STRONG) return descendCovariance(lambda, tolerance, kktTarget);
    if (kernel === undefined) {
      kernel = options.kernel === false ? null : SparseSweepKernel.create(n, familyName === "gaussian");
      kernelCount = 0;
    }
    const l1 = lambda * alpha;
    const l2 = lambda * (1 - alpha);
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      packStrong();
      const largest = sweep(null, l1, l2);
      if (sweepViolation <= kktTarget || largest < tolerance) return true;
      nonzero.length = 0;
      for (let q = 0; q < strong.length; q++) if (beta[strong[q]!] !== 0) nonzero.push(q);
      startHistory(nonzero.length);
      for (let inner = 0; inner < MAX_PASSES; inner++) {
        const moved = sweep(nonzero, l1, l2);
        if (sweepViolation <= kktTarget || moved < tolerance) break;
        if (accelerated) recordAndExtrapolate(nonzero, l1, l2);
      }
    }
    return false;
  };

  /**
   * Anderson acceleration of the sweeps over the nonzero columns (solvers/anderson.ts, as the
   * covariance-mode descent has it): after every ANDERSON_DEPTH + 1 sweeps, β moves to the
   * combination of the last iterates that cancels their common error, if that lowers the
   * quadratic's objective. Coordinate descent on a lasso whose active columns are many
   * and correlated — a wide sparse design's late λ, 15000 of them at n = 20000 — converges
   * linearly at a rate near 1, and its iterates then lie along a few slow directions that the
   * combination removes.
   */
  // the last ANDERSON_DEPTH + 1 iterates, each `stride` numbers: β over the positions, then b₀
  let history = new Float64Array(0);
  let stride = 0;
  let recorded = 0;
  const differences = new Float64Array(ANDERSON_DEPTH * ANDERSON_DEPTH);
  const combination = new Float64Array(ANDERSON_DEPTH);
  const startHistory = (size: number) => {
    if (stride < size + 1) {
      stride = Math.max(size + 1, 2 * stride);
      history = new Float64Array((ANDERSON_DEPTH + 1) * stride);
    }
    recorded = 0;
  };
  const moveScratch = new Float64Array(n);
  const recordAndExtrapolate = (positions: readonly number[], l1: number, l2: number) => {
    const m = positions.length;
    // β over the positions, then the intercept (the sweeps move it too)
    const slot = recorded * stride;
    for (let a = 0; a < m; a++) history[slot + a] = beta[strong[positions[a]!]!]!;
    history[slot + m] = b0;
    recorded++;
    if (recorded <= ANDERSON_DEPTH) return;
    recorded = 0;
    const M = ANDERSON_DEPTH;
    // (a coefficient that reached or left zero within the window: the sweeps were not yet in the
    // linear regime the combination assumes)
    for (let a = 0; a < m; a++) if (Math.sign(history[a]!) !== Math.sign(history[M * stride + a]!)) return;
    if (!andersonWeights(history, (k) => k * stride, M, m + 1, differences, combination)) return;
    // the move d = β_acc − β as it changes the residual: r° − Σ (d_j/s_j) x_j, o + Σ d_j m_j/s_j − d₀
    const extrapolated = history.subarray(0, stride); // (the oldest iterate, no longer needed, holds β_acc)
    moveScratch.fill(0);
    let shiftMove = 0;
    let penaltyBefore = 0;
    let penaltyAfter = 0;
    for (let a = 0; a <= m; a++) {
      let value = 0;
      for (let k = 0; k < M; k++) value += combination[k]! * history[(k + 1) * stride + a]!;
      extrapolated[a] = value;
      if (a === m) break;
      const position = positions[a]!;
      const j = strong[position]!;
      const old = beta[j]!;
      penaltyBefore += l1 * Math.abs(old) + 0.5 * l2 * old * old;
      penaltyAfter += l1 * Math.abs(value) + 0.5 * l2 * value * value;
      const step = (value - old) / scale[j]!;
      if (step === 0) continue;
      for (let t = packedPtr[position]!; t < packedPtr[position + 1]!; t++)
        moveScratch[packedRow[t]!]! += step * packedValue[t]!;
      shiftMove += step * mean[j]!;
    }
    const interceptMove = intercept ? extrapolated[m]! - b0 : 0;
    shiftMove -= interceptMove;
    let lossBefore = 0;
    let lossAfter = 0;
    for (let i = 0; i < n; i++) {
      const r = residual[i]! + shift;
      lossBefore += weight[i]! * r * r;
      const moved = r - moveScratch[i]! + shiftMove;
      lossAfter += weight[i]! * moved * moved;
    }
    if (!(0.5 * lossAfter + penaltyAfter < 0.5 * lossBefore + penaltyBefore)) return;
    for (let a = 0; a < m; a++) beta[strong[positions[a]!]!] = extrapolated[a]!;
    b0 += interceptMove;
    for (let i = 0; i < n; i++) {
      residual[i]! -= moveScratch[i]!;
      weightedResidual -= weight[i]! * moveScratch[i]!;
    }
    shift += shiftMove;
  };

  /** Sets the quadratic at the current η: weights, working residual r° (o = 0), their sums. */
  const setQuadratic = () => {
    // the gaussian family's weights never change, so neither do its columns' sums and curvatures
    if (familyName !== "gaussian") fresh.fill(0);
    weightTotal = 0;
    weightedResidual = 0;
    shift = 0;
    for (let i = 0; i < n; i++) {
      let w: number;
      let r: number;
      if (familyName === "gaussian") {
        w = 1 / n;
        r = y[i]! / yScale - eta[i]!;
      } else {
        const mu = sigmoid(eta[i]!);
        const variance = Math.max(mu * (1 - mu), CURVATURE_FLOOR);
        w = variance / n;
        r = (y[i]! - mu) / variance;
      }
      weight[i] = w;
      residual[i] = r;
      weightTotal += w;
      weightedResidual += w * r;
    }
    weighPacked(0);
    if (familyName !== "gaussian") quadraticVersion++;
  };

  const savedBeta = new Float64Array(p);
  const savedEta = new Float64Array(familyName === "binomial" ? n : 0);
  /**
   * The binomial objective's change from (savedEta, savedBeta) to the current (eta, beta), summed
   * as changes: per row softplus(η′) − softplus(η) − y·(η′ − η), the softplus difference as
   * log1p(σ(η)·expm1(η′ − η)), exact to rounding for a small move (the difference of the two
   * softplus values loses the move in their rounding); the penalty's over the strong set.
   */
  const objectiveChange = (lambda: number) => {
    let change = 0;
    for (let i = 0; i < n; i++) {
      const move = eta[i]! - savedEta[i]!;
      if (move !== 0) change += Math.log1p(sigmoid(savedEta[i]!) * Math.expm1(move)) - y[i]! * move;
    }
    change /= n;
    for (const j of strong) {
      const now = beta[j]!;
      const then = savedBeta[j]!;
      change +=
        lambda * (alpha * (Math.abs(now) - Math.abs(then)) + ((1 - alpha) / 2) * (now * now - then * then));
    }
    return change;
  };
  const stepBeta = new Float64Array(p);
  let previousLambda = lambdaMax;
  for (let k = 0; k < lambdas.length; k++) {
    const lambda = lambdas[k]!;
    // the strong set from the gradient at the previous solution
    strong.length = 0;
    packedCount = 0;
    kernelCount = 0;
    inStrong.fill(0);
    const cut = alpha * (2 * lambda - previousLambda);
    // a default grid's first λ is λ_max, where every coefficient is exactly 0: nothing to solve
    // (a descent there would leave the largest column at ±1e-15, and df 1, from rounding)
    const atLambdaMax = k === 0 && !options.lambda;
    for (let j = 0; j < p && !atLambdaMax; j++)
      if (usable[j] && (everActive[j] || Math.abs(gradient[j]!) >= cut)) {
        strong.push(j);
        inStrong[j] = 1;
      }
    let innerTolerance = 1e-2 * (target * gradientScale) ** 2;
    // the quadratic's own KKT target: half the path's, in the quadratic's gradient units (the
    // binomial's weights carry 1/n as the gradient does, so the units agree)
    let kktTarget = 0.5 * target * gradientScale;
    let certificate = Number.POSITIVE_INFINITY;
    let converged = false;
    let loss = 0;
    // the violation at the start: the previous solution's gradient against this λ
    let violation = kktViolation(lambda, 0);
    for (let round = 0; round < 200; round++) {
      setQuadratic();
      const before = familyName === "binomial" ? lossAndResidualAt() + penalty(lambda) : 0;
      if (familyName === "binomial") savedEta.set(eta);
      savedBeta.set(beta);
      const savedIntercept = b0;
      // an inexact Newton step (binomial): each quadratic solved only as finely as the true
      // problem's current violation warrants, down to the target as the steps converge
      const stepTarget = familyName === "binomial" ? Math.max(kktTarget, 0.1 * violation) : kktTarget;
      descend(lambda, innerTolerance, stepTarget);
      refreshEta();
      loss = lossAndResidual();
      // A Newton step that raises the objective (rare, far from the optimum) is shortened. Near
      // the optimum a step's gain is below the rounding of the loss itself (a sum over the rows:
      // 1e-13 of it at n = 20000), so the step's change is summed as such — row by row, each
      // softplus difference by a formula exact for small moves (objectiveChange) — and a rise
      // within 1e-15 of the objective is no rise. Comparing the two losses instead rejected
      // steps for their rounding: on the 20000 × 100000 design one λ's steps rose by 1.5–4e-13 of
      // it, were halved 15–30 times each for 15 rounds, and its certificate stalled at 2.1e-6
      // while the steps would have gone on (and before the allowance was 1e-13, four λ stalled
      // uncertified for 200 rounds).
      // (t is the share of the full step: it was applied to the step already shortened, so the
      // fifth halving left 2^-15 of it, not 2^-5)
      if (familyName === "binomial") stepBeta.set(beta);
      const stepIntercept = b0;
      for (
        let halving = 1;
        familyName === "binomial" && objectiveChange(lambda) > 1e-15 * Math.abs(before) && halving <= 30;
        halving++
      ) {
        const t = 0.5 ** halving;
        for (const j of strong) beta[j] = savedBeta[j]! + t * (stepBeta[j]! - savedBeta[j]!);
        b0 = savedIntercept + t * (stepIntercept - savedIntercept);
        refreshEta();
        loss = lossAndResidual();
      }
      const interceptGradient = fullGradient();
      violation = kktViolation(lambda, interceptGradient);
      certificate = violation / gradientScale;
      if (certificate <= target) {
        converged = true;
        break;
      }
      // columns the strong rule left out that now violate their conditions join the set
      let added = 0;
      for (let j = 0; j < p; j++)
        if (usable[j] && !inStrong[j] && Math.abs(gradient[j]!) > lambda * alpha) {
          strong.push(j);
          inStrong[j] = 1;
          added++;
        }
      // nothing to add: the quadratic was not solved finely enough
      if (added === 0 && (familyName === "gaussian" || round > 20)) {
        innerTolerance = Math.max(innerTolerance * 1e-2, 1e-300);
        kktTarget *= 0.1;
      }
    }
    previousLambda = lambda;

    // report in the user's units: b_j = yScale·β_j/s_j, b₀ = yScale·(b0 − Σ β_j m_j/s_j)
    const coefficients = new Array<number>(p).fill(0);
    let a0 = b0;
    let df = 0;
    for (let j = 0; j < p; j++) {
      if (beta[j] === 0) continue;
      df++;
      coefficients[j] = (yScale * beta[j]!) / scale[j]!;
      a0 -= (beta[j]! * mean[j]!) / scale[j]!;
    }
    const deviance = toUserDeviance(loss);
    const devRatio = 1 - deviance / nullDeviance;
    result.lambda.push(lambda * yScale);
    result.a0.push(a0 * yScale);
    result.beta.push(coefficients);
    result.devRatio.push(devRatio);
    result.df.push(df);
    // glmnet's objective in the user's units (for the gaussian family, yScale² times the scaled one:
    // ½RSS/n + λα‖β̃‖₁ + λ(1−α)/2·‖β̃‖²/sd(y), β̃ the coefficients on standardized columns)
    result.objective.push(yScale * yScale * (loss + penalty(lambda)));
    result.certificate.push(certificate);
    result.converged.push(converged);
    if ((options.earlyStop ?? true) && k >= 4 && (family.gainIsSmall(result.devRatio, k) || devRatio > 0.999))
      break;
  }
  return result;

  /** The binomial loss at the current η (before a Newton step), leaving `residual` as it is. */
  function lossAndResidualAt() {
    let loss = 0;
    for (let i = 0; i < n; i++) loss += softplus(eta[i]!) - y[i]! * eta[i]!;
    return loss / n;
  }
}

/**
 * The gaussian path's sufficient statistics of a sparse design — n, the means and the covariance
 * of [X, y] — from one pass over its rows (each row's nonzeros multiplied pairwise: n·(nonzeros per
 * row)² operations) and one over its columns (Xᵀy): the p × p Gram glmnet's covariance mode
 * builds, never the n × p matrix. The covariance comes from raw moments (Σxx/n − m·m), which is
 * exact enough where the means are small against the spreads, as a sparse column's are.
 */
export function sparseStatistics(data: SparseDataset): GaussianStatistics {
  const { n, p, colPtr, rowIdx, values } = data.x;
  const m = p + 1;
  const y = data.y;
  // compressed sparse rows, for the row pass
  const rowPtr = new Int32Array(n + 1);
  for (let a = 0; a < rowIdx.length; a++) rowPtr[rowIdx[a]! + 1]!++;
  for (let i = 0; i < n; i++) rowPtr[i + 1]! += rowPtr[i]!;
  const next = rowPtr.slice(0, n);
  const rowColumn = new Int32Array(rowIdx.length);
  const rowValue = new Float64Array(rowIdx.length);
  for (let j = 0; j < p; j++)
    for (let a = colPtr[j]!; a < colPtr[j + 1]!; a++) {
      const slot = next[rowIdx[a]!]!++;
      rowColumn[slot] = j;
      rowValue[slot] = values[a]!;
    }
  const covariance = new Float64Array(m * m);
  // the row pass by slabs of the matrix's rows that the cache holds (1 MB): a row's products whose
  // first column falls in the slab, every row, then the next slab. Scattered into the whole
  // matrix at once (8 MB at p = 1000), most updates missed the cache. Each entry still sums its
  // rows in their order, so the sums are the same to the last bit.
  const slab = Math.max(1, Math.floor((1 << 17) / m));
  const cursor = rowPtr.slice(0, n); // each row's first product not yet summed
  for (let low = 0; low < p; low += slab) {
    const high = low + slab;
    for (let i = 0; i < n; i++) {
      const end = rowPtr[i + 1]!;
      let f = cursor[i]!;
      for (; f < end && rowColumn[f]! < high; f++) {
        const row = rowColumn[f]! * m;
        const v = rowValue[f]!;
        for (let g = f; g < end; g++) covariance[row + rowColumn[g]!]! += v * rowValue[g]!;
      }
      cursor[i] = f;
    }
  }
  const mean = new Float64Array(m);
  let yMean = 0;
  for (let i = 0; i < n; i++) yMean += y[i]!;
  yMean /= n;
  mean[p] = yMean;
  let yy = 0;
  for (let i = 0; i < n; i++) yy += (y[i]! - yMean) ** 2;
  for (let j = 0; j < p; j++) {
    let sum = 0;
    let xy = 0;
    for (let a = colPtr[j]!; a < colPtr[j + 1]!; a++) {
      sum += values[a]!;
      xy += values[a]! * (y[rowIdx[a]!]! - yMean);
    }
    mean[j] = sum / n;
    // Σ (x − m)(y − ȳ) = Σ x (y − ȳ), since Σ (y − ȳ) = 0
    covariance[j * m + p] = xy / n;
    covariance[p * m + j] = xy / n;
  }
  covariance[p * m + p] = yy / n;
  for (let j = 0; j < p; j++)
    for (let l = j; l < p; l++) {
      const value = covariance[j * m + l]! / n - mean[j]! * mean[l]!;
      covariance[j * m + l] = value;
      covariance[l * m + j] = value;
    }
  return {
    n,
    weightTotal: n,
    featureNames: data.featureNames,
    targetName: data.targetName,
    mean,
    covariance,
    source: data.source,
  };
}

/**
 * The statistics route's own checks: a constant target leaves nothing to explain, and constant
 * features (every one) nothing to explain it with — the path would have λ_max = 0.
 */
function checkStatisticsTarget(data: SparseDataset, statistics: GaussianStatistics) {
  const p = statistics.featureNames.length;
  const file = displayName(data.source, 200);
  if (!(statistics.covariance[p * (p + 1) + p]! > 0)) throw new DataError("sparse.constantTarget", { file });
  let varies = false;
  for (let j = 0; j < p && !varies; j++) varies = statistics.covariance[j * (p + 1) + j]! > 0;
  if (!varies) throw new DataError("sparse.nothingToFit", { file });
}
