/**
 * glmnet's weights, penalty factors (∞ = excluded) and exclude give glmnet's model: fixtures from
 * glmnet run to thresh 1e-12 (scripts/make-glmnet-fixtures.R), compared λ by λ.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/data/parseCsv.js";
import type { ElasticNetPath } from "../../src/glm/elasticNetPath.js";
import { glmPath } from "../../src/glm/glmPath.js";
import { glmnetObjective } from "../helpers/glmnetObjective.js";

const ROOT = resolve(import.meta.dirname, "../..");

for (const name of ["diabetes-gaussian-options", "breast-cancer-binomial-options"]) {
  describe(`${name}: weights 1 + (i mod 3), penalty factors with an ∞, exclude`, () => {
    const fixture = JSON.parse(readFileSync(join(ROOT, "test/fixtures/glmnet", `${name}.json`), "utf8"));
    const data = parseCsv(readFileSync(join(ROOT, "data", fixture.file), "utf8"), fixture.file);
    const weights = Float64Array.from({ length: data.n }, (_, i) => 1 + (i % 3));
    // the fixture writes each factor as text ("inf" for ∞: JSON has no infinity)
    const penaltyFactor: number[] = fixture.penalty_factor.map((v: string) =>
      v === "inf" ? Number.POSITIVE_INFINITY : Number(v),
    );
    const exclude = [fixture.exclude].flat().map((j: number) => j - 1);
    const path = glmPath(data, {
      family: fixture.family,
      alpha: fixture.alpha,
      weights,
      penaltyFactor,
      exclude,
    }) as ElasticNetPath;

    it("runs on glmnet's λ sequence", () => {
      expect(path.lambda.length).toBeGreaterThan(20);
      for (let k = 0; k < path.lambda.length; k++)
        expect(path.lambda[k]! / fixture.lambda[k] - 1).toBeCloseTo(0, 9);
    });

    it("keeps excluded columns (listed, or factor ∞) at 0, and fits glmnet's coefficients", () => {
      const excluded = new Set([...exclude, penaltyFactor.indexOf(Number.POSITIVE_INFINITY)]);
      for (let k = 0; k < path.lambda.length; k++) {
        let size = 0;
        for (const b of fixture.beta[k]) size = Math.max(size, Math.abs(b));
        for (let j = 0; j < data.p; j++) {
          if (excluded.has(j)) expect(path.beta[k]![j]).toBe(0);
          expect(Math.abs(path.beta[k]![j]! - fixture.beta[k][j])).toBeLessThan(3e-4 * (size + 1)); // glmnet stops short on correlated columns
        }
        expect(Math.abs(path.devRatio[k]! - fixture.dev_ratio[k])).toBeLessThan(1e-6);
      }
    });

    it("is never above glmnet's fit on glmnet's weighted objective, computed from the raw data", () => {
      const objective = glmnetObjective(data, fixture.family, fixture.alpha, weights, penaltyFactor);
      for (let k = 0; k < path.lambda.length; k++) {
        const ours = objective(path.lambda[k]!, path.a0[k]!, path.beta[k]!);
        const theirs = objective(fixture.lambda[k], fixture.a0[k], fixture.beta[k]);
        expect((ours - theirs) / theirs).toBeLessThan(1e-8); // the certificates: 1e-7 of λ_max
        expect(Math.abs(path.objective[k]! - ours) / ours).toBeLessThan(1e-9);
      }
    });
  });
}
