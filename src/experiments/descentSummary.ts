/**
 * Numbers that tell a stall from an overshoot, read off one gradient-descent history.
 *
 * - A *stall* is progress too small to see: a step whose relative loss decrease is below
 *   `stallTolerance` (default 1e-4, i.e. 0.01% of the loss) while the loss is still above target.
 * - An *overshoot* is a step that jumps past the minimum along the way: the objective goes *up*
 *   by more than 1e-9 of its starting value. Smaller rises are not overshoots but rounding: once
 *   the loss is near its floor, weights that differ in their last bits move it by ~1e-30.
 */
import type { DescentResult } from "../core/gradientDescent.js";

export interface DescentSummary {
  stepsTaken: number;
  stepsToTarget: number | null;
  diverged: boolean;
  initialLoss: number;
  finalLoss: number;
  finalObjective: number;
  finalM: number;
  finalC: number;
  /** Mean σ'(z) over the data at the start: the share of signal the activation lets through. */
  initialMeanDydz: number;
  initialSaturatedShare: number;
  initialGradientNorm: number;
  /** Steps, while above target, whose loss fell by less than stallTolerance (relative). */
  stalledSteps: number;
  /** Steps at which the objective rose. */
  objectiveIncreases: number;
  /** The largest rise of the objective in one step (0 if none). */
  largestIncrease: number;
  /** Times the update of m changed sign. */
  directionReversals: number;
  /** "reached" the target, "stalled" short of it, "oscillating" (rises in ≥ 1% of steps), "diverged". */
  outcome: "reached" | "stalled" | "oscillating" | "diverged";
}

export function summarizeDescent(
  result: DescentResult,
  lossTarget: number,
  stallTolerance = 1e-4,
): DescentSummary {
  const { loss, objective, m } = result.history;
  const last = loss.length - 1;
  let stalledSteps = 0;
  let objectiveIncreases = 0;
  let largestIncrease = 0;
  let directionReversals = 0;
  let previousDirection = 0;
  const riseTolerance = 1e-9 * Math.abs(objective[0]!);
  for (let k = 0; k < last; k++) {
    const before = loss[k]!;
    if (before > lossTarget && before - loss[k + 1]! < stallTolerance * before) stalledSteps++;
    const rise = objective[k + 1]! - objective[k]!;
    if (rise > riseTolerance) {
      objectiveIncreases++;
      largestIncrease = Math.max(largestIncrease, rise);
    }
    const direction = Math.sign(m[k + 1]! - m[k]!);
    if (direction !== 0) {
      if (previousDirection !== 0 && direction !== previousDirection) directionReversals++;
      previousDirection = direction;
    }
  }
  const outcome = result.diverged
    ? "diverged"
    : objectiveIncreases >= Math.max(1, 0.01 * last)
      ? "oscillating"
      : result.stepsToTarget !== null
        ? "reached"
        : "stalled";
  return {
    stepsTaken: result.stepsTaken,
    stepsToTarget: result.stepsToTarget,
    diverged: result.diverged,
    initialLoss: loss[0]!,
    finalLoss: loss[last]!,
    finalObjective: objective[last]!,
    finalM: result.m,
    finalC: result.c,
    initialMeanDydz: result.history.meanDydz[0]!,
    initialSaturatedShare: result.history.saturatedShare[0]!,
    initialGradientNorm: result.history.gradientNorm[0]!,
    stalledSteps,
    objectiveIncreases,
    largestIncrease,
    directionReversals,
    outcome,
  };
}
