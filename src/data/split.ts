/**
 * Data preparation for training: a seeded split into training and test rows, and standardization
 * with the training rows' mean and 1/n standard deviation (a constant column gets scale 1, so it
 * stays constant — 0 after centring — instead of dividing by zero).
 */
import { createRandom } from "../core/random.js";
import type { Dataset } from "./parseCsv.js";

/** Rows [i₀, i₁, …] of a data set, copied into a new one. */
export function takeRows(data: Dataset, rows: readonly number[]): Dataset {
  const { p } = data;
  const x = new Float64Array(rows.length * p);
  const y = new Float64Array(rows.length);
  rows.forEach((row, i) => {
    x.set(data.x.subarray(row * p, row * p + p), i * p);
    y[i] = data.y[row]!;
  });
  const lines = data.lines ? Int32Array.from(rows, (row) => data.lines![row]!) : undefined;
  return { ...data, n: rows.length, x, y, lines };
}

/** A seeded shuffle of 0 … n−1 (Fisher–Yates). */
export function shuffledIndices(n: number, seed: number): number[] {
  const random = createRandom(seed);
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = random.integer(i + 1);
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  return order;
}

/** Splits rows at random into a training share `trainRatio` and the rest for testing. */
export function trainTestSplit(
  data: Dataset,
  trainRatio: number,
  seed: number,
): { train: Dataset; test: Dataset } {
  const order = shuffledIndices(data.n, seed);
  const cut = Math.max(1, Math.min(data.n - 1, Math.round(trainRatio * data.n)));
  return { train: takeRows(data, order.slice(0, cut)), test: takeRows(data, order.slice(cut)) };
}

export interface Standardizer {
  mean: Float64Array;
  scale: Float64Array;
}

/** Column means and 1/n standard deviations of n rows of row-major x (p columns); 0 for a constant column. */
export function columnMoments(
  x: Float64Array,
  n: number,
  p: number,
): { mean: Float64Array; sd: Float64Array } {
  const mean = new Float64Array(p);
  const sd = new Float64Array(p);
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) mean[j]! += x[i * p + j]! / n;
  for (let i = 0; i < n; i++) for (let j = 0; j < p; j++) sd[j]! += (x[i * p + j]! - mean[j]!) ** 2 / n;
  for (let j = 0; j < p; j++) sd[j] = Math.sqrt(sd[j]!);
  return { mean, sd };
}

/** Column means and 1/n standard deviations of the rows of `data` (scale 1 for a constant column). */
export function fitStandardizer(data: Dataset): Standardizer {
  const { mean, sd } = columnMoments(data.x, data.n, data.p);
  return { mean, scale: sd.map((s) => (s > 0 ? s : 1)) };
}

export function standardize(data: Dataset, { mean, scale }: Standardizer): Dataset {
  const { n, p } = data;
  const x = new Float64Array(n * p);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < p; j++) x[i * p + j] = (data.x[i * p + j]! - mean[j]!) / scale[j]!;
  return { ...data, x };
}
