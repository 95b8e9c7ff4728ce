import { describe, expect, it } from "vitest";
import { trainSigmoidUnit } from "../../src/core/gradientDescent.js";
import { penaltySubgradient, penaltyValue, softThreshold } from "../../src/core/penalty.js";
import { batchGradient, emptyBatchGradient } from "../../src/core/sigmoidUnit.js";
import { teacherData } from "../../src/experiments/teacherData.js";

const data = teacherData({ samples: 100, seed: 7 });

describe("trainSigmoidUnit", () => {
  it("lowers the loss at every step when the step is small enough", () => {
    const result = trainSigmoidUnit(data.x, data.t, { m: 0.1, c: 0 }, { learningRate: 0.5, steps: 400 });
    const { loss } = result.history;
    expect(loss.length).toBe(401);
    for (let k = 1; k < loss.length; k++) expect(loss[k]!).toBeLessThan(loss[k - 1]!);
    expect(loss[400]!).toBeLessThan(0.01 * loss[0]!);
  });

  it("takes exactly the update w ← w − η·∂E/∂w", () => {
    const eta = 0.3;
    const result = trainSigmoidUnit(data.x, data.t, { m: 0.4, c: 0.1 }, { learningRate: eta, steps: 1 });
    const g = batchGradient(0.4, 0.1, data.x, data.t, emptyBatchGradient());
    expect(result.m).toBe(0.4 - eta * g.dEdm);
    expect(result.c).toBe(0.1 - eta * g.dEdc);
  });

  it("finds the teacher's weights on noise-free data", () => {
    const result = trainSigmoidUnit(data.x, data.t, { m: 0.5, c: 0 }, { learningRate: 5, steps: 2000 });
    expect(result.m).toBeCloseTo(2, 6);
    expect(result.c).toBeCloseTo(-0.5, 6);
  });

  it("with L2 and no data gradient, shrinks m by (1 − ηλ) per step, as the closed form says", () => {
    const x = new Float64Array(10); // x = 0: ∂E/∂m = (y − t)·σ'(z)·0 = 0, only the penalty acts
    const t = new Float64Array(10).fill(0.3);
    const eta = 0.5;
    const l2 = 0.1;
    const result = trainSigmoidUnit(
      x,
      t,
      { m: 8, c: 0 },
      { learningRate: eta, steps: 50, penalty: { l2, l1: 0 } },
    );
    for (let k = 0; k <= 50; k++) {
      expect(result.history.m[k]!).toBeCloseTo(8 * (1 - eta * l2) ** k, 12);
    }
  });

  it("with L2, stops where the penalized gradient ∂E/∂m + λm vanishes, at a smaller |m|", () => {
    const l2 = 0.01;
    const plain = trainSigmoidUnit(data.x, data.t, { m: 1, c: 0 }, { learningRate: 5, steps: 4000 });
    const ridge = trainSigmoidUnit(
      data.x,
      data.t,
      { m: 1, c: 0 },
      { learningRate: 5, steps: 4000, penalty: { l2, l1: 0 } },
    );
    const g = batchGradient(ridge.m, ridge.c, data.x, data.t, emptyBatchGradient());
    expect(Math.abs(g.dEdm + l2 * ridge.m)).toBeLessThan(1e-10);
    expect(Math.abs(g.dEdc)).toBeLessThan(1e-10);
    expect(Math.abs(ridge.m)).toBeLessThan(Math.abs(plain.m));
  });

  it("with L1, lands exactly on m = 0 after max(m₀ − kηλ, 0) steps of the soft threshold", () => {
    const x = new Float64Array(4);
    const t = new Float64Array(4).fill(0.5);
    const result = trainSigmoidUnit(
      x,
      t,
      { m: 1, c: 0 },
      { learningRate: 0.1, steps: 30, penalty: { l2: 0, l1: 0.5 } },
    );
    for (let k = 0; k <= 30; k++) expect(result.history.m[k]!).toBeCloseTo(Math.max(1 - k * 0.05, 0), 12);
    expect(result.m).toBe(0);
  });

  it("records the step the loss target is first reached, and can stop there", () => {
    const full = trainSigmoidUnit(
      data.x,
      data.t,
      { m: 0.1, c: 0 },
      { learningRate: 1, steps: 300, lossTarget: 1e-3 },
    );
    expect(full.stepsToTarget).not.toBeNull();
    expect(full.history.loss[full.stepsToTarget!]!).toBeLessThanOrEqual(1e-3);
    expect(full.history.loss[full.stepsToTarget! - 1]!).toBeGreaterThan(1e-3);
    const stopped = trainSigmoidUnit(
      data.x,
      data.t,
      { m: 0.1, c: 0 },
      { learningRate: 1, steps: 300, lossTarget: 1e-3, stopAtTarget: true },
    );
    expect(stopped.stepsTaken).toBe(full.stepsToTarget);
  });

  it("reports divergence as data (no throw, no NaN weights carried on)", () => {
    const x = new Float64Array(3);
    const t = new Float64Array(3);
    // η·λ = 3 > 2: m ← (1 − 3)·m doubles in size every step and overflows.
    const result = trainSigmoidUnit(
      x,
      t,
      { m: 1, c: 0 },
      { learningRate: 3, steps: 5000, penalty: { l2: 1, l1: 0 } },
    );
    expect(result.diverged).toBe(true);
    expect(result.stepsTaken).toBeLessThan(5000);
  });

  it("rejects mismatched data", () => {
    expect(() =>
      trainSigmoidUnit(
        new Float64Array(2),
        new Float64Array(3),
        { m: 0, c: 0 },
        { learningRate: 1, steps: 1 },
      ),
    ).toThrow(RangeError);
  });
});

describe("penalties", () => {
  it("L2 + L1 value and subgradient", () => {
    expect(penaltyValue({ l2: 2, l1: 0.5 }, -3)).toBe(0.5 * 2 * 9 + 0.5 * 3);
    expect(penaltySubgradient({ l2: 2, l1: 0.5 }, -3)).toBe(-6.5);
  });

  it("the soft threshold solves min ½(u − v)² + k|u|", () => {
    for (const [v, k] of [
      [3, 1],
      [-3, 1],
      [0.4, 1],
      [-0.4, 1],
      [2, 0],
    ] as const) {
      const u = softThreshold(v, k);
      const objective = (w: number) => 0.5 * (w - v) ** 2 + k * Math.abs(w);
      for (const d of [-1e-3, 1e-3]) expect(objective(u)).toBeLessThanOrEqual(objective(u + d));
    }
  });
});
