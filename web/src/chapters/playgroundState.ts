/**
 * The playground's state as plain data: the points it trains on, the student's edits and upload,
 * the run on screen (its id, whether it trains, its latest frame) and the losses drawn as curves —
 * with the pure functions that change it. No DOM here: tested in Node.
 */
import type { LiveSettings } from "../../../src/nn/trainer.js";
import type { PlaygroundFrame, Points2d } from "../worker/protocol.js";
import type { PointEdits } from "./playgroundPoints.js";

export interface LossPoint {
  epoch: number;
  train: number;
  test: number;
}

export interface PlaygroundState {
  /** The points of the current run (generated and edited, or uploaded). */
  points: Points2d;
  /** An uploaded CSV's points, in use until another data set is chosen. */
  uploaded: Points2d | null;
  /** Points the student added or removed by clicking the map (saved in the URL). */
  edits: PointEdits;
  /** The id of the run on screen: frames of an older run are ignored. */
  run: number;
  running: boolean;
  /** The newest frame drawn (null until the new run's first frame). */
  last: PlaygroundFrame | null;
  history: LossPoint[];
}

/** The loss curve keeps at most this many points: beyond it every other one is dropped. */
export const HISTORY_LIMIT = 600;

export const noEdits = (): PointEdits => ({ added: [], removed: new Set() });

export function initialState(edits: PointEdits): PlaygroundState {
  return {
    points: { x: new Float64Array(), y: new Float64Array() },
    uploaded: null,
    edits,
    run: 0,
    running: false,
    last: null,
    history: [],
  };
}

/** A new run starts with no frame and an empty loss history. */
export function startRun(state: PlaygroundState, run: number, points: Points2d): void {
  state.run = run;
  state.points = points;
  state.last = null;
  state.history = [];
}

/**
 * Records a frame's losses, once per epoch (a paused run re-posts its epoch). Past HISTORY_LIMIT
 * points every other one is dropped: the curve keeps its whole span at half the detail, and
 * drawing it stays as cheap after an hour as after a minute.
 */
export function recordLosses(history: LossPoint[], point: LossPoint): LossPoint[] {
  if (history.at(-1)?.epoch !== point.epoch) history.push(point);
  return history.length > HISTORY_LIMIT ? history.filter((_, k) => k % 2 === 0) : history;
}

/** The settings a student can change while the model trains, as the trainer takes them. */
export interface LiveInputs {
  learningRate: number;
  useL2: boolean;
  l2: number;
  useL1: boolean;
  l1: number;
  model: "network" | "polynomial";
  dropout: number;
}

/** An unticked penalty is 0, not its slider's value; dropout has no meaning for a polynomial. */
export function liveSettings(inputs: LiveInputs): LiveSettings {
  return {
    learningRate: inputs.learningRate,
    l2: inputs.useL2 ? inputs.l2 : 0,
    l1: inputs.useL1 ? inputs.l1 : 0,
    dropout: inputs.model === "network" ? inputs.dropout : 0,
    maxNorm: 0,
  };
}
