/**
 * The poisson family (log link, counts) against glmnet 4.1-6 run to thresh 1e-12
 * (scripts/make-glmnet-fixtures.R, on data/counts.csv, which that script generates): the λ grid,
 * the objective never above glmnet's at a shared λ, the deviance explained and null deviance, the
 * KKT conditions from the raw data, predictions with an offset (log exposure), and cv.glmnet's
 * procedure.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { type Dataset, parseCsv } from "../../src/data/parseCsv.js";
import { crossValidate } from "../../src/glm/crossValidation.js";
import type { ElasticNetPath } from "../../src/glm/elasticNetPath.js";
import { glmPath, predictGlm } from "../../src/glm/glmPath.js";
import { glmnetObjective } from "../helpers/glmnetObjective.js";

const ROOT = resolve(import.meta.dirname, "../..");
const fixtureOf = (name: string) =>
  JSON.parse(readFileSync(join(ROOT, "test/fixtures/glmnet", `${name}.json`), "utf8"));

/** counts.csv with the fixture's features, and its log exposure column apart. */
function countsData(features: string[]): { data: Dataset; logExposure: Float64Array } {
  const text = readFileSync(join(ROOT, "data/counts.csv"), "utf8");
  const data = parseCsv(text, "counts.csv", { columns: features });
  const all = parseCsv(text, "counts.csv", { columns: ["log_exposure"] });
  return { data, logExposure: all.x };
}

for (const name of ["counts-poisson-lasso", "counts-poisson-enet", "counts-poisson-offset"]) {
  describe(`${name}: glmnet's poisson path`, () => {
    const fixture = fixtureOf(name);
    const { data, logExposure } = countsData(fixture.features);
    const offset = fixture.offset ? logExposure : undefined;
    const path = glmPath(data, { family: "poisson", alpha: fixture.alpha, offset }) as ElasticNetPath;
    const ones = new Float64Array(data.n).fill(1);
    const objective = glmnetObjective(
      data,
      "poisson",
      fixture.alpha,
      ones,
      new Array(data.p).fill(1),
      true,
      offset,
    );

    it("runs on glmnet's λ sequence and stops where glmnet stops", () => {
      expect(data.p).toBe(8);
      expect(path.lambda.length).toBe(fixture.lambda.length);
      for (let k = 0; k < path.lambda.length; k++)
        expect(path.lambda[k]! / fixture.lambda[k] - 1).toBeCloseTo(0, 10);
    });

    it("is never above glmnet's objective at a shared λ (computed from the raw data), and its deviance explained matches", () => {
      for (let k = 0; k < path.lambda.length; k++) {
        const ours = objective(path.lambda[k]!, path.a0[k]!, path.beta[k]!);
        const theirs = objective(fixture.lambda[k], fixture.a0[k], fixture.beta[k]);
        expect((ours - theirs) / Math.abs(theirs)).toBeLessThan(1e-6);
        expect(Math.abs(path.devRatio[k]! - fixture.dev_ratio[k])).toBeLessThan(1e-6);
        for (let j = 0; j < data.p; j++)
          expect(Math.abs(path.beta[k]![j]! - fixture.beta[k][j])).toBeLessThan(1e-4);
      }
    });

    it("reports the null deviance per observation, Σw = 1 (glmnet's nulldev is n times it)", () => {
      expect(path.nullDeviance * data.n).toBeCloseTo(fixture.nulldev, 6);
    });

    it("meets the KKT conditions, checked from the raw data", () => {
      const { n, p, x, y } = data;
      const sd = Array.from({ length: p }, (_, j) => {
        let m = 0;
        for (let i = 0; i < n; i++) m += x[i * p + j]! / n;
        let s = 0;
        for (let i = 0; i < n; i++) s += (x[i * p + j]! - m) ** 2 / n;
        return Math.sqrt(s);
      });
      for (let k = 0; k < path.lambda.length; k += 7) {
        const lambda = path.lambda[k]!;
        const gradient = new Float64Array(p);
        let g0 = 0;
        for (let i = 0; i < n; i++) {
          let eta = path.a0[k]! + (offset ? offset[i]! : 0);
          for (let j = 0; j < p; j++) eta += x[i * p + j]! * path.beta[k]![j]!;
          const r = (y[i]! - Math.exp(eta)) / n;
          g0 += r;
          for (let j = 0; j < p; j++) gradient[j]! += x[i * p + j]! * r;
        }
        expect(Math.abs(g0)).toBeLessThan(1e-6 * path.lambda[0]!);
        for (let j = 0; j < p; j++) {
          // on the standardized scale: g̃_j = g_j / s_j, b̃_j = s_j b_j
          const g = gradient[j]! / sd[j]!;
          const b = sd[j]! * path.beta[k]![j]!;
          const alpha = fixture.alpha;
          const violation =
            b !== 0
              ? Math.abs(g - lambda * (1 - alpha) * b - lambda * alpha * Math.sign(b))
              : Math.max(0, Math.abs(g) - lambda * alpha);
          expect(violation).toBeLessThan(1e-6 * path.lambda[0]!);
        }
      }
    });

    it("predicts counts (with the rows' exposures) as glmnet's predict(type = 'response')", () => {
      const rows = data.x.subarray(0, 20 * data.p);
      for (let k = 0; k < path.lambda.length; k += 9) {
        const { values } = predictGlm(path, rows, 20, path.lambda[k]!, "response", offset?.subarray(0, 20));
        for (let i = 0; i < 20; i++) expect(values[i]! / fixture.response[k][i] - 1).toBeCloseTo(0, 5);
      }
    });

    if (fixture.cvm)
      it("cross-validates as cv.glmnet: cvm, cvsd, λ.min and λ.1se", () => {
        const foldId = Int32Array.from({ length: data.n }, (_, i) => (i % 10) + 1);
        const cv = crossValidate(data, {
          family: "poisson",
          alpha: fixture.alpha,
          offset,
          foldId,
          measure: "deviance",
        });
        expect(cv.lambdaMin).toBeCloseTo(fixture.lambda_min, 12);
        expect(cv.lambdaOneSe).toBeCloseTo(fixture.lambda_1se, 12);
        for (let k = 0; k < fixture.cvm.length; k++) {
          expect(cv.cvm[k]! / fixture.cvm[k] - 1).toBeCloseTo(0, 5);
          expect(cv.cvsd[k]! / fixture.cvsd[k] - 1).toBeCloseTo(0, 4);
        }
      });
  });
}
