import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/data/parseCsv.js";
import { buildDesign } from "../../src/glm/design.js";
import { lambdaMax } from "../../src/glm/lambdaSequence.js";
import { polishActiveSet } from "../../src/glm/solvers/activeSetPolish.js";
import { kktViolation, prepareCovariance, solveAtLambda } from "../../src/glm/solvers/coordinateDescent.js";
import { createState, normalizedPenaltyFactor } from "../../src/glm/solvers/quadraticState.js";

function gaussianState(alpha: number) {
  const data = parseCsv(readFileSync("data/diabetes.csv", "utf8"), "diabetes.csv");
  const design = buildDesign(data);
  const pf = normalizedPenaltyFactor(design.p);
  const state = createState(design, alpha, pf);
  const mean = data.y.reduce((a, b) => a + b, 0) / data.n;
  for (let i = 0; i < data.n; i++) {
    state.v[i] = design.w[i]!;
    state.r[i] = data.y[i]! - mean;
  }
  prepareCovariance(state);
  return { state, maximum: lambdaMax(design, data.y, alpha, pf) };
}

describe("active-set polish", () => {
  for (const alpha of [1, 0.5]) {
    it(`turns a loose coordinate-descent solution into the exact optimum (α = ${alpha})`, () => {
      const { state, maximum } = gaussianState(alpha);
      const lambda = 0.05 * maximum;
      solveAtLambda(state, lambda, lambda, 1e-3); // loose: right active set, rough values
      const before = kktViolation(state, lambda);
      expect(before).toBeGreaterThan(1e-6);
      expect(polishActiveSet(state, lambda)).toBe(true);
      expect(kktViolation(state, lambda)).toBeLessThan(1e-10);
    });
  }

  it("works in naive mode too (no Gram kept): the same exact optimum", () => {
    const { state, maximum } = gaussianState(1);
    const lambda = 0.05 * maximum;
    state.covariance = null; // naive mode, as for p > 500
    solveAtLambda(state, lambda, lambda, 1e-3);
    expect(kktViolation(state, lambda)).toBeGreaterThan(1e-6);
    expect(polishActiveSet(state, lambda)).toBe(true);
    expect(kktViolation(state, lambda)).toBeLessThan(1e-10);
  });

  it("declines (and changes nothing) when the signs it is given are wrong", () => {
    const { state, maximum } = gaussianState(1);
    const lambda = 0.05 * maximum;
    solveAtLambda(state, lambda, lambda, 1e-12);
    const j = state.beta.findIndex((b) => b !== 0);
    // a wrong sign, with the kept gradients g = b − Gβ moved along (a consistent state)
    const delta = -2 * state.beta[j]!;
    state.beta[j]! += delta;
    const { gram, gradient } = state.covariance!;
    for (let k = 0; k < state.p; k++) gradient[k]! -= delta * gram[j * state.p + k]!;
    const copy = state.beta.slice();
    expect(polishActiveSet(state, lambda)).toBe(false);
    expect(state.beta).toEqual(copy);
  });
});
