/**
 * The decision surface of a 2-D classifier: its predicted probability of class 1 on an even grid
 * covering the data (with a margin), in the data's original units. The network sees the grid
 * standardized exactly as its training inputs were.
 */
import type { Dataset } from "../data/parseCsv.js";
import type { Standardizer } from "../data/split.js";
import type { Network } from "../nn/network.js";
import { predict } from "../nn/predict.js";

export interface DecisionGrid {
  x1: Float64Array;
  x2: Float64Array;
  /** Probability of class 1 at (x1[i], x2[j]), stored at j·resolution + i. */
  probability: Float64Array;
}

/**
 * Cell centres of an even grid over the range of every value in `values` (both coordinates share
 * one axis, so the map is square), with a 5 % margin; a range of one value is widened to ±1.
 */
export function gridAxis(values: ArrayLike<number>, resolution: number): Float64Array {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < values.length; k++) {
    low = Math.min(low, values[k]!);
    high = Math.max(high, values[k]!);
  }
  if (!(high > low)) [low, high] = [low - 1, high + 1];
  const margin = 0.05 * (high - low);
  return Float64Array.from(
    { length: resolution },
    (_, i) => low - margin + ((i + 0.5) * (high - low + 2 * margin)) / resolution,
  );
}

export function decisionGrid(
  network: Network,
  standardizer: Standardizer,
  raw: Dataset,
  resolution = 60,
): DecisionGrid {
  const axis = gridAxis(raw.x, resolution);
  const inputs = new Float64Array(resolution * resolution * 2);
  for (let j = 0; j < resolution; j++) {
    for (let i = 0; i < resolution; i++) {
      const index = j * resolution + i;
      inputs[2 * index] = (axis[i]! - standardizer.mean[0]!) / standardizer.scale[0]!;
      inputs[2 * index + 1] = (axis[j]! - standardizer.mean[1]!) / standardizer.scale[1]!;
    }
  }
  const outputs = predict(network, inputs, resolution * resolution);
  const K = network.spec.sizes.at(-1)!;
  const probability = new Float64Array(resolution * resolution);
  for (let index = 0; index < probability.length; index++)
    probability[index] = K === 1 ? outputs[index]! : outputs[index * K + 1]!;
  return { x1: axis, x2: axis.slice(), probability };
}
