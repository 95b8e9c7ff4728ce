/**
 * What the network is asked to do, read off the targets: K-class classification when the targets
 * are the labels 0, 1, …, K−1 (K ≤ 20), else regression. From it follow the output layer and the
 * target encoding:
 *
 *   classification, K = 2:  1 output unit, sigmoid;  target y ∈ {0, 1}
 *   classification, K > 2:  K output units, softmax (log loss) or sigmoid (squared loss); one-hot
 *   regression:             1 output unit, linear (squared loss only)
 */
import type { ActivationName } from "./activations.js";
import type { LossName } from "./losses.js";

export interface Task {
  kind: "classification" | "regression";
  /** Number of classes (0 for regression). */
  classes: number;
  outputs: number;
  output: ActivationName | "softmax";
}

export const MAX_CLASSES = 20;

/** The index of the first target that is not a class label, or −1 if all are. */
export function firstNonLabel(y: Float64Array): number {
  return y.findIndex((v) => !(Number.isInteger(v) && v >= 0 && v < MAX_CLASSES));
}

/**
 * The task of targets `y` — and of `others` (e.g. the test rows), so a label seen only there still
 * gets its own output unit: classes are counted over every split, never over the training rows alone.
 */
export function taskFor(y: Float64Array, loss: LossName, others: readonly Float64Array[] = []): Task {
  const all = [y, ...others];
  if (all.every((targets) => firstNonLabel(targets) === -1)) {
    let classes = 2;
    for (const targets of all) for (const label of targets) if (label + 1 > classes) classes = label + 1;
    if (classes === 2) return { kind: "classification", classes, outputs: 1, output: "sigmoid" };
    return {
      kind: "classification",
      classes,
      outputs: classes,
      output: loss === "log" ? "softmax" : "sigmoid",
    };
  }
  return { kind: "regression", classes: 0, outputs: 1, output: "linear" };
}

/** Targets as the network's outputs see them: row-major n × outputs (one-hot for K > 2). */
export function encodeTargets(y: Float64Array, task: Task): Float64Array {
  if (task.outputs === 1) return Float64Array.from(y);
  const encoded = new Float64Array(y.length * task.outputs);
  y.forEach((label, i) => {
    encoded[i * task.outputs + label] = 1;
  });
  return encoded;
}
