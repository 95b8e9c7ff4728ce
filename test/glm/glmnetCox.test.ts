/**
 * The cox family (right-censored survival, Breslow's ties) against glmnet 4.1-6 run to thresh
 * 1e-12 (scripts/make-glmnet-fixtures.R on data/survival.csv, which that script generates, with
 * many tied times): the λ grid and path length, the objective never above glmnet's at a shared λ,
 * deviance explained, nulldev, predictions, the KKT conditions checked from the raw data by an
 * independent partial likelihood, and cv.glmnet's deviance (grouped) and C-index.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { type Dataset, parseCsv } from "../../src/data/parseCsv.js";
import { harrellC } from "../../src/glm/coxValidation.js";
import { crossValidate } from "../../src/glm/crossValidation.js";
import type { ElasticNetPath } from "../../src/glm/elasticNetPath.js";
import { glmPath, predictGlm } from "../../src/glm/glmPath.js";

const ROOT = resolve(import.meta.dirname, "../..");
const fixtureOf = (name: string) =>
  JSON.parse(readFileSync(join(ROOT, "test/fixtures/glmnet", `${name}.json`), "utf8"));

function survivalData(features: string[]): { data: Dataset; time: Float64Array } {
  const text = readFileSync(join(ROOT, "data/survival.csv"), "utf8");
  const data = parseCsv(text, "survival.csv", { columns: features, target: "status" });
  return { data, time: parseCsv(text, "survival.csv", { columns: ["time"], target: "status" }).x };
}

/**
 * The Breslow negative log partial likelihood with weights normalized to sum 1, written from its
 * definition (a double loop over risk sets), and glmnet's objective on top of it.
 */
function coxObjective(data: Dataset, time: Float64Array, weights: Float64Array, alpha: number) {
  const { n, p, x, y } = data;
  const total = weights.reduce((a, b) => a + b, 0);
  const w = Array.from(weights, (v) => v / total);
  const sd = Array.from({ length: p }, (_, j) => {
    let m = 0;
    for (let i = 0; i < n; i++) m += w[i]! * x[i * p + j]!;
    let s = 0;
    for (let i = 0; i < n; i++) s += w[i]! * (x[i * p + j]! - m) ** 2;
    return Math.sqrt(s);
  });
  const loss = (beta: readonly number[]) => {
    const eta = Array.from({ length: n }, (_, i) => beta.reduce((sum, b, j) => sum + b * x[i * p + j]!, 0));
    const times = [...new Set(Array.from(time))];
    let value = 0;
    for (let i = 0; i < n; i++) value -= w[i]! * y[i]! * eta[i]!;
    for (const t of times) {
      let events = 0;
      let risk = 0;
      for (let i = 0; i < n; i++) {
        if (time[i] === t) events += w[i]! * y[i]!;
        if (time[i]! >= t) risk += w[i]! * Math.exp(eta[i]!);
      }
      if (events > 0) value += events * Math.log(risk);
    }
    return value;
  };
  return {
    loss,
    objective: (lambda: number, beta: readonly number[]) =>
      loss(beta) +
      lambda *
        beta.reduce(
          (sum, b, j) => sum + alpha * Math.abs(sd[j]! * b) + ((1 - alpha) / 2) * (sd[j]! * b) ** 2,
          0,
        ),
    sd,
  };
}

for (const name of ["survival-cox-lasso", "survival-cox-enet"]) {
  describe(`${name}: glmnet's cox path`, () => {
    const fixture = fixtureOf(name);
    const { data, time } = survivalData(fixture.features);
    const weights =
      fixture.weights === "none"
        ? new Float64Array(data.n).fill(1)
        : Float64Array.from({ length: data.n }, (_, i) => 1 + (i % 3));
    const path = glmPath(data, {
      family: "cox",
      alpha: fixture.alpha,
      time,
      weights: fixture.weights === "none" ? undefined : weights,
    }) as ElasticNetPath;
    const reference = coxObjective(data, time, weights, fixture.alpha);

    it("runs on glmnet's λ sequence and stops where glmnet stops, every λ certified", () => {
      expect(path.lambda.length).toBe(fixture.lambda.length);
      for (let k = 0; k < path.lambda.length; k++) {
        expect(path.lambda[k]! / fixture.lambda[k] - 1).toBeCloseTo(0, 8); // glmnet steps its cox grid ~1e-11 apart
        expect(path.converged[k]).toBe(true);
        expect(path.a0[k]).toBe(0); // no intercept in a Cox model
      }
    });

    it("is never above glmnet's objective (an independent partial likelihood), with its deviance explained and coefficients", () => {
      for (let k = 0; k < path.lambda.length; k += 3) {
        const ours = reference.objective(path.lambda[k]!, path.beta[k]!);
        const theirs = reference.objective(fixture.lambda[k], fixture.beta[k]);
        expect((ours - theirs) / Math.abs(theirs)).toBeLessThan(1e-9);
        expect(Math.abs(path.devRatio[k]! - fixture.dev_ratio[k])).toBeLessThan(1e-7);
        for (let j = 0; j < data.p; j++)
          expect(Math.abs(path.beta[k]![j]! - fixture.beta[k][j])).toBeLessThan(1e-5);
      }
      expect(path.nullDeviance * path.weightTotal!).toBeCloseTo(fixture.nulldev, 8);
    });

    it("meets the KKT conditions, by finite differences of the independent partial likelihood", () => {
      const k = path.lambda.length - 1;
      const beta = path.beta[k]!;
      const lambda = path.lambda[k]!;
      for (let j = 0; j < data.p; j++) {
        const h = 1e-6;
        const up = [...beta];
        const down = [...beta];
        up[j]! += h;
        down[j]! -= h;
        // on the standardized scale: d/db̃_j = (1/s_j) d/db_j
        const g = -(reference.loss(up) - reference.loss(down)) / (2 * h) / reference.sd[j]!;
        const b = reference.sd[j]! * beta[j]!;
        const l2 = lambda * (1 - fixture.alpha) * b;
        const violation =
          b !== 0
            ? Math.abs(g - l2 - lambda * fixture.alpha * Math.sign(b))
            : Math.max(0, Math.abs(g) - lambda * fixture.alpha);
        expect(violation).toBeLessThan(1e-6 * path.lambda[0]!);
      }
    });

    it("predicts the link xᵀb and the relative risk e^η as glmnet's predict", () => {
      const rows = data.x.subarray(0, 20 * data.p);
      for (let k = 0; k < path.lambda.length; k += 6) {
        const link = predictGlm(path, rows, 20, path.lambda[k]!, "link").values;
        const risk = predictGlm(path, rows, 20, path.lambda[k]!, "response").values;
        for (let i = 0; i < 20; i++) {
          expect(link[i]).toBeCloseTo(fixture.link[k][i], 5);
          expect(risk[i]).toBeCloseTo(Math.exp(link[i]!), 12);
        }
      }
    });
  });
}

describe("survival-cox-lasso: cross-validation as cv.glmnet", () => {
  const fixture = fixtureOf("survival-cox-lasso");
  const { data, time } = survivalData(fixture.features);
  const foldId = Int32Array.from({ length: data.n }, (_, i) => (i % 10) + 1);
  for (const [measure, key] of [
    ["deviance", "cv_deviance"],
    ["C", "cv_c"],
  ] as const)
    it(`${measure}: cvm, cvsd, λ.min and λ.1se`, () => {
      const cv = crossValidate(data, { family: "cox", time, foldId, measure });
      const reference = fixture[key];
      expect(cv.cvm.length).toBe(reference.cvm.length);
      for (let k = 0; k < reference.cvm.length; k++) {
        expect(cv.cvm[k]! / reference.cvm[k] - 1).toBeCloseTo(0, 6);
        expect(cv.cvsd[k]! / reference.cvsd[k] - 1).toBeCloseTo(0, 5);
      }
      expect(cv.lambdaMin / reference.lambda_min - 1).toBeCloseTo(0, 7);
      expect(cv.lambdaOneSe / reference.lambda_1se - 1).toBeCloseTo(0, 7);
    });
});

describe("survival-cox-limits: glmnet's lower.limits / upper.limits on a cox path", () => {
  const fixture = fixtureOf("survival-cox-limits");
  const { data, time } = survivalData(fixture.features);
  const path = glmPath(data, {
    family: "cox",
    time,
    lowerLimits: [fixture.lower_limits],
    upperLimits: [fixture.upper_limits],
  }) as ElasticNetPath;
  const reference = coxObjective(data, time, new Float64Array(data.n).fill(1), 1);

  it("keeps every coefficient in [−0.3, 0.4], several at a limit, and is never above glmnet's objective", () => {
    expect(path.lambda.length).toBe(fixture.lambda.length);
    const shared = path.lambda.length;
    let atLimit = 0;
    for (let k = 0; k < shared; k++) {
      expect(path.lambda[k]! / fixture.lambda[k] - 1).toBeCloseTo(0, 8);
      for (const b of path.beta[k]!) {
        expect(b).toBeGreaterThanOrEqual(fixture.lower_limits - 1e-12);
        expect(b).toBeLessThanOrEqual(fixture.upper_limits + 1e-12);
        if (Math.abs(b - fixture.lower_limits) < 1e-9 || Math.abs(b - fixture.upper_limits) < 1e-9) atLimit++;
      }
      const ours = reference.objective(path.lambda[k]!, path.beta[k]!);
      const theirs = reference.objective(fixture.lambda[k], fixture.beta[k]);
      expect((ours - theirs) / Math.abs(theirs), `λ #${k + 1}`).toBeLessThan(1e-9);
      expect(Math.abs(path.devRatio[k]! - fixture.dev_ratio[k])).toBeLessThan(1e-6);
    }
    expect(atLimit).toBeGreaterThan(10);
  });
});

describe("survival-cox-relax: glmnet's relaxed lasso on a cox path", () => {
  const fixture = fixtureOf("survival-cox-relax");
  const { data, time } = survivalData(fixture.features);
  const path = glmPath(data, { family: "cox", time, relax: true }) as ElasticNetPath;

  it("refits every λ's active columns without penalty: glmnet's deviance explained and coefficients", () => {
    const relaxed = path.relaxed!;
    expect(relaxed.lambda.length).toBe(fixture.relaxed.lambda.length);
    for (let k = 0; k < relaxed.lambda.length; k++) {
      expect(Math.abs(relaxed.devRatio[k]! - fixture.relaxed.dev_ratio[k])).toBeLessThan(1e-8);
      for (let j = 0; j < data.p; j++)
        expect(Math.abs(relaxed.beta[k]![j]! - fixture.relaxed.beta[k][j])).toBeLessThan(1e-5);
    }
  });

  it("cross-validates (λ, γ) as cv.glmnet: every γ's curve, λ.min, γ.min, λ.1se and γ.1se", () => {
    const foldId = Int32Array.from({ length: data.n }, (_, i) => (i % 10) + 1);
    const relaxed = crossValidate(data, { family: "cox", time, relax: true, foldId }).relaxed!;
    expect(relaxed.gamma).toEqual(fixture.cv.gamma);
    const theirs = Object.values(fixture.cv.cvm) as number[][];
    relaxed.cvm.forEach((curve, g) => {
      expect(curve.length).toBe(theirs[g]!.length);
      curve.forEach((value, k) => {
        expect(value / theirs[g]![k]! - 1).toBeCloseTo(0, 6);
      });
    });
    expect(relaxed.lambdaMin / fixture.cv.lambda_min - 1).toBeCloseTo(0, 8);
    expect(relaxed.gammaMin).toBe(fixture.cv.gamma_min);
    expect(relaxed.lambdaOneSe / fixture.cv.lambda_1se - 1).toBeCloseTo(0, 8);
    expect(relaxed.gammaOneSe).toBe(fixture.cv.gamma_1se);
  });
});

describe("Harrell's C", () => {
  it("counts concordant pairs, ties in risk as half, an event before a censoring at the same time as ordered", () => {
    const time = Float64Array.from([1, 2, 2, 3]);
    const status = Float64Array.from([1, 1, 0, 0]);
    const ones = new Float64Array(4).fill(1);
    // comparable pairs: (0,1) (0,2) (0,3) (1,2: event vs censored at 2) (1,3)
    expect(harrellC(Float64Array.from([4, 3, 2, 1]), time, status, ones)).toBe(1);
    expect(harrellC(Float64Array.from([1, 2, 3, 4]), time, status, ones)).toBe(0);
    expect(harrellC(Float64Array.from([1, 1, 1, 1]), time, status, ones)).toBe(0.5);
    expect(harrellC(Float64Array.from([4, 3, 2, 1]), time, new Float64Array(4), ones)).toBeNaN();
  });
});
