import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { DataError } from "../../src/data/dataError.js";
import { type Dataset, parseCsv } from "../../src/data/parseCsv.js";
import { crossValidate } from "../../src/glm/crossValidation.js";
import type { ElasticNetPath } from "../../src/glm/elasticNetPath.js";
import { type GlmPathOptions, glmPath } from "../../src/glm/glmPath.js";

const ROOT = resolve(import.meta.dirname, "../..");
const dataOf = (file: string) => parseCsv(readFileSync(join(ROOT, "data", file), "utf8"), file);
const diabetes = dataOf("diabetes.csv");
/** A gaussian or binomial path (one coefficient vector per λ). */
const singlePath = (data: Dataset, options: GlmPathOptions = {}) => glmPath(data, options) as ElasticNetPath;
const breastCancer = dataOf("breast_cancer.csv");

function withColumn(data: Dataset, j: number, factor: number): Dataset {
  const x = Float64Array.from(data.x, (v, k) => (k % data.p === j ? v * factor : v));
  return { ...data, x, constantColumns: [] };
}
const withTarget = (data: Dataset, factor: number): Dataset => ({
  ...data,
  y: data.y.map((v) => v * factor),
});

function keyOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof DataError) return error.key;
    throw error;
  }
  return "no error";
}

/**
 * The elastic net's optimality conditions in the user's units, from the raw data (independent of
 * the solvers and of the rescaling): with x̃ the 1/n-standardized columns, r the residual and
 * b̃_j = s_j·b_j, |x̃_jᵀr/n − λ(1−α)b̃_j| ≤ λα, with equality (and the sign of b̃_j) where b̃_j ≠ 0.
 * Returns the largest violation relative to max_j |x̃_jᵀ(y − ȳ)|/n.
 */
function kktViolation(data: Dataset, alpha: number, lambda: number, a0: number, beta: number[]): number {
  const { n, p, x, y } = data;
  const r = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let fit = a0;
    for (let j = 0; j < p; j++) fit += x[i * p + j]! * beta[j]!;
    r[i] = y[i]! - fit;
  }
  const yMean = y.reduce((a, b) => a + b, 0) / n;
  let worst = 0;
  let scale = 0;
  for (let j = 0; j < p; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i * p + j]! / n;
    let sd = 0;
    for (let i = 0; i < n; i++) sd += (x[i * p + j]! - mean) ** 2 / n;
    sd = Math.sqrt(sd);
    let g = 0;
    let g0 = 0;
    for (let i = 0; i < n; i++) {
      g += ((x[i * p + j]! - mean) / sd) * r[i]!;
      g0 += ((x[i * p + j]! - mean) / sd) * (y[i]! - yMean);
    }
    g /= n;
    scale = Math.max(scale, Math.abs(g0 / n));
    const b = beta[j]! * sd;
    const smooth = g - lambda * (1 - alpha) * b;
    worst = Math.max(
      worst,
      b === 0
        ? Math.max(0, Math.abs(smooth) - lambda * alpha)
        : Math.abs(smooth - lambda * alpha * Math.sign(b)),
    );
  }
  return worst / scale;
}

describe("paths in any units (rescale.ts)", () => {
  it("a feature in units of 1e300 or 1e-300 gives the model it gives in sensible units", () => {
    const reference = singlePath(diabetes, { alpha: 0.5 });
    for (const factor of [1e300, 1e-300, 2 ** 1000, 2 ** -1000]) {
      const path = singlePath(withColumn(diabetes, 2, factor), { alpha: 0.5 });
      for (const [k, lambda] of path.lambda.entries())
        expect(lambda / reference.lambda[k]!).toBeCloseTo(1, 12);
      expect(path.devRatio[30]!).toBeCloseTo(reference.devRatio[30]!, 12);
      expect(path.beta[30]![2]! * factor).toBeCloseTo(reference.beta[30]![2]!, 8);
      expect(path.beta[30]![3]!).toBeCloseTo(reference.beta[30]![3]!, 8);
    }
  });

  it("so do the binomial and multinomial families", () => {
    const binomialData = { ...breastCancer };
    const reference = singlePath(binomialData, { family: "binomial", nlambda: 20 });
    const scaled = singlePath(withColumn(binomialData, 0, 1e-300), { family: "binomial", nlambda: 20 });
    expect(scaled.devRatio[15]!).toBeCloseTo(reference.devRatio[15]!, 10);
    expect(scaled.beta[15]![0]! * 1e-300).toBeCloseTo(reference.beta[15]![0]!, 6);
    const iris = dataOf("iris.csv");
    const multinomial = glmPath(iris, { family: "multinomial", nlambda: 15 });
    const multinomialScaled = glmPath(withColumn(iris, 1, 1e300), { family: "multinomial", nlambda: 15 });
    expect(multinomialScaled.devRatio[10]!).toBeCloseTo(multinomial.devRatio[10]!, 10);
    const c = multinomial.beta as number[][][];
    const cScaled = multinomialScaled.beta as number[][][];
    expect(cScaled[2]![10]![1]! * 1e300).toBeCloseTo(c[2]![10]![1]!, 6);
  });

  it("a column of size 1e-13 is a column, not a constant", () => {
    const path = singlePath(withColumn(diabetes, 2, 1e-13), {});
    expect(path.beta.at(-1)![2]).not.toBe(0);
  });

  it("a lasso on a target ×1e100 or ×1e-100 is the lasso in those units (λ and b scale, %Dev does not)", () => {
    const reference = singlePath(diabetes, { alpha: 1 });
    for (const factor of [1e100, 1e-100]) {
      const path = singlePath(withTarget(diabetes, factor), { alpha: 1 });
      expect(path.lambda.length).toBe(reference.lambda.length);
      expect(path.lambda[20]! / factor).toBeCloseTo(reference.lambda[20]!, 10);
      expect(path.devRatio[20]!).toBeCloseTo(reference.devRatio[20]!, 10);
      expect(path.beta[20]![2]! / factor / reference.beta[20]![2]!).toBeCloseTo(1, 10);
      expect(path.nullDeviance / factor ** 2 / reference.nullDeviance).toBeCloseTo(1, 10);
    }
  });

  it("an elastic net on a rescaled target minimizes the objective as written: KKT from the raw data", () => {
    for (const factor of [1e30, 1e-30]) {
      for (const alpha of [0.5, 0.05]) {
        const data = withTarget(diabetes, factor);
        const path = singlePath(data, { alpha, nlambda: 20, objective: "as-written" });
        for (const k of [3, 10, path.lambda.length - 1]) {
          const violation = kktViolation(
            data,
            alpha,
            path.lambda[k]!,
            path.a0[k] as number,
            path.beta[k] as number[],
          );
          expect(violation).toBeLessThan(1e-6);
        }
      }
    }
  });

  it("cross-validation errors are in the target's units: mse ×1e-200 for a target ×1e-100", () => {
    const reference = crossValidate(diabetes, { folds: 5, foldRule: "mod", measure: "mse" });
    const scaled = crossValidate(withTarget(diabetes, 1e-100), { folds: 5, foldRule: "mod", measure: "mse" });
    expect(scaled.indexMin).toBe(reference.indexMin);
    expect(scaled.cvm[10]! / 1e-200 / reference.cvm[10]!).toBeCloseTo(1, 8);
    const mae = crossValidate(withTarget(diabetes, 1e-100), { folds: 5, foldRule: "mod", measure: "mae" });
    const maeReference = crossValidate(diabetes, { folds: 5, foldRule: "mod", measure: "mae" });
    expect(mae.cvm[10]! / 1e-100 / maeReference.cvm[10]!).toBeCloseTo(1, 8);
  });

  it("refuses what has no finite answer: a constant target, one row, deviances past the doubles", () => {
    const constant = { ...diabetes, y: new Float64Array(diabetes.n).fill(5) };
    expect(keyOf(() => glmPath(constant))).toBe("glm.constantTarget");
    expect(
      keyOf(() =>
        singlePath({ ...diabetes, n: 1, x: diabetes.x.subarray(0, 10), y: diabetes.y.subarray(0, 1) }),
      ),
    ).toBe("glm.tooFewRows");
    const huge = glmPath(withTarget(diabetes, 1e300));
    expect(huge.devianceOutOfRange).toMatch(/^2\^\d+$/); // the path is there, its deviances are marked
    expect(huge.devRatio.every(Number.isFinite)).toBe(true);
    expect(keyOf(() => crossValidate(withTarget(diabetes, 1e-300), { measure: "mse" }))).toBe(
      "glm.devianceOutOfRange",
    );
    expect(keyOf(() => glmPath(withColumn(diabetes, 0, 1e300), { standardize: false }))).toBe(
      "glm.extremeUnstandardized",
    );
  });
});
