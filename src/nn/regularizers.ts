/**
 * Weight penalties and constraints (on weights, never on biases).
 *
 *   L2:       P = (λ₂/2)·Σ w²       ∂P/∂w = λ₂·w        (weight decay)
 *   L1:       P = λ₁·Σ |w|          ∂P/∂w = λ₁·sign(w)  (a subgradient: with adaptive optimizers a
 *                                                       proximal step has no clean form, so the
 *                                                       subgradient is what Keras and TF.js use)
 *   max-norm: after each step, every unit's incoming weight vector is scaled back to norm ≤ c.
 *
 * Dropout and early stopping live in the forward pass and the training loop.
 */
export interface Regularization {
  l2: number;
  l1: number;
  /** Largest allowed norm of a unit's incoming weights; 0 = no constraint. */
  maxNorm: number;
}

export const NO_REGULARIZATION: Regularization = Object.freeze({ l2: 0, l1: 0, maxNorm: 0 });

/** P(W) summed over all weight matrices. */
export function penalty(weights: readonly Float64Array[], { l2, l1 }: Regularization): number {
  let sumSquares = 0;
  let sumAbs = 0;
  for (const w of weights) {
    for (let i = 0; i < w.length; i++) {
      sumSquares += w[i]! * w[i]!;
      sumAbs += Math.abs(w[i]!);
    }
  }
  return 0.5 * l2 * sumSquares + l1 * sumAbs;
}

/** gradient += ∂P/∂w, in place. */
export function addPenaltyGradient(
  weights: readonly Float64Array[],
  gradients: readonly Float64Array[],
  { l2, l1 }: Regularization,
): void {
  if (l2 === 0 && l1 === 0) return;
  weights.forEach((w, index) => {
    const g = gradients[index]!;
    for (let i = 0; i < w.length; i++) g[i]! += l2 * w[i]! + l1 * Math.sign(w[i]!);
  });
}

/** Scales each row (a unit's incoming weights) of each W_l down to norm ≤ maxNorm. */
export function applyMaxNorm(
  weights: readonly Float64Array[],
  sizes: readonly number[],
  maxNorm: number,
): void {
  if (!(maxNorm > 0)) return;
  weights.forEach((w, index) => {
    const nIn = sizes[index]!;
    for (let row = 0; row < w.length; row += nIn) {
      let sumSquares = 0;
      for (let k = 0; k < nIn; k++) sumSquares += w[row + k]! ** 2;
      const norm = Math.sqrt(sumSquares);
      if (norm > maxNorm) for (let k = 0; k < nIn; k++) w[row + k]! *= maxNorm / norm;
    }
  });
}
