/**
 * Gaussian elastic-net paths on wide designs (p > n) by working sets, as celer and skglm solve
 * the lasso: the exact active-set solver (lassoActiveSet.ts) works on a small working set W of
 * columns — those in a model so far, those the sequential strong rule keeps, and the violators of
 * the optimality conditions found outside — whose Gram matrix G_WW alone is built, a block at a
 * time as columns join (n·k·|W| multiply-adds for k joining). The columns outside W are only
 * checked, once W is solved: their gradients g_j = x̃_jᵀ V r come from the residual r, O(n) each,
 * and most need not be computed at all — a bound settles them (gradientScreen.ts).
 */
import { crossFunction, designProducts, gramFunction } from "../kernels/gramKernel.js";
import {
  gapFrom,
  gramChanged,
  kktViolation,
  type QuadraticState,
  solveAtLambda,
  workingSetCovariance,
} from "./coordinateDescent.js";
import {
  createGradientScreen,
  type GradientScreen,
  recordExact,
  setResidual,
  settleGradients,
} from "./gradientScreen.js";
import { type ActiveSetFactor, createActiveSetFactor, solveByActiveSet } from "./lassoActiveSet.js";

export interface WideGaussian {
  state: QuadraticState;
  factor: ActiveSetFactor;
  /** The centred response z; the residual is r = z − X̃β. */
  response: Float64Array;
  /** Σ v z², the null deviance: the duality gap is relative to the objective, whose scale it sets. */
  nullDeviance: number;
  /** W as a mask (also state.candidates and the covariance's `complete`: its rows of G are filled). */
  working: Uint8Array;
  /** W's columns in the order they joined, and how many. */
  workingList: Int32Array;
  workingSize: number;
  /** b = X̃ᵀVz, the linear term (fixed along a gaussian path). */
  linear: Float64Array;
  /**
   * Every column's gradient at the current residual, exact or bounded; its `gradient` is the
   * best estimate the strong rule of the next λ has for the columns outside W.
   */
  screen: GradientScreen;
  /**
   * The dual norm max |g_j| / (λα·pf_j) over the columns outside W at the last check: computed
   * ones exactly, the others by their bounds (below 1).
   */
  outsideDualNorm: number;
  residual: Float64Array;
  // scratch
  columns: Int32Array;
  values: Float64Array;
}

/**
 * Sets up the working-set state for `state` (v = w and the centred response z in `response`),
 * with W empty: the gradients at β = 0 (one sweep, they give λ_max), the factor.
 */
export function createWideGaussian(state: QuadraticState, response: Float64Array): WideGaussian {
  const { n, p, x, v } = state;
  const screen = createGradientScreen(x, n, p, v, state.usable);
  setResidual(screen, response);
  settleGradients(screen, 0, state.penaltyFactor); // a full sweep: the gradients at β = 0
  const linear = screen.gradient.slice();
  let nullDeviance = 0;
  for (let i = 0; i < n; i++) nullDeviance += v[i]! * response[i]! * response[i]!;
  workingSetCovariance(state, linear.slice());
  const working = state.covariance!.complete!;
  state.candidates = working;
  const workingList = new Int32Array(p);
  state.candidateList = workingList;
  state.candidateCount = 0;
  const factor = createActiveSetFactor(state);
  return {
    state,
    factor,
    response,
    nullDeviance,
    working,
    workingList,
    workingSize: 0,
    linear,
    screen,
    outsideDualNorm: 0,
    residual: response.slice(),
    columns: new Int32Array(p),
    values: new Float64Array(p),
  };
}

/**
 * Adds the listed columns to W: their blocks of G (against the columns already in W, and among
 * themselves), their diagonal xv_j, and their gradients at the current β from those rows.
 */
function join(problem: WideGaussian, joining: Int32Array): void {
  const k = joining.length;
  if (k === 0) return;
  const { state, working, workingList } = problem;
  const { n, p, x, v, beta } = state;
  const cov = state.covariance!;
  const gram = cov.gram;
  const before = workingList.subarray(0, problem.workingSize);
  if (before.length > 0) {
    const block = new Float64Array(k * before.length);
    crossFunction()(x, n, p, v, joining, before, block);
    for (let a = 0; a < k; a++) {
      const j = joining[a]!;
      for (let b = 0; b < before.length; b++) {
        const value = block[a * before.length + b]!;
        gram[j * p + before[b]!] = value;
        gram[before[b]! * p + j] = value;
      }
    }
  }
  const square = new Float64Array(k * k);
  gramFunction()(x, n, p, v, square, cov.weighted, joining);
  for (let a = 0; a < k; a++) {
    const j = joining[a]!;
    for (let b = 0; b < k; b++) gram[j * p + joining[b]!] = square[a * k + b]!;
    state.xv[j] = square[a * k + a]!;
    working[j] = 1;
    workingList[problem.workingSize++] = j;
  }
  state.candidateCount = problem.workingSize;
  // g_j = b_j − Σ_k G_jk β_k over the nonzero β (all in W, so G holds those entries now)
  for (let a = 0; a < k; a++) {
    const j = joining[a]!;
    let sum = problem.linear[j]!;
    for (let b = 0; b < problem.workingSize; b++) {
      const c = workingList[b]!;
      if (beta[c] !== 0) sum -= gram[j * p + c]! * beta[c]!;
    }
    cov.gradient[j] = sum;
    problem.factor.linear[j] = problem.linear[j]!;
  }
  gramChanged(state);
}

/**
 * The residual at the current β and the gradients outside W — computed where their bound does not
 * already rule out a violation — and the columns that violate |g_j| ≤ λα·pf_j, in `columns`
 * (returns how many).
 */
function check(problem: WideGaussian, lambda: number): number {
  const { state, residual, response, columns, values, screen, working } = problem;
  const { n, p, x, beta, usable, alpha, penaltyFactor } = state;
  const cov = state.covariance!;
  // r = z − X̃β over the nonzero coefficients
  let m = 0;
  for (let a = 0; a < problem.workingSize; a++) {
    const j = problem.workingList[a]!;
    if (beta[j] === 0) continue;
    columns[m] = j;
    values[m++] = beta[j]!;
  }
  designProducts().times(x, n, p, columns, m, values, residual);
  for (let i = 0; i < n; i++) residual[i] = response[i]! - residual[i]!;
  setResidual(screen, residual);
  // W's gradients are known from G; the others are settled by their bounds or computed
  for (let a = 0; a < problem.workingSize; a++) {
    const j = problem.workingList[a]!;
    recordExact(screen, j, cov.gradient[j]!);
  }
  const shrink = lambda * alpha;
  let dualNorm = settleGradients(screen, shrink, penaltyFactor);
  let violators = 0;
  for (let j = 0; j < p; j++) {
    if (!usable[j] || working[j] || screen.exactAt[j] !== screen.version) continue;
    const g = Math.abs(screen.gradient[j]!);
    const threshold = shrink * penaltyFactor[j]!;
    if (g > dualNorm * threshold) dualNorm = g / threshold;
    if (g > threshold * (1 + 1e-12)) columns[violators++] = j;
  }
  problem.outsideDualNorm = dualNorm;
  return violators;
}

/** The relative duality gap at the current β (α > 0), or the KKT violation / gradientScale (α = 0). */
function certify(problem: WideGaussian, lambda: number, gradientScale: number): number {
  const { state, residual, response } = problem;
  if (!(state.alpha > 0)) return (kktViolation(state, lambda) * lambda) / gradientScale;
  const { n, v } = state;
  let residualNorm = 0;
  let residualDotZ = 0;
  for (let i = 0; i < n; i++) {
    residualNorm += v[i]! * residual[i]! * residual[i]!;
    residualDotZ += v[i]! * residual[i]! * response[i]!;
  }
  return gapFrom(
    state,
    lambda,
    residualNorm,
    residualDotZ,
    problem.outsideDualNorm,
    problem.workingList,
    problem.workingSize,
  );
}

export interface WideStepResult {
  certificate: number;
  converged: boolean;
  passes: number;
  /** ½ Σ v r², the loss at the solution. */
  loss: number;
}

/**
 * Solves at λ from the current state (a warm start): W grows by the strong rule, is solved
 * exactly (coordinate descent on W where the active-set solver cannot), and grows by the
 * violators outside it until there are none and the certificate is below `target`.
 */
export function solveWideGaussianAtLambda(
  problem: WideGaussian,
  lambda: number,
  previousLambda: number,
  target: number,
  gradientScale: number,
): WideStepResult {
  const { state, factor, working, columns } = problem;
  const gradient = problem.screen.gradient;
  const { p, usable, alpha, penaltyFactor, beta, ever } = state;
  // the sequential strong rule on the gradients as best known (unpenalized columns always)
  const cutoff = alpha * (2 * lambda - previousLambda);
  let joining = 0;
  for (let j = 0; j < p; j++)
    if (
      usable[j] &&
      !working[j] &&
      (penaltyFactor[j] === 0 || Math.abs(gradient[j]!) >= cutoff * penaltyFactor[j]!)
    )
      columns[joining++] = j;
  join(problem, columns.slice(0, joining));
  let passes = 0;
  let tolerance = 1e-8 * problem.nullDeviance;
  let needsDescent = false;
  const finish = (certificate: number, converged: boolean): WideStepResult => {
    for (let a = 0; a < problem.workingSize; a++) {
      const j = problem.workingList[a]!;
      if (beta[j] !== 0) ever[j] = 1;
    }
    let loss = 0;
    for (let i = 0; i < state.n; i++) loss += state.v[i]! * problem.residual[i]! ** 2;
    return { certificate, converged, passes, loss: 0.5 * loss };
  };
  for (let round = 0; round < 24; round++) {
    if (needsDescent || !solveByActiveSet(state, factor, lambda)) {
      // coordinate descent on W finds the active set and signs; the exact solve then lands on the optimum
      const result = solveAtLambda(state, lambda, previousLambda, tolerance);
      passes += result.passes;
      tolerance *= 1e-2;
      if (!result.converged) {
        check(problem, lambda);
        return finish(certify(problem, lambda, gradientScale), false);
      }
      solveByActiveSet(state, factor, lambda);
    }
    const violators = check(problem, lambda);
    if (violators > 0) {
      join(problem, columns.slice(0, violators));
      needsDescent = false;
      continue;
    }
    const certificate = certify(problem, lambda, gradientScale);
    if (certificate <= target) return finish(certificate, true);
    needsDescent = true;
  }
  return finish(certify(problem, lambda, gradientScale), false);
}
