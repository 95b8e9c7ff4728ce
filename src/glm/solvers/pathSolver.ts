/**
 * The one interface between a regularization path and the solvers that fit it, and the one
 * function that chooses a solver for a problem's family and shape.
 *
 * A path asks a solver for one λ at a time, largest first, each warm-started from the last; it
 * reads the solution's coefficients on the standardized columns and their loss, and releases the
 * solver at the end (its workspace serves the next path of the same size: a CV fold, say).
 *
 * Which solver (each in this folder):
 * - gaussian: active sets on the Gram matrix (lassoActiveSet.ts), coordinate descent where those
 *   fail; for p > n the working sets of wideGaussian.ts, or the n × n kernel system of the ridge
 *   (wideRidge.ts) — gaussianSolver.ts;
 * - binomial, poisson: proximal Newton with exact inner solves on a working set
 *   (newtonActiveSet.ts); the logistic ridge on wide data by Newton in the span of the data
 *   (wideLogisticRidge.ts); IRLS by coordinate descent (irlsCoordinateDescent.ts) for what remains:
 *   a ridge above p = 2000 that no kernel system takes, and limits on the coefficients.
 */
import type { Design } from "../design.js";
import type { ExponentialFamily } from "../families/exponentialFamily.js";
import type { NullModel } from "../families/nullModel.js";
import { ACTIVE_SET_MAX_P } from "./coordinateDescent.js";
import { createGaussianSolver } from "./gaussianSolver.js";
import { createIrlsSolver } from "./irlsCoordinateDescent.js";
import { createNewtonProblem, releaseNewtonProblem, solveNewtonAtLambda } from "./newtonActiveSet.js";
import { createState, penaltyOf } from "./quadraticState.js";
import {
  createWideLogisticRidge,
  releaseWideLogisticRidge,
  solveWideLogisticRidgeAtLambda,
} from "./wideLogisticRidge.js";

export interface LambdaSolution {
  /** How far from optimal (the solver's certificate, relative: see elasticNetPath.ts). */
  certificate: number;
  converged: boolean;
  /** Σ w ℓ(y, η) at the solution (for the gaussian family ½ Σ w r²). */
  loss: number;
}

export interface PathSolver {
  /** Solves at λ from the previous λ's solution, to a certificate ≤ target. */
  solve(lambda: number, previous: number, target: number, gradientScale: number): LambdaSolution;
  /** The solution on the standardized columns: β (its first p entries) and b₀. */
  beta(): Float64Array;
  intercept(): number;
  /** λ·P(β) at the solution. */
  penalty(lambda: number): number;
  /** The gradients x̃ᵀW(y − μ₀) at β = 0, when the solver computed them anyway (λ_max reads them). */
  gradientAtZero: Float64Array | null;
  /** Hands the solver's workspace on to the next path. */
  release(): void;
}

export interface SolverProblem {
  family: ExponentialFamily;
  design: Design;
  /** The target (for the gaussian family with an offset, y − offset). */
  y: Float64Array;
  alpha: number;
  penaltyFactor: Float64Array;
  /** The intercept-only model, where the path starts. */
  start: NullModel;
  offset: Float64Array | null;
  /** Whether every λ asked for is > 0 (the kernel systems of the wide ridges need it). */
  positiveLambdas: boolean;
  /** Limits on the standardized coefficients (coordinate descent solves those: see QuadraticState). */
  bounds?: { lower: Float64Array; upper: Float64Array };
}

export function chooseSolver(problem: SolverProblem): PathSolver {
  const { family, design, alpha, penaltyFactor, y, start, offset } = problem;
  const { n, p } = design;
  if (family.name === "gaussian") return createGaussianSolver(problem);
  if (problem.bounds) return createIrlsSolver(problem);
  // the wide logistic ridge: Newton in the n-dimensional span of the data
  if (family.name === "binomial" && !offset && p > n && alpha === 0 && problem.positiveLambdas) {
    const state = createState(design, alpha, penaltyFactor);
    const ridge = createWideLogisticRidge(state, y, design.w, design.intercept, start.intercept);
    if (ridge)
      return {
        solve: (lambda, _previous, target, scale) =>
          solveWideLogisticRidgeAtLambda(ridge, lambda, target, scale),
        beta: () => state.beta,
        intercept: () => state.intercept,
        penalty: (lambda) => penaltyOf(state, lambda),
        gradientAtZero: null,
        release: () => releaseWideLogisticRidge(ridge),
      };
  }
  if (alpha > 0 || p <= ACTIVE_SET_MAX_P) {
    const newton = createNewtonProblem(family, design, y, alpha, penaltyFactor, start.intercept, offset);
    return {
      solve: (lambda, previous, target, scale) =>
        solveNewtonAtLambda(newton, lambda, previous, target, scale),
      beta: () => newton.state.beta,
      intercept: () => (newton.interceptColumn >= 0 ? newton.state.beta[newton.interceptColumn]! : 0),
      penalty: (lambda) => penaltyOf(newton.state, lambda),
      gradientAtZero: null,
      release: () => releaseNewtonProblem(newton),
    };
  }
  return createIrlsSolver(problem);
}
