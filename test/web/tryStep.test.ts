/**
 * A "Try this" step in teacher mode, in Node: which hidden controls it would change. A lesson's
 * hidden control holds what the teacher fixed; a step that would move it is left out.
 */
import { describe, expect, it } from "vitest";
import { PLAYGROUND_STORY } from "../../web/src/chapters/playgroundStory.js";
import { SIGMOID_STORY } from "../../web/src/chapters/sigmoidStory.js";
import { type ControlValue, hiddenChanges, sameValue } from "../../web/src/ui/tryStep.js";

const [overfit, penalty] = PLAYGROUND_STORY.steps as [
  (typeof PLAYGROUND_STORY.steps)[number],
  (typeof PLAYGROUND_STORY.steps)[number],
];
const defaults: Record<string, ControlValue> = {
  "pg.model": "network",
  "pg.data": "spiral",
  "pg.noise": 0.5,
  "pg.speed": "slow",
  "pg.useL2": false,
  "pg.useL1": false,
  "pg.drop": 0,
  "pg.l2": 0.003,
};
const hiding =
  (...keys: string[]) =>
  (key: string) =>
    keys.includes(key);
const values =
  (changes: Record<string, ControlValue> = {}) =>
  (key: string) =>
    ({ ...defaults, ...changes })[key];

describe("hiddenChanges", () => {
  it("is empty outside teacher mode: nothing is hidden", () => {
    expect(hiddenChanges(overfit, hiding(), values())).toEqual([]);
  });
  it("names a hidden control the step would move away from the lesson's value", () => {
    expect(hiddenChanges(overfit, hiding("pg.data"), values({ "pg.data": "xor" }))).toEqual(["pg.data"]);
    expect(hiddenChanges(penalty, hiding("pg.l2"), values())).toEqual(["pg.l2"]);
  });
  it("keeps a step that sets a hidden control to the value it holds (dropout hidden at 0)", () => {
    expect(hiddenChanges(overfit, hiding("pg.drop", "pg.useL1"), values())).toEqual([]);
  });
  it("names the hidden button row of the button it presses", () => {
    expect(hiddenChanges(overfit, hiding("pg.run"), values(), "pg.run")).toEqual(["pg.run"]);
    expect(hiddenChanges(overfit, hiding(), values(), "pg.run")).toEqual([]);
  });
  it("leaves out a step whose hidden control is not on the page (its value cannot be known)", () => {
    const sigmoid = SIGMOID_STORY.steps[0]!;
    expect(hiddenChanges(sigmoid, hiding("sig.c"), () => undefined)).toEqual(["sig.c"]);
  });
});

describe("sameValue", () => {
  it("compares numbers relatively (a log slider's 0.01 is 0.01), booleans with the URL's 1 / 0", () => {
    expect(sameValue(0.1 + 0.2, 0.3)).toBe(true);
    expect(sameValue(0.0031, 0.003)).toBe(false);
    expect(sameValue(true, true)).toBe(true);
    expect(sameValue("1", true)).toBe(true);
    expect(sameValue(false, true)).toBe(false);
    expect(sameValue("spiral", "xor")).toBe(false);
  });
});
