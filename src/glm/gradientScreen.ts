/**
 * The gradients g_j = x̃_jᵀ(v ⊙ d) of a design's columns at a residual d — what the optimality
 * (KKT) checks of a path need for every column, O(n) each — computed only where a bound cannot
 * settle the check.
 *
 * With d₀ and g⁰ the residual and gradients of the last full sweep, Cauchy–Schwarz in the
 * v-weighted inner product bounds every gradient since:
 *
 *   |g_j| ≤ |g⁰_j| + ‖x̃_j‖_v · ‖d − d₀‖_v.
 *
 * A column with β_j = 0 whose bound is at most its threshold λα·pf_j satisfies its condition
 * |g_j| ≤ λα·pf_j — no dot product needed. The others are computed; once they are a third of
 * the columns or more, a full sweep renews d₀ and g⁰. Along a path d moves a little from one λ
 * to the next, so most columns far from entering are settled by the bound alone.
 * (The gaussian residual r = z − X̃β and the logistic y − p are both such a d, with v = w.)
 *
 * The checks run once or more per λ over all p columns, so they are kept to one comparison per
 * column: each column's level ℓ_j = |g_j| / pf_j (what the strong rule and the conditions compare
 * with λα) is kept as gradients are computed, and with B = max_j ‖x̃_j‖_v / pf_j a column is
 * settled when ℓ⁰_j ≤ λα − B·‖d − d₀‖_v — on a standardized design with equal penalty factors
 * exactly the per-column test, elsewhere a safe approximation of it, refined column by column
 * for the few it leaves. The columns exact at the current d are listed too, so the callers' KKT
 * certificates run over them alone.
 */
import { designProducts } from "../kernels/gramKernel.js";

export interface GradientScreen {
  n: number;
  p: number;
  x: Float64Array;
  v: Float64Array;
  usable: Uint8Array;
  usableCount: number;
  penaltyFactor: Float64Array;
  /** ‖x̃_j‖_v = (Σ v x̃_j²)^½. */
  norms: Float64Array;
  /** B = max ‖x̃_j‖_v / pf_j over the usable penalized columns. */
  normOverPenalty: number;
  /** The current d and v ⊙ d. */
  residual: Float64Array;
  weighted: Float64Array;
  /** d₀ and g⁰ of the last full sweep (none yet: `hasReference` false). */
  referenceResidual: Float64Array;
  referenceGradient: Float64Array;
  /** ℓ⁰_j = |g⁰_j| / pf_j at the last full sweep. */
  referenceLevel: Float64Array;
  hasReference: boolean;
  /** ‖d − d₀‖_v. */
  drift: number;
  /** Counts residuals: exactAt[j] = version when gradient[j] was computed at the current one. */
  version: number;
  exactAt: Int32Array;
  /** Each column's gradient: exact where exactAt[j] = version, else the last value computed (an estimate only). */
  gradient: Float64Array;
  /**
   * ℓ_j = |gradient_j| / pf_j, kept with `gradient`: +∞ for unpenalized columns (always in the
   * model's working set), −∞ for unusable ones (never).
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

export function createGradientScreen(
  x: Float64Array,
  n: number,
  p: number,
  v: Float64Array,
  usable: Uint8Array,
  penaltyFactor: Float64Array,
): GradientScreen {
  const norms = new Float64Array(p);
  designProducts().squares(x, n, p, v, norms);
  let normOverPenalty = 0;
  let usableCount = 0;
  for (let j = 0; j < p; j++) {
    norms[j] = Math.sqrt(norms[j]!);
    usableCount += usable[j] ? 1 : 0;
    if (usable[j] && penaltyFactor[j]! > 0)
      normOverPenalty = Math.max(normOverPenalty, norms[j]! / penaltyFactor[j]!);
  }
  const level = Float64Array.from({ length: p }, (_, j) => levelOf(usable, penaltyFactor, j, 0));
  return {
    n,
    p,
    x,
    v,
    usable,
    usableCount,
    penaltyFactor,
    norms,
    normOverPenalty,
    residual: new Float64Array(n),
    weighted: new Float64Array(n),
    referenceResidual: new Float64Array(n),
    referenceGradient: new Float64Array(p),
    referenceLevel: level.slice(),
    hasReference: false,
    drift: Number.POSITIVE_INFINITY,
    version: 0,
    exactAt: new Int32Array(p).fill(-1),
    gradient: new Float64Array(p),
    level,
    exact: new Int32Array(p),
    exactCount: 0,
    computed: 0,
    columns: new Int32Array(p),
    values: new Float64Array(p),
  };
}

/** ℓ_j for a gradient g_j (see GradientScreen.level). */
function levelOf(usable: Uint8Array, penaltyFactor: Float64Array, j: number, gradient: number): number {
  if (!usable[j]) return Number.NEGATIVE_INFINITY;
  const pf = penaltyFactor[j]!;
  return pf > 0 ? Math.abs(gradient) / pf : Number.POSITIVE_INFINITY;
}

/** A new residual d (copied): no gradient is exact for it yet. */
export function setResidual(screen: GradientScreen, d: Float64Array): void {
  const { n, v, residual, weighted, referenceResidual } = screen;
  let drift = 0;
  for (let i = 0; i < n; i++) {
    const value = d[i]!;
    residual[i] = value;
    weighted[i] = v[i]! * value;
    const change = value - referenceResidual[i]!;
    drift += v[i]! * change * change;
  }
  screen.drift = screen.hasReference ? Math.sqrt(drift) : Number.POSITIVE_INFINITY;
  screen.version++;
  screen.exactCount = 0;
}

/** Records gradients known exactly at the current d from elsewhere (a Gram matrix's). */
export function recordExact(screen: GradientScreen, j: number, value: number): void {
  screen.gradient[j] = value;
  screen.level[j] = levelOf(screen.usable, screen.penaltyFactor, j, value);
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
  return screen.exactAt[j] === screen.version
    ? Math.abs(screen.gradient[j]!)
    : Math.abs(screen.referenceGradient[j]!) + screen.norms[j]! * screen.drift;
}

/**
 * Settles every usable column against its threshold λα·pf_j (`shrink` = λα): afterwards each is
 * exact, or its bound is at most the threshold. Columns flagged in `required` are made exact
 * regardless; the ones computed here are listed in screen.columns (screen.computed of them).
 * Returns an upper bound on bound / threshold over the columns left to their bounds (≤ 1; 0 if
 * none).
 */
export function settleGradients(screen: GradientScreen, shrink: number, required?: Uint8Array): number {
  const { p, exactAt, columns, referenceGradient, referenceLevel, norms, drift, penaltyFactor } = screen;
  if (required) {
    let count = 0;
    for (let j = 0; j < p; j++) if (required[j] && exactAt[j] !== screen.version) columns[count++] = j;
    computeExact(screen, columns, count);
  }
  const version = screen.version;
  const limit = shrink * (1 - 1e-9);
  // ℓ⁰_j ≤ cut settles column j: ℓ⁰_j + B·drift ≤ λα, so |g⁰_j| + ‖x̃_j‖_v·drift ≤ λα·pf_j
  const cut = screen.hasReference ? limit - screen.normOverPenalty * drift : Number.NEGATIVE_INFINITY;
  let open = 0;
  let highestSettled = Number.NEGATIVE_INFINITY; // the largest ℓ⁰ among the columns settled by `cut`
  let ratio = 0; // among those settled one by one
  for (let j = 0; j < p; j++) {
    const level = referenceLevel[j]!;
    if (!(level > cut)) {
      if (level > highestSettled) highestSettled = level;
      continue;
    }
    // unusable columns have ℓ⁰ = −∞ (settled above, never computed); exact ones need nothing
    if (exactAt[j] === version || !screen.usable[j]) continue;
    const threshold = limit * penaltyFactor[j]!;
    const bound = Math.abs(referenceGradient[j]!) + norms[j]! * drift;
    if (!(bound <= threshold)) columns[open++] = j;
    else if (bound > ratio * threshold) ratio = bound / threshold;
  }
  if (highestSettled > Number.NEGATIVE_INFINITY && shrink > 0)
    ratio = Math.max(ratio, (Math.max(highestSettled, 0) + screen.normOverPenalty * drift) / shrink);
  const pending = screen.usableCount - screen.exactCount;
  if (3 * open < pending) {
    computeExact(screen, columns, open);
    screen.computed = open;
    return ratio;
  }
  // most need computing: every one, and the result is the new reference
  open = 0;
  for (let j = 0; j < p; j++) if (screen.usable[j] && exactAt[j] !== version) columns[open++] = j;
  computeExact(screen, columns, open);
  screen.computed = open;
  referenceGradient.set(screen.gradient);
  referenceLevel.set(screen.level);
  screen.referenceResidual.set(screen.residual);
  screen.hasReference = true;
  screen.drift = 0;
  return 0;
}
