/**
 * Thins a long series for drawing while keeping its envelope: the series is cut into `buckets`
 * equal runs of indices and each run keeps its first point, its minimum and its maximum (in index
 * order). Oscillations therefore stay visible, which plain every-k-th sampling would hide.
 * Returns the kept indices, ascending, always including the first and the last.
 */
export function envelopeIndices(values: ArrayLike<number>, buckets: number): number[] {
  const n = values.length;
  if (n <= 3 * buckets) return Array.from({ length: n }, (_, i) => i);
  const kept = new Set<number>([0, n - 1]);
  const size = n / buckets;
  for (let b = 0; b < buckets; b++) {
    const start = Math.floor(b * size);
    const end = Math.min(n, Math.floor((b + 1) * size));
    let lowest = start;
    let highest = start;
    for (let i = start; i < end; i++) {
      if (values[i]! < values[lowest]!) lowest = i;
      if (values[i]! > values[highest]!) highest = i;
    }
    kept.add(start).add(lowest).add(highest);
  }
  return [...kept].sort((a, b) => a - b);
}
