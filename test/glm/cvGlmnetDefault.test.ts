/**
 * crossValidate as cv.glmnet runs by default: each fold's path on its own λ sequence, its
 * predictions at the full data's λ by interpolation (fixtures: cv.glmnet with mod folds, thresh
 * 1e-12). The curves agree to ~1e-5; glmnet's logistic folds stop converging past the 92nd λ.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/data/parseCsv.js";
import { binaryTarget } from "../../src/glm/binaryTarget.js";
import { crossValidate } from "../../src/glm/crossValidation.js";

const ROOT = resolve(import.meta.dirname, "../..");
const CASES: [string, number, number, [number, number]?][] = [
  // fixture, how many λ to compare (glmnet's own failures excluded), tolerance on cvm, and for
  // some the λ after those to a looser tolerance (how many, tolerance)
  ["diabetes-gaussian-enet-cv", 88, 1e-5],
  ["wine-gaussian-lasso-cv", 72, 1e-5],
  ["breast-cancer-binomial-lasso-cv", 91, 1e-4],
  // binomial mse and mae as cv.lognet scores them (over both classes' indicator columns: twice
  // the squared or absolute difference of one)
  ["breast-cancer-binomial-mse-cv", 91, 1e-4],
  ["breast-cancer-binomial-mae-cv", 91, 1e-4],
  // the first 72 λ to 1e-4; past them up to 2.3e-4, where glmnet's multinomial folds converge
  // loosely: there reglab's curve is the optimum's (solved to a 1e-9 certificate it moves < 1e-5),
  // and glmnet's own fold fits scored by reglab give cv.glmnet's curve (cvGlmnetFolds.test.ts)
  ["wine-multinomial-lasso-cv", 72, 1e-4, [16, 3e-4]],
  // three digits that look alike (3, 5, 8): 1e-6 over the first 43 λ, then up to 2e-4 where
  // glmnet's multinomial fits converge loosely (they stop up to 5e-4 above reglab's objective):
  // reglab's curve solved to a 1e-10 certificate is as far from glmnet's (2.0e-4 at the 86th λ)
  ["digits358-multinomial-lasso-cv", 89, 3e-4],
];

describe("cross-validation as cv.glmnet runs it by default", () => {
  for (const [name, compared, tolerance, tail] of CASES) {
    it(`${name}: λ.min and λ.1se equal, the curve to ${tolerance}`, () => {
      const fixture = JSON.parse(readFileSync(join(ROOT, "test/fixtures/glmnet", `${name}.json`), "utf8"));
      let data = parseCsv(readFileSync(join(ROOT, "data", fixture.file), "utf8"), fixture.file);
      if (fixture.family === "binomial") data = binaryTarget(data).data;
      const cv = crossValidate(data, {
        family: fixture.family,
        alpha: fixture.alpha,
        foldRule: "mod",
        measure: fixture.measure ?? "deviance",
      });
      expect(cv.lambdaMin / fixture.lambda_min - 1).toBeCloseTo(0, 10);
      expect(cv.lambdaOneSe / fixture.lambda_1se - 1).toBeCloseTo(0, 10);
      for (let k = 0; k < compared; k++) {
        expect(Math.abs(cv.cvm[k]! - fixture.cvm[k]) / fixture.cvm[k]).toBeLessThan(tolerance);
        expect(Math.abs(cv.cvsd[k]! - fixture.cvsd[k]) / fixture.cvsd[k]).toBeLessThan(100 * tolerance);
      }
      const [more, looser] = tail ?? [0, 0];
      expect(compared + more).toBeLessThanOrEqual(fixture.cvm.length);
      for (let k = compared; k < compared + more; k++)
        expect(Math.abs(cv.cvm[k]! - fixture.cvm[k]) / fixture.cvm[k]).toBeLessThan(looser);
    });
  }

  it("keeps the full-grid folds one option away, and they differ (by ~1e-3 on diabetes)", () => {
    const data = parseCsv(readFileSync(join(ROOT, "data/diabetes.csv"), "utf8"), "diabetes.csv");
    const own = crossValidate(data, { alpha: 0.5, foldRule: "mod" });
    const full = crossValidate(data, { alpha: 0.5, foldRule: "mod", foldLambda: "full" });
    const gap = Math.max(...own.cvm.slice(0, 60).map((v, k) => Math.abs(v - full.cvm[k]!) / v));
    expect(gap).toBeGreaterThan(1e-4);
  });
});
