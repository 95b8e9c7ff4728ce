/**
 * The gradients g_j = x̃_jᵀ(v ⊙ d) of a design's columns at a residual d — what the optimality
 * (KKT) checks of a path need for every column, O(n) each — computed only where a bound cannot
 * settle the check.
 *
 * The screen keeps the residuals and gradients of its last two full sweeps, d₁, g¹ (the newest)
 * and d₂, g². Writing the current residual as d = c₁d₁ + c₂d₂ + e, with c the least-squares fit
 * in the v-weighted inner product, linearity and Cauchy–Schwarz bound every gradient:
 *
 *   |g_j| ≤ |c₁g¹_j + c₂g²_j| + ‖x̃_j‖_v · ‖e‖_v.
 *
 * A column with β_j = 0 whose bound is at most its threshold λα·pf_j satisfies its condition
 * |g_j| ≤ λα·pf_j — no dot product needed. The others are computed; once they are a third of
 * the columns or more, a full sweep renews the references. Why two: a lasso path is piecewise
 * linear in λ, and so is its residual r = z − X̃β, so the residuals of nearby λ lie close to the
 * span of two earlier ones — ‖e‖ stays a fraction of ‖d − d₁‖, the bound with the last sweep
 * alone (FHT n = 200, p = 10000: 10 full sweeps along the path instead of 38). (The gaussian
 * residual and the logistic y − p are both such a d, with v = w.)
 *
 * The checks run once or more per λ over all p columns, so they are kept to a few operations per
 * column: with ℓ̂_j = |ĝ_j| / pf_j the estimate's level and B = max_j ‖x̃_j‖_v / pf_j, a column
 * is settled when ℓ̂_j ≤ λα − B·‖e‖_v — on a standardized design with equal penalty factors
 * exactly the per-column test, elsewhere a safe approximation of it, refined column by column
 * for the few it leaves. Each column's level ℓ_j = |g_j| / pf_j at its last computed gradient is
 * kept for the strong rules, and the columns exact at the current d are listed, so the callers'
 * KKT certificates run over them alone.
 */
import { designProducts } from "../../kernels/gramKernel.js";
import { createScreenArrays, type ScreenArrays, swapReferences } from "../../kernels/screenKernel.js";

export interface GradientScreen {
  /** The per-column arrays below, and the sweep over them (WebAssembly where it loads). */
  arrays: ScreenArrays;
  n: number;
  p: number;
  x: Float64Array;
  v: Float64Array;
  usable: Uint8Array;
  usableCount: number;
  penaltyFactor: Float64Array;
  /**
   * A column's level is baseLevel_j + |g_j|·inversePenalty_j: for penalized columns 0 + |g_j|/pf_j,
   * for unpenalized ones +∞ + 0, for unusable ones −∞ + 0 — no division, no special case.
   */
  baseLevel: Float64Array;
  inversePenalty: Float64Array;
  /** ‖x̃_j‖_v = (Σ v x̃_j²)^½. */
  norms: Float64Array;
  /** B = max ‖x̃_j‖_v / pf_j over the usable penalized columns. */
  normOverPenalty: number;
  /** The current d and v ⊙ d. */
  residual: Float64Array;
  weighted: Float64Array;
  /**
   * How many full sweeps the screen holds (0, 1 or 2): d₁ the newest residual, d₂ the one before;
   * their gradients g¹ and g² are arrays.newestGradient and arrays.olderGradient.
   */
  references: number;
  newestResidual: Float64Array;
  olderResidual: Float64Array;
  /** The current d ≈ c₁d₁ + c₂d₂ (c₂ = 0 with one reference). */
  newestWeight: number;
  olderWeight: number;
  /**
   * ‖e‖_v, e = d − c₁d₁ − c₂d₂, plus an allowance for the rounding of the estimate ĝ (∞ before
   * the first full sweep): every bound is |ĝ_j| + ‖x̃_j‖_v·drift.
   */
  drift: number;
  /** Counts residuals: exactAt[j] = version when gradient[j] was computed at the current one. */
  version: number;
  exactAt: Int32Array;
  /**
   * Each column's gradient: exact where exactAt[j] = version, else an estimate — ĝ_j as of the
   * last settleGradients, or the last value computed.
   */
  gradient: Float64Array;
  /**
   * ℓ_j = |gradient_j| / pf_j, kept with `gradient` (what the strong rules compare with
   * α(2λ − λ_prev)): +∞ for unpenalized columns (always in the model's working set), −∞ for
   * unusable ones (never).
   */
  level: Float64Array;
  /** The columns exact at the current d: the first `exactCount` of `exact`, each once. */
  exact: Int32Array;
  exactCount: number;
  /** The columns the last settleGradients computed: the first `computed` of `columns`. */
  computed: number;
  // scratch
  columns: Int32Array;
  values: Float64Array;
}

/** Unit roundoff of float64: the allowance for rounding in the estimates is a few of these. */
const EPSILON = 2 ** -52;

/** A screen for the columns of x̃ (n × p, column-major); `plain` keeps its sweep in JavaScript (tests compare the two). */
export function createGradientScreen(
  x: Float64Array,
  n: number,
  p: number,
  v: Float64Array,
  usable: Uint8Array,
  penaltyFactor: Float64Array,
  plain = false,
): GradientScreen {
  const arrays = createScreenArrays(p, plain);
  const { norms, baseLevel, inversePenalty } = arrays;
  arrays.usable.set(usable.subarray(0, p));
  arrays.penaltyFactor.set(penaltyFactor.subarray(0, p));
  designProducts().squares(x, n, p, v, norms);
  baseLevel.fill(Number.NEGATIVE_INFINITY);
  let normOverPenalty = 0;
  let usableCount = 0;
  for (let j = 0; j < p; j++) {
    norms[j] = Math.sqrt(norms[j]!);
    if (!usable[j]) continue;
    usableCount++;
    const pf = penaltyFactor[j]!;
    if (pf > 0) {
      baseLevel[j] = 0;
      inversePenalty[j] = 1 / pf;
      normOverPenalty = Math.max(normOverPenalty, norms[j]! / pf);
    } else baseLevel[j] = Number.POSITIVE_INFINITY;
  }
  arrays.exactAt.fill(-1);
  arrays.level.set(baseLevel);
  return {
    arrays,
    n,
    p,
    x,
    v,
    usable: arrays.usable,
    usableCount,
    penaltyFactor: arrays.penaltyFactor,
    baseLevel,
    inversePenalty,
    norms,
    normOverPenalty,
    residual: new Float64Array(n),
    weighted: new Float64Array(n),
    references: 0,
    newestResidual: new Float64Array(n),
    olderResidual: new Float64Array(n),
    newestWeight: 0,
    olderWeight: 0,
    drift: Number.POSITIVE_INFINITY,
    version: 0,
    exactAt: arrays.exactAt,
    gradient: arrays.gradient,
    level: arrays.level,
    exact: new Int32Array(p),
    exactCount: 0,
    computed: 0,
    columns: arrays.columns,
    values: new Float64Array(p),
  };
}

/** A new residual d (copied): no gradient is exact for it yet. */
export function setResidual(screen: GradientScreen, d: Float64Array): void {
  const { n, v, residual, weighted } = screen;
  for (let i = 0; i < n; i++) {
    residual[i] = d[i]!;
    weighted[i] = v[i]! * d[i]!;
  }
  fitToReferences(screen);
  screen.version++;
  screen.exactCount = 0;
}

/**
 * c = argmin ‖d − c₁d₁ − c₂d₂‖_v (the 2 × 2 normal equations; d₂ is dropped when it is nearly
 * parallel to d₁), and the drift ‖e‖_v with an allowance for rounding: each reference gradient
 * g^k_j, a sum of n products, is off by at most nε·‖x̃_j‖_v‖d_k‖_v, and ĝ_j and e by a few ε times
 * the same sizes, so the drift takes (n + 8)ε·(|c₁|‖d₁‖ + |c₂|‖d₂‖ + ‖d‖) on top — then
 * |ĝ_j| + ‖x̃_j‖_v·drift bounds the gradient as computed, not only as it would be exactly.
 */
function fitToReferences(screen: GradientScreen): void {
  const { n, v, residual, newestResidual: d1, olderResidual: d2 } = screen;
  if (screen.references === 0) {
    screen.drift = Number.POSITIVE_INFINITY;
    return;
  }
  let m11 = 0;
  let m12 = 0;
  let m22 = 0;
  let b1 = 0;
  let b2 = 0;
  let dd = 0;
  for (let i = 0; i < n; i++) {
    const vi = v[i]!;
    const a = vi * d1[i]!;
    const c = vi * d2[i]!;
    m11 += a * d1[i]!;
    m12 += a * d2[i]!;
    m22 += c * d2[i]!;
    b1 += a * residual[i]!;
    b2 += c * residual[i]!;
    dd += vi * residual[i]! * residual[i]!;
  }
  let c1 = m11 > 0 ? b1 / m11 : 0;
  let c2 = 0;
  const determinant = m11 * m22 - m12 * m12;
  // two references only when d₂ is far from parallel to d₁ (else c blows up, and so does rounding)
  if (screen.references === 2 && determinant > 1e-8 * m11 * m22) {
    c1 = (b1 * m22 - b2 * m12) / determinant;
    c2 = (b2 * m11 - b1 * m12) / determinant;
  }
  let ee = 0;
  for (let i = 0; i < n; i++) {
    const e = residual[i]! - c1 * d1[i]! - c2 * d2[i]!;
    ee += v[i]! * e * e;
  }
  const rounding =
    (n + 8) * EPSILON * (Math.abs(c1) * Math.sqrt(m11) + Math.abs(c2) * Math.sqrt(m22) + Math.sqrt(dd));
  screen.newestWeight = c1;
  screen.olderWeight = c2;
  screen.drift = Math.sqrt(ee) + rounding;
}

/** Records gradients known exactly at the current d from elsewhere (a Gram matrix's). */
export function recordExact(screen: GradientScreen, j: number, value: number): void {
  screen.gradient[j] = value;
  screen.level[j] = screen.baseLevel[j]! + Math.abs(value) * screen.inversePenalty[j]!;
  if (screen.exactAt[j] !== screen.version) {
    screen.exactAt[j] = screen.version;
    screen.exact[screen.exactCount++] = j;
  }
}

/** Computes the gradients of the `count` listed columns exactly (O(n) each). */
export function computeExact(screen: GradientScreen, columns: Int32Array, count: number): void {
  const { n, p, x, weighted, values } = screen;
  if (count === 0) return;
  designProducts().transposeTimes(x, n, p, columns, count, weighted, values);
  for (let a = 0; a < count; a++) recordExact(screen, columns[a]!, values[a]!);
}

/** An upper bound on |g_j| at the current d (the value itself where it is exact). */
export function gradientBound(screen: GradientScreen, j: number): number {
  if (screen.exactAt[j] === screen.version) return Math.abs(screen.gradient[j]!);
  const { newestGradient, olderGradient } = screen.arrays;
  const estimate = screen.newestWeight * newestGradient[j]! + screen.olderWeight * olderGradient[j]!;
  return Math.abs(estimate) + screen.norms[j]! * screen.drift;
}

/**
 * Settles every usable column against its threshold λα·pf_j (`shrink` = λα): afterwards each is
 * exact, or its bound is at most the threshold. Columns flagged in `required` are made exact
 * regardless; the ones computed here are listed in screen.columns (screen.computed of them).
 * Returns an upper bound on bound / threshold over the columns left to their bounds (≤ 1; 0 if
 * none).
 */
export function settleGradients(screen: GradientScreen, shrink: number, required?: Uint8Array): number {
  const { p, exactAt, columns, baseLevel, inversePenalty, norms, drift } = screen;
  const { newestGradient, olderGradient } = screen.arrays;
  const { gradient, level, penaltyFactor } = screen;
  if (required) {
    let count = 0;
    for (let j = 0; j < p; j++) if (required[j] && exactAt[j] !== screen.version) columns[count++] = j;
    computeExact(screen, columns, count);
  }
  const version = screen.version;
  const limit = shrink * (1 - 1e-9);
  const c1 = screen.newestWeight;
  const c2 = screen.olderWeight;
  // ℓ̂_j ≤ cut settles column j: ℓ̂_j + B·drift ≤ λα, so |ĝ_j| + ‖x̃_j‖_v·drift ≤ λα·pf_j
  const cut = screen.references > 0 ? limit - screen.normOverPenalty * drift : Number.NEGATIVE_INFINITY;
  let open = 0;
  let highestSettled = Number.NEGATIVE_INFINITY; // the largest ℓ̂ among the columns settled by `cut`
  let ratio = 0; // among those settled one by one
  const { settle, settled } = screen.arrays;
  if (settle) {
    open = settle(p, version, c1, c2, cut, limit, drift);
    highestSettled = settled[0]!;
    ratio = settled[1]!;
  } else
    for (let j = 0; j < p; j++) {
      if (exactAt[j] === version) continue; // exact: nothing to settle
      // the estimate ĝ_j becomes the column's gradient as best known (the strong rules read it)
      const estimate = c1 * newestGradient[j]! + c2 * olderGradient[j]!;
      const estimateLevel = baseLevel[j]! + Math.abs(estimate) * inversePenalty[j]!;
      gradient[j] = estimate;
      level[j] = estimateLevel;
      // unusable columns (−∞) are settled here; unpenalized ones (+∞) never
      if (estimateLevel <= cut) {
        if (estimateLevel > highestSettled) highestSettled = estimateLevel;
        continue;
      }
      if (!screen.usable[j]) continue;
      const threshold = limit * penaltyFactor[j]!;
      const bound = Math.abs(estimate) + norms[j]! * drift;
      if (!(bound <= threshold)) columns[open++] = j;
      else if (bound > ratio * threshold) ratio = bound / threshold;
    }
  // (−∞: none settled by the cut but unusable columns)
  if (highestSettled >= 0 && shrink > 0)
    ratio = Math.max(ratio, (highestSettled + screen.normOverPenalty * drift) / shrink);
  const pending = screen.usableCount - screen.exactCount;
  if (3 * open < pending) {
    computeExact(screen, columns, open);
    screen.computed = open;
    return ratio;
  }
  // most need computing: every one, and the result becomes the newest reference
  open = 0;
  for (let j = 0; j < p; j++) if (screen.usable[j] && exactAt[j] !== version) columns[open++] = j;
  computeExact(screen, columns, open);
  screen.computed = open;
  renewReferences(screen);
  return 0;
}

/** The current d and its gradients (exact for every usable column) become d₁ and g¹; d₁, g¹ move to d₂, g². */
function renewReferences(screen: GradientScreen): void {
  const olderResidual = screen.olderResidual;
  screen.olderResidual = screen.newestResidual;
  olderResidual.set(screen.residual);
  screen.newestResidual = olderResidual;
  swapReferences(screen.arrays);
  screen.arrays.newestGradient.set(screen.gradient);
  screen.references = Math.min(2, screen.references + 1);
  screen.newestWeight = 1;
  screen.olderWeight = 0;
  screen.drift = 0;
}
