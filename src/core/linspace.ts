/**
 * `points` evenly spaced numbers from `start` to `stop`, both included (as numpy.linspace).
 * Each value is computed as start + i·step from its index, not by repeated addition, so rounding
 * does not accumulate; the last one is set to `stop` exactly. A range wider than the largest
 * double (stop − start = ∞) is spaced as start·(1 − t) + stop·t instead, so no value is NaN.
 */
export function linspace(start: number, stop: number, points: number): Float64Array {
  if (!Number.isInteger(points) || points < 2)
    throw new RangeError(`points must be an integer ≥ 2, got ${points}`);
  const values = new Float64Array(points);
  const step = (stop - start) / (points - 1);
  if (Number.isFinite(step)) for (let i = 0; i < points; i++) values[i] = start + i * step;
  // a range wider than the largest double (e.g. ±1e308): weighted ends, which never overflow
  else
    for (let i = 0; i < points; i++) values[i] = start * (1 - i / (points - 1)) + stop * (i / (points - 1));
  values[points - 1] = stop;
  return values;
}
