/**
 * The playground's state in Node: the loss history it draws as curves, the live settings it sends
 * the trainer, and what a new run forgets.
 */
import { describe, expect, it } from "vitest";
import {
  HISTORY_LIMIT,
  initialState,
  type LossPoint,
  liveSettings,
  noEdits,
  recordLosses,
  startRun,
} from "../../web/src/chapters/playgroundState.js";

const point = (epoch: number): LossPoint => ({ epoch, train: 1 / (epoch + 1), test: 2 / (epoch + 1) });

describe("recordLosses", () => {
  it("keeps one point per epoch: a paused run posting its epoch again adds nothing", () => {
    let history: LossPoint[] = [];
    for (const epoch of [1, 2, 2, 2, 3]) history = recordLosses(history, point(epoch));
    expect(history.map((p) => p.epoch)).toEqual([1, 2, 3]);
  });

  it("past the limit keeps every other point: the whole span, half the detail", () => {
    let history: LossPoint[] = [];
    for (let epoch = 1; epoch <= HISTORY_LIMIT + 1; epoch++) history = recordLosses(history, point(epoch));
    expect(history.length).toBe(Math.ceil((HISTORY_LIMIT + 1) / 2));
    expect(history[0]!.epoch).toBe(1);
    expect(history.at(-1)!.epoch).toBe(HISTORY_LIMIT + 1);
    for (let epoch = HISTORY_LIMIT + 2; epoch <= 5000; epoch++) history = recordLosses(history, point(epoch));
    expect(history.length).toBeLessThanOrEqual(HISTORY_LIMIT);
    expect(history[0]!.epoch).toBe(1);
  });
});

describe("liveSettings", () => {
  const inputs = {
    learningRate: 0.03,
    useL2: true,
    l2: 0.01,
    useL1: false,
    l1: 0.5,
    model: "network" as const,
    dropout: 0.2,
  };
  it("sends a ticked penalty's value and 0 for an unticked one", () => {
    expect(liveSettings(inputs)).toEqual({ learningRate: 0.03, l2: 0.01, l1: 0, dropout: 0.2, maxNorm: 0 });
    expect(liveSettings({ ...inputs, useL2: false, useL1: true })).toMatchObject({ l2: 0, l1: 0.5 });
  });
  it("drops dropout for a polynomial model, which has no units to drop", () => {
    expect(liveSettings({ ...inputs, model: "polynomial" }).dropout).toBe(0);
  });
});

describe("startRun", () => {
  it("forgets the last frame and the curves, keeps the edits and the upload", () => {
    const state = initialState({ added: [[0.5, 0.5, 1]], removed: new Set([3]) });
    state.history = [point(1), point(2)];
    state.uploaded = { x: new Float64Array([0, 1]), y: new Float64Array([1]) };
    const points = { x: new Float64Array([1, 2]), y: new Float64Array([0]) };
    startRun(state, 7, points);
    expect(state.run).toBe(7);
    expect(state.points).toBe(points);
    expect(state.history).toEqual([]);
    expect(state.last).toBeNull();
    expect(state.edits.added).toHaveLength(1);
    expect(state.uploaded).not.toBeNull();
    expect(noEdits()).toEqual({ added: [], removed: new Set() });
  });
});
