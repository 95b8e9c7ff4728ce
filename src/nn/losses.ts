/**
 * Losses on the network's output layer, each with its gradient with respect to the output
 * pre-activations z (what backpropagation starts from). Per sample, summed over output units;
 * training averages over the batch.
 *
 *   squared:   E = ½ Σ_k (a_k − y_k)²          ∂E/∂z_k = (a_k − y_k) · a'(z_k)     (the article's)
 *   log, 1 output (sigmoid):  E = −y log σ(z) − (1 − y) log σ(−z)   ∂E/∂z = σ(z) − y
 *   log, K outputs (softmax): E = logΣ_k e^{z_k} − Σ_k y_k z_k       ∂E/∂z_k = softmax_k − y_k
 *
 * The log losses are computed from z with log-sigmoid and log-sum-exp, so a confident wrong answer
 * costs a large finite number, never ∞ or NaN. Note what the squared loss keeps and the log loss
 * drops: the factor a'(z), which vanishes when the output unit saturates.
 */
import { logSigmoid } from "../core/sigmoid.js";
import type { Activation } from "./activations.js";

export const LOSS_NAMES = ["squared", "log"] as const;
export type LossName = (typeof LOSS_NAMES)[number];

/**
 * Loss of one sample and its gradient ∂E/∂z written into `dz` (length K = outputs).
 * `a` holds the output activations (for softmax: the probabilities), `y` the targets (one-hot for K > 1).
 */
export function lossAndGradient(
  loss: LossName,
  output: Activation,
  z: Float64Array,
  a: Float64Array,
  y: Float64Array,
  offset: number,
  outputs: number,
  dz: Float64Array,
): number {
  let value = 0;
  if (loss === "squared") {
    for (let k = 0; k < outputs; k++) {
      const i = offset + k;
      const error = a[i]! - y[i]!;
      value += 0.5 * error * error;
      dz[i] = error * output.der(z[i]!);
    }
    return value;
  }
  if (outputs === 1) {
    const zi = z[offset]!;
    const yi = y[offset]!;
    dz[offset] = a[offset]! - yi;
    return -(yi * logSigmoid(zi) + (1 - yi) * logSigmoid(-zi));
  }
  // softmax cross-entropy: log Σ e^{z_k} − Σ y_k z_k, with the max subtracted before exp
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < outputs; k++) max = Math.max(max, z[offset + k]!);
  let sum = 0;
  for (let k = 0; k < outputs; k++) sum += Math.exp(z[offset + k]! - max);
  const logSumExp = max + Math.log(sum);
  for (let k = 0; k < outputs; k++) {
    const i = offset + k;
    value += y[i]! * (logSumExp - z[i]!);
    dz[i] = a[i]! - y[i]!;
  }
  return value;
}

/** Softmax of z[offset … offset+K) into a, stable (max subtracted). */
export function softmaxInto(z: Float64Array, a: Float64Array, offset: number, outputs: number): void {
  let max = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < outputs; k++) max = Math.max(max, z[offset + k]!);
  let sum = 0;
  for (let k = 0; k < outputs; k++) {
    const e = Math.exp(z[offset + k]! - max);
    a[offset + k] = e;
    sum += e;
  }
  for (let k = 0; k < outputs; k++) a[offset + k]! /= sum;
}
