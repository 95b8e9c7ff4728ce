/**
 * The largest and smallest of many numbers, by a loop. `Math.max(...values)` passes every value as
 * an argument and overflows the call stack somewhere past 10⁵ of them; these never do. NaN policy:
 * a NaN among the values gives NaN, as Math.max does. An empty list gives −∞ (max) and +∞ (min).
 */
export function maxOf(values: ArrayLike<number>): number {
  let largest = Number.NEGATIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value > largest || Number.isNaN(value)) largest = value;
    if (Number.isNaN(largest)) return largest;
  }
  return largest;
}

export function minOf(values: ArrayLike<number>): number {
  let smallest = Number.POSITIVE_INFINITY;
  for (let i = 0; i < values.length; i++) {
    const value = values[i]!;
    if (value < smallest || Number.isNaN(value)) smallest = value;
    if (Number.isNaN(smallest)) return smallest;
  }
  return smallest;
}
