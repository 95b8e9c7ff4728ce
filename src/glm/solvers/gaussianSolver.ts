/**
 * The gaussian family's solvers behind the path interface (pathSolver.ts):
 *
 *   minimize  ½ Σ_i w_i (z_i − x̃_iᵀb)² + λ Σ_j pf_j (α|b_j| + (1−α)/2 b_j²),   z = y − ȳ
 *
 * (the intercept is ȳ, the columns centred). By shape:
 * - p > n, α = 0, every λ > 0: the ridge through its n × n kernel system (wideRidge.ts);
 * - p > n otherwise: working sets whose Gram alone is built (wideGaussian.ts);
 * - else: the Gram matrix (covariance mode) and active sets, exact on the active face
 *   (lassoActiveSet.ts), with coordinate descent to find the face (coordinateDescent.ts).
 * Certificates: the relative duality gap for α > 0 (a bound on the relative suboptimality), the
 * KKT violation / λ_max for the ridge.
 */
import { createFactorWorkspace } from "../../kernels/factorKernel.js";
import { polishActiveSet } from "./activeSetPolish.js";
import {
  ACTIVE_SET_MAX_P,
  kktViolation,
  prepareCovariance,
  type QuadraticState,
  relativeDualityGap,
  relativeDualityGapFromGram,
  residualFromGradientState,
  solveAtLambda,
} from "./coordinateDescent.js";
import {
  type ActiveSetFactor,
  createActiveSetFactor,
  releaseActiveSetFactor,
  solveByActiveSet,
} from "./lassoActiveSet.js";
import type { PathSolver, SolverProblem } from "./pathSolver.js";
import { createState, penaltyOf } from "./quadraticState.js";
import { createWideGaussian, releaseWideGaussian, solveWideGaussianAtLambda } from "./wideGaussian.js";
import { createWideRidge, releaseWideRidge, solveWideRidgeAtLambda } from "./wideRidge.js";

export function createGaussianSolver(problem: SolverProblem): PathSolver {
  const { design, y, alpha, penaltyFactor, start } = problem;
  const { n, p, w } = design;
  const state = createState(design, alpha, penaltyFactor);
  const centred = new Float64Array(n);
  const yMean = start.intercept;
  let scale = 0; // the null deviance Σ w z²: what the duality gap is relative to
  for (let i = 0; i < n; i++) {
    state.v[i] = w[i]!;
    state.r[i] = y[i]! - yMean;
    centred[i] = state.r[i]!;
    scale += w[i]! * centred[i]! * centred[i]!;
  }
  const common = {
    beta: () => state.beta,
    intercept: () => yMean,
    penalty: (lambda: number) => penaltyOf(state, lambda),
  };
  if (problem.bounds) return boundedSolver(problem, state, scale, common);
  const ridge = p > n && alpha === 0 && problem.positiveLambdas ? createWideRidge(state, centred) : null;
  if (ridge)
    return {
      ...common,
      solve: (lambda, _previous, target, gradientScale) =>
        solveWideRidgeAtLambda(ridge, lambda, target, gradientScale),
      gradientAtZero: null,
      release: () => releaseWideRidge(ridge),
    };
  if (p > n && (alpha > 0 || p <= ACTIVE_SET_MAX_P)) {
    const wide = createWideGaussian(state, centred);
    return {
      ...common,
      solve: (lambda, previous, target, gradientScale) =>
        solveWideGaussianAtLambda(wide, lambda, previous, target, gradientScale),
      gradientAtZero: wide.linear,
      release: () => releaseWideGaussian(wide),
    };
  }
  // G is written straight into the factor's workspace: a p × p copy fewer (at p = 1000, 8 MB of
  // memory touched for the first time on a process's first path)
  const workspace = p <= ACTIVE_SET_MAX_P ? createFactorWorkspace(p) : undefined;
  prepareCovariance(state, ACTIVE_SET_MAX_P, workspace?.gram);
  const factor = state.covariance ? createActiveSetFactor(state, workspace) : null;
  return {
    ...common,
    solve(lambda, previous, target, gradientScale) {
      const { certificate, converged } = solveGaussian(
        state,
        lambda,
        previous,
        scale,
        target,
        gradientScale,
        centred,
        factor,
      );
      const loss = state.covariance
        ? 0.5 * relativeDualityGapFromGram(state, lambda, scale, factor?.linear).residualNorm
        : 0.5 * state.r.reduce((sum, r, i) => sum + w[i]! * r * r, 0);
      return { certificate, converged, loss };
    },
    // the covariance sweep has already computed the gradients at β = 0 that λ_max is made of
    gradientAtZero: state.covariance?.gradient ?? null,
    release: () => {
      if (factor) releaseActiveSetFactor(factor);
    },
  };
}
/**
 * With limits on the coefficients: coordinate descent alone (each update clamped to the box; the
 * exact active-set solves and the duality gap know no bounds), on the Gram matrix where p allows,
 * certified by the one-sided KKT conditions (coordinateDescent.ts, kktViolation).
 */
function boundedSolver(
  problem: SolverProblem,
  state: QuadraticState,
  scale: number,
  common: Pick<PathSolver, "beta" | "intercept" | "penalty">,
): PathSolver {
  const w = problem.design.w;
  state.bounds = problem.bounds!;
  prepareCovariance(state, ACTIVE_SET_MAX_P);
  const lossNow = (lambda: number) =>
    state.covariance
      ? 0.5 * relativeDualityGapFromGram(state, lambda, scale).residualNorm
      : 0.5 * state.r.reduce((sum, r, i) => sum + w[i]! * r * r, 0);
  return {
    ...common,
    solve(lambda, previous, target, gradientScale) {
      let tolerance = 1e-8 * scale;
      for (let round = 0; round < 8; round++) {
        const result = solveAtLambda(state, lambda, previous, tolerance);
        const certificate = (kktViolation(state, lambda) * lambda) / gradientScale;
        if (!result.converged || certificate <= target)
          return { certificate, converged: result.converged, loss: lossNow(lambda) };
        tolerance *= 1e-2;
      }
      const certificate = (kktViolation(state, lambda) * lambda) / gradientScale;
      return { certificate, converged: false, loss: lossNow(lambda) };
    },
    gradientAtZero: state.covariance?.gradient ?? null,
    release: () => {},
  };
}

/**
 * Solves one λ of the gaussian path, tightening the coordinate-descent tolerance until the
 * certificate is met: the relative duality gap for α > 0, else the KKT violation / λ_max.
 */
function solveGaussian(
  state: QuadraticState,
  lambda: number,
  previous: number,
  scale: number,
  target: number,
  gradientScale: number,
  centred: Float64Array,
  factor: ActiveSetFactor | null,
) {
  let passes = 0;
  const settle = () => (factor ? solveByActiveSet(state, factor, lambda) : polishActiveSet(state, lambda));
  const done = (certificate: number) => {
    for (let j = 0; j < state.p; j++) if (state.beta[j] !== 0) state.ever[j] = 1;
    return { certificate, converged: true, passes };
  };
  // The lasso: first the active set and signs of the previous λ, solved exactly (a homotopy step).
  if (factor && settle()) {
    const certificate = certify();
    if (certificate <= target) return done(certificate);
  }
  // Coordinate descent finds the active set and its signs; the exact solve on that set then lands
  // on the optimum (tightening coordinate descent only when it cannot).
  let tolerance = 1e-8 * scale;
  // scale is the null deviance, Σ v z² for the centred response z
  function certify() {
    if (state.alpha > 0 && state.covariance)
      return relativeDualityGapFromGram(state, lambda, scale, factor?.linear).gap;
    if (state.covariance) residualFromGradientState(state, centred);
    return state.alpha > 0
      ? relativeDualityGap(state, lambda, centred)
      : (kktViolation(state, lambda) * lambda) / gradientScale;
  }
  for (let round = 0; round < 8; round++) {
    const result = solveAtLambda(state, lambda, previous, tolerance);
    passes += result.passes;
    let certificate = certify();
    if (!result.converged) return { certificate, converged: false, passes };
    if (certificate <= target) return { certificate, converged: true, passes };
    // Skip the slow linear tail of coordinate descent when the active set and signs are found.
    if (settle()) {
      certificate = certify();
      if (certificate <= target) return done(certificate);
    }
    tolerance *= 1e-2;
  }
  return { certificate: certify(), converged: false, passes };
}
