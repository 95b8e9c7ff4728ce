import { describe, expect, it } from "vitest";
import { lambdaAxis, lambdaTicks } from "../../src/plot/lambdaAxis.js";

describe("lambdaTicks", () => {
  it("ticks at 1, 2 and 5 × 10^k inside a short range", () => {
    expect(lambdaTicks([0.3, 45])).toEqual([0.5, 1, 2, 5, 10, 20]);
  });
  it("keeps only the powers of ten over many decades", () => {
    expect(lambdaTicks([1e-4, 0.5, 50])).toEqual([1e-4, 0.001, 0.01, 0.1, 1, 10]);
  });
  it("labels each tick with its λ, not ln λ", () => {
    const axis = lambdaAxis([0.3, 45], "λ");
    expect(axis.ticks.map(axis.tickFormat)).toEqual(["0.5", "1", "2", "5", "10", "20"]);
  });
});
