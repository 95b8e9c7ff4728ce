import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/data/parseCsv.js";
import { earlyStoppingVsRidge, largestEigenvalue } from "../../src/experiments/earlyStoppingRidge.js";

describe("early stopping vs ridge", () => {
  it("finds the largest eigenvalue of a known matrix", () => {
    // [[2, 1], [1, 2]] has eigenvalues 3 and 1
    expect(largestEigenvalue(Float64Array.from([2, 1, 1, 2]), 2)).toBeCloseTo(3, 12);
  });

  it("GD iterates stay close to ridge at λ = 1/(η·t) and grow toward least squares", () => {
    const data = parseCsv(readFileSync("data/diabetes.csv", "utf8"), "diabetes.csv");
    const result = earlyStoppingVsRidge(data, { steps: 5000 });
    expect(result.learningRate).toBeCloseTo(1 / result.largestEigenvalue, 14);
    // both paths shrink: norms rise monotonically with t (and as λ falls)
    for (let k = 1; k < result.points.length; k++) {
      expect(result.points[k]!.descentNorm).toBeGreaterThanOrEqual(result.points[k - 1]!.descentNorm);
      expect(result.points[k]!.ridgeNorm).toBeGreaterThanOrEqual(result.points[k - 1]!.ridgeNorm);
    }
    expect(result.maxRelativeDistance).toBeLessThan(0.25);
    // closed-form check in one direction: after t steps, component along the top eigenvector is
    // shrunk by 1 − (1 − η s_max)^t = 1 (η = 1/s_max), the same as ridge's s/(s+λ) → 1 as t grows
    expect(result.points.at(-1)!.relativeDistance).toBeLessThan(0.2);
  });
});
