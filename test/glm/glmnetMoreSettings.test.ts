/**
 * The poisson and cox families in settings beyond their defaults, against glmnet run to thresh
 * 1e-12: poisson without an intercept (the path starts at η = 0, μ = 1: λ_max from xᵀ(y − 1)), and
 * cox with an offset in η.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/data/parseCsv.js";
import type { ElasticNetPath } from "../../src/glm/elasticNetPath.js";
import { glmPath } from "../../src/glm/glmPath.js";

const ROOT = resolve(import.meta.dirname, "../..");

for (const name of ["counts-poisson-nointercept", "survival-cox-offset"]) {
  describe(`${name}: glmnet's path`, () => {
    const fixture = JSON.parse(readFileSync(join(ROOT, "test/fixtures/glmnet", `${name}.json`), "utf8"));
    const cox = fixture.family === "cox";
    const file = cox ? "survival.csv" : "counts.csv";
    const text = readFileSync(join(ROOT, "data", file), "utf8");
    const target = cox ? "status" : "y";
    const data = parseCsv(text, file, { columns: fixture.features, target });
    const time = cox ? parseCsv(text, file, { columns: ["time"], target }).x : undefined;
    const offset =
      fixture.offset === "none" ? undefined : Float64Array.from({ length: data.n }, (_, i) => (i % 5) / 10);
    const path = glmPath(data, {
      family: fixture.family,
      intercept: fixture.intercept,
      offset,
      time,
    }) as ElasticNetPath;

    it("runs on glmnet's λ sequence and stops where glmnet stops", () => {
      expect(path.lambda.length).toBe(fixture.lambda.length);
      for (let k = 0; k < path.lambda.length; k++)
        expect(path.lambda[k]! / fixture.lambda[k] - 1).toBeCloseTo(0, 8);
    });

    it("matches glmnet's deviance explained, coefficients and nulldev at every λ, every λ certified", () => {
      for (let k = 0; k < path.lambda.length; k++) {
        expect(Math.abs(path.devRatio[k]! - fixture.dev_ratio[k])).toBeLessThan(1e-6);
        for (let j = 0; j < data.p; j++)
          expect(Math.abs(path.beta[k]![j]! - fixture.beta[k][j])).toBeLessThan(1e-4);
        expect(Math.abs(path.a0[k]! - fixture.a0[k])).toBeLessThan(1e-4);
        expect(path.converged[k]).toBe(true);
      }
      expect((path.nullDeviance * path.weightTotal!) / fixture.nulldev - 1).toBeCloseTo(0, 9);
    });
  });
}
