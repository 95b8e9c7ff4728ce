/**
 * The stepper's scenarios, walked in Node exactly as the page walks them (the same state module):
 * what each "Try this" step promises must follow from the library's own steps.
 */
import { describe, expect, it } from "vitest";
import { stepStatus } from "../../src/experiments/stepStatus.js";
import { teacherData } from "../../src/experiments/teacherData.js";
import { advance, startRun } from "../../web/src/chapters/stepperState.js";

const data = teacherData();
const walk = (m0: number, eta: number, steps: number, l2 = 0) => {
  const run = startRun(data, m0);
  advance(run, data, { learningRate: eta, penalty: { l1: 0, l2 } }, steps);
  return run;
};

describe("stepStatus", () => {
  const ends = { m: 100, loss: 0.04, objective: 0.04, gradient: 3e-5, meanDydz: 0.005 };
  it("calls a saturated unit whose weight barely moves stalled", () => {
    expect(stepStatus(ends, { ...ends, m: 99.9999, loss: 0.0399, objective: 0.0399 })).toBe("stalled");
  });
  it("calls a rise of the objective, or a flip of the gradient's sign, an overshoot", () => {
    expect(stepStatus(ends, { ...ends, objective: 0.041 })).toBe("overshoot");
    expect(stepStatus(ends, { ...ends, m: 99, objective: 0.039, gradient: -1e-5 })).toBe("overshoot");
  });
  it("calls honest progress learning, and a loss under the target reached", () => {
    const moving = { ...ends, meanDydz: 0.2 };
    expect(stepStatus(moving, { ...moving, m: 90, loss: 0.03, objective: 0.03 })).toBe("learning");
    expect(stepStatus(moving, { ...moving, m: 2, loss: 1e-4, objective: 1e-4 })).toBe("reached");
  });
  it("calls non-finite weights diverged", () => {
    expect(stepStatus(ends, { ...ends, m: Number.NaN })).toBe("diverged");
  });
});

describe("the stepper's scenarios", () => {
  it("m₀ = 100, η = 10 stalls from the first step (m barely moves)", () => {
    const run = walk(100, 10, 5);
    expect(run.statuses).toEqual(["stalled", "stalled", "stalled", "stalled", "stalled"]);
    expect(run.m).toBeGreaterThan(99.9);
  });
  it("with L2 λ = 0.01 the same start learns: m shrinks by ~10 % a step", () => {
    const run = walk(100, 10, 20, 0.01);
    expect(run.statuses).toEqual(Array(20).fill("learning"));
    expect(run.m).toBeLessThan(15);
  });
  it("m₀ = 100, η = 10000 jumps past the minimum within 20 steps", () => {
    const run = walk(100, 1e4, 20);
    expect(run.first.overshoot).toBeLessThanOrEqual(20);
  });
  it("m₀ = 0.1, η = 10 learns without stalling or overshooting", () => {
    const run = walk(0.1, 10, 20);
    expect(run.first.reached).toBeLessThanOrEqual(20);
    expect(run.statuses).not.toContain("stalled");
    expect(run.statuses).not.toContain("overshoot");
  });
  it("records the loss before the first step and after every step", () => {
    const run = walk(0.1, 10, 3);
    expect(run.losses).toHaveLength(4);
    expect(run.losses[0]).toBeGreaterThan(run.losses[3]!);
  });
});
