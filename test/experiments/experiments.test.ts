import { describe, expect, it } from "vitest";
import { trainSigmoidUnit } from "../../src/core/gradientDescent.js";
import { saturatedShareOfInterval } from "../../src/diagnostics/saturation.js";
import { articleClaims } from "../../src/experiments/claims.js";
import { descend } from "../../src/experiments/descend.js";
import { summarizeDescent } from "../../src/experiments/descentSummary.js";
import { ARTICLE_SLOPES, sigmoidCurves } from "../../src/experiments/sigmoidCurves.js";

describe("sigmoidCurves", () => {
  const curves = sigmoidCurves();

  it("draws the article's four slopes over x ∈ [−10⁴, 10⁴] at 1001 points", () => {
    expect(curves.curves.map((c) => c.m)).toEqual([...ARTICLE_SLOPES]);
    expect(curves.x.length).toBe(1001);
    expect(curves.curves[0]!.zMin).toBe(-10);
    expect(curves.curves[3]!.zMax).toBe(1);
  });

  it("is steep for 0.001 and nearly linear for 0.0001", () => {
    const [steep, , , gentle] = curves.curves;
    expect(steep!.saturatedShare).toBeGreaterThan(0.5);
    expect(gentle!.saturatedShare).toBe(0);
    // nearly linear: within 0.02 of its tangent 1/2 + m·x/4 (the steep one strays by 0.5)
    const strayFromTangent = (curve: typeof steep) =>
      Math.max(...Array.from(curves.x, (x, i) => Math.abs(curve!.y[i]! - (0.5 + (curve!.m * x) / 4))));
    expect(strayFromTangent(gentle)).toBeLessThan(0.02);
    expect(strayFromTangent(steep)).toBeGreaterThan(0.45);
  });

  it("agrees with the closed-form share of the interval within one grid step", () => {
    for (const curve of curves.curves) {
      expect(curve.saturatedShareOfInterval).toBe(saturatedShareOfInterval(curve.m, 0, -10000, 10000, 0.01));
      expect(Math.abs(curve.saturatedShare - curve.saturatedShareOfInterval)).toBeLessThan(2 / 1000);
    }
  });

  it("gives the slope on standardized inputs as m·sd(x): sd of the even grid is ≈ 10⁴/√3", () => {
    expect(curves.xStandardDeviation).toBeCloseTo(Math.sqrt(((10000 * 2) ** 2 / 12) * (1002 / 1000)), 0);
    expect(curves.curves[0]!.standardizedM).toBeCloseTo(0.001 * curves.xStandardDeviation, 12);
  });
});

describe("descend", () => {
  it("is deterministic: the same seed gives the same runs", () => {
    const options = { steps: 200, initialWeights: [0.1, 100], learningRates: [1, 10], seed: 9 };
    expect(descend(options)).toEqual(descend(options));
    expect(descend({ ...options, seed: 10 }).runs[0]!.finalLoss).not.toBe(
      descend(options).runs[0]!.finalLoss,
    );
  });

  it("runs every combination of λ, η and m₀", () => {
    const result = descend({ steps: 50, initialWeights: [1, 2, 3], learningRates: [1, 2], l2: [0, 0.1] });
    expect(result.runs.length).toBe(12);
  });
});

describe("summarizeDescent", () => {
  it("counts rises, reversals and stalls from the history", () => {
    // A hand-made history: losses 1, 0.5, 0.6, 0.59999999, and m going up, down, up.
    const loss = Float64Array.from([1, 0.5, 0.6, 0.59999999]);
    const m = Float64Array.from([0, 1, 0.5, 0.7]);
    const zeros = new Float64Array(4);
    const summary = summarizeDescent(
      {
        m: 0.7,
        c: 0,
        stepsTaken: 3,
        stepsToTarget: null,
        diverged: false,
        history: {
          loss,
          objective: loss,
          m,
          c: zeros,
          meanAbsDEdy: zeros,
          meanDydz: zeros,
          meanAbsDzdm: zeros,
          gradientNorm: zeros,
          saturatedShare: zeros,
        },
      },
      0.01,
    );
    expect(summary.objectiveIncreases).toBe(1);
    expect(summary.largestIncrease).toBeCloseTo(0.1, 12);
    expect(summary.directionReversals).toBe(2);
    expect(summary.stalledSteps).toBe(2); // 0.5 → 0.6 (no decrease) and 0.6 → 0.59999999
    expect(summary.outcome).toBe("oscillating");
  });

  it("classifies a clean run as reached", () => {
    const x = Float64Array.from([-1, 0, 1]);
    const t = Float64Array.from([0.2, 0.5, 0.8]);
    const run = trainSigmoidUnit(x, t, { m: 0, c: 0 }, { learningRate: 2, steps: 2000, lossTarget: 1e-6 });
    expect(summarizeDescent(run, 1e-6).outcome).toBe("reached");
  });
});

describe("articleClaims", () => {
  const claims = articleClaims();

  it("C1: the saturated share falls with m, from over half to none", () => {
    expect(claims.C1.holds).toBe(true);
    expect(claims.C1.saturatedShares).toEqual([542 / 1001, 84 / 1001, 0, 0]);
    expect(claims.C1.maxSlopes).toEqual([0.00025, 0.000125, 0.00005, 0.000025]);
  });

  it("C2: a large initial weight saturates the unit and stalls; L2 pulls it out", () => {
    const { C2 } = claims;
    expect(C2.holds).toBe(true);
    expect(C2.largeMeanDydz).toBeLessThan(0.05 * C2.smallMeanDydz);
    expect(C2.largeStepsToTarget).toBeNull();
    expect(C2.smallStepsToTarget).toBeLessThan(50);
    expect(C2.largeWithL2StepsToTarget).not.toBeNull();
    expect(Math.abs(C2.largeFinalM - C2.largeM)).toBeLessThan(0.05 * C2.largeM);
  });

  it("C3: from a large weight no learning rate is clean; from a small one, or with L2, some are", () => {
    const { C3 } = claims;
    expect(C3.holds).toBe(true);
    expect(C3.largeCleanRates).toEqual([]);
    expect(C3.smallCleanRates.length).toBeGreaterThan(0);
    expect(C3.largeWithL2CleanRates.length).toBeGreaterThan(0);
    expect(C3.largeOvershootRates.length + C3.largeStalledRates.length).toBe(C3.learningRates.length);
    expect(C3.largeOvershootRises.every((rises) => rises > 0)).toBe(true);
  });

  it("hold for other seeds too (they are properties, not one lucky draw)", () => {
    for (const seed of [2, 3, 42]) {
      const other = articleClaims({ seed });
      expect([other.C1.holds, other.C2.holds, other.C3.holds]).toEqual([true, true, true]);
    }
  });
});
