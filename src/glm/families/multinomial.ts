/**
 * The multinomial family (K classes, softmax link) in one place: what its path
 * (multinomialPath.ts), its Newton solver (solvers/multinomialNewton.ts), cross-validation and
 * predict take of it. Row i has one η per class; with y_ic its one-hot target,
 *
 *   probabilities  p_ic = e^{η_ic} / Σ_d e^{η_id}   (shifted by the row's largest η: no overflow)
 *   loss           ℓ_i = log Σ_c e^{η_ic} − η_i,y_i  (the negative log-likelihood)
 *   gradient       ∂ℓ_i/∂η_ic = p_ic − y_ic
 *   curvature      ∂²ℓ_i/∂η_ic² = p_ic (1 − p_ic)   (the class-c block's IRLS weight)
 *   deviance       2 Σ w ℓ                           (a one-hot target's saturated loss is 0)
 *
 * It is not an ExponentialFamily (exponentialFamily.ts): η is a row of K numbers, not one, so its
 * path runs K coefficient vectors; the primitives below are shared by everything that does.
 */
import type { Design } from "../design.js";
import { lambdaMax } from "../lambdaSequence.js";

/**
 * log Σ_c e^{v_c} over K values at values[start], values[start + stride], …, computed as
 * m + log Σ e^{v_c − m} with m the largest, so that neither overflows nor all terms underflow.
 */
export function logSumExp(values: Float64Array, start: number, K: number, stride = 1): number {
  let largest = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < K; c++) largest = Math.max(largest, values[start + c * stride]!);
  let sum = 0;
  for (let c = 0; c < K; c++) sum += Math.exp(values[start + c * stride]! - largest);
  return largest + Math.log(sum);
}

/**
 * The K probabilities of one row's η (row-major: eta[start … start + K)) into out[outStart …),
 * shifted by the row's largest η. Returns log Σ e^η, the row's loss without its −η_y.
 */
export function softmaxRow(
  eta: Float64Array,
  start: number,
  K: number,
  out: Float64Array,
  outStart: number,
): number {
  let largest = Number.NEGATIVE_INFINITY;
  for (let c = 0; c < K; c++) largest = Math.max(largest, eta[start + c]!);
  let sum = 0;
  for (let c = 0; c < K; c++) {
    const e = Math.exp(eta[start + c]! - largest);
    out[outStart + c] = e;
    sum += e;
  }
  const inverse = 1 / sum;
  for (let c = 0; c < K; c++) out[outStart + c]! *= inverse;
  return largest + Math.log(sum);
}

/** The intercept-only model: η_c = log(share_c), each class's weighted share (Σ share = 1). */
export function nullIntercept(share: number): number {
  return Math.log(Math.max(share, 1e-300));
}

/**
 * glmnet's λ_max for the ungrouped penalty: the largest over the classes of each class's own,
 * max_j |x̃_jᵀ W (y_c − share_c)| / (α pf_j) (with no intercept, the gradient at η = 0, p = 1/K).
 */
export function multinomialLambdaMax(
  design: Design,
  onehot: readonly Float64Array[],
  alpha: number,
  penaltyFactor: Float64Array,
): number {
  let maximum = 0;
  for (const y of onehot)
    maximum = Math.max(maximum, lambdaMax(design, y, alpha, penaltyFactor, 1 / onehot.length));
  return maximum;
}

/** glmnet's early stop for its multinomial paths: %Dev gained less than 1e-5, absolutely. */
export function gainIsSmall(devRatio: readonly number[], k: number): boolean {
  return devRatio[k]! - devRatio[k - 1]! < 1e-5;
}

export type MultinomialMeasure = "deviance" | "mse" | "mae" | "class";

/**
 * The loss of one row's predicted probabilities p_1…p_K against its class y, as cv.glmnet scores
 * it: deviance −2 log p_y (p clipped to [1e-5, 1 − 1e-5]), squared and absolute error of the
 * one-hot target, Σ_c (y_c − p_c)² and Σ_c |y_c − p_c|, and misclassification.
 */
export function rowLoss(measure: MultinomialMeasure, y: number, probabilities: Float64Array): number {
  let best = 0;
  let squares = 0;
  let absolute = 0;
  for (let c = 0; c < probabilities.length; c++) {
    const p = probabilities[c]!;
    if (p > probabilities[best]!) best = c;
    const target = c === y ? 1 : 0;
    squares += (target - p) ** 2;
    absolute += Math.abs(target - p);
  }
  switch (measure) {
    case "mse":
      return squares;
    case "mae":
      return absolute;
    case "class":
      return best === y ? 0 : 1;
    default:
      return -2 * Math.log(Math.min(Math.max(probabilities[y]!, 1e-5), 1 - 1e-5));
  }
}
