/**
 * Paths without an intercept as glmnet fits them (fixtures at thresh 1e-12): columns scaled by their
 * standard deviation though not centred, and the logistic path starting where the gradient at
 * η = 0 is xᵀ(y − ½) — so the λ sequence is glmnet's.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/data/parseCsv.js";
import type { ElasticNetPath } from "../../src/glm/elasticNetPath.js";
import { glmPath } from "../../src/glm/glmPath.js";
import { glmnetObjective } from "../helpers/glmnetObjective.js";

const ROOT = resolve(import.meta.dirname, "../..");

for (const name of ["diabetes-gaussian-nointercept", "breast-cancer-binomial-nointercept"]) {
  describe(`${name}: no intercept`, () => {
    const fixture = JSON.parse(readFileSync(join(ROOT, "test/fixtures/glmnet", `${name}.json`), "utf8"));
    const data = parseCsv(readFileSync(join(ROOT, "data", fixture.file), "utf8"), fixture.file);
    const path = glmPath(data, {
      family: fixture.family,
      alpha: fixture.alpha,
      intercept: false,
    }) as ElasticNetPath;
    // glmnet's logistic path stopped at its 72nd λ (no convergence): compare what it returned
    const shared = Math.min(path.lambda.length, fixture.lambda.length);

    it("runs on glmnet's λ sequence, intercepts 0", () => {
      expect(shared).toBeGreaterThan(50);
      for (let k = 0; k < shared; k++) expect(path.lambda[k]! / fixture.lambda[k] - 1).toBeCloseTo(0, 9);
      expect(path.a0.every((a) => a === 0)).toBe(true);
    });

    it("is never above glmnet's fit on glmnet's objective", () => {
      const ones = new Float64Array(data.n).fill(1);
      const objective = glmnetObjective(
        data,
        fixture.family,
        fixture.alpha,
        ones,
        new Array(data.p).fill(1),
        false,
      );
      for (let k = 0; k < shared; k++) {
        const ours = objective(path.lambda[k]!, 0, path.beta[k]!);
        const theirs = objective(fixture.lambda[k], 0, fixture.beta[k]);
        expect((ours - theirs) / theirs).toBeLessThan(1e-8);
        expect(Math.abs(path.objective[k]! - ours) / ours).toBeLessThan(1e-9);
      }
    });
  });
}
