/**
 * With unpenalized columns (penalty factor 0) the path starts as glmnet's: after fitting them, so
 * its λ sequence is glmnet's and its first model holds those columns alone (fixtures at thresh 1e-12).
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/data/parseCsv.js";
import type { ElasticNetPath } from "../../src/glm/elasticNetPath.js";
import { glmPath } from "../../src/glm/glmPath.js";
import { glmnetObjective } from "../helpers/glmnetObjective.js";

const ROOT = resolve(import.meta.dirname, "../..");

for (const name of ["diabetes-gaussian-unpenalized", "breast-cancer-binomial-unpenalized"]) {
  describe(`${name}: penalty factors with zeros`, () => {
    const fixture = JSON.parse(readFileSync(join(ROOT, "test/fixtures/glmnet", `${name}.json`), "utf8"));
    const data = parseCsv(readFileSync(join(ROOT, "data", fixture.file), "utf8"), fixture.file);
    const factors: number[] = fixture.penalty_factor;
    const path = glmPath(data, {
      family: fixture.family,
      alpha: fixture.alpha,
      penaltyFactor: factors,
    }) as ElasticNetPath;
    const shared = Math.min(path.lambda.length, fixture.lambda.length);

    it("runs on glmnet's λ sequence; its first model is the unpenalized columns' fit alone", () => {
      expect(shared).toBeGreaterThan(80);
      // to 2e-6: reglab starts a logistic path 1e-6 above the boundary (unpenalizedStart.ts), and
      // glmnet's first logistic fit stops at its threshold, its λ_max moving with it (by ~1e-8)
      for (let k = 0; k < shared; k++)
        expect(Math.abs(path.lambda[k]! / fixture.lambda[k] - 1)).toBeLessThan(2e-6);
      const free = factors.filter((factor) => factor === 0).length;
      expect(path.df[0]).toBe(free);
      path.beta[0]!.forEach((b, j) => {
        if (factors[j]! > 0) expect(b).toBe(0);
      });
    });

    it("is never above glmnet's fit on glmnet's objective", () => {
      const ones = new Float64Array(data.n).fill(1);
      const objective = glmnetObjective(data, fixture.family, fixture.alpha, ones, factors);
      for (let k = 0; k < shared; k++) {
        const ours = objective(path.lambda[k]!, path.a0[k]!, path.beta[k]!);
        // glmnet's model scored at reglab's λ (they differ by ≤ 2e-6: see above)
        const theirs = objective(path.lambda[k]!, fixture.a0[k], fixture.beta[k]);
        expect((ours - theirs) / theirs).toBeLessThan(1e-8);
      }
    });
  });
}
