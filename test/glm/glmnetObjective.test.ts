/**
 * The gaussian elastic net (α < 1) is glmnet's model by default: glmnet standardizes y, which
 * divides the ridge part of its penalty by sd(y). Checked against glmnet's own fit (fixture
 * diabetes-gaussian-enet, α = 0.5) with glmnet's objective computed here from the raw data.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { type Dataset, parseCsv } from "../../src/data/parseCsv.js";
import { crossValidate } from "../../src/glm/crossValidation.js";
import { type ElasticNetPath, elasticNetPath } from "../../src/glm/elasticNetPath.js";
import { type GlmPathOptions, glmPath } from "../../src/glm/glmPath.js";

const ROOT = resolve(import.meta.dirname, "../..");
const fixture = JSON.parse(
  readFileSync(join(ROOT, "test/fixtures/glmnet/diabetes-gaussian-enet.json"), "utf8"),
);
const diabetes = parseCsv(readFileSync(join(ROOT, "data/diabetes.csv"), "utf8"), "diabetes.csv");
const gaussianPath = (data: Dataset, options: GlmPathOptions) => glmPath(data, options) as ElasticNetPath;

/** Column means and 1/n standard deviations, and sd(y) (1/n), from the raw data. */
function moments(data: Dataset) {
  const { n, p, x, y } = data;
  const mean = new Float64Array(p);
  const sd = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < n; i++) mean[j]! += x[i * p + j]! / n;
    for (let i = 0; i < n; i++) sd[j]! += (x[i * p + j]! - mean[j]!) ** 2 / n;
    sd[j] = Math.sqrt(sd[j]!);
  }
  const yMean = y.reduce((a, b) => a + b, 0) / n;
  const ys = Math.sqrt(y.reduce((sum, v) => sum + (v - yMean) ** 2, 0) / n);
  return { mean, sd, ys };
}

/** glmnet's gaussian objective: ½RSS/n + λ Σ (α|s_j b_j| + (1−α)/(2·sd(y)) (s_j b_j)²). */
function glmnetObjective(data: Dataset, alpha: number, lambda: number, a0: number, beta: readonly number[]) {
  const { n, p, x, y } = data;
  const { sd, ys } = moments(data);
  let rss = 0;
  for (let i = 0; i < n; i++) {
    let fit = a0;
    for (let j = 0; j < p; j++) fit += x[i * p + j]! * beta[j]!;
    rss += (y[i]! - fit) ** 2;
  }
  let penalty = 0;
  for (let j = 0; j < p; j++) {
    const b = sd[j]! * beta[j]!;
    penalty += alpha * Math.abs(b) + ((1 - alpha) / (2 * ys)) * b * b;
  }
  return rss / (2 * n) + lambda * penalty;
}

describe("the gaussian elastic net is glmnet's model by default", () => {
  const path = gaussianPath(diabetes, { alpha: 0.5 });

  it("runs on glmnet's λ sequence and says which objective it minimized", () => {
    expect(path.objectiveForm).toBe("glmnet");
    for (let k = 0; k < path.lambda.length; k++)
      expect(path.lambda[k]! / fixture.lambda[k] - 1).toBeCloseTo(0, 10);
  });

  it("is never above glmnet's own fit on glmnet's objective, and reports that objective", () => {
    for (let k = 0; k < path.lambda.length; k++) {
      const ours = glmnetObjective(diabetes, 0.5, path.lambda[k]!, path.a0[k]!, path.beta[k]!);
      const theirs = glmnetObjective(diabetes, 0.5, fixture.lambda[k], fixture.a0[k], fixture.beta[k]);
      expect((ours - theirs) / theirs).toBeLessThan(1e-9);
      expect(Math.abs(path.objective[k]! - ours) / ours).toBeLessThan(1e-9);
    }
  });

  it("has glmnet's model: deviance ratios to 2e-4, the same nonzero counts along the first 20 λ (glmnet converges loosely)", () => {
    for (let k = 0; k < path.lambda.length; k++) {
      expect(Math.abs(path.devRatio[k]! - fixture.dev_ratio[k])).toBeLessThan(2e-4);
      if (k < 20) expect(path.df[k]).toBe(fixture.df[k]);
    }
  });

  it("is the same model in any units of y (glmnet's objective is homogeneous in y)", () => {
    const scaled = gaussianPath({ ...diabetes, y: diabetes.y.map((v) => v * 1e-3) }, { alpha: 0.5 });
    expect(scaled.lambda.length).toBe(path.lambda.length);
    for (const k of [5, 30, path.lambda.length - 1]) {
      expect(scaled.lambda[k]! / 1e-3 / path.lambda[k]!).toBeCloseTo(1, 9);
      expect(scaled.beta[k]![2]! / 1e-3 / path.beta[k]![2]!).toBeCloseTo(1, 7);
    }
  });

  it("the objective as written stays one option away (scikit-learn's; the solver's own)", () => {
    const asWritten = gaussianPath(diabetes, { alpha: 0.5, objective: "as-written" });
    const direct = elasticNetPath(diabetes, { alpha: 0.5 });
    expect(asWritten.objectiveForm).toBe("as-written");
    expect(asWritten.lambda).toEqual(direct.lambda);
    expect(asWritten.beta[20]).toEqual(direct.beta[20]);
    expect(asWritten.df[10]).not.toBe(path.df[10]); // a different model: 6 nonzero against glmnet's 3
  });

  it("cross-validates as cv.glmnet: λ.1se equal, λ.min within a grid step, the curve to 1e-3", () => {
    // this fixture's cv.glmnet was given the full λ sequence, so its folds share it
    const cv = crossValidate(diabetes, { alpha: 0.5, foldRule: "mod", foldLambda: "full" });
    expect(cv.lambdaOneSe / fixture.lambda_1se - 1).toBeCloseTo(0, 10);
    const step = cv.lambda[0]! / cv.lambda[1]!;
    expect(Math.abs(Math.log(cv.lambdaMin / fixture.lambda_min))).toBeLessThanOrEqual(
      Math.log(step) * 1.0001,
    );
    for (let k = 0; k < Math.min(cv.cvm.length, fixture.cvm.length); k++)
      expect(Math.abs(cv.cvm[k]! - fixture.cvm[k]) / fixture.cvm[k]).toBeLessThan(1e-3);
  });
});
