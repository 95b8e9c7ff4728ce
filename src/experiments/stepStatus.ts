/**
 * What one gradient-descent step of the sigmoid unit did, in the article's words — judged from the
 * state before and after the step, so the verdict is right from the very first step:
 *
 * - **overshoot**: the step jumped past the minimum — the objective E + P rose, or ∂(E + P)/∂m
 *   changed sign (the weight went past the point where the slope is zero);
 * - **stalled**: the activation is saturated (mean σ′ below the saturation threshold, 0.01 as in
 *   `reglab sigmoid`) and the weight moved by less than 0.1 % of itself: the update is tiny
 *   *because σ′ is*, however wrong the output;
 * - **reached**: the data loss is at or below the target (default 0.001);
 * - **learning**: none of these — the step made honest progress;
 * - **diverged**: a weight or the loss stopped being a finite number.
 *
 * Order matters: an overshoot is reported even when the loss is already small, and a stall only when
 * nothing jumped.
 */

export type StepStatus = "learning" | "stalled" | "overshoot" | "reached" | "diverged";

/** The unit's state on either side of a step (objective = E + P; gradient = ∂(E + P)/∂m). */
export interface StepEnds {
  m: number;
  loss: number;
  objective: number;
  gradient: number;
  /** Mean σ′(z) over the data. */
  meanDydz: number;
}

export interface StepStatusOptions {
  /** Mean σ′ below this counts as saturated; default 0.01. */
  saturationThreshold?: number;
  /** |Δm| below this share of max(1, |m|) counts as "barely moved"; default 1e-3. */
  tinyUpdate?: number;
  /** The data loss that counts as learned; default 1e-3. */
  lossTarget?: number;
}

/** A rise of the objective smaller than this relative amount is rounding, not an overshoot. */
const RISE_TOLERANCE = 1e-12;

export function stepStatus(before: StepEnds, after: StepEnds, options: StepStatusOptions = {}): StepStatus {
  const { saturationThreshold = 0.01, tinyUpdate = 1e-3, lossTarget = 1e-3 } = options;
  if (!(Number.isFinite(after.m) && Number.isFinite(after.loss) && Number.isFinite(after.objective)))
    return "diverged";
  const rose = after.objective > before.objective * (1 + RISE_TOLERANCE);
  const flipped = before.gradient * after.gradient < 0;
  if (rose || flipped) return "overshoot";
  if (after.loss <= lossTarget) return "reached";
  const moved = Math.abs(after.m - before.m) / Math.max(1, Math.abs(before.m));
  if (before.meanDydz < saturationThreshold && moved < tinyUpdate) return "stalled";
  return "learning";
}
