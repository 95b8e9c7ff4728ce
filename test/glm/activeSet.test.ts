// The active-set solvers: the lasso factorization kept along a gaussian path, and Newton with exact
// inner solves on a logistic one. Checked against the optimality conditions recomputed from the
// raw data, against the same problems with a column duplicated (the factor meets a singular
// pivot), and against the factor's own invariant L·Lᵀ = G_FF.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/core/random.js";
import { type Dataset, parseCsv } from "../../src/data/parseCsv.js";
import { buildDesign } from "../../src/glm/design.js";
import { elasticNetPath } from "../../src/glm/elasticNetPath.js";
import { lambdaMax } from "../../src/glm/lambdaSequence.js";
import { logisticRidge } from "../../src/glm/logisticRidge.js";
import { ridge } from "../../src/glm/ridge.js";
import { kktViolation, prepareCovariance, solveAtLambda } from "../../src/glm/solvers/coordinateDescent.js";
import {
  addColumn,
  createActiveSetFactor,
  removeColumn,
  solveByActiveSet,
} from "../../src/glm/solvers/lassoActiveSet.js";
import { createState, normalizedPenaltyFactor } from "../../src/glm/solvers/quadraticState.js";
import { createWideGaussian, solveWideGaussianAtLambda } from "../../src/glm/solvers/wideGaussian.js";

const load = (file: string) => parseCsv(readFileSync(`data/${file}`, "utf8"), file);

/** The data with column `j` appended once more (an exactly collinear design). */
function withDuplicate(data: Dataset, j: number): Dataset {
  const { n, p } = data;
  const x = new Float64Array(n * (p + 1));
  for (let i = 0; i < n; i++) {
    x.set(data.x.subarray(i * p, i * p + p), i * (p + 1));
    x[i * (p + 1) + p] = data.x[i * p + j]!;
  }
  return { ...data, p: p + 1, x, featureNames: [...data.featureNames, `${data.featureNames[j]}_again`] };
}

/**
 * A design of independent normal columns (n × p, row-major) and a response drawn row by row:
 * `response(x, i)` (x the whole matrix) may draw noise from the same generator.
 */
function randomDesign(
  random: ReturnType<typeof createRandom>,
  n: number,
  p: number,
  source: string,
  response: (x: Float64Array, i: number) => number,
): Dataset {
  const x = Float64Array.from({ length: n * p }, () => random.normal());
  return {
    source,
    featureNames: Array.from({ length: p }, (_, j) => `x${j + 1}`),
    targetName: "y",
    n,
    p,
    x,
    y: Float64Array.from({ length: n }, (_, i) => response(x, i)),
    droppedRows: 0,
    constantColumns: [],
  };
}

/**
 * Largest KKT violation of a path point, from the raw data (absolute: divide by the scale wanted),
 * for the elastic net with penalty factors (as the path reports them, rescaled) and weights.
 */
function kktFromRawData(
  data: Dataset,
  family: "gaussian" | "binomial",
  lambda: number,
  a0: number,
  beta: number[],
  options: { alpha?: number; penaltyFactor?: number[]; weights?: Float64Array } = {},
) {
  const { n, p, x, y } = data;
  const alpha = options.alpha ?? 1;
  const design = buildDesign(data, { weights: options.weights });
  const weights = options.weights ?? new Float64Array(n).fill(1);
  const total = weights.reduce((a, b) => a + b, 0);
  const residual = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eta = a0;
    for (let j = 0; j < p; j++) eta += x[i * p + j]! * beta[j]!;
    residual[i] = (weights[i]! * (y[i]! - (family === "gaussian" ? eta : 1 / (1 + Math.exp(-eta))))) / total;
  }
  let worst = 0;
  for (let j = 0; j < p; j++) {
    // the gradient with respect to the standardized coefficient s_j·b_j
    let g = 0;
    for (let i = 0; i < n; i++) g += ((x[i * p + j]! - design.mean[j]!) / design.scale[j]!) * residual[i]!;
    const b = beta[j]! * design.scale[j]!;
    const pf = options.penaltyFactor?.[j] ?? 1;
    const violation =
      b !== 0
        ? Math.abs(g - lambda * (1 - alpha) * pf * b - lambda * alpha * pf * Math.sign(b))
        : Math.max(0, Math.abs(g) - lambda * alpha * pf);
    worst = Math.max(worst, violation);
  }
  return worst;
}

/** A lasso's coordinate-descent state on the centred response, its Gram and an empty factor. */
function lassoState(data: Dataset) {
  const design = buildDesign(data);
  const pf = normalizedPenaltyFactor(design.p);
  const state = createState(design, 1, pf);
  const mean = data.y.reduce((a, b) => a + b, 0) / data.n;
  for (let i = 0; i < data.n; i++) {
    state.v[i] = design.w[i]!;
    state.r[i] = data.y[i]! - mean;
  }
  prepareCovariance(state);
  return { design, state, factor: createActiveSetFactor(state), maximum: lambdaMax(design, data.y, 1, pf) };
}

describe("the lasso by active sets (gaussian)", () => {
  it("solves from a loose coordinate-descent point to the optimum, and keeps L·Lᵀ = G_FF", () => {
    const data = load("diabetes.csv");
    const { state, factor, maximum } = lassoState(data);
    // walk down a few λ, as a path does: columns enter (and the factor grows) along the way
    for (const ratio of [0.5, 0.2, 0.05, 0.01]) {
      const lambda = ratio * maximum;
      solveAtLambda(state, lambda, lambda, 1e-3); // loose: roughly the right active set
      expect(solveByActiveSet(state, factor, lambda)).toBe(true);
      expect(kktViolation(state, lambda)).toBeLessThan(1e-10);
      const { p } = state;
      const gram = state.covariance!.gram;
      for (let a = 0; a < factor.size; a++)
        for (let b = 0; b <= a; b++) {
          let product = 0;
          for (let k = 0; k <= b; k++) product += factor.lower[a * p + k]! * factor.lower[b * p + k]!;
          expect(product).toBeCloseTo(gram[factor.order[a]! * p + factor.order[b]!]!, 10);
        }
    }
  });

  it("drops a column from the factor by Givens rotations: the factor of the columns left, as if built afresh", () => {
    const data = load("diabetes.csv");
    const design = buildDesign(data);
    const state = createState(design, 1, normalizedPenaltyFactor(design.p));
    state.v.set(design.w);
    prepareCovariance(state);
    const { p } = state;
    const factor = createActiveSetFactor(state);
    const columns = [3, 0, 7, 5, 9, 1, 6];
    for (const j of columns) expect(addColumn(state, factor, j)).toBe(true);
    for (const q of [1, 3, 0, 3]) {
      columns.splice(q, 1);
      removeColumn(state, factor, q);
      expect(Array.from(factor.order.subarray(0, factor.size))).toEqual(columns);
      columns.forEach((j, r) => {
        expect(factor.position[j]).toBe(r);
      });
      const kept = factor.lower.slice();
      // the Cholesky factor with a positive diagonal is unique: built afresh it is the same
      const fresh = createActiveSetFactor(state);
      for (const j of columns) addColumn(state, fresh, j);
      for (let a = 0; a < columns.length; a++)
        for (let b = 0; b <= a; b++) expect(kept[a * p + b]).toBeCloseTo(fresh.lower[a * p + b]!, 12);
    }
  });

  it("holds a column the factor's columns already span at zero, and still lands on an optimum", () => {
    // bmi twice: where coordinate descent has split the coefficient between the two copies, the
    // factor cannot take the second (a zero pivot); the solve holds it at zero — one of the
    // lasso's optima — instead of giving up to coordinate descent
    const data = withDuplicate(load("diabetes.csv"), 2);
    const { design, state, factor, maximum } = lassoState(data);
    for (const ratio of [0.5, 0.2, 0.05]) {
      const lambda = ratio * maximum;
      solveAtLambda(state, lambda, lambda, 1e-3);
      const both = state.beta[2] !== 0 && state.beta[design.p - 1] !== 0;
      expect(solveByActiveSet(state, factor, lambda)).toBe(true);
      expect(kktViolation(state, lambda)).toBeLessThan(1e-9);
      if (both) expect(state.beta[2] === 0 || state.beta[design.p - 1] === 0).toBe(true);
    }
  });

  it("on a design with a column duplicated: the same objective at every λ, certified", () => {
    const data = load("diabetes.csv");
    const plain = elasticNetPath(data);
    const doubled = elasticNetPath(withDuplicate(data, 2), { lambda: plain.lambda });
    expect(doubled.converged.every(Boolean)).toBe(true);
    expect(Math.max(...doubled.certificate)).toBeLessThan(1e-7);
    for (let k = 0; k < plain.lambda.length; k++)
      expect(Math.abs(doubled.objective[k]! - plain.objective[k]!) / plain.objective[k]!).toBeLessThan(1e-9);
  });

  it("elastic net (α = 0.5): certified at every λ, with the factor rebuilt as the ridge term moves", () => {
    const data = load("diabetes.csv");
    const path = elasticNetPath(data, { alpha: 0.5 });
    expect(Math.max(...path.certificate)).toBeLessThan(1e-7);
  });
});

describe("logistic paths by Newton with exact inner solves", () => {
  it("certify a correlated, nearly separable design to 1e-7 (coordinate descent's IRLS could not)", () => {
    // FHT design, ρ = 0.5: at the small end of the path the classes are all but separated
    const random = createRandom(3);
    const n = 200;
    const p = 20;
    const x = new Float64Array(n * p);
    const y = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const common = random.normal();
      let eta = 0;
      for (let j = 0; j < p; j++) {
        x[i * p + j] = Math.sqrt(0.5) * random.normal() + Math.sqrt(0.5) * common;
        eta += x[i * p + j]! * (-1) ** j * Math.exp((-2 * j) / 20);
      }
      y[i] = random.uniform() < 1 / (1 + Math.exp(-3 * eta)) ? 1 : 0;
    }
    const data: Dataset = {
      source: "fht",
      featureNames: Array.from({ length: p }, (_, j) => `x${j + 1}`),
      targetName: "y",
      n,
      p,
      x,
      y,
      droppedRows: 0,
      constantColumns: [],
    };
    const path = elasticNetPath(data, { family: "binomial" });
    expect(path.converged.every(Boolean)).toBe(true);
    expect(Math.max(...path.certificate)).toBeLessThan(1e-7);
    // the certificate is relative to λ_max, the size of the gradient where the path starts
    for (let k = 0; k < path.lambda.length; k += 7) {
      const violation = kktFromRawData(data, "binomial", path.lambda[k]!, path.a0[k]!, path.beta[k]!);
      expect(violation / path.lambda[0]!).toBeLessThan(1e-6);
    }
  });

  it("handle a duplicated column and a model without intercept", () => {
    const data = load("breast_cancer.csv");
    const plain = elasticNetPath(data, { family: "binomial", nlambda: 30 });
    const doubled = elasticNetPath(withDuplicate(data, 0), { family: "binomial", lambda: plain.lambda });
    expect(Math.max(...doubled.certificate)).toBeLessThan(1e-7);
    for (let k = 0; k < plain.lambda.length; k++)
      expect(Math.abs(doubled.objective[k]! - plain.objective[k]!) / plain.objective[k]!).toBeLessThan(1e-7);
    const noIntercept = elasticNetPath(data, { family: "binomial", nlambda: 30, intercept: false });
    expect(noIntercept.a0.every((a) => a === 0)).toBe(true);
    expect(Math.max(...noIntercept.certificate)).toBeLessThan(1e-7);
  });
});

describe("wide designs (p > n, p > 500: glmnet's naive-mode territory)", () => {
  it("are solved with a Gram matrix too, and certified, for both families", () => {
    const random = createRandom(21);
    const n = 60;
    const p = 600;
    const x = Float64Array.from({ length: n * p }, () => random.normal());
    const signal = Array.from({ length: n }, (_, i) => x[i * p]! - 2 * x[i * p + 1]! + x[i * p + 2]!);
    const gaussian: Dataset = {
      source: "wide",
      featureNames: Array.from({ length: p }, (_, j) => `x${j + 1}`),
      targetName: "y",
      n,
      p,
      x,
      y: Float64Array.from(signal, (s) => s + 0.5 * random.normal()),
      droppedRows: 0,
      constantColumns: [],
    };
    const binomial: Dataset = {
      ...gaussian,
      y: Float64Array.from(signal, (s) => (random.uniform() < 1 / (1 + Math.exp(-s)) ? 1 : 0)),
    };
    for (const [data, family] of [
      [gaussian, "gaussian"],
      [binomial, "binomial"],
    ] as const) {
      const path = elasticNetPath(data, { family });
      expect(path.converged.every(Boolean)).toBe(true);
      expect(Math.max(...path.certificate)).toBeLessThan(1e-7);
      expect(Math.max(...path.df)).toBeLessThanOrEqual(n); // the lasso keeps at most n columns
      for (let k = 0; k < path.lambda.length; k += 9) {
        const violation = kktFromRawData(data, family, path.lambda[k]!, path.a0[k]!, path.beta[k]!);
        expect(violation / path.lambda[0]!).toBeLessThan(1e-6);
      }
    }
  });

  it("gaussian by working sets: exact at every λ of a coarse grid, with weights, penalty factors and α < 1", () => {
    // Three λ far apart (the strong rule then takes in nearly every column), weights, an
    // unpenalized column (in the working set from the start) and a heavier penalty on others.
    const random = createRandom(5);
    const n = 50;
    const p = 400;
    const data = randomDesign(
      random,
      n,
      p,
      "wide-weighted",
      (x, i) => 2 * x[i * p + 3]! - x[i * p + 7]! + random.normal(),
    );
    const weights = Float64Array.from({ length: n }, () => 0.5 + random.uniform());
    const penaltyFactor = Array.from({ length: p }, (_, j) => (j === 0 ? 0 : j % 5 === 0 ? 2 : 1));
    for (const alpha of [1, 0.5]) {
      const start = elasticNetPath(data, { alpha, weights, penaltyFactor, nlambda: 2 }).lambda[0]!;
      const lambda = [0.9 * start, 0.1 * start, 0.01 * start];
      const path = elasticNetPath(data, { alpha, weights, penaltyFactor, lambda, earlyStop: false });
      expect(path.converged).toEqual([true, true, true]);
      expect(Math.max(...path.certificate)).toBeLessThan(1e-7);
      expect(path.df[2]!).toBeGreaterThan(20);
      expect(path.beta[0]![0]).not.toBe(0); // the unpenalized column is in every model
      for (let k = 0; k < 3; k++) {
        const violation = kktFromRawData(data, "gaussian", path.lambda[k]!, path.a0[k]!, path.beta[k]!, {
          alpha,
          penaltyFactor: path.penaltyFactor,
          weights,
        });
        expect(violation / start).toBeLessThan(1e-7);
      }
    }
  });
  it("gaussian by working sets: the violators found outside the working set join it until none is left", () => {
    // Solved at 0.9·λ_max, then straight at 0.05·λ_max with no strong-rule look-ahead (previous
    // λ = λ): the working set starts from the columns violating the conditions at the old β, and
    // the columns that violate them once those are solved must be found by the checks outside.
    const random = createRandom(8);
    const n = 40;
    const p = 300;
    const data = randomDesign(
      random,
      n,
      p,
      "wide-jump",
      (x, i) => x[i * p]! + x[i * p + 1]! - x[i * p + 2]! + random.normal(),
    );
    const design = buildDesign(data);
    const state = createState(design, 1, normalizedPenaltyFactor(p));
    let mean = 0;
    for (let i = 0; i < n; i++) mean += design.w[i]! * data.y[i]!;
    const centred = Float64Array.from(data.y, (y) => y - mean);
    state.v.set(design.w);
    const problem = createWideGaussian(state, centred);
    const maximum = lambdaMax(design, data.y, 1, state.penaltyFactor);
    const scale = maximum;
    solveWideGaussianAtLambda(problem, 0.9 * maximum, maximum, 1e-7, scale);
    const target = 0.05 * maximum;
    // the strong rule (with previous λ = λ: the current violators) keeps many columns; W takes
    // at most as many more as it holds (64 at least), those violating most
    const before = problem.set.size;
    let strong = 0;
    for (let j = 0; j < p; j++)
      if (problem.set.slotOf[j]! < 0 && Math.abs(problem.screen.gradient[j]!) >= target) strong++;
    const afterStrongRule = before + Math.min(strong, Math.max(64, before));
    const result = solveWideGaussianAtLambda(problem, target, target, 1e-7, scale);
    expect(result.converged).toBe(true);
    expect(result.certificate).toBeLessThan(1e-7);
    expect(problem.set.size).toBeGreaterThan(afterStrongRule); // violators found outside it joined
    expect(problem.set.size).toBeLessThan(before + strong); // and not every column the strong rule kept
    const beta = Array.from(state.beta, (b, j) => b / design.scale[j]!);
    const a0 = mean - beta.reduce((sum, b, j) => sum + b * design.mean[j]!, 0);
    expect(kktFromRawData(data, "gaussian", target, a0, beta) / maximum).toBeLessThan(1e-7);
  });
  it("give the same paths with a workspace handed on from another path (nothing stale is read)", () => {
    const random = createRandom(17);
    const n = 40;
    const p = 320;
    const make = (family: "gaussian" | "binomial"): Dataset => {
      const x = Float64Array.from({ length: n * p }, () => random.normal());
      const signal = Array.from({ length: n }, (_, i) => x[i * p]! - x[i * p + 1]!);
      return {
        source: family,
        featureNames: Array.from({ length: p }, (_, j) => `x${j + 1}`),
        targetName: "y",
        n,
        p,
        x,
        y: Float64Array.from(signal, (s) =>
          family === "gaussian" ? s + random.normal() : random.uniform() < 1 / (1 + Math.exp(-s)) ? 1 : 0,
        ),
        droppedRows: 0,
        constantColumns: [],
      };
    };
    for (const family of ["gaussian", "binomial"] as const) {
      const first = make(family);
      const second = make(family);
      const before = elasticNetPath(second, { family });
      elasticNetPath(first, { family }); // leaves its G and factor in the workspace
      const after = elasticNetPath(second, { family });
      expect(after.beta).toEqual(before.beta);
      expect(after.objective).toEqual(before.objective);
    }
  });
  it("gaussian beyond 2000 columns: the working set keeps the problem small, certified as before", () => {
    const random = createRandom(23);
    const n = 30;
    const p = 2600;
    const data = randomDesign(
      random,
      n,
      p,
      "very-wide",
      (x, i) => 3 * x[i * p + 10]! - 2 * x[i * p + 2000]! + random.normal(),
    );
    const path = elasticNetPath(data, { alpha: 0.9 });
    expect(path.converged.every(Boolean)).toBe(true);
    expect(Math.max(...path.certificate)).toBeLessThan(1e-7);
    const last = path.beta.at(-1)!;
    expect(last[10]).toBeGreaterThan(0); // the signal is found
    expect(last[2000]).toBeLessThan(0);
    for (let k = 0; k < path.lambda.length; k += 11) {
      const violation = kktFromRawData(data, "gaussian", path.lambda[k]!, path.a0[k]!, path.beta[k]!, {
        alpha: 0.9,
      });
      expect(violation / path.lambda[0]!).toBeLessThan(1e-7);
    }
  });
  it("the ridge (α = 0) through the n × n kernel system: the exact p × p ridge's coefficients, with weights and penalty factors", () => {
    const random = createRandom(31);
    const n = 40;
    const p = 300;
    const data = randomDesign(
      random,
      n,
      p,
      "wide-ridge",
      (x, i) => x[i * p]! - 2 * x[i * p + 5]! + random.normal(),
    );
    const weights = Float64Array.from({ length: n }, () => 0.5 + random.uniform());
    const penaltyFactor = Array.from({ length: p }, (_, j) => (j % 3 === 0 ? 0.5 : 1 + (j % 5)));
    const path = elasticNetPath(data, { alpha: 0, weights, penaltyFactor, nlambda: 30 });
    expect(path.converged.every(Boolean)).toBe(true);
    expect(Math.max(...path.certificate)).toBeLessThan(1e-12); // exact, not iterated
    // the reference: (X̃ᵀWX̃ + λP)β = X̃ᵀWz solved directly, with the path's (normalized) factors
    const exact = ridge(data, path.lambda, { weights, penaltyFactor: new Float64Array(path.penaltyFactor) });
    for (let k = 0; k < path.lambda.length; k += 7) {
      for (let j = 0; j < p; j++) expect(path.beta[k]![j]).toBeCloseTo(exact[k]!.coefs[j]!, 9);
      expect(path.a0[k]).toBeCloseTo(exact[k]!.intercept, 9);
      const violation = kktFromRawData(data, "gaussian", path.lambda[k]!, path.a0[k]!, path.beta[k]!, {
        alpha: 0,
        penaltyFactor: path.penaltyFactor,
        weights,
      });
      expect(violation / path.lambda[0]!).toBeLessThan(1e-10);
    }
    // an unpenalized column leaves the kernel system out (its P⁻¹ does not exist): the path still certifies
    const free = elasticNetPath(data, {
      alpha: 0,
      penaltyFactor: [0, ...penaltyFactor.slice(1)],
      nlambda: 5,
    });
    expect(Math.max(...free.certificate)).toBeLessThan(1e-7);
  });
  it("the logistic ridge (α = 0) by Newton in the data's span: the truncated-Newton fit's coefficients, KKT from the raw data", () => {
    const random = createRandom(37);
    const n = 40;
    const p = 300;
    const data = randomDesign(random, n, p, "wide-logistic-ridge", (x, i) =>
      x[i * p]! - x[i * p + 3]! + 0.5 * random.normal() > 0 ? 1 : 0,
    );
    const weights = Float64Array.from({ length: n }, () => 0.5 + random.uniform());
    const penaltyFactor = Array.from({ length: p }, (_, j) => (j % 4 === 0 ? 0.5 : 1 + (j % 3)));
    const path = elasticNetPath(data, { family: "binomial", alpha: 0, weights, penaltyFactor, nlambda: 20 });
    expect(path.converged.every(Boolean)).toBe(true);
    expect(Math.max(...path.certificate)).toBeLessThan(1e-7);
    for (let k = 0; k < path.lambda.length; k += 6) {
      const lambda = path.lambda[k]!;
      const reference = logisticRidge(data, lambda, {
        weights,
        penaltyFactor: new Float64Array(path.penaltyFactor),
        tolerance: 1e-12,
      });
      expect(path.objective[k]!).toBeLessThanOrEqual(reference.objective * (1 + 1e-10));
      expect(path.a0[k]).toBeCloseTo(reference.intercept, 6);
      for (let j = 0; j < p; j += 7) expect(path.beta[k]![j]).toBeCloseTo(reference.coefs[j]!, 6);
      const violation = kktFromRawData(data, "binomial", lambda, path.a0[k]!, path.beta[k]!, {
        alpha: 0,
        penaltyFactor: path.penaltyFactor,
        weights,
      });
      expect(violation / path.lambda[0]!).toBeLessThan(1e-7);
    }
    // without an intercept, too
    const origin = elasticNetPath(data, { family: "binomial", alpha: 0, intercept: false, nlambda: 8 });
    expect(origin.converged.every(Boolean)).toBe(true);
    expect(origin.a0.every((a0) => a0 === 0)).toBe(true);
    const last = origin.lambda.length - 1;
    // (kktFromRawData centres the columns: a model through the origin is checked against the fit instead)
    const reference = logisticRidge(data, origin.lambda[last]!, { intercept: false, tolerance: 1e-12 });
    expect(origin.objective[last]!).toBeLessThanOrEqual(reference.objective * (1 + 1e-10));
    for (let j = 0; j < p; j += 7) expect(origin.beta[last]![j]).toBeCloseTo(reference.coefs[j]!, 6);
  });
  it("30000 columns (a full Gram would be 7 GB, past WebAssembly's 4 GB): both families, certified", () => {
    const random = createRandom(29);
    const n = 24;
    const p = 30000;
    const data = randomDesign(
      random,
      n,
      p,
      "ultra-wide",
      (x, i) => 2 * x[i * p + 17]! + 0.5 * random.normal(),
    );
    const binary = { ...data, y: data.y.map((value) => (value > 0 ? 1 : 0)) };
    for (const [family, set] of [
      ["gaussian", data],
      ["binomial", binary],
    ] as const) {
      const path = elasticNetPath(set, { family, nlambda: 8 });
      expect(path.converged.every(Boolean)).toBe(true);
      expect(Math.max(...path.certificate)).toBeLessThan(1e-7);
      expect(path.beta.at(-1)![17]).toBeGreaterThan(0);
      const k = path.lambda.length - 1;
      const violation = kktFromRawData(set, family, path.lambda[k]!, path.a0[k]!, path.beta[k]!);
      expect(violation / path.lambda[0]!).toBeLessThan(1e-7);
    }
  });
  it("solves faces larger than n through the n × n system (Woodbury): the m × m solver's optimum", () => {
    // weights and unequal penalty factors, α = 0.05: the last models hold ~4n columns
    const random = createRandom(41);
    const n = 30;
    const p = 400;
    const data = randomDesign(
      random,
      n,
      p,
      "wide-woodbury",
      (x, i) => x[i * p]! - 2 * x[i * p + 3]! + random.normal(),
    );
    const weights = Float64Array.from({ length: n }, (_, i) => 1 + (i % 4));
    const penaltyFactor = Array.from({ length: p }, (_, j) => 0.5 + (j % 3) * 0.5);
    const design = buildDesign(data, { weights });
    const pf = normalizedPenaltyFactor(p, penaltyFactor);
    const solvePath = (woodbury: boolean) => {
      const state = createState(design, 0.05, pf);
      let mean = 0;
      for (let i = 0; i < n; i++) mean += design.w[i]! * data.y[i]!;
      state.v.set(design.w);
      const problem = createWideGaussian(
        state,
        Float64Array.from(data.y, (y) => y - mean),
      );
      if (!woodbury) problem.face = null;
      const maximum = lambdaMax(design, data.y, 0.05, pf);
      const betas: Float64Array[] = [];
      let largest = 0;
      let previous = maximum;
      for (const ratio of [0.5, 0.2, 0.1, 0.05, 0.02, 0.01]) {
        const lambda = ratio * maximum;
        const result = solveWideGaussianAtLambda(problem, lambda, previous, 1e-9, maximum * 0.05);
        expect(result.converged).toBe(true);
        previous = lambda;
        betas.push(state.beta.slice());
        largest = Math.max(largest, state.beta.filter((b) => b !== 0).length);
      }
      return { betas, largest, face: problem.face };
    };
    const viaWoodbury = solvePath(true);
    const viaFactor = solvePath(false);
    expect(viaWoodbury.largest).toBeGreaterThan(3 * n);
    // the n × n route was taken: its kernel holds the face's columns
    expect(viaWoodbury.face!.inK.some((flag) => flag === 1)).toBe(true);
    viaWoodbury.betas.forEach((beta, k) => {
      const reference = viaFactor.betas[k]!;
      const size = Math.max(...Array.from(reference, Math.abs));
      for (let j = 0; j < p; j++) expect(Math.abs(beta[j]! - reference[j]!)).toBeLessThan(1e-7 * size);
    });
  });

  it("elastic net with hundreds of active columns: factors preconditioning the next λ's solves, certified", () => {
    // α small on a wide design: 500+ nonzero coefficients at the end of the path, so the factor
    // built at one λ's ridge term preconditions conjugate gradients at the next λ (solveCandidate)
    const random = createRandom(31);
    const n = 50;
    const p = 1200;
    const data = randomDesign(
      random,
      n,
      p,
      "wide-ridge-like",
      (x, i) => x[i * p]! - x[i * p + 1]! + random.normal(),
    );
    const path = elasticNetPath(data, { alpha: 0.02 });
    expect(path.converged.every(Boolean)).toBe(true);
    expect(Math.max(...path.certificate)).toBeLessThan(1e-7);
    expect(Math.max(...path.df)).toBeGreaterThan(400);
    for (let k = 0; k < path.lambda.length; k += 9) {
      const violation = kktFromRawData(data, "gaussian", path.lambda[k]!, path.a0[k]!, path.beta[k]!, {
        alpha: 0.02,
      });
      expect(violation / path.lambda[0]!).toBeLessThan(1e-7);
    }
  });
});
