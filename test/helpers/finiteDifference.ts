/**
 * Central finite differences: the independent reference for every derivative in reglab.
 * The five-point (Richardson) form cancels the h² error term, leaving O(h⁴): with h moving z by
 * about 1e-4, truncation is ~1e-16 relative and rounding ~1e-12, so a relative error of 1e-6 means
 * the analytic gradient is wrong, not the reference.
 */
export function centralDifference(f: (x: number) => number, x: number, h: number): number {
  return (8 * (f(x + h) - f(x - h)) - (f(x + 2 * h) - f(x - 2 * h))) / (12 * h);
}

/** |a − b| / max(|a|, |b|, tiny): relative error that treats 0 vs 0 as exact. */
export function relativeError(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b), Number.MIN_VALUE);
  return Math.abs(a - b) / scale;
}
