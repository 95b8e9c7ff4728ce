import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DataError } from "../../src/data/dataError.js";
import { type Dataset, parseCsv } from "../../src/data/parseCsv.js";
import { crossValidate } from "../../src/glm/crossValidation.js";
import { multinomialPath } from "../../src/glm/multinomialPath.js";
import { multinomialPenalty, standardDeviations } from "../helpers/glmnetObjective.js";

const ROOT = resolve(import.meta.dirname, "../..");
const FIXTURES = ["iris-multinomial-lasso", "wine-multinomial-lasso", "wine-multinomial-enet"];

interface Fixture {
  file: string;
  alpha: number;
  classes: string[];
  lambda: number[];
  /** a0[c][k] */
  a0: number[][];
  /** beta[class name][j][k] */
  beta: Record<string, number[][]>;
  dev_ratio: number[];
  df: number[];
  /** probability[k][row][c], rows 0…19 */
  probability: number[][][];
}

const load = (name: string) =>
  JSON.parse(readFileSync(join(ROOT, "test/fixtures/glmnet", `${name}.json`), "utf8")) as Fixture;
const dataOf = (file: string) => parseCsv(readFileSync(join(ROOT, "data", file), "utf8"), file);

/** Class probabilities of row i for intercepts a0[c] and coefficients beta[c][j]. */
function probabilities(data: Dataset, i: number, a0: number[], beta: number[][]): number[] {
  const { p, x } = data;
  const eta = a0.map((a, c) => a + beta[c]!.reduce((sum, b, j) => sum + b * x[i * p + j]!, 0));
  const largest = Math.max(...eta);
  const e = eta.map((v) => Math.exp(v - largest));
  const total = e.reduce((a, b) => a + b, 0);
  return e.map((v) => v / total);
}

/** The multinomial objective from scratch on the raw data (the independent reference). */
function objective(
  data: Dataset,
  alpha: number,
  lambda: number,
  a0: number[],
  beta: number[][],
  sd: number[],
) {
  let loss = 0;
  for (let i = 0; i < data.n; i++) loss -= Math.log(probabilities(data, i, a0, beta)[data.y[i]!]!) / data.n;
  return loss + lambda * multinomialPenalty(beta, sd, alpha);
}

describe.each(FIXTURES)("multinomial path against glmnet: %s", (name) => {
  const fixture = load(name);
  const data = dataOf(fixture.file);
  const path = multinomialPath(data, { alpha: fixture.alpha });
  const K = fixture.classes.length;
  const sd = standardDeviations(data);
  const shared = Math.min(path.lambda.length, fixture.lambda.length);
  const glmnetBeta = (k: number) => fixture.classes.map((name) => fixture.beta[name]!.map((row) => row[k]!));
  const glmnetA0 = (k: number) => fixture.a0.map((row) => row[k]!);
  const oursBeta = (k: number) => path.beta.map((perLambda) => perLambda[k]!);
  const oursA0 = (k: number) => path.a0.map((perLambda) => perLambda[k]!);

  it("builds glmnet's λ sequence", () => {
    expect(shared).toBeGreaterThan(0.8 * fixture.lambda.length);
    for (let k = 0; k < shared; k++)
      expect(Math.abs(path.lambda[k]! - fixture.lambda[k]!) / fixture.lambda[k]!).toBeLessThan(1e-10);
  });

  it("is never worse than glmnet at any shared λ (objective from the raw data)", () => {
    let largestGain = 0;
    for (let k = 0; k < shared; k++) {
      const lambda = fixture.lambda[k]!;
      const ours = objective(data, fixture.alpha, lambda, oursA0(k), oursBeta(k), sd);
      const theirs = objective(data, fixture.alpha, lambda, glmnetA0(k), glmnetBeta(k), sd);
      expect((ours - theirs) / Math.abs(theirs), `λ #${k}`).toBeLessThan(1e-6);
      largestGain = Math.max(largestGain, (theirs - ours) / Math.abs(theirs));
      // the objective the path reports is the one computed here
      expect(Math.abs(path.objective[k]! - ours) / ours).toBeLessThan(1e-9);
    }
    expect(largestGain).toBeGreaterThanOrEqual(0);
  });

  it("predicts glmnet's probabilities and deviance ratio", () => {
    for (let k = 0; k < shared; k++) {
      for (let i = 0; i < 20; i++) {
        const ours = probabilities(data, i, oursA0(k), oursBeta(k));
        for (let c = 0; c < K; c++)
          expect(Math.abs(ours[c]! - fixture.probability[k]![i]![c]!)).toBeLessThan(2e-3);
      }
      // glmnet's multinomial solver stops looser than ours (its objective is the higher one): the
      // deviance ratios agree to a few 1e-4
      expect(Math.abs(path.devRatio[k]! - fixture.dev_ratio[k]!)).toBeLessThan(5e-4);
    }
  });

  it("satisfies the KKT conditions (checked from the raw data) and reports centred intercepts", () => {
    const { n, p, x } = data;
    for (const k of [Math.floor(shared / 3), shared - 1]) {
      const lambda = path.lambda[k]!;
      const beta = oursBeta(k);
      const a0 = oursA0(k);
      expect(Math.abs(a0.reduce((s, v) => s + v, 0))).toBeLessThan(1e-9);
      for (let c = 0; c < K; c++) {
        // ∂loss/∂b_jc = (1/n) Σ x_ij (p_ic − y_ic); on the standardized scale divide by... multiply by sd_j
        for (let j = 0; j < p; j++) {
          let g = 0;
          for (let i = 0; i < n; i++) {
            const prob = probabilities(data, i, a0, beta)[c]!;
            g += (x[i * p + j]! * (prob - (data.y[i] === c ? 1 : 0))) / n;
          }
          const gs = g / sd[j]!; // gradient with respect to the standardized coefficient s_j b_jc
          const b = beta[c]![j]! * sd[j]!;
          const ridge = lambda * (1 - fixture.alpha) * b;
          if (b !== 0)
            expect(Math.abs(gs + ridge + lambda * fixture.alpha * Math.sign(b))).toBeLessThan(
              1e-5 * path.lambda[0]!,
            );
          else expect(Math.abs(gs)).toBeLessThanOrEqual(lambda * fixture.alpha + 1e-5 * path.lambda[0]!);
        }
      }
    }
  });
});

describe("multinomial path: bad targets", () => {
  it("refuses a numeric target with too many values", () => {
    const data = dataOf("diabetes.csv");
    expect(() => multinomialPath(data)).toThrow(DataError);
    try {
      multinomialPath(data);
    } catch (error) {
      expect((error as DataError).key).toBe("path.notClasses");
    }
  });

  it("keeps the class labels it was given", () => {
    const data = dataOf("iris.csv");
    const shifted = { ...data, y: data.y.map((v) => 10 * v + 3) };
    const path = multinomialPath(shifted, { nlambda: 10 });
    expect(path.classes).toEqual([3, 13, 23]);
  });
});

describe("multinomial cross-validation against cv.glmnet (same fold ids)", () => {
  interface CvFixture extends Fixture {
    cvm: number[];
    lambda_min: number;
    lambda_1se: number;
  }
  for (const name of FIXTURES) {
    it(`${name}: λ.1se as glmnet, λ.min as glmnet or next to it, cvm alike`, () => {
      const fixture = load(name) as CvFixture;
      const data = dataOf(fixture.file);
      const cv = crossValidate(data, {
        family: "multinomial",
        alpha: fixture.alpha,
        foldRule: "mod",
        folds: 10,
      });
      expect(cv.lambdaOneSe).toBeCloseTo(fixture.lambda_1se, 12);
      // At the flat bottom of the curve the minimum can move by a grid step or two: glmnet's
      // multinomial fits stop looser (above: its objective is up to 5e-4 higher than reglab's).
      const glmnetMin = fixture.lambda.indexOf(fixture.lambda_min);
      expect(Math.abs(cv.indexMin - glmnetMin)).toBeLessThanOrEqual(2);
      for (let k = 0; k <= cv.indexOneSe; k++)
        expect(Math.abs(cv.cvm[k]! - fixture.cvm[k]!) / fixture.cvm[k]!).toBeLessThan(5e-3);
    });
  }

  it("scores class error, mse and mae with one-hot targets", () => {
    const data = dataOf("iris.csv");
    for (const measure of ["class", "mse", "mae"] as const) {
      const cv = crossValidate(data, {
        family: "multinomial",
        measure,
        foldRule: "mod",
        folds: 5,
        nlambda: 20,
      });
      expect(cv.cvm.every((v) => v >= 0 && Number.isFinite(v))).toBe(true);
      if (measure === "class") expect(Math.min(...cv.cvm)).toBeLessThan(0.1);
    }
    expect(() => crossValidate(data, { family: "multinomial", measure: "auc" })).toThrow(/cv.measureFamily/);
  });
});
