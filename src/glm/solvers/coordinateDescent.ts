/**
 * Coordinate descent for the penalized weighted least-squares problem that every GLM path solves
 * (the whole problem for the gaussian family, the inner quadratic step for the binomial one):
 *
 *   minimize over β₀, β   ½ Σ_i v_i (z_i − β₀ − x̃_iᵀβ)² + λ Σ_j pf_j (α|β_j| + (1−α)/2 β_j²)
 *
 * kept as the residual r = z − β₀ − x̃β. The update of one coordinate, with g_j = Σ_i v_i x̃_ij r_i
 * and xv_j = Σ_i v_i x̃_ij², is exact:
 *
 *   β_j ← S(g_j + xv_j β_j, λα·pf_j) / (xv_j + λ(1−α)·pf_j),   S(u, t) = sign(u)·max(|u| − t, 0)
 *
 * What makes it fast (Friedman, Hastie & Tibshirani 2010; Tibshirani et al. 2012):
 * - warm starts: each λ starts from the previous solution;
 * - sequential strong rule: only j with |g_j| ≥ α(2λ − λ_prev)·pf_j (or already in a model) are
 *   cycled; afterwards the KKT conditions are checked on all the others, and violators join;
 * - active-set cycling: after a pass over the strong set, passes run over the nonzero coefficients
 *   only, until they settle, then one more full pass confirms.
 * - covariance updates (glmnet's "type.gaussian = covariance", when p is small): with the weighted
 *   Gram matrix G_jk = Σ_i v_i x̃_ij x̃_ik, every g_j is kept current by g_j −= G_jk·Δβ_k, so an
 *   update costs O(p) instead of the O(n) of recomputing g_j from the residual.
 * - Anderson acceleration (Bertrand & Massias 2021, as in celer and skglm): every K passes over the
 *   active set, the last K + 1 iterates are combined into the point their differences say the
 *   sequence is heading to, which is taken only if the objective drops. On correlated designs,
 *   where plain coordinate descent crawls, it saves most of the passes. (Covariance mode, no
 *   intercept to update: the gaussian family.)
 * Convergence: a pass whose largest xv_j·Δβ_j² (and Σv·Δβ₀²) is below `tolerance`.
 */

import { softThreshold } from "../../core/penalty.js";
import { designProducts, gramFunction, streamedGramFunction } from "../../kernels/gramKernel.js";
import type { DesignRows } from "../design.js";
import type { PolishScratch } from "./activeSetPolish.js";
import { andersonWeights } from "./anderson.js";
import { computeXv } from "./quadraticState.js";

export interface QuadraticState {
  n: number;
  p: number;
  /** Standardized features, column-major (a design's are built on first read: see Design.x). */
  readonly x: Float64Array;
  /**
   * The design's rows while its x is not built (Design.rows): covariance mode then streams the
   * Gram from them and never builds x, unless something else reads it.
   */
  readonly rows?: DesignRows | null;
  /** Weights v_i of this quadratic. */
  v: Float64Array;
  /** Σ_i v_i x̃_ij² per column. */
  xv: Float64Array;
  /** Residual z − β₀ − x̃β, kept up to date by every update. */
  r: Float64Array;
  beta: Float64Array;
  intercept: number;
  /** Update β₀ too (binomial); the gaussian family centres instead and leaves it alone. */
  fitIntercept: boolean;
  alpha: number;
  penaltyFactor: Float64Array;
  usable: Uint8Array;
  /** Columns that have been in a model along the path (they stay candidates). */
  ever: Uint8Array;
  /** Scratch: which columns are cycled. */
  strong: Uint8Array;
  /**
   * Covariance mode: the Gram matrix G (p × p) of the current weights, the gradients g_j and g₀ kept
   * current, and vx_j = Σ v x̃_j (how β₀ moves g_j). null: naive mode, g_j recomputed from r.
   */
  covariance: {
    gram: Float64Array;
    gradient: Float64Array;
    vx: Float64Array;
    gradient0: number;
    vSum: number;
    /** Scratch: v ⊙ x̃_j, one column at a time. */
    weighted: Float64Array;
    /** A column of n ones (so the Gram sweep also gives Σ v x̃_j and Σ v). */
    ones: Float64Array;
    /** Scratch: the Gram of [X̃, r, 1] (of [X̃_W, r, 1] for a working set). */
    extended: Float64Array;
  } | null;
  /**
   * Box constraints on the standardized coefficients (glmnet's lower.limits / upper.limits times
   * the column's scale): lower_j ≤ β_j ≤ upper_j, lower ≤ 0 ≤ upper. Each coordinate update is
   * clamped (exact: a convex function of one variable is minimized over an interval at the clamp
   * of its unconstrained minimizer); the KKT check becomes one-sided at a bound.
   */
  bounds?: { lower: Float64Array; upper: Float64Array };
  /** Scratch for Anderson acceleration (allocated on first use). */
  anderson?: AndersonScratch;
  /** Scratch for the active-set polish (allocated on first use; see activeSetPolish.ts). */
  polish?: PolishScratch;
}

/** Iterates kept for Anderson extrapolation: the last K + 1 coefficient vectors. */
interface AndersonScratch {
  iterates: Float64Array;
  count: number;
  /** The extrapolation's weights (anderson.ts). */
  linear: Float64Array;
  /** The K × K system (UᵀU + εI) solved for them. */
  system: Float64Array;
  b: Float64Array;
  trial: Float64Array;
}

/** How many passes Anderson acceleration looks back over. */
const ANDERSON_DEPTH = 5;

/**
 * Largest p for which coordinate descent alone uses covariance mode (glmnet's default rule: above
 * it, passes of O(n) updates beat keeping a p × p Gram matrix current).
 */
export const COVARIANCE_MAX_P = 500;

/**
 * Largest p for which elasticNetPath keeps the whole Gram matrix of a design: a gaussian one with
 * n ≥ p (its active-set solver needs far fewer passes than coordinate descent, so the Gram pays off
 * well above glmnet's 500), or a ridge (α = 0, every column in the model) of either family. The
 * bound is memory: the Gram and the factor, 64 MB at 2000. Other designs are solved on a working
 * set (workingSet.ts), whose Gram grows with the model, not with p.
 */
export const ACTIVE_SET_MAX_P = 2000;

/**
 * Builds G, vx, the gradients and xv = diag(G) for the current v and r (call after changing v);
 * in naive mode (p > maxP) only xv. G goes into `target` when given (p × p numbers). One sweep of the Gram kernel over [X̃, r, 1] gives them all:
 * G = X̃ᵀVX̃, g = X̃ᵀVr, vx = X̃ᵀv, g₀ = Σ v r and Σ v.
 */
export function prepareCovariance(
  state: QuadraticState,
  maxP = COVARIANCE_MAX_P,
  target?: Float64Array,
): void {
  const { n, p, v, r } = state;
  if (p > maxP) {
    state.covariance = null;
    computeXv(state);
    return;
  }
  const previous = state.covariance;
  // buffers are reused from the previous state (G perhaps in a factor's workspace by now)
  // (or where the caller wants G: an active-set factor's workspace, so it is not copied there)
  const gram =
    target ?? (previous && previous.gram.length >= p * p ? previous.gram : new Float64Array(p * p));
  const gradient = previous?.gradient ?? new Float64Array(p);
  const vx = previous?.vx ?? new Float64Array(p);
  const weighted = previous?.weighted ?? new Float64Array(n);
  const ones = previous?.ones ?? new Float64Array(n).fill(1);
  // the Gram of [X̃, r, 1] (r and 1 are the extra columns p and p + 1): O(n·p²/2), in
  // WebAssembly SIMD where it loads
  const size = p + 2;
  const extended =
    previous?.extended.length === size * size ? previous.extended : new Float64Array(size * size);
  const rows = state.rows;
  if (rows) streamedGramFunction()(rows.x, n, p, rows.centre, rows.inverse, v, extended, weighted, [r, ones]);
  else gramFunction()(state.x, n, p, v, extended, weighted, undefined, [r, ones]);
  for (let j = 0; j < p; j++) {
    const row = j * size;
    gram.set(extended.subarray(row, row + p), j * p);
    gradient[j] = extended[row + p]!;
    vx[j] = extended[row + p + 1]!;
    state.xv[j] = extended[row + j]!;
  }
  const gradient0 = extended[p * size + p + 1]!;
  const vSum = extended[(p + 1) * size + p + 1]!;
  state.covariance = {
    gram,
    gradient,
    vx,
    gradient0,
    vSum,
    weighted,
    ones,
    extended,
  };
}

/** (G·vector)_j over the nonzero entries of `vector`, each G[j, k] read as G[k, j] (G is symmetric). */
function gramTimes(gram: Float64Array, p: number, j: number, vector: Float64Array): number {
  let sum = 0;
  for (let k = 0; k < p; k++) if (vector[k] !== 0) sum += gram[k * p + j]! * vector[k]!;
  return sum;
}

/** r = z − β₀ − x̃β recomputed from scratch, given the working response z = r + fit at preparation. */
export function residualFromGradientState(state: QuadraticState, z: Float64Array): void {
  const { n, p, x, beta, r } = state;
  for (let i = 0; i < n; i++) r[i] = z[i]! - state.intercept;
  for (let j = 0; j < p; j++) {
    const b = beta[j]!;
    if (b === 0) continue;
    const column = j * n;
    for (let i = 0; i < n; i++) r[i]! -= b * x[column + i]!;
  }
}

/** g_j = Σ_i v_i x̃_ij r_i (read from the kept gradients in covariance mode). */
export function columnGradient(state: QuadraticState, j: number): number {
  if (state.covariance) return state.covariance.gradient[j]!;
  const { n, x, v, r } = state;
  const column = j * n;
  let g = 0;
  for (let i = 0; i < n; i++) g += v[i]! * x[column + i]! * r[i]!;
  return g;
}

/** One coordinate update; returns xv_j·Δβ_j². */
function updateCoordinate(state: QuadraticState, j: number, lambda: number): number {
  const { n, x, r, beta, alpha, penaltyFactor } = state;
  const old = beta[j]!;
  const xv = state.xv[j]!;
  const u = columnGradient(state, j) + xv * old;
  let updated =
    softThreshold(u, lambda * alpha * penaltyFactor[j]!) / (xv + lambda * (1 - alpha) * penaltyFactor[j]!);
  const bounds = state.bounds;
  if (bounds) updated = Math.min(Math.max(updated, bounds.lower[j]!), bounds.upper[j]!);
  const delta = updated - old;
  if (delta === 0) return 0;
  beta[j] = updated;
  const cov = state.covariance;
  if (cov) {
    const gram = cov.gram;
    const gradient = cov.gradient;
    const p = state.p;
    const row = j * p;
    for (let k = 0; k < p; k++) gradient[k]! -= delta * gram[row + k]!;
    cov.gradient0 -= delta * cov.vx[j]!;
  } else {
    const column = j * n;
    for (let i = 0; i < n; i++) r[i]! -= delta * x[column + i]!;
  }
  return xv * delta * delta;
}

function updateIntercept(state: QuadraticState): number {
  if (!state.fitIntercept) return 0;
  const cov = state.covariance;
  if (cov) {
    const delta = cov.gradient0 / cov.vSum;
    if (delta === 0) return 0;
    state.intercept += delta;
    cov.gradient0 = 0;
    for (let k = 0; k < state.p; k++) cov.gradient[k]! -= delta * cov.vx[k]!;
    return cov.vSum * delta * delta;
  }
  const { n, v, r } = state;
  let sum = 0;
  let weight = 0;
  for (let i = 0; i < n; i++) {
    sum += v[i]! * r[i]!;
    weight += v[i]!;
  }
  const delta = sum / weight;
  if (delta === 0) return 0;
  state.intercept += delta;
  for (let i = 0; i < n; i++) r[i]! -= delta;
  return weight * delta * delta;
}

/** A pass over the columns flagged in `set` (all strong ones, or only the nonzero). Returns the largest change. */
function pass(state: QuadraticState, lambda: number, onlyNonzero: boolean): number {
  let largest = updateIntercept(state);
  for (let j = 0; j < state.p; j++) {
    if (!state.strong[j] || (onlyNonzero && state.beta[j] === 0)) continue;
    largest = Math.max(largest, updateCoordinate(state, j, lambda));
  }
  return largest;
}

/** The quadratic objective ½βᵀGβ − bᵀβ + λΣpf(α|β| + (1−α)/2 β²), over the nonzero entries of β. */
function quadraticObjective(
  state: QuadraticState,
  beta: Float64Array,
  b: Float64Array,
  lambda: number,
): number {
  const { p, alpha, penaltyFactor } = state;
  const gram = state.covariance!.gram;
  let value = 0;
  for (let j = 0; j < p; j++) {
    const bj = beta[j]!;
    if (bj === 0) continue;
    const row = gramTimes(gram, p, j, beta);
    value +=
      0.5 * bj * row -
      b[j]! * bj +
      lambda * penaltyFactor[j]! * (alpha * Math.abs(bj) + 0.5 * (1 - alpha) * bj * bj);
  }
  return value;
}

/** Records the current β; every K passes tries the Anderson point and keeps it if it is better. */
function andersonStep(state: QuadraticState, lambda: number): void {
  const { p } = state;
  const K = ANDERSON_DEPTH;
  const scratch = state.anderson!;
  scratch.iterates.set(state.beta, (scratch.count % (K + 1)) * p);
  scratch.count++;
  if (scratch.count < K + 1 || scratch.count % K !== 0) return;
  // the iterates oldest first, over the ring of K + 1
  const slot = (i: number) => ((scratch.count - K - 1 + i) % (K + 1)) * p;
  const weights = scratch.linear;
  if (!andersonWeights(scratch.iterates, slot, K, p, scratch.system, weights)) return;
  const trial = scratch.trial.fill(0);
  for (let a = 0; a < K; a++) {
    const weight = weights[a]!;
    for (let j = 0; j < p; j++) trial[j]! += weight * scratch.iterates[slot(a + 1) + j]!;
  }
  for (let j = 0; j < p; j++) if (!state.strong[j]) trial[j] = 0;
  const b = scratch.b;
  if (!(quadraticObjective(state, trial, b, lambda) < quadraticObjective(state, state.beta, b, lambda)))
    return;
  // accept: β ← trial, and the kept gradients g = b − Gβ follow
  state.beta.set(trial);
  const cov = state.covariance!;
  for (let j = 0; j < p; j++) {
    cov.gradient[j] = b[j]! - gramTimes(cov.gram, p, j, trial);
  }
}

export interface SolveResult {
  passes: number;
  converged: boolean;
}

/**
 * Solves at λ from the current state (a warm start), with strong rules from λ_prev.
 * Stops after `maxPasses` passes and reports converged: false rather than throwing.
 */
export function solveAtLambda(
  state: QuadraticState,
  lambda: number,
  previousLambda: number,
  tolerance: number,
  maxPasses = 100_000,
): SolveResult {
  const { p, alpha, penaltyFactor, usable, ever, strong } = state;
  const strongCutoff = alpha * (2 * lambda - previousLambda);
  for (let j = 0; j < p; j++) {
    strong[j] =
      usable[j] &&
      (ever[j] ||
        penaltyFactor[j] === 0 ||
        Math.abs(columnGradient(state, j)) >= strongCutoff * penaltyFactor[j]!)
        ? 1
        : 0;
  }
  // (Anderson's extrapolated point could leave the box: not with bounds)
  const accelerate = state.covariance !== null && !state.fitIntercept && !state.bounds;
  if (accelerate) {
    state.anderson ??= {
      iterates: new Float64Array((ANDERSON_DEPTH + 1) * p),
      count: 0,
      linear: new Float64Array(ANDERSON_DEPTH),
      system: new Float64Array(ANDERSON_DEPTH * ANDERSON_DEPTH),
      b: new Float64Array(p),
      trial: new Float64Array(p),
    };
    // b = Xᵀ(v⊙z) = g + Gβ: the linear term of the quadratic, fixed during this solve
    const { gram, gradient } = state.covariance!;
    for (let j = 0; j < p; j++) state.anderson.b[j] = gradient[j]! + gramTimes(gram, p, j, state.beta);
  }
  let passes = 0;
  for (;;) {
    // Cycle the strong set, settling the nonzero coefficients in between.
    for (;;) {
      passes++;
      if (pass(state, lambda, false) < tolerance || passes >= maxPasses) break;
      if (accelerate) state.anderson!.count = 0;
      while (passes < maxPasses) {
        passes++;
        if (pass(state, lambda, true) < tolerance) break;
        if (accelerate) andersonStep(state, lambda);
      }
    }
    if (passes >= maxPasses) return { passes, converged: false };
    // KKT check on the columns left out: |g_j| ≤ λα·pf_j must hold where β_j = 0.
    let violated = false;
    for (let j = 0; j < p; j++) {
      if (strong[j] || !usable[j]) continue;
      if (Math.abs(columnGradient(state, j)) > lambda * alpha * penaltyFactor[j]!) {
        strong[j] = 1;
        violated = true;
      }
    }
    if (!violated) break;
  }
  for (let j = 0; j < p; j++) if (state.beta[j] !== 0) ever[j] = 1;
  return { passes, converged: true };
}

/**
 * Largest violation of the optimality (KKT) conditions, relative to λ: for β_j ≠ 0,
 * |g_j − λ(1−α)pf_j β_j − λα·pf_j·sign(β_j)|; for β_j = 0, max(0, |g_j| − λα·pf_j). 0 at the optimum.
 */
export function kktViolation(state: QuadraticState, lambda: number): number {
  const { p, alpha, penaltyFactor, beta, usable } = state;
  // without kept gradients, all of them at once: one sweep over the design (SIMD where it loads)
  const swept = state.covariance ? null : allGradients(state);
  let worst = 0;
  for (let j = 0; j < p; j++) {
    if (!usable[j]) continue;
    const g = swept ? swept[j]! : columnGradient(state, j);
    const pf = penaltyFactor[j]!;
    const b = beta[j]!;
    const violation = state.bounds
      ? boundedViolation(g, b, lambda * alpha * pf, lambda * (1 - alpha) * pf, state.bounds, j)
      : b !== 0
        ? Math.abs(g - lambda * (1 - alpha) * pf * b - lambda * alpha * pf * Math.sign(b))
        : Math.max(0, Math.abs(g) - lambda * alpha * pf);
    worst = Math.max(worst, violation);
  }
  return worst / lambda;
}

/**
 * The KKT violation of coordinate j under lower_j ≤ β_j ≤ upper_j: with d = g_j − l2·β_j (the
 * smooth part's pull) and l1 the L1 weight, 0 is required of the distance from d to the
 * subdifferential of l1·|β_j| plus the normal cone of the box at β_j — a bound blocks movement
 * outward, so only the pull inward can be violated there.
 */
function boundedViolation(
  g: number,
  b: number,
  l1: number,
  l2: number,
  bounds: { lower: Float64Array; upper: Float64Array },
  j: number,
): number {
  const d = g - l2 * b;
  const atUpper = b >= bounds.upper[j]!;
  const atLower = b <= bounds.lower[j]!;
  // the interval of d that optimality allows at β_j
  let low: number;
  let high: number;
  if (b > 0) [low, high] = [l1, l1];
  else if (b < 0) [low, high] = [-l1, -l1];
  else [low, high] = [-l1, l1];
  if (atUpper) high = Number.POSITIVE_INFINITY; // pulled up at the upper bound: allowed
  if (atLower) low = Number.NEGATIVE_INFINITY; // pulled down at the lower bound: allowed
  return d < low ? low - d : d > high ? d - high : 0;
}

/** g_j = x̃_jᵀ(v ⊙ r) for every column j (0 for the unusable ones), in one sweep. */
function allGradients(state: QuadraticState): Float64Array {
  const { n, p, x, v, r, usable } = state;
  const weighted = new Float64Array(n);
  for (let i = 0; i < n; i++) weighted[i] = v[i]! * r[i]!;
  const columns = new Int32Array(p);
  let m = 0;
  for (let j = 0; j < p; j++) if (usable[j]) columns[m++] = j;
  const values = new Float64Array(p);
  designProducts().transposeTimes(x, n, p, columns, m, weighted, values);
  const gradient = new Float64Array(p);
  for (let a = 0; a < m; a++) gradient[columns[a]!] = values[a]!;
  return gradient;
}

/**
 * The duality gap of the gaussian elastic net (Mairal & Yu; scikit-learn's certificate), relative
 * to the primal objective: an upper bound on how far the objective is above its minimum, divided by
 * the objective. With R = ‖r‖²_v, the dual point is r scaled to make Xᵀ(v⊙r) − λ(1−α)pf⊙β
 * dual-feasible:
 *
 *   m = max_j |g_j − λ(1−α)pf_j β_j| / (λα pf_j),  c = min(1, 1/m)
 *   gap = ½R(1 + c²) + λα Σ pf|β| − c·rᵀ(v⊙z) + ½λ(1−α)(1 + c²) Σ pf β²
 *
 * where z is the (centred) response. Needs α > 0 (returns NaN otherwise).
 */
export function relativeDualityGap(state: QuadraticState, lambda: number, z: Float64Array): number {
  const { n, v, r } = state;
  let residualNorm = 0;
  let residualDotZ = 0;
  for (let i = 0; i < n; i++) {
    residualNorm += v[i]! * r[i]! * r[i]!;
    residualDotZ += v[i]! * r[i]! * z[i]!;
  }
  return gapFrom(state, lambda, residualNorm, residualDotZ);
}

/**
 * The same gap in covariance mode, without the residual: with b = Xᵀ(v⊙z) = g + Gβ,
 * ‖r‖²_v = zᵀVz − 2bᵀβ + βᵀGβ and rᵀVz = zᵀVz − bᵀβ, in O(p·nonzero) instead of O(n·nonzero);
 * in O(p) when b is given (`linear`: then Gβ = b − g).
 * Also returns ‖r‖²_v (twice the loss).
 */
export function relativeDualityGapFromGram(
  state: QuadraticState,
  lambda: number,
  zVz: number,
  linear?: Float64Array,
): { gap: number; residualNorm: number } {
  const { p, beta } = state;
  const { gram, gradient } = state.covariance!;
  let bBeta = 0;
  let betaGBeta = 0;
  for (let j = 0; j < p; j++) {
    const bj = beta[j]!;
    if (bj === 0) continue;
    // Gβ is b − g: O(1) per coefficient when b is known, a row of G otherwise
    const row = linear ? linear[j]! - gradient[j]! : gramTimes(gram, p, j, beta);
    bBeta += (gradient[j]! + row) * bj;
    betaGBeta += row * bj;
  }
  const residualNorm = Math.max(0, zVz - 2 * bBeta + betaGBeta);
  return { gap: gapFrom(state, lambda, residualNorm, zVz - bBeta), residualNorm };
}

/**
 * The gap from ‖r‖²_v and rᵀVz, with the kept gradients of the state's usable columns.
 * `dualFloor` bounds the dual norm of columns the state does not hold (a working set's outside,
 * see wideGaussian.ts): a larger dual norm still gives a dual-feasible point, so the gap stays an
 * upper bound.
 */
export function gapFrom(
  state: QuadraticState,
  lambda: number,
  residualNorm: number,
  residualDotZ: number,
  dualFloor = 0,
): number {
  const { p, beta, alpha, penaltyFactor, usable } = state;
  if (!(alpha > 0)) return Number.NaN;
  let dualNorm = dualFloor;
  let l1 = 0;
  let l2 = 0;
  for (let j = 0; j < p; j++) {
    if (!usable[j]) continue;
    const pf = penaltyFactor[j]!;
    const b = beta[j]!;
    const shifted = columnGradient(state, j) - lambda * (1 - alpha) * pf * b;
    if (pf > 0) dualNorm = Math.max(dualNorm, Math.abs(shifted) / (lambda * alpha * pf));
    l1 += pf * Math.abs(b);
    l2 += pf * b * b;
  }
  const c = dualNorm > 1 ? 1 / dualNorm : 1;
  const gap =
    0.5 * residualNorm * (1 + c * c) +
    lambda * alpha * l1 -
    c * residualDotZ +
    0.5 * lambda * (1 - alpha) * (1 + c * c) * l2;
  const primal = 0.5 * residualNorm + lambda * alpha * l1 + 0.5 * lambda * (1 - alpha) * l2;
  return Math.max(0, gap) / primal;
}
