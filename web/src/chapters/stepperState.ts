/**
 * The chain-rule stepper's state: the unit's weights, every step's loss and verdict, and the first
 * step at which each verdict was given (what the chapter's "Try this" steps promise). Plain data
 * and pure functions — no DOM — so Node tests can walk a scenario exactly as the page does.
 *
 * Every step is the library's own gradient descent (core/gradientDescent, one step at a time) and
 * every verdict the library's rule (experiments/stepStatus).
 */
import { trainSigmoidUnit } from "../../../src/core/gradientDescent.js";
import type { Penalty } from "../../../src/core/penalty.js";
import { batchGradient, emptyBatchGradient } from "../../../src/core/sigmoidUnit.js";
import { type StepEnds, type StepStatus, stepStatus } from "../../../src/experiments/stepStatus.js";

/** At most this many steps per run (Play stops there). */
export const MAX_STEPS = 5000;

export interface StepperSettings {
  learningRate: number;
  penalty: Penalty;
}

export interface StepperRun {
  m: number;
  c: number;
  /** Data loss E before each step taken, then the current one: steps + 1 entries. */
  losses: number[];
  /** The verdict of each step taken. */
  statuses: StepStatus[];
  /** Δm of the last step. */
  lastUpdate: number;
  /** The 1-based step at which each verdict first appeared. */
  first: Partial<Record<StepStatus, number>>;
}

export interface StepperData {
  x: Float64Array;
  t: Float64Array;
}

const scratch = emptyBatchGradient();

/** The state a step is judged by: loss, objective E + P, ∂(E + P)/∂m and mean σ′. */
export function stepEnds(data: StepperData, m: number, c: number, penalty: Penalty): StepEnds {
  const g = batchGradient(m, c, data.x, data.t, scratch);
  return {
    m,
    loss: g.loss,
    objective: g.loss + 0.5 * penalty.l2 * m * m + penalty.l1 * Math.abs(m),
    gradient: g.dEdm + penalty.l2 * m,
    meanDydz: g.meanDydz,
  };
}

export function startRun(data: StepperData, m0: number): StepperRun {
  const ends = stepEnds(data, m0, 0, { l1: 0, l2: 0 });
  return { m: m0, c: 0, losses: [ends.loss], statuses: [], lastUpdate: 0, first: {} };
}

export const lastStatus = (run: StepperRun): StepStatus | "start" => run.statuses.at(-1) ?? "start";

export const isFinished = (run: StepperRun): boolean =>
  run.statuses.length >= MAX_STEPS || lastStatus(run) === "diverged" || lastStatus(run) === "reached";

/** Takes up to k steps of the library's gradient descent (in place); stops when the run is finished. */
export function advance(run: StepperRun, data: StepperData, settings: StepperSettings, k: number): void {
  for (let s = 0; s < k && !isFinished(run); s++) {
    const before = stepEnds(data, run.m, run.c, settings.penalty);
    const result = trainSigmoidUnit(
      data.x,
      data.t,
      { m: run.m, c: run.c },
      { learningRate: settings.learningRate, steps: 1, penalty: settings.penalty },
    );
    const after = stepEnds(data, result.m, result.c, settings.penalty);
    const status = result.diverged ? "diverged" : stepStatus(before, after);
    run.lastUpdate = result.m - run.m;
    run.m = result.m;
    run.c = result.c;
    run.statuses.push(status);
    run.losses.push(after.loss);
    run.first[status] ??= run.statuses.length;
  }
}
