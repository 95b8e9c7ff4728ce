/**
 * Direct labels kept apart: given where each label would like to sit along one axis (a curve's end,
 * in pixels), places them so that neighbours are at least `gap` apart, each as near its wish as
 * the others allow, inside [low, high]. The classic "dodge" by merging clusters: labels that would
 * overlap form a cluster centred on the mean of their wishes; clusters that then overlap merge.
 * Order is kept, so a label never crosses its neighbour.
 *
 * When more labels want the axis than fit (n·gap > high − low) they are spread evenly over it; the
 * caller should then label fewer (see {@link labelsThatFit}).
 *
 * Used by the web lab's charts and by the CLI's figures alike.
 */

export interface PlacedLabel {
  /** Index into the input. */
  index: number;
  /** Where the label wanted to be. */
  wanted: number;
  /** Where it is placed. */
  at: number;
}

export function placeLabels(
  wanted: readonly number[],
  gap: number,
  low: number,
  high: number,
): PlacedLabel[] {
  const order = wanted.map((_, index) => index).sort((a, b) => wanted[a]! - wanted[b]!);
  if (order.length === 0) return [];
  if ((order.length - 1) * gap > high - low) {
    const step = order.length > 1 ? (high - low) / (order.length - 1) : 0;
    return order.map((index, k) => ({ index, wanted: wanted[index]!, at: low + k * step }));
  }
  // clusters: [first label in `order`, count, sum of wishes]
  const clusters: { first: number; count: number; sum: number }[] = [];
  const start = (c: { count: number; sum: number }) => {
    const centre = c.sum / c.count;
    const half = ((c.count - 1) * gap) / 2;
    return Math.min(Math.max(centre - half, low), high - 2 * half);
  };
  order.forEach((index, k) => {
    clusters.push({ first: k, count: 1, sum: wanted[index]! });
    // merge backwards while the last cluster overlaps the one before it
    while (clusters.length > 1) {
      const last = clusters.at(-1)!;
      const before = clusters.at(-2)!;
      if (start(before) + before.count * gap <= start(last)) break;
      before.count += last.count;
      before.sum += last.sum;
      clusters.pop();
    }
  });
  const placed: PlacedLabel[] = [];
  for (const cluster of clusters) {
    const first = start(cluster);
    for (let k = 0; k < cluster.count; k++) {
      const index = order[cluster.first + k]!;
      placed.push({ index, wanted: wanted[index]!, at: first + k * gap });
    }
  }
  return placed;
}

/**
 * Which labels to draw when not all fit: the `importance`-largest that fit in [low, high] at `gap`
 * apart (a path with 60 coefficients labels its largest, and thins the rest).
 */
export function labelsThatFit(
  importance: readonly number[],
  gap: number,
  low: number,
  high: number,
): number[] {
  const room = Math.max(1, Math.floor((high - low) / gap) + 1);
  return importance
    .map((value, index) => ({ value, index }))
    .sort((a, b) => b.value - a.value)
    .slice(0, room)
    .map((entry) => entry.index)
    .sort((a, b) => a - b);
}

/**
 * placeLabels on a chart's vertical scale: each label wants to sit at its value (a line's end, in
 * data units); the values are mapped to pixels of the frame [top, bottom] (a log scale when asked),
 * placed `gap` px apart, and returned in data units again, ready for a text mark's y.
 */
export function placeLabelsOnScale(
  values: readonly number[],
  scale: { domain: readonly [number, number]; log?: boolean },
  frame: { top: number; bottom: number },
  gap: number,
): number[] {
  // (a value a log scale cannot show sits at the bottom, not at NaN)
  const f = scale.log ? (v: number) => Math.log(Math.max(v, Number.MIN_VALUE)) : (v: number) => v;
  const inverse = scale.log ? Math.exp : (v: number) => v;
  const [low, high] = [f(scale.domain[0]), f(scale.domain[1])];
  const span = high - low || 1;
  const { top, bottom } = frame;
  const toPixel = (v: number) => bottom - ((f(v) - low) / span) * (bottom - top);
  const fromPixel = (px: number) => inverse(low + ((bottom - px) / (bottom - top)) * span);
  const at = new Array<number>(values.length);
  for (const placed of placeLabels(values.map(toPixel), gap, top, bottom))
    at[placed.index] = fromPixel(placed.at);
  return at;
}
