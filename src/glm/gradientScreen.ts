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
 */
import { designProducts } from "../kernels/gramKernel.js";

export interface GradientScreen {
  n: number;
  p: number;
  x: Float64Array;
  v: Float64Array;
  usable: Uint8Array;
  /** ‖x̃_j‖_v = (Σ v x̃_j²)^½. */
  norms: Float64Array;
  /** The current d and v ⊙ d. */
  residual: Float64Array;
  weighted: Float64Array;
  /** d₀ and g⁰ of the last full sweep (none yet: `hasReference` false). */
  referenceResidual: Float64Array;
  referenceGradient: Float64Array;
  hasReference: boolean;
  /** ‖d − d₀‖_v. */
  drift: number;
  /** Counts residuals: exactAt[j] = version when gradient[j] was computed at the current one. */
  version: number;
  exactAt: Int32Array;
  /** Each column's gradient: exact where exactAt[j] = version, else the last value computed (an estimate only). */
  gradient: Float64Array;
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
): GradientScreen {
  const norms = new Float64Array(p);
  designProducts().squares(x, n, p, v, norms);
  for (let j = 0; j < p; j++) norms[j] = Math.sqrt(norms[j]!);
  return {
    n,
    p,
    x,
    v,
    usable,
    norms,
    residual: new Float64Array(n),
    weighted: new Float64Array(n),
    referenceResidual: new Float64Array(n),
    referenceGradient: new Float64Array(p),
    hasReference: false,
    drift: Number.POSITIVE_INFINITY,
    version: 0,
    exactAt: new Int32Array(p).fill(-1),
    gradient: new Float64Array(p),
    computed: 0,
    columns: new Int32Array(p),
    values: new Float64Array(p),
  };
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
}

/** Records gradients known exactly at the current d from elsewhere (a Gram matrix's). */
export function recordExact(screen: GradientScreen, j: number, value: number): void {
  screen.gradient[j] = value;
  screen.exactAt[j] = screen.version;
}

/** Computes the gradients of the `count` listed columns exactly (O(n) each). */
export function computeExact(screen: GradientScreen, columns: Int32Array, count: number): void {
  const { n, p, x, weighted, values, gradient, exactAt, version } = screen;
  if (count === 0) return;
  designProducts().transposeTimes(x, n, p, columns, count, weighted, values);
  for (let a = 0; a < count; a++) {
    gradient[columns[a]!] = values[a]!;
    exactAt[columns[a]!] = version;
  }
}

/** An upper bound on |g_j| at the current d (the value itself where it is exact). */
export function gradientBound(screen: GradientScreen, j: number): number {
  return screen.exactAt[j] === screen.version
    ? Math.abs(screen.gradient[j]!)
    : Math.abs(screen.referenceGradient[j]!) + screen.norms[j]! * screen.drift;
}

/**
 * Settles every usable column against its threshold λα·pf_j: afterwards each is exact, or its
 * bound is at most the threshold. Columns flagged in `required` are made exact regardless; the
 * ones computed here are listed in screen.columns (screen.computed of them). Returns the largest
 * bound / threshold among the columns left to their bounds (≤ 1; 0 if none).
 */
export function settleGradients(
  screen: GradientScreen,
  shrink: number,
  penaltyFactor: Float64Array,
  required?: Uint8Array,
): number {
  const { p, usable, exactAt, version, columns, referenceGradient, norms, drift } = screen;
  let open = 0;
  let pending = 0;
  let ratio = 0;
  for (let j = 0; j < p; j++) {
    if (!usable[j] || exactAt[j] === version) continue;
    pending++;
    const threshold = shrink * penaltyFactor[j]!;
    const bound = Math.abs(referenceGradient[j]!) + norms[j]! * drift;
    if (required?.[j] || !(bound <= threshold * (1 - 1e-9))) columns[open++] = j;
    else if (bound > ratio * threshold) ratio = bound / threshold;
  }
  if (3 * open < pending) {
    computeExact(screen, columns, open);
    screen.computed = open;
    return ratio;
  }
  // most need computing: every one, and the result is the new reference
  open = 0;
  for (let j = 0; j < p; j++) if (usable[j] && exactAt[j] !== version) columns[open++] = j;
  computeExact(screen, columns, open);
  screen.computed = open;
  referenceGradient.set(screen.gradient);
  screen.referenceResidual.set(screen.residual);
  screen.hasReference = true;
  screen.drift = 0;
  return 0;
}
