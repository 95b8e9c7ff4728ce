/**
 * Block coordinate descent for the multi-response gaussian family (glmnet's "mgaussian"): K
 * responses share one design, and a column's K coefficients β_j enter or leave together,
 *
 *   minimize  ½ Σ_i w_i ‖y_i − β₀ − B̃ᵀx̃_i‖² + λ Σ_j pf_j ((1−α)/2 ‖β_j‖² + α ‖β_j‖),   Σ w = 1.
 *
 * With the other columns fixed, column j's problem is ½ v_j ‖β_j − z/v_j‖² + its penalty, where
 * v_j = Σ w x̃_ij² and z = X̃_jᵀ W R + v_j β_j (R the residuals), so its exact minimizer is the group
 * soft threshold
 *
 *   β_j = (1 − λα pf_j / ‖z‖)₊ · z / (v_j + λ(1−α) pf_j)
 *
 * — the lasso's soft threshold applied to the length of z rather than to each entry. A λ is solved
 * on an active set (the sequential strong rule's columns and every nonzero one), then certified by
 * the KKT conditions over every column; violators join and the descent goes on.
 *
 * Two modes, as glmnet's: for a tall design of at most COVARIANCE_MOST columns the Gram G = X̃ᵀWX̃
 * and X̃ᵀWY are computed once (SIMD passes over the rows) and every column's X̃_jᵀWR is kept up to
 * date from them — a coordinate step costs p·K, not 2·n·K — which on correlated columns, where
 * coordinate descent needs many sweeps, is most of the time; otherwise the residuals are kept and
 * each step reads its column.
 */
import { designProducts, gramFunction } from "../../kernels/gramKernel.js";
import type { Design } from "../design.js";

const MAX_SWEEPS = 100_000;
/** Up to this many columns (and fewer than the rows) the descent runs on the Gram (glmnet's 500). */
const COVARIANCE_MOST = 500;

export interface GroupProblem {
  n: number;
  p: number;
  K: number;
  x: Float64Array;
  w: Float64Array;
  usable: Uint8Array;
  alpha: number;
  penaltyFactor: Float64Array;
  /** v_j = Σ_i w_i x̃_ij²: 1 for a standardized, centred column. */
  squares: Float64Array;
  /** β (standardized columns), column j's K coefficients at j·K … j·K + K − 1. */
  beta: Float64Array;
  /** The residuals, one array of n per response. */
  residual: Float64Array[];
  /** z's first part, X̃_jᵀ W R, for every column (current after a certificate; always, with a Gram). */
  gradient: Float64Array;
  /** Covariance mode: G = X̃ᵀWX̃ (p × p), X̃ᵀWY (p × K) and Σ_k yᵀWy; null in naive mode (residuals kept). */
  gram: Float64Array | null;
  cross: Float64Array | null;
  responseSquares: number;
  active: Uint8Array;
  activeList: Int32Array;
  activeCount: number;
  /** Scratch: one column's K values; W R for the gradients. */
  scratch: Float64Array;
  weighted: Float64Array[];
  /** Coordinate sweeps along the path (for the bench). */
  sweeps: number;
}

/** The problem for centred (or, without an intercept, raw) responses; β starts at 0. */
export function createGroupProblem(
  design: Design,
  responses: readonly Float64Array[],
  alpha: number,
  penaltyFactor: Float64Array,
): GroupProblem {
  const { n, p, x, w, usable } = design;
  const K = responses.length;
  const squares = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    if (!usable[j]) continue;
    const column = j * n;
    let total = 0;
    for (let i = 0; i < n; i++) total += w[i]! * x[column + i]! * x[column + i]!;
    squares[j] = total;
  }
  const covariance = p <= COVARIANCE_MOST && n > p;
  let gram: Float64Array | null = null;
  let cross: Float64Array | null = null;
  let responseSquares = 0;
  if (covariance) {
    // one pass over the rows for G (SIMD), one per response for X̃ᵀWy
    gram = new Float64Array(p * p);
    gramFunction()(x, n, p, w, gram, new Float64Array(n));
    cross = new Float64Array(p * K);
    const columns = Int32Array.from({ length: p }, (_, j) => j);
    const products = designProducts();
    const weighted = new Float64Array(n);
    const values = new Float64Array(p);
    for (let k = 0; k < K; k++) {
      const y = responses[k]!;
      for (let i = 0; i < n; i++) {
        weighted[i] = w[i]! * y[i]!;
        responseSquares += weighted[i]! * y[i]!;
      }
      products.transposeTimes(x, n, p, columns, p, weighted, values);
      for (let j = 0; j < p; j++) cross[j * K + k] = values[j]!;
    }
    for (let j = 0; j < p; j++) if (usable[j]) squares[j] = gram[j * p + j]!;
  }
  const problem: GroupProblem = {
    n,
    p,
    K,
    x,
    w,
    usable,
    alpha,
    penaltyFactor,
    squares,
    beta: new Float64Array(p * K),
    residual: covariance ? [] : responses.map((y) => Float64Array.from(y)),
    gradient: new Float64Array(p * K),
    gram,
    cross,
    responseSquares,
    active: new Uint8Array(p),
    activeList: new Int32Array(p),
    activeCount: 0,
    scratch: new Float64Array(K),
    weighted: covariance ? [] : responses.map(() => new Float64Array(n)),
    sweeps: 0,
  };
  computeGradients(problem);
  return problem;
}

/** X̃_jᵀ W R for every usable column. */
function computeGradients(problem: GroupProblem): void {
  const { n, p, K, x, w, usable, residual, gradient, weighted, gram, cross, beta } = problem;
  if (gram && cross) {
    // X̃ᵀWR = X̃ᵀWY − G B, afresh (the steps' updates drift by rounding)
    for (let j = 0; j < p; j++) {
      if (!usable[j]) continue;
      for (let k = 0; k < K; k++) {
        let total = cross[j * K + k]!;
        for (let l = 0; l < p; l++) {
          const b = beta[l * K + k]!;
          if (b !== 0) total -= gram[j * p + l]! * b;
        }
        gradient[j * K + k] = total;
      }
    }
    return;
  }
  for (let k = 0; k < K; k++) {
    const r = residual[k]!;
    const target = weighted[k]!;
    for (let i = 0; i < n; i++) target[i] = w[i]! * r[i]!;
  }
  for (let j = 0; j < p; j++) {
    if (!usable[j]) continue;
    const column = j * n;
    for (let k = 0; k < K; k++) {
      const r = weighted[k]!;
      let total = 0;
      for (let i = 0; i < n; i++) total += x[column + i]! * r[i]!;
      gradient[j * K + k] = total;
    }
  }
}

const norm = (values: Float64Array, offset: number, K: number) => {
  let total = 0;
  for (let k = 0; k < K; k++) total += values[offset + k]! * values[offset + k]!;
  return Math.sqrt(total);
};

/** The largest ‖X̃_jᵀ W y‖ / pf_j over the columns: λ_max · α (glmnet's, from the null model's residuals). */
export function largestNullGradient(problem: GroupProblem): number {
  const { p, K, usable, penaltyFactor, gradient } = problem;
  let largest = 0;
  for (let j = 0; j < p; j++) {
    if (!usable[j] || !(penaltyFactor[j]! > 0)) continue;
    largest = Math.max(largest, norm(gradient, j * K, K) / penaltyFactor[j]!);
  }
  return largest;
}

/** The largest ‖X̃_jᵀ W R‖ over the usable columns, penalized or not (a scale for the unpenalized fit). */
export function largestGradient(problem: GroupProblem): number {
  const { p, K, usable, gradient } = problem;
  let largest = 0;
  for (let j = 0; j < p; j++) if (usable[j]) largest = Math.max(largest, norm(gradient, j * K, K));
  return largest;
}

/** The KKT violation of column j at λ (gradient units), from problem.gradient. */
function violationOf(problem: GroupProblem, j: number, lambda: number): number {
  const { K, alpha, penaltyFactor, beta, gradient } = problem;
  const pf = penaltyFactor[j]!;
  const size = norm(beta, j * K, K);
  if (size === 0) return Math.max(0, norm(gradient, j * K, K) - lambda * alpha * pf);
  // g_j − λ(1−α)pf β_j − λα pf β_j/‖β_j‖ = 0 when optimal
  let total = 0;
  for (let k = 0; k < K; k++) {
    const b = beta[j * K + k]!;
    const d = gradient[j * K + k]! - lambda * (1 - alpha) * pf * b - (lambda * alpha * pf * b) / size;
    total += d * d;
  }
  return Math.sqrt(total);
}

function join(problem: GroupProblem, j: number): boolean {
  if (problem.active[j]) return false;
  problem.active[j] = 1;
  problem.activeList[problem.activeCount++] = j;
  return true;
}

/** One sweep over the active columns; returns the largest move in gradient units (v_j·‖Δβ_j‖). */
function sweep(problem: GroupProblem, lambda: number): number {
  const { n, p, K, x, w, alpha, penaltyFactor, squares, beta, residual, activeList, activeCount, scratch } =
    problem;
  const { gram, gradient } = problem;
  problem.sweeps++;
  let largest = 0;
  for (let a = 0; a < activeCount; a++) {
    const j = activeList[a]!;
    const v = squares[j]!;
    const pf = penaltyFactor[j]!;
    const column = j * n;
    // z = X̃_jᵀ W R + v β_j
    let size = 0;
    for (let k = 0; k < K; k++) {
      let total = 0;
      if (gram) total = gradient[j * K + k]!;
      else {
        const r = residual[k]!;
        for (let i = 0; i < n; i++) total += w[i]! * x[column + i]! * r[i]!;
      }
      const z = total + v * beta[j * K + k]!;
      scratch[k] = z;
      size += z * z;
    }
    size = Math.sqrt(size);
    const threshold = lambda * alpha * pf;
    const shrink = size > threshold ? (1 - threshold / size) / (v + lambda * (1 - alpha) * pf) : 0;
    let moved = 0;
    for (let k = 0; k < K; k++) {
      const next = shrink * scratch[k]!;
      const d = next - beta[j * K + k]!;
      if (d === 0) continue;
      beta[j * K + k] = next;
      moved += d * d;
      if (gram) {
        // every column's X̃ᵀWR moves by −G[:, j] d
        for (let l = 0; l < p; l++) gradient[l * K + k]! -= gram[l * p + j]! * d;
      } else {
        const r = residual[k]!;
        for (let i = 0; i < n; i++) r[i]! -= d * x[column + i]!;
      }
    }
    moved = v * Math.sqrt(moved);
    if (moved > largest) largest = moved;
  }
  return largest;
}

/**
 * Solves at λ from the previous λ's solution. `scale` is the certificate's unit (the largest null
 * gradient); returns the certificate, max KKT violation / scale, and whether it met `target`.
 */
export function solveGroupAtLambda(
  problem: GroupProblem,
  lambda: number,
  previous: number,
  target: number,
  scale: number,
): { certificate: number; converged: boolean } {
  const { p, K, usable, alpha, penaltyFactor, beta, gradient } = problem;
  // the sequential strong rule, and every nonzero column
  for (let j = 0; j < p; j++) {
    if (!usable[j]) continue;
    if (
      norm(beta, j * K, K) > 0 ||
      norm(gradient, j * K, K) >= alpha * penaltyFactor[j]! * (2 * lambda - previous)
    )
      join(problem, j);
  }
  let inner = 0.1 * target * scale;
  let certificate = Number.POSITIVE_INFINITY;
  for (let sweeps = 0; sweeps < MAX_SWEEPS; ) {
    while (sweeps < MAX_SWEEPS) {
      sweeps++;
      if (sweep(problem, lambda) <= inner) break;
    }
    computeGradients(problem);
    let worst = 0;
    let joined = false;
    for (let j = 0; j < p; j++) {
      if (!usable[j]) continue;
      const violation = violationOf(problem, j, lambda);
      if (violation > worst) worst = violation;
      if (!problem.active[j] && violation > 0 && join(problem, j)) joined = true;
    }
    certificate = worst / scale;
    if (certificate <= target) return { certificate, converged: true };
    // a column that joined needs sweeps; otherwise the sweeps were stopped too early
    if (!joined) inner *= 0.1;
    if (inner < 1e-3 * Number.EPSILON * scale) break;
  }
  return { certificate, converged: certificate <= target };
}

/** λ Σ_j pf_j ((1−α)/2 ‖β_j‖² + α‖β_j‖). */
export function groupPenalty(problem: GroupProblem, lambda: number): number {
  const { p, K, alpha, penaltyFactor, beta } = problem;
  let total = 0;
  for (let j = 0; j < p; j++) {
    const size = norm(beta, j * K, K);
    if (size === 0) continue;
    total += penaltyFactor[j]! * (0.5 * (1 - alpha) * size * size + alpha * size);
  }
  return lambda * total;
}

/** Σ_k Σ_i w_i r_ik²: twice the loss. */
export function residualSquares(problem: GroupProblem): number {
  const { n, p, K, w, residual, gram, cross, beta, responseSquares } = problem;
  if (gram && cross) {
    // RSS = Σ yᵀWy − 2 Σ βᵀ X̃ᵀWY + Σ βᵀ G β, over the responses
    let total = responseSquares;
    for (let k = 0; k < K; k++)
      for (let a = 0; a < p; a++) {
        const ba = beta[a * K + k]!;
        if (ba === 0) continue;
        let row = 0;
        for (let b = 0; b < p; b++) {
          const bb = beta[b * K + k]!;
          if (bb !== 0) row += gram[a * p + b]! * bb;
        }
        total += ba * (row - 2 * cross[a * K + k]!);
      }
    return Math.max(total, 0);
  }
  let total = 0;
  for (const r of residual) for (let i = 0; i < n; i++) total += w[i]! * r[i]! * r[i]!;
  return total;
}
