import { readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/data/parseCsv.js";
import { buildDesign } from "../../src/glm/design.js";
import { multinomialLambdaMax } from "../../src/glm/families/multinomial.js";
import {
  createFaceWorkspace,
  faceCertificate,
  faceNewtonStep,
  hessianTimes,
  readFace,
  readProbabilities,
} from "../../src/glm/solvers/multinomialFace.js";
import {
  createMultinomialNewton,
  type MultinomialNewton,
  multinomialLoss,
  multinomialPenalty,
  solveMultinomialNewtonAtLambda,
} from "../../src/glm/solvers/multinomialNewton.js";

const ROOT = resolve(import.meta.dirname, "../..");

/** The wine classes' Newton solver, solved at λ = fraction·λ_max to the certificate `target`. */
function wineSolvedAt(fraction: number, alpha: number, target: number) {
  const data = parseCsv(readFileSync(join(ROOT, "data/wine.csv"), "utf8"), "wine.csv");
  const design = buildDesign(data, { onesColumn: true });
  const classes = [...new Set(data.y)].sort((a, b) => a - b);
  const K = classes.length;
  const onehot = classes.map((value) => Float64Array.from(data.y, (y) => (y === value ? 1 : 0)));
  const share = Float64Array.from(onehot, (y) => y.reduce((sum, v, i) => sum + v * design.w[i]!, 0));
  const penaltyFactor = new Float64Array(design.p).fill(1);
  const lambdaMax = multinomialLambdaMax(design, onehot, alpha, penaltyFactor);
  const scale = lambdaMax * Math.max(alpha, 1e-3);
  const solver = createMultinomialNewton(design, onehot, share, alpha, penaltyFactor);
  const lambda = fraction * lambdaMax;
  let previous = lambdaMax;
  // down a short path, as the solver is used
  for (const step of [0.5, 0.25, 0]) {
    const at = Math.max(lambda, step * lambdaMax);
    solveMultinomialNewtonAtLambda(solver, at, previous, target, scale);
    previous = at;
  }
  return { solver, lambda, K, n: design.n, x: design.x, w: design.w, onehot };
}

/**
 * The gradient of the loss (no penalty) with respect to the face's coefficients, from scratch: η
 * from β, the softmax row by row, X̃ᵀ w (p − y). The independent reference for H·v below.
 */
function lossGradient(solver: MultinomialNewton, columns: Int32Array[], sizes: Int32Array) {
  const { classes, onehot, w, n, K } = solver;
  const x = classes[0]!.state.x;
  const eta = classes.map((problem) => {
    const out = new Float64Array(n);
    const { beta, p } = problem.state;
    for (let j = 0; j < p; j++) for (let i = 0; i < n; i++) out[i]! += beta[j]! * x[j * n + i]!;
    return out;
  });
  const gradient: number[] = [];
  for (let c = 0; c < K; c++)
    for (let r = 0; r < sizes[c]!; r++) {
      const j = columns[c]![r]!;
      let sum = 0;
      for (let i = 0; i < n; i++) {
        const top = Math.max(...eta.map((e) => e[i]!));
        const total = eta.reduce((s, e) => s + Math.exp(e[i]! - top), 0);
        sum += w[i]! * x[j * n + i]! * (Math.exp(eta[c]![i]! - top) / total - onehot[c]![i]!);
      }
      gradient.push(sum);
    }
  return gradient;
}

/** The loss's gradient over every column of every class (class c's at c·p + j), from scratch. */
function fullLossGradient(solver: MultinomialNewton) {
  const p = solver.classes[0]!.state.p;
  const columns = Array.from({ length: solver.K }, () => Int32Array.from({ length: p }, (_, j) => j));
  return lossGradient(
    solver,
    columns,
    Int32Array.from(columns, () => p),
  );
}

/** Each class's η as the solver keeps it equals X̃β recomputed, at every `step`-th row. */
function expectLinearIsXBeta(solver: MultinomialNewton, step: number) {
  const { n, classes, linear } = solver;
  const x = classes[0]!.state.x;
  for (let c = 0; c < solver.K; c++) {
    const { beta, p } = classes[c]!.state;
    for (let i = 0; i < n; i += step) {
      let eta = 0;
      for (let j = 0; j < p; j++) eta += beta[j]! * x[j * n + i]!;
      expect(linear[c]![i]!).toBeCloseTo(eta, 10);
    }
  }
}

describe("the multinomial Newton step on the active face", () => {
  it("multiplies by the Hessian of the loss: H·v equals the gradient's central difference along v", () => {
    const { solver } = wineSolvedAt(0.05, 1, 1e-7);
    const space = createFaceWorkspace(solver.n, solver.K, solver.classes[0]!.state.p);
    expect(readFace(solver, space)).toBe(true);
    const total = space.start[solver.K]!;
    expect(total).toBeGreaterThan(solver.K); // more than the intercepts: a face with features
    readProbabilities(solver, space);
    const v = Float64Array.from({ length: total }, (_, a) => Math.sin(3 * a + 1));
    const product = new Float64Array(total);
    hessianTimes(solver, space, 0.01, v, product); // (α = 1: the λ adds no ridge term)
    const moveAlong = (t: number) => {
      for (let c = 0; c < solver.K; c++)
        for (let r = 0; r < space.size[c]!; r++)
          solver.classes[c]!.state.beta[space.columns[c]![r]!]! += t * v[space.start[c]! + r]!;
    };
    const h = 1e-5;
    moveAlong(h);
    const up = lossGradient(solver, space.columns, space.size);
    moveAlong(-2 * h);
    const down = lossGradient(solver, space.columns, space.size);
    moveAlong(h);
    let largest = 0;
    for (let a = 0; a < total; a++) largest = Math.max(largest, Math.abs(product[a]!));
    for (let a = 0; a < total; a++) expect(product[a]!).toBeCloseTo((up[a]! - down[a]!) / (2 * h), 7);
    expect(largest).toBeGreaterThan(1e-3);
  });

  it("adds the ridge part of the penalty, λ(1−α)·pf·v, for the elastic net", () => {
    const { solver } = wineSolvedAt(0.05, 0.5, 1e-7);
    const space = createFaceWorkspace(solver.n, solver.K, solver.classes[0]!.state.p);
    expect(readFace(solver, space)).toBe(true);
    readProbabilities(solver, space);
    const total = space.start[solver.K]!;
    const v = Float64Array.from({ length: total }, (_, a) => Math.cos(a));
    const lasso = new Float64Array(total);
    const ridged = new Float64Array(total);
    // the same solver state read as a lasso (α = 1) and as the elastic net it is
    for (const problem of solver.classes) problem.state.alpha = 1;
    hessianTimes(solver, space, 0.2, v, lasso);
    for (const problem of solver.classes) problem.state.alpha = 0.5;
    hessianTimes(solver, space, 0.2, v, ridged);
    for (let c = 0; c < solver.K; c++)
      for (let r = 0; r < space.size[c]!; r++) {
        const a = space.start[c]! + r;
        const unpenalized = solver.classes[c]!.state.penaltyFactor[space.columns[c]![r]!] === 0;
        expect(ridged[a]! - lasso[a]!).toBeCloseTo(unpenalized ? 0 : 0.2 * 0.5 * v[a]!, 12);
      }
  });

  it("lowers the objective from a point short of the optimum, keeping β and η consistent", () => {
    // solved loosely: the face is found, the optimum not reached
    const { solver, lambda } = wineSolvedAt(0.02, 1, 1e-2);
    const space = createFaceWorkspace(solver.n, solver.K, solver.classes[0]!.state.p);
    const objective = () => multinomialLoss(solver) + multinomialPenalty(solver, lambda);
    const before = objective();
    const taken = faceNewtonStep(solver, space, lambda, objective);
    expect(taken).toBe(true);
    expect(objective()).toBeLessThan(before);
    // η as the step left it equals X̃β recomputed
    expectLinearIsXBeta(solver, 17);
  });

  it("certifies the whole problem: its KKT violation equals one computed from scratch", () => {
    const { solver, lambda } = wineSolvedAt(0.03, 1, 1e-3);
    const space = createFaceWorkspace(solver.n, solver.K, solver.classes[0]!.state.p);
    const scale = 0.7;
    const certificate = faceCertificate(solver, space, lambda, scale);
    // every column of every class, the loss's gradient from scratch
    const p = solver.classes[0]!.state.p;
    const gradient = fullLossGradient(solver);
    let worst = 0;
    for (let c = 0; c < solver.K; c++)
      for (let j = 0; j < p; j++) {
        const b = solver.classes[c]!.state.beta[j]!;
        const pf = solver.classes[c]!.state.penaltyFactor[j]!;
        const g = -gradient[c * p + j]!;
        worst = Math.max(
          worst,
          b !== 0 || pf === 0
            ? Math.abs(g - lambda * pf * Math.sign(b))
            : Math.max(0, Math.abs(g) - lambda * pf),
        );
      }
    expect(worst).toBeGreaterThan(1e-6); // (solved loosely: there is something to certify)
    expect(certificate).toBeCloseTo(worst / scale, 12);
  });

  it("lists the violators off the face, each with the sign its gradient asks for", () => {
    // solved at one λ, certified at a smaller one: some zero coefficients now violate
    const { solver, lambda } = wineSolvedAt(0.05, 1, 1e-9);
    const smaller = 0.6 * lambda;
    const space = createFaceWorkspace(solver.n, solver.K, solver.classes[0]!.state.p);
    faceCertificate(solver, space, smaller, 1);
    const p = solver.classes[0]!.state.p;
    const gradient = fullLossGradient(solver);
    const expected: string[] = [];
    for (let c = 0; c < solver.K; c++)
      for (let j = 0; j < p; j++) {
        const { beta, penaltyFactor } = solver.classes[c]!.state;
        const g = -gradient[c * p + j]!; // (the log-likelihood's gradient)
        if (beta[j] === 0 && penaltyFactor[j]! > 0 && Math.abs(g) > smaller * penaltyFactor[j]!)
          expected.push(`${c}:${j}:${Math.sign(g)}`);
      }
    const listed = Array.from(space.entering.subarray(0, space.enteringCount), (key) => {
      const c = Math.floor(key / p);
      return `${c}:${key - c * p}:${space.enteringSign[key]}`;
    });
    expect(expected.length).toBeGreaterThan(1);
    expect(listed.sort()).toEqual(expected.sort());
  });

  it("lets the violators join the face: the step moves them off zero with their signs, β and η consistent", () => {
    const { solver, lambda } = wineSolvedAt(0.05, 1, 1e-9);
    const smaller = 0.6 * lambda;
    const space = createFaceWorkspace(solver.n, solver.K, solver.classes[0]!.state.p);
    const objective = () => multinomialLoss(solver) + multinomialPenalty(solver, smaller);
    faceCertificate(solver, space, smaller, 1);
    const entering = Array.from(space.entering.subarray(0, space.enteringCount));
    const signs = entering.map((key) => space.enteringSign[key]!);
    const before = objective();
    expect(faceNewtonStep(solver, space, smaller, objective, true)).toBe(true);
    expect(objective()).toBeLessThan(before);
    const p = solver.classes[0]!.state.p;
    let joined = 0;
    entering.forEach((key, e) => {
      const c = Math.floor(key / p);
      const b = solver.classes[c]!.state.beta[key - c * p]!;
      if (b !== 0) joined++;
      expect(b === 0 || Math.sign(b) === signs[e]).toBe(true); // never against its sign
    });
    expect(joined).toBeGreaterThan(0);
    expectLinearIsXBeta(solver, 13);
    // the face read again holds every nonzero coefficient (the classes' factors took the joiners)
    expect(readFace(solver, space)).toBe(true);
  });

  it("lets every coefficient that would cross zero leave in one step (projected), β and η consistent", () => {
    // solved at a small λ, stepped at a larger one: several coefficients want to reach zero
    const { solver, lambda } = wineSolvedAt(0.01, 1, 1e-9);
    const larger = 3 * lambda;
    const space = createFaceWorkspace(solver.n, solver.K, solver.classes[0]!.state.p);
    const objective = () => multinomialLoss(solver) + multinomialPenalty(solver, larger);
    const nonzero = () =>
      solver.classes.reduce((sum, problem) => sum + problem.state.beta.filter((b) => b !== 0).length, 0);
    const countBefore = nonzero();
    const before = objective();
    expect(faceNewtonStep(solver, space, larger, objective)).toBe(true);
    expect(objective()).toBeLessThan(before);
    expect(countBefore - nonzero()).toBeGreaterThan(1);
    expectLinearIsXBeta(solver, 13);
  });

  it("takes no step where there is nothing to gain (at the optimum, to rounding)", () => {
    const { solver, lambda } = wineSolvedAt(0.05, 1, 1e-12);
    const space = createFaceWorkspace(solver.n, solver.K, solver.classes[0]!.state.p);
    const objective = () => multinomialLoss(solver) + multinomialPenalty(solver, lambda);
    const before = objective();
    faceNewtonStep(solver, space, lambda, objective);
    expect(objective()).toBeLessThanOrEqual(before);
    expect(before - objective()).toBeLessThan(1e-13);
  });
});
