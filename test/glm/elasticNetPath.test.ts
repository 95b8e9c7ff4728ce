import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/core/random.js";
import { type Dataset, parseCsv } from "../../src/data/parseCsv.js";
import { elasticNetPath } from "../../src/glm/elasticNetPath.js";

const ROOT = resolve(import.meta.dirname, "../..");
const FIXTURES = [
  "diabetes-gaussian-lasso",
  "diabetes-gaussian-enet",
  "wine-gaussian-lasso",
  "breast-cancer-binomial-lasso",
  "breast-cancer-binomial-enet",
];

interface Fixture {
  file: string;
  family: "gaussian" | "binomial";
  alpha: number;
  lambda: number[];
  a0: number[];
  beta: number[][];
  dev_ratio: number[];
}

const load = (name: string) =>
  JSON.parse(readFileSync(join(ROOT, "test/fixtures/glmnet", `${name}.json`), "utf8")) as Fixture;
const dataOf = (file: string) => parseCsv(readFileSync(join(ROOT, "data", file), "utf8"), file);

function softplus(eta: number) {
  return eta > 0 ? eta + Math.log1p(Math.exp(-eta)) : Math.log1p(Math.exp(eta));
}

/** The objective of the issue, computed here from scratch on the raw data (an independent reference). */
function objective(data: Dataset, family: string, alpha: number, lambda: number, a0: number, beta: number[]) {
  const { n, p, x, y } = data;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let eta = a0;
    for (let j = 0; j < p; j++) eta += x[i * p + j]! * beta[j]!;
    loss += family === "gaussian" ? (0.5 * (y[i]! - eta) ** 2) / n : (softplus(eta) - y[i]! * eta) / n;
  }
  let penalty = 0;
  for (let j = 0; j < p; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i * p + j]! / n;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (x[i * p + j]! - mean) ** 2 / n;
    const scaled = Math.sqrt(variance) * beta[j]!;
    penalty += alpha * Math.abs(scaled) + 0.5 * (1 - alpha) * scaled * scaled;
  }
  return loss + lambda * penalty;
}

/** Gradient of the loss with respect to b_j, from the raw data. */
function lossGradient(data: Dataset, family: string, a0: number, beta: number[]) {
  const { n, p, x, y } = data;
  const gradient = new Array<number>(p).fill(0);
  for (let i = 0; i < n; i++) {
    let eta = a0;
    for (let j = 0; j < p; j++) eta += x[i * p + j]! * beta[j]!;
    const residual = family === "gaussian" ? eta - y[i]! : 1 / (1 + Math.exp(-eta)) - y[i]!;
    for (let j = 0; j < p; j++) gradient[j]! += (residual * x[i * p + j]!) / n;
  }
  return gradient;
}

describe("elasticNetPath against glmnet", () => {
  for (const name of FIXTURES) {
    describe(name, () => {
      const fixture = load(name);
      const data = dataOf(fixture.file);
      const path = elasticNetPath(data, { family: fixture.family, alpha: fixture.alpha });
      const shared = Math.min(path.lambda.length, fixture.lambda.length);

      it("builds glmnet's λ sequence (relative 1e-10)", () => {
        for (let k = 0; k < shared; k++)
          expect(Math.abs(path.lambda[k]! - fixture.lambda[k]!) / fixture.lambda[k]!).toBeLessThan(1e-10);
        expect(shared).toBeGreaterThan(60);
      });

      it("is never above glmnet's objective by more than 1e-6 relative, at every shared λ", () => {
        for (let k = 0; k < shared; k++) {
          const ours = objective(
            data,
            fixture.family,
            fixture.alpha,
            path.lambda[k]!,
            path.a0[k]!,
            path.beta[k]!,
          );
          const theirs = objective(
            data,
            fixture.family,
            fixture.alpha,
            fixture.lambda[k]!,
            fixture.a0[k]!,
            fixture.beta[k]!,
          );
          expect((ours - theirs) / Math.abs(theirs)).toBeLessThanOrEqual(1e-6);
          expect(Math.abs(ours - path.objective[k]!) / ours).toBeLessThan(1e-9); // the objective it reports is the real one
        }
      });

      it("satisfies the KKT conditions, checked from the raw data", () => {
        for (let k = 0; k < shared; k += 7) {
          const lambda = path.lambda[k]!;
          const gradient = lossGradient(data, fixture.family, path.a0[k]!, path.beta[k]!);
          const beta = path.beta[k]!;
          for (let j = 0; j < data.p; j++) {
            let mean = 0;
            for (let i = 0; i < data.n; i++) mean += data.x[i * data.p + j]! / data.n;
            let variance = 0;
            for (let i = 0; i < data.n; i++) variance += (data.x[i * data.p + j]! - mean) ** 2 / data.n;
            const s = Math.sqrt(variance);
            // in standardized units: ∂loss/∂β̃_j = g_j / s_j must equal −λ(α·sign + (1−α)β̃_j), or |·| ≤ λα at 0
            const g = gradient[j]! / s;
            const scaled = beta[j]! * s;
            const scale = path.lambda[0]! * Math.max(fixture.alpha, 1e-3);
            if (scaled === 0) expect(Math.abs(g)).toBeLessThanOrEqual(lambda * fixture.alpha + 1e-6 * scale);
            else
              expect(
                Math.abs(g + lambda * (fixture.alpha * Math.sign(scaled) + (1 - fixture.alpha) * scaled)),
              ).toBeLessThanOrEqual(1e-6 * scale);
          }
        }
      });

      it("reports a certificate of 1e-7 (relative to λ_max) and convergence at every λ", () => {
        expect(Math.max(...path.certificate)).toBeLessThanOrEqual(1e-7);
        expect(path.converged.every(Boolean)).toBe(true);
      });
    });
  }
});

describe("elasticNetPath", () => {
  const data = dataOf("diabetes.csv");

  it("gives a constant column coefficient 0 everywhere", () => {
    const p = data.p + 1;
    const x = new Float64Array(data.n * p);
    for (let i = 0; i < data.n; i++) {
      x.set(data.x.subarray(i * data.p, i * data.p + data.p), i * p);
      x[i * p + data.p] = 3;
    }
    const path = elasticNetPath(
      { ...data, p, x, featureNames: [...data.featureNames, "constant"] },
      { nlambda: 20 },
    );
    expect(path.beta.every((b) => b[data.p] === 0)).toBe(true);
  });

  it("treats equal weights like no weights", () => {
    const plain = elasticNetPath(data, { nlambda: 10 });
    const weighted = elasticNetPath(data, { nlambda: 10, weights: new Float64Array(data.n).fill(2.5) });
    plain.beta.forEach((b, k) => {
      b.forEach((v, j) => {
        expect(weighted.beta[k]![j]).toBeCloseTo(v, 8);
      });
    });
  });

  it("leaves an unpenalized feature (penalty factor 0) in the model from the start", () => {
    const pf = new Array(data.p).fill(1);
    pf[3] = 0;
    const path = elasticNetPath(data, { penaltyFactor: pf, nlambda: 10 });
    expect(path.beta[0]![3]).not.toBe(0);
    expect(path.beta[0]!.filter((v, j) => j !== 3 && v !== 0)).toHaveLength(0);
  });

  it("fits without standardization or intercept, optimality still certified", () => {
    const path = elasticNetPath(data, { standardize: false, intercept: false, nlambda: 15 });
    expect(path.a0.every((a) => a === 0)).toBe(true);
    expect(Math.max(...path.certificate)).toBeLessThanOrEqual(1e-7);
  });

  it("uses a λ sequence given by the user, largest first", () => {
    const path = elasticNetPath(data, { lambda: [0.1, 10, 1], earlyStop: false });
    expect(path.lambda).toEqual([10, 1, 0.1]);
  });
});

describe("a design with no feature that varies", () => {
  it("is refused by name (glmnet's λ would be NaN), not fitted on a grid of λ = 0", () => {
    const data = parseCsv("a,b,y\n1,0,1\n1,0,2\n1,0,4\n", "constant.csv");
    expect(() => elasticNetPath(data)).toThrowError(/path\.noUsableFeature/);
    expect(() => elasticNetPath(data, { family: "poisson" })).toThrowError(/path\.noUsableFeature/);
  });
});

describe("a short grid on a wide design (walked through λ between its points)", () => {
  it("reaches at each λ the model a solve at that λ alone reaches (gaussian and binomial, 60 × 300)", () => {
    const random = createRandom(31);
    const [n, p] = [60, 300];
    const x = Float64Array.from({ length: n * p }, () => random.normal());
    const eta = Float64Array.from({ length: n }, (_, i) => x[i * p]! - x[i * p + 1]! + 0.5 * x[i * p + 2]!);
    for (const family of ["gaussian", "binomial"] as const) {
      const y = Float64Array.from(eta, (v) =>
        family === "gaussian" ? v + random.normal() : random.uniform() < 1 / (1 + Math.exp(-2 * v)) ? 1 : 0,
      );
      const data: Dataset = {
        source: "wide",
        featureNames: Array.from({ length: p }, (_, j) => `x${j}`),
        targetName: "y",
        n,
        p,
        x,
        y,
        droppedRows: 0,
        constantColumns: [],
      };
      // steps of 0.4 down the path: each walked through λ 0.95 apart
      const coarse = elasticNetPath(data, { family, nlambda: 6, lambdaMinRatio: 0.01, earlyStop: false });
      expect(coarse.lambda.length).toBe(6);
      for (let k = 1; k < coarse.lambda.length; k++) {
        const alone = elasticNetPath(data, { family, lambda: [coarse.lambda[k]!] });
        expect(coarse.converged[k]).toBe(true);
        expect(Math.abs(coarse.objective[k]! / alone.objective[0]! - 1)).toBeLessThan(1e-6);
      }
    }
  });
});
