/**
 * reglab against scikit-learn on committed fixtures (scripts/make-sklearn-fixtures.py): the L2
 * logistic regression by truncated Newton against LogisticRegression, and the gaussian elastic net
 * against enet_path — whose objective is reglab's exactly, also for α < 1 (glmnet's is not).
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Dataset, parseCsv } from "../../src/data/parseCsv.js";
import { elasticNetPath } from "../../src/glm/elasticNetPath.js";
import { logisticRidge } from "../../src/glm/logisticRidge.js";

interface SklearnFixture {
  alpha?: number;
  fits: { lambda: number; intercept: number; coefs: number[] }[];
}

const load = (name: string) =>
  JSON.parse(readFileSync(`test/fixtures/sklearn/${name}.json`, "utf8")) as SklearnFixture;
const dataOf = (name: string) => parseCsv(readFileSync(`data/${name}.csv`, "utf8"), `data/${name}.csv`);

function softplus(eta: number) {
  return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
}
function sds(data: Dataset) {
  const { n, p, x } = data;
  return Array.from({ length: p }, (_, j) => {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i * p + j]! / n;
    let v = 0;
    for (let i = 0; i < n; i++) v += (x[i * p + j]! - mean) ** 2 / n;
    return Math.sqrt(v);
  });
}
/** mean loss + λ Σ (α|s b| + (1−α)/2 (s b)²), from the raw data. */
function objective(
  data: Dataset,
  family: "gaussian" | "binomial",
  alpha: number,
  lambda: number,
  a0: number,
  beta: ArrayLike<number>,
) {
  const { n, p, x, y } = data;
  const s = sds(data);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let eta = a0;
    for (let j = 0; j < p; j++) eta += x[i * p + j]! * beta[j]!;
    loss += family === "gaussian" ? 0.5 * (y[i]! - eta) ** 2 : softplus(eta) - y[i]! * eta;
  }
  let penalty = 0;
  for (let j = 0; j < p; j++) {
    const b = s[j]! * beta[j]!;
    penalty += alpha * Math.abs(b) + 0.5 * (1 - alpha) * b * b;
  }
  return loss / n + lambda * penalty;
}

describe("L2 logistic regression by truncated Newton vs scikit-learn's LogisticRegression", () => {
  const data = dataOf("breast_cancer");
  for (const reference of load("logistic-breast_cancer").fits) {
    it(`λ = ${reference.lambda}: same coefficients, same or lower objective`, () => {
      const fit = logisticRidge(data, reference.lambda, { tolerance: 1e-10 });
      expect(fit.converged).toBe(true);
      // lbfgs stops at a higher objective (2e-11 … 2e-8 relative): coefficients agree to its accuracy
      const size = Math.max(...reference.coefs.map(Math.abs));
      for (const [j, c] of reference.coefs.entries())
        expect(Math.abs(fit.coefs[j]! - c) / size, `coef ${j}`).toBeLessThan(1e-3);
      const ours = objective(data, "binomial", 0, reference.lambda, fit.intercept, fit.coefs);
      const theirs = objective(data, "binomial", 0, reference.lambda, reference.intercept, reference.coefs);
      expect((ours - theirs) / theirs).toBeLessThan(1e-9);
      expect(Math.abs(fit.objective - ours) / ours).toBeLessThan(1e-10);
    });
  }

  it("agrees with the coordinate-descent path solver at the same λ (α = 0)", () => {
    const lambda = 0.01;
    const tn = logisticRidge(data, lambda, { tolerance: 1e-10 });
    const path = elasticNetPath(data, { family: "binomial", alpha: 0, lambda: [lambda] });
    const cd = objective(data, "binomial", 0, lambda, path.a0[0]!, path.beta[0]!);
    expect(Math.abs(tn.objective - cd) / cd).toBeLessThan(1e-7);
  });

  it("refuses λ ≤ 0", () => {
    expect(() => logisticRidge(data, 0)).toThrow(/λ/);
  });
});

describe("gaussian elastic net vs scikit-learn's enet_path (the same objective for every α)", () => {
  for (const [name, alpha] of [
    ["diabetes", 0.5],
    ["diabetes", 0.2],
    ["wine", 0.5],
  ] as const) {
    it(`${name}, α = ${alpha}: objective never above sklearn's, coefficients alike`, () => {
      const fixture = load(`enet-${name}-${alpha}`);
      const data = dataOf(name);
      const lambdas = fixture.fits.map((f) => f.lambda);
      const path = elasticNetPath(data, { alpha, lambda: lambdas, earlyStop: false });
      fixture.fits.forEach((reference, k) => {
        const ours = objective(data, "gaussian", alpha, reference.lambda, path.a0[k]!, path.beta[k]!);
        const theirs = objective(
          data,
          "gaussian",
          alpha,
          reference.lambda,
          reference.intercept,
          reference.coefs,
        );
        expect((ours - theirs) / theirs, `λ #${k}`).toBeLessThan(1e-9);
        const size = Math.max(1e-12, ...reference.coefs.map(Math.abs));
        for (const [j, c] of reference.coefs.entries())
          expect(Math.abs(path.beta[k]![j]! - c) / size).toBeLessThan(1e-4);
      });
    });
  }
});
