/**
 * Penalties on the weight m (the bias c is never penalized: shifting the curve left or right does
 * not make it steeper).
 *
 *   L2:  P(m) = (λ₂/2)·m²     ∂P/∂m = λ₂·m           — "weight decay": each step multiplies m by (1 − η·λ₂)
 *   L1:  P(m) = λ₁·|m|        subgradient λ₁·sign(m)  — handled by its proximal step, the soft threshold
 *
 * L1 is not differentiable at 0, so plain gradient steps would make m jitter around 0 instead of
 * landing on it. The proximal step solves min_u ½(u − v)² + η·λ₁·|u| exactly:
 *   S(v, η·λ₁) = sign(v) · max(|v| − η·λ₁, 0).
 */

/** The strengths of the two penalties; 0 turns one off. */
export interface Penalty {
  l2: number;
  l1: number;
}

export const NO_PENALTY: Penalty = Object.freeze({ l2: 0, l1: 0 });

/** P(m) = (λ₂/2)·m² + λ₁·|m|. */
export function penaltyValue(penalty: Penalty, m: number): number {
  return 0.5 * penalty.l2 * m * m + penalty.l1 * Math.abs(m);
}

/** ∂/∂m of the L2 part, λ₂·m: the smooth part, taken in the gradient step. */
export function l2Gradient(penalty: Penalty, m: number): number {
  return penalty.l2 * m;
}

/** A subgradient of P at m (0 is chosen for the L1 part at m = 0): for reports, not for steps. */
export function penaltySubgradient(penalty: Penalty, m: number): number {
  return penalty.l2 * m + penalty.l1 * Math.sign(m);
}

/** The soft threshold S(v, k) = sign(v)·max(|v| − k, 0): the proximal step of k·|·|. */
export function softThreshold(v: number, k: number): number {
  if (v > k) return v - k;
  if (v < -k) return v + k;
  return 0;
}
