/**
 * Saturation of a sigmoid unit: the inputs where σ'(z) is so small that almost no gradient passes.
 *
 * A point x is *saturated* when σ'(m·x + c) < threshold. Because σ' is even and falls monotonically
 * in |z|, that is the same as |m·x + c| > z*, where z* solves σ'(z*) = threshold. With p = σ(z*),
 * p(1 − p) = threshold gives p = (1 + r)/2, r = √(1 − 4·threshold), and
 *
 *   z* = logit(p) = ln((1 + r)/(1 − r)) = ln((1 + r)² / (4·threshold))
 *
 * (the last form avoids 1 − r, which loses digits for small thresholds). For the default
 * threshold 0.01, z* ≈ 4.585: beyond |z| ≈ 4.6 the unit passes on less than 1% of the signal.
 */
import { sigmoidDerivative } from "../core/sigmoid.js";

/** z* > 0 with σ'(z*) = threshold, for a threshold in (0, 1/4] (1/4 is σ's peak slope). */
export function saturationCutoff(threshold: number): number {
  if (!(threshold > 0 && threshold <= 0.25)) {
    throw new RangeError(`saturation threshold must be in (0, 0.25], got ${threshold}`);
  }
  const r = Math.sqrt(1 - 4 * threshold);
  return 2 * Math.log1p(r) - Math.log(4 * threshold);
}

/** Share of the points x_i with σ'(m·x_i + c) < threshold, counted directly. */
export function saturatedShare(m: number, c: number, x: Float64Array, threshold: number): number {
  let saturated = 0;
  for (let i = 0; i < x.length; i++) {
    if (sigmoidDerivative(m * x[i]! + c) < threshold) saturated++;
  }
  return saturated / x.length;
}

/**
 * The exact saturated share of the interval [a, b] (a < b), in closed form: the length of
 * {x ∈ [a, b] : |m·x + c| > z*} over b − a. The share of a fine even grid tends to this.
 */
export function saturatedShareOfInterval(
  m: number,
  c: number,
  a: number,
  b: number,
  threshold: number,
): number {
  const cutoff = saturationCutoff(threshold);
  if (m === 0) return Math.abs(c) > cutoff ? 1 : 0;
  // The unsaturated x form one interval, between the points where m·x + c = ±z*.
  const left = Math.min((-cutoff - c) / m, (cutoff - c) / m);
  const right = Math.max((-cutoff - c) / m, (cutoff - c) / m);
  // halves: b − a overflows for a range such as ±1e308, their halves' difference does not
  const unsaturated = Math.max(0, Math.min(b, right) / 2 - Math.max(a, left) / 2);
  return 1 - unsaturated / (b / 2 - a / 2);
}

/**
 * The steepest slope max |dy/dx| of y = σ(m·x + c) over x ∈ [a, b]: |m|·σ'(z) at the z closest to 0.
 * It is |m|/4 whenever the curve's midpoint z = 0 lies in the range.
 */
export function steepestSlope(m: number, c: number, a: number, b: number): number {
  const za = m * a + c;
  const zb = m * b + c;
  const zClosestToZero = Math.min(Math.max(0, Math.min(za, zb)), Math.max(za, zb));
  return Math.abs(m) * sigmoidDerivative(zClosestToZero);
}
