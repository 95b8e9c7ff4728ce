/**
 * Sparse paths (CSC, implicit centring and scaling) against the dense path on the same data: the
 * same λ grid, path length, coefficients and deviance explained — gaussian (lasso, elastic net,
 * no intercept, no standardization) and binomial.
 */
import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/core/random.js";
import { type Dataset, parseCsv } from "../../src/data/parseCsv.js";
import { readMatrixMarket, readSvmlight } from "../../src/data/readSparse.js";
import { fromDenseRows, fromTriplets, type SparseDataset, toDenseRows } from "../../src/data/sparseMatrix.js";
import { binaryTarget } from "../../src/glm/binaryTarget.js";
import type { ElasticNetPath } from "../../src/glm/elasticNetPath.js";
import { glmPath } from "../../src/glm/glmPath.js";
import { type SparsePathOptions, sparseElasticNetPath } from "../../src/glm/sparsePath.js";
import { glmnetObjective } from "../helpers/glmnetObjective.js";

const ROOT = resolve(import.meta.dirname, "../..");
const load = (file: string) => parseCsv(readFileSync(join(ROOT, "data", file), "utf8"), file);
const sparseOf = (data: Dataset): SparseDataset => ({
  x: fromDenseRows(data.x, data.n, data.p),
  y: data.y,
  featureNames: data.featureNames,
  source: data.source,
  targetName: data.targetName,
});

function expectSamePath(sparse: ElasticNetPath, dense: ElasticNetPath) {
  expect(sparse.lambda.length).toBe(dense.lambda.length);
  const largest = Math.max(...dense.beta.flat().map(Math.abs), 1e-300);
  for (let k = 0; k < dense.lambda.length; k++) {
    expect(sparse.lambda[k]! / dense.lambda[k]! - 1).toBeCloseTo(0, 12);
    expect(Math.abs(sparse.devRatio[k]! - dense.devRatio[k]!)).toBeLessThan(1e-7);
    expect(Math.abs(sparse.objective[k]! / dense.objective[k]! - 1)).toBeLessThan(1e-7);
    for (let j = 0; j < dense.p; j++)
      expect(Math.abs(sparse.beta[k]![j]! - dense.beta[k]![j]!) / largest).toBeLessThan(1e-5);
    expect(sparse.converged[k]).toBe(true);
  }
  expect(sparse.nullDeviance / dense.nullDeviance - 1).toBeCloseTo(0, 12);
}

describe("sparse paths equal dense paths on the same data", () => {
  const diabetes = load("diabetes.csv");
  const cases: [string, SparsePathOptions][] = [
    ["lasso", {}],
    ["elastic net α = 0.3", { alpha: 0.3 }],
    ["no intercept", { intercept: false }],
    ["no standardization", { standardize: false }],
    ["the objective as written, α = 0.5", { alpha: 0.5, objective: "as-written" }],
  ];
  // both routes of a tall design: its sufficient statistics (the default), and coordinate descent
  // on the columns with their centring implicit
  for (const [name, options] of cases)
    for (const statistics of [true, false])
      it(`gaussian, diabetes: ${name}, ${statistics ? "from the statistics" : "by coordinate descent"}`, () => {
        const dense = glmPath(diabetes, options) as ElasticNetPath;
        expectSamePath(sparseElasticNetPath(sparseOf(diabetes), { ...options, statistics }), dense);
      });

  const cancer = binaryTarget(load("breast_cancer.csv")).data;
  // both certified 1000 times tighter than the default, so that the paths' own slack (a relative
  // KKT violation of 1e-7 moves the deviance explained by ~1e-7 on this near-separable set) is not
  // what is compared
  for (const [name, options] of [
    ["lasso", { tolerance: 1e-10 }],
    ["elastic net α = 0.5", { alpha: 0.5, tolerance: 1e-10 }],
  ] as [string, SparsePathOptions][])
    it(`binomial, breast cancer: ${name}`, () => {
      const dense = glmPath(cancer, { ...options, family: "binomial" }) as ElasticNetPath;
      expectSamePath(sparseElasticNetPath(sparseOf(cancer), { ...options, family: "binomial" }), dense);
    });
});

describe("sparse paths against glmnet's sparse mode (a dgCMatrix, 300 × 1000, 2 % nonzero)", () => {
  const text = readFileSync(join(ROOT, "data/sparse300.mtx"), "utf8");
  const matrix = readMatrixMarket(text, "sparse300.mtx");
  const targetOf = (file: string) =>
    Float64Array.from(
      readFileSync(join(ROOT, "data", file), "utf8")
        .trim()
        .split("\n"),
      Number,
    );
  const names = Array.from({ length: matrix.p }, (_, j) => `x${j + 1}`);
  for (const [name, family, yFile] of [
    ["sparse300-gaussian-lasso", "gaussian", "sparse300.y"],
    ["sparse300-gaussian-enet", "gaussian", "sparse300.y"],
    ["sparse300-binomial-lasso", "binomial", "sparse300.class"],
  ] as const)
    it(`${name}: glmnet's λ grid and path length, objective never above glmnet's, %Dev`, () => {
      const fixture = JSON.parse(readFileSync(join(ROOT, "test/fixtures/glmnet", `${name}.json`), "utf8"));
      const y = targetOf(yFile);
      const data: SparseDataset = {
        x: matrix,
        y,
        featureNames: names,
        source: "sparse300.mtx",
        targetName: "y",
      };
      const path = sparseElasticNetPath(data, { family, alpha: fixture.alpha });
      expect(path.lambda.length).toBe(fixture.lambda.length);
      const dense: Dataset = {
        ...parseCsv("a,y\n0,0\n1,1\n", "x"),
        n: matrix.n,
        p: matrix.p,
        x: toDenseRows(matrix),
        y,
      };
      const objective = glmnetObjective(
        dense,
        family,
        fixture.alpha,
        new Float64Array(matrix.n).fill(1),
        new Array(matrix.p).fill(1),
      );
      let largestGain = 0;
      for (let k = 0; k < path.lambda.length; k++) {
        expect(path.lambda[k]! / fixture.lambda[k] - 1).toBeCloseTo(0, 10);
        const ours = objective(fixture.lambda[k], path.a0[k]!, path.beta[k]!);
        const theirs = objective(fixture.lambda[k], fixture.a0[k], fixture.beta[k]);
        expect((ours - theirs) / theirs, `λ #${k + 1}`).toBeLessThan(1e-9);
        largestGain = Math.max(largestGain, (theirs - ours) / theirs);
        expect(Math.abs(path.devRatio[k]! - fixture.dev_ratio[k])).toBeLessThan(1e-6);
        // the objective the path reports is the one computed here from the dense copy
        expect(Math.abs(path.objective[k]! / ours - 1)).toBeLessThan(1e-9);
      }
      expect(path.nullDeviance * path.n).toBeCloseTo(fixture.nulldev, 8);
      expect(largestGain).toBeGreaterThanOrEqual(0);
    });

  it("reads the same rows from the svmlight file (labels −1/+1) as from the Matrix Market one", () => {
    const svm = readSvmlight(readFileSync(join(ROOT, "data/sparse300.svm"), "utf8"), "sparse300.svm");
    expect(svm.x.n).toBe(matrix.n);
    expect(svm.x.p).toBeLessThanOrEqual(matrix.p); // up to its largest index used
    const fromSvm = toDenseRows(svm.x);
    const fromMtx = toDenseRows(matrix);
    for (let i = 0; i < matrix.n; i++)
      for (let j = 0; j < svm.x.p; j++) expect(fromSvm[i * svm.x.p + j]).toBe(fromMtx[i * matrix.p + j]);
    expect(Array.from(svm.y, (v) => (v > 0 ? 1 : 0))).toEqual(Array.from(targetOf("sparse300.class")));
  });
});

describe("the sweeps over a strong set of more than 1000 columns, Anderson-accelerated", () => {
  it("reach the plain sweeps' solutions (400 × 2500, 3 % nonzero, gaussian and binomial, down to 1 % of λ_max)", () => {
    const random = createRandom(5);
    const [n, p, perColumn] = [400, 2500, 12];
    const rows: number[] = [];
    const cols: number[] = [];
    const vals: number[] = [];
    const eta = new Float64Array(n);
    for (let j = 0; j < p; j++) {
      const set = new Set<number>();
      while (set.size < perColumn) set.add(Math.floor(random.uniform() * n));
      for (const i of [...set].sort((a, b) => a - b)) {
        // positive, as counts are: the columns' means are far from 0, so the implicit centring
        // (the residual's shared shift) carries real weight
        const v = 1 + Math.abs(random.normal());
        rows.push(i);
        cols.push(j);
        vals.push(v);
        if (j < 30) eta[i]! += v - 1.8;
      }
    }
    const x = fromTriplets(
      n,
      p,
      Int32Array.from(rows),
      Int32Array.from(cols),
      Float64Array.from(vals),
      () => new Error("duplicate"),
    );
    const featureNames = Array.from({ length: p }, (_, j) => `x${j}`);
    for (const family of ["gaussian", "binomial"] as const) {
      const y = Float64Array.from(eta, (v) =>
        family === "gaussian" ? v + random.normal() : random.uniform() < 1 / (1 + Math.exp(-v)) ? 1 : 0,
      );
      const data: SparseDataset = { source: "wide", featureNames, targetName: "y", x, y };
      const options: SparsePathOptions = { family, nlambda: 12, lambdaMinRatio: 0.01 };
      const objectiveOf = glmnetObjective(
        {
          source: "wide",
          featureNames,
          targetName: "y",
          n,
          p,
          x: toDenseRows(x),
          y,
          droppedRows: 0,
          constantColumns: [],
        },
        family,
        1,
        new Float64Array(n).fill(1),
        new Array(p).fill(1),
      );
      const accelerated = sparseElasticNetPath(data, options);
      const plain = sparseElasticNetPath(data, { ...options, acceleration: false });
      // the sweeps in WebAssembly (kernels/sparseSweepKernel.ts) are the JavaScript loop's
      // operations in its order: the same path to the last bit
      const inJavaScript = sparseElasticNetPath(data, { ...options, kernel: false });
      expect(accelerated.beta).toEqual(inJavaScript.beta);
      expect(accelerated.a0).toEqual(inJavaScript.a0);
      expect(accelerated.objective).toEqual(inJavaScript.objective);
      expect(accelerated.certificate).toEqual(inJavaScript.certificate);
      expect(accelerated.lambda.length).toBe(plain.lambda.length);
      // (past 1000 strong columns: the sweeps, not the strong set's Gram, solve these λ)
      expect(Math.max(...accelerated.df)).toBeGreaterThan(300);
      for (let k = 0; k < plain.lambda.length; k++) {
        expect(accelerated.converged[k]).toBe(true);
        expect(accelerated.certificate[k]!).toBeLessThanOrEqual(1e-7);
        expect(Math.abs(accelerated.objective[k]! / plain.objective[k]! - 1)).toBeLessThan(1e-9);
        // the model reported is the one whose objective is reported: recomputed from scratch on
        // the dense rows
        const fromScratch = objectiveOf(accelerated.lambda[k]!, accelerated.a0[k]!, accelerated.beta[k]!);
        expect(Math.abs(fromScratch / accelerated.objective[k]! - 1)).toBeLessThan(1e-11);
      }
    }
  });
});

describe("the sparse binomial path's Newton steps", () => {
  /** A seeded wide design, 2 in 1000 cells nonzero, classes from the first 20 columns. */
  function wideClasses(n: number, p: number, density: number, seed: number): SparseDataset {
    const random = createRandom(seed);
    const rows: number[] = [];
    const columns: number[] = [];
    const values: number[] = [];
    const eta = new Float64Array(n);
    const truth = Array.from({ length: 20 }, () => 2 * random.normal());
    const perColumn = Math.max(1, Math.round(n * density));
    for (let j = 0; j < p; j++) {
      const taken = new Set<number>();
      while (taken.size < perColumn) taken.add(Math.floor(random.uniform() * n));
      for (const i of [...taken].sort((a, b) => a - b)) {
        const value = Math.round(random.normal() * 1e4) / 1e4 || 1;
        rows.push(i);
        columns.push(j);
        values.push(value);
        if (j < 20) eta[i]! += truth[j]! * value;
      }
    }
    const x = fromTriplets(
      n,
      p,
      Int32Array.from(rows),
      Int32Array.from(columns),
      Float64Array.from(values),
      () => Error("a duplicate cell"),
    );
    const y = Float64Array.from(eta, (v) => (random.uniform() < 1 / (1 + Math.exp(-v)) ? 1 : 0));
    return {
      x,
      y,
      featureNames: Array.from({ length: p }, (_, j) => `x${j + 1}`),
      source: "wide",
      targetName: "y",
    };
  }

  it("certifies every λ where a shortened step used to stall (3000 × 15000, the first 4 λ of the default grid)", () => {
    // Before the fix the 2nd to 4th λ stopped at 1e-6–4e-6 after 200 rounds: each halving of a
    // Newton step was applied to the step already shortened (the fifth left 2^-15 of it), and a
    // rise within the loss's rounding was taken for a rise.
    const path = sparseElasticNetPath(wideClasses(3000, 15000, 0.002, 3), {
      family: "binomial",
      nlambda: 4,
      lambdaMinRatio: 0.01 ** (3 / 99),
    });
    expect(path.lambda.length).toBe(4);
    for (let k = 0; k < 4; k++) {
      expect(path.converged[k]).toBe(true);
      expect(path.certificate[k]!).toBeLessThanOrEqual(1e-7);
    }
    expect(path.df.at(-1)!).toBeGreaterThan(0);
  });
});
