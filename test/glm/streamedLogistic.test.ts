/**
 * The streamed logistic path (glm/streamedLogistic.ts) driven by passes computed here, in memory,
 * row by row: its light passes' model (movedModel) and the path it gives against the in-memory
 * path on the same data.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { type Dataset, parseCsv } from "../../src/data/parseCsv.js";
import { binaryTarget } from "../../src/glm/binaryTarget.js";
import type { ElasticNetPath } from "../../src/glm/elasticNetPath.js";
import { glmPath } from "../../src/glm/glmPath.js";
import {
  movedModel,
  streamedLogisticPath,
  type WorkingPass,
  type WorkingSums,
} from "../../src/glm/streamedLogistic.js";
import type { GaussianStatistics } from "../../src/glm/sufficientStatistics.js";

const ROOT = resolve(import.meta.dirname, "../..");
const cancer = binaryTarget(
  parseCsv(readFileSync(join(ROOT, "data/breast_cancer.csv"), "utf8"), "breast_cancer.csv"),
).data;

/** Means and covariance (divisor n) of [x, y], as the table's statistics statement gives them. */
function statisticsOf(data: Dataset): GaussianStatistics {
  const { n, p, x, y } = data;
  const m = p + 1;
  const value = (i: number, a: number) => (a < p ? x[i * p + a]! : y[i]!);
  const mean = new Float64Array(m);
  for (let i = 0; i < n; i++) for (let a = 0; a < m; a++) mean[a]! += value(i, a) / n;
  const covariance = new Float64Array(m * m);
  for (let i = 0; i < n; i++)
    for (let a = 0; a < m; a++)
      for (let b = 0; b < m; b++)
        covariance[a * m + b]! += ((value(i, a) - mean[a]!) * (value(i, b) - mean[b]!)) / n;
  return {
    n,
    weightTotal: n,
    featureNames: data.featureNames,
    targetName: data.targetName,
    mean,
    covariance,
    source: data.source,
  };
}

/** A pass over the rows in memory, the sums of cli/outOfCore/workingPassQuery.ts written as loops. */
function passOver(data: Dataset, counter: { full: number; light: number }): WorkingPass {
  const { n, p, x, y } = data;
  const m = p + 1;
  return async (intercept, beta, mean, secondOrder) => {
    if (secondOrder) counter.full++;
    else counter.light++;
    let centre = intercept;
    for (let j = 0; j < p; j++) centre += beta[j]! * mean[j]!;
    const sums: WorkingSums = {
      n,
      loss: 0,
      saturated: 0,
      gradientIntercept: 0,
      gradient: new Float64Array(p),
      model: secondOrder ? { vTotal: 0, first: new Float64Array(m), second: new Float64Array(m * m) } : null,
      residualSquares: secondOrder ? null : 0,
    };
    const row = new Float64Array(m);
    for (let i = 0; i < n; i++) {
      let eta = centre;
      for (let j = 0; j < p; j++) {
        row[j] = x[i * p + j]! - mean[j]!;
        eta += beta[j]! * row[j]!;
      }
      const probability = 1 / (1 + Math.exp(-eta));
      const q = Math.max(probability * (1 - probability), 1e-5);
      const residual = y[i]! - probability;
      sums.loss += Math.max(eta, 0) + Math.log1p(Math.exp(-Math.abs(eta))) - y[i]! * eta;
      sums.gradientIntercept += residual;
      for (let j = 0; j < p; j++) sums.gradient[j]! += row[j]! * residual;
      if (sums.model) {
        row[p] = eta - centre + residual / q;
        sums.model.vTotal += q;
        for (let a = 0; a < m; a++) {
          sums.model.first[a]! += q * row[a]!;
          for (let b = 0; b < m; b++) sums.model.second[a * m + b]! += q * row[a]! * row[b]!;
        }
      } else sums.residualSquares! += (residual * residual) / q;
    }
    return sums;
  };
}

describe("the streamed logistic path's light passes", () => {
  const statistics = statisticsOf(cancer);
  const mean = statistics.mean.subarray(0, cancer.p);

  it("moves a model to the point it was made at without changing it", async () => {
    const pass = passOver(cancer, { full: 0, light: 0 });
    const beta = Float64Array.from({ length: cancer.p }, (_, j) => (j % 3 === 0 ? 0.01 * (j + 1) : 0));
    const full = await pass(-0.3, beta, mean, true);
    const light = await pass(-0.3, beta, mean, false);
    const moved = movedModel(full.model!, light, beta);
    const m = cancer.p + 1;
    expect(moved.vTotal).toBe(full.model!.vTotal);
    for (let a = 0; a < m; a++) {
      expect(moved.first[a]!).toBeCloseTo(full.model!.first[a]!, 8);
      for (let b = 0; b < m; b++) {
        const expected = full.model!.second[a * m + b]!;
        expect(Math.abs(moved.second[a * m + b]! - expected)).toBeLessThan(
          1e-9 * Math.max(1, Math.abs(expected)),
        );
      }
    }
  });

  it("moves it elsewhere by the gradient: the z column is the kept curvature times b plus the new gradient", async () => {
    const pass = passOver(cancer, { full: 0, light: 0 });
    const zero = new Float64Array(cancer.p);
    const kept = (await pass(0, zero, mean, true)).model!;
    const beta = Float64Array.from({ length: cancer.p }, (_, j) => 0.002 * (j - 10));
    const light = await pass(0.1, beta, mean, false);
    const moved = movedModel(kept, light, beta);
    const m = cancer.p + 1;
    for (let j = 0; j < cancer.p; j++) {
      let expected = light.gradient[j]!;
      for (let k = 0; k < cancer.p; k++) expected += kept.second[j * m + k]! * beta[k]!;
      expect(moved.second[j * m + cancer.p]!).toBeCloseTo(expected, 9);
      // the features' own block is the kept one
      expect(moved.second[j * m + 3]).toBe(kept.second[j * m + 3]);
    }
  });

  it("gives the in-memory path: the same λ, objectives to 1e-9, most passes light", async () => {
    const counter = { full: 0, light: 0 };
    const { path, passes, lightPasses } = await streamedLogisticPath(statistics, passOver(cancer, counter), {
      nlambda: 20,
    });
    const rows = glmPath(cancer, { family: "binomial", nlambda: 20 }) as ElasticNetPath;
    expect(path.lambda.length).toBe(rows.lambda.length);
    for (let k = 0; k < rows.lambda.length; k++) {
      expect(path.lambda[k]! / rows.lambda[k]!).toBeCloseTo(1, 10);
      expect(Math.abs(path.objective[k]! - rows.objective[k]!)).toBeLessThan(1e-9 * rows.objective[k]!);
      expect(path.certificate[k]!).toBeLessThanOrEqual(1e-7);
    }
    expect(passes).toBe(counter.full + counter.light);
    expect(lightPasses).toBe(counter.light);
    expect(counter.light).toBeGreaterThan(counter.full);
  });
});
