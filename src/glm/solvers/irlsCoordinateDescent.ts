/**
 * A GLM path's λ by IRLS with coordinate descent, glmnet's own method: proximal Newton steps, each
 * the penalized weighted least-squares problem of the family's quadratic model at the current η
 * (weights v = w·V(μ), working residual (y − μ)/V(μ)), solved by coordinate descent, until the
 * KKT certificate of the true problem (on the gradient Σ w x̃ (y − μ)) is below target. The
 * intercept is updated by coordinate descent with the rest.
 *
 * The path uses it only where no faster solver applies (pathSolver.ts): a ridge (α = 0) with more
 * than 2000 columns that no kernel system takes, and limits on the coefficients (each update
 * clamped to its box).
 */
import { designProducts } from "../../kernels/gramKernel.js";
import { kktViolation, prepareCovariance, solveAtLambda } from "./coordinateDescent.js";
import type { PathSolver, SolverProblem } from "./pathSolver.js";
import { createState, penaltyOf } from "./quadraticState.js";

export function createIrlsSolver(problem: SolverProblem): PathSolver {
  const { family, design, y, alpha, penaltyFactor, start, offset } = problem;
  const { n, p, x, w } = design;
  const state = createState(design, alpha, penaltyFactor);
  state.fitIntercept = design.intercept;
  state.intercept = start.intercept;
  if (problem.bounds) state.bounds = problem.bounds;
  const eta = new Float64Array(n);
  const residual = new Float64Array(n);
  const curvature = new Float64Array(n);
  const list = new Int32Array(p);
  const coefficients = new Float64Array(p);

  /** η = offset + β₀ + X̃β and the loss's derivatives there; returns the loss Σ w ℓ(y, η). */
  const refresh = () => {
    let m = 0;
    for (let j = 0; j < p; j++) {
      if (state.beta[j] === 0) continue;
      list[m] = j;
      coefficients[m++] = state.beta[j]!;
    }
    designProducts().times(x, n, p, list, m, coefficients, eta);
    for (let i = 0; i < n; i++) eta[i]! += state.intercept + (offset ? offset[i]! : 0);
    family.derivatives(y, w, eta, residual, curvature);
    return family.loss(y, w, eta);
  };
  /** The KKT certificate of the true (not the quadratic) problem, from the loss's residual. */
  const trueCertificate = (lambda: number, gradientScale: number) => {
    state.covariance = null;
    for (let i = 0; i < n; i++) {
      state.v[i] = w[i]!;
      state.r[i] = residual[i]!;
    }
    let violation = kktViolation(state, lambda) * lambda;
    if (state.fitIntercept) {
      let g0 = 0;
      for (let i = 0; i < n; i++) g0 += state.r[i]! * w[i]!;
      violation = Math.max(violation, Math.abs(g0));
    }
    return violation / gradientScale;
  };

  return {
    solve(lambda, previous, target, gradientScale) {
      let loss = refresh();
      let certificate = trueCertificate(lambda, gradientScale);
      for (let outer = 0; outer < 100 && certificate > target; outer++) {
        // the inner problem is solved to a precision in step with how far the outer one still is
        const tolerance = Math.min(1e-10, (certificate * gradientScale) ** 2);
        for (let i = 0; i < n; i++) {
          state.v[i] = w[i]! * curvature[i]!;
          state.r[i] = residual[i]! / curvature[i]!;
        }
        prepareCovariance(state);
        const solved = solveAtLambda(state, lambda, outer === 0 ? previous : lambda, tolerance);
        if (!solved.converged) return { certificate, converged: false, loss };
        loss = refresh();
        certificate = trueCertificate(lambda, gradientScale);
      }
      return { certificate, converged: certificate <= target, loss };
    },
    beta: () => state.beta,
    intercept: () => state.intercept,
    penalty: (lambda) => penaltyOf(state, lambda),
    gradientAtZero: null,
    release: () => {},
  };
}
