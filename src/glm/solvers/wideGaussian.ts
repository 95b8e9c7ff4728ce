/**
 * Gaussian elastic-net paths on wide designs (p > n) by working sets, as celer and skglm solve
 * the lasso: the exact active-set solver (lassoActiveSet.ts) works on a small working set W of
 * columns (workingSet.ts: the problem restricted to W, held compactly, whatever p is) — those in a
 * model so far, those the sequential strong rule keeps, and the violators of the optimality
 * conditions found outside — whose Gram matrix G_WW alone is built, a block at a time as columns
 * join (n·k·|W| multiply-adds for k joining). The columns outside W are only checked, once W is
 * solved: their gradients g_j = x̃_jᵀ V r come from the residual r, O(n) each, and most need not be
 * computed at all — a bound settles them (gradientScreen.ts). W at most doubles per join, the
 * columns taken by their KKT violation |g_j|/pf_j, so a coarse λ grid (whose strong rule keeps
 * nearly every column) does not fill it with columns that stay out of the model.
 */
import { designProducts } from "../../kernels/gramKernel.js";
import { gapFrom, kktViolation, type QuadraticState, solveAtLambda } from "./coordinateDescent.js";
import {
  createGradientScreen,
  type GradientScreen,
  recordExact,
  setResidual,
  settleGradients,
} from "./gradientScreen.js";
import { solveByActiveSet } from "./lassoActiveSet.js";
import {
  createWoodburyFace,
  releaseWoodburyFace,
  solveFaceByWoodbury,
  type WoodburyFace,
} from "./woodburyFace.js";
import {
  addColumns,
  createWorkingSet,
  ensureGram,
  gramTimesBeta,
  nonzeroCoefficients,
  rankJoining,
  releaseWorkingSet,
  scatterCoefficients,
  type WorkingSet,
} from "./workingSet.js";

export interface WideGaussian {
  /** The path's state over all p columns (its β is written after each λ). */
  state: QuadraticState;
  /** W and the problem restricted to it. */
  set: WorkingSet;
  /** The centred response z; the residual is r = z − X̃β. */
  response: Float64Array;
  /** Σ v z², the null deviance: the duality gap is relative to the objective, whose scale it sets. */
  nullDeviance: number;
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
  /** Scratch: v ⊙ r. */
  weightedResidual: Float64Array;
  /**
   * The elastic net's face solves through the n × n system once the active set outgrows the rows
   * (woodburyFace.ts); null for the lasso, whose face has no ridge term to invert.
   */
  face: WoodburyFace | null;
  // scratch
  columns: Int32Array;
  values: Float64Array;
}

/**
 * Sets up the working-set state for `state` (v = w and the centred response z in `response`),
 * with W empty: the gradients at β = 0 (one sweep, they give λ_max).
 */
export function createWideGaussian(state: QuadraticState, response: Float64Array): WideGaussian {
  const { n, p, x, v } = state;
  const screen = createGradientScreen(x, n, p, v, state.usable, state.penaltyFactor);
  setResidual(screen, response);
  settleGradients(screen, 0); // a full sweep: the gradients at β = 0
  const linear = screen.gradient.slice();
  let nullDeviance = 0;
  for (let i = 0; i < n; i++) nullDeviance += v[i]! * response[i]! * response[i]!;
  return {
    state,
    set: createWorkingSet(x, n, p, v, state.r, state.alpha, state.penaltyFactor),
    response,
    nullDeviance,
    linear,
    screen,
    outsideDualNorm: 0,
    residual: response.slice(),
    weightedResidual: new Float64Array(n),
    face: state.alpha < 1 ? createWoodburyFace(n, v) : null,
    columns: new Int32Array(p),
    values: new Float64Array(p),
  };
}

/** Hands the working set's workspace on to the next path (see releaseFactorWorkspace). */
export function releaseWideGaussian(problem: WideGaussian): void {
  if (problem.face) releaseWoodburyFace(problem.face);
  releaseWorkingSet(problem.set); // the last released is kept: the working set's, the larger
}

/**
 * Adds the first `count` columns listed in problem.columns to W (or the most violating of them:
 * rankJoining), with their gradients at the current β from their rows of G. Returns how many joined.
 */
function join(problem: WideGaussian, count: number): number {
  const { set, columns, screen, state } = problem;
  if (count === 0) return 0;
  // The elastic net's blocks of G are built only when a solve reads them (ensureGram before the
  // m × m factor or coordinate descent): the Woodbury face, which solves once the active set
  // outgrows the rows, reads none, and at α = 0.01 (200 × 10000) they were a fifth of the path
  // and, at 2334 columns, 65 MB of memory.
  const later = problem.face !== null;
  const joining = rankJoining(set, columns, count, screen.gradient);
  const { first, added } = addColumns(set, columns, joining, !later);
  const { inner, factor } = set;
  if (later && added > 0) {
    // g_j = x̃_jᵀ V r at the current residual (one sweep over the joining columns)
    const { n, p, x, v } = state;
    const weighted = problem.weightedResidual;
    for (let i = 0; i < n; i++) weighted[i] = v[i]! * problem.residual[i]!;
    designProducts().transposeTimes(
      x,
      n,
      p,
      set.columnOf.subarray(first, first + added),
      added,
      weighted,
      problem.values,
    );
  }
  for (let s = first; s < first + added; s++) {
    const j = set.columnOf[s]!;
    // g_j = b_j − (G β)_j: exact at the current β, from the row just built (or from r, above)
    inner.covariance!.gradient[s] = later
      ? problem.values[s - first]!
      : problem.linear[j]! - gramTimesBeta(set, s);
    factor.linear[s] = problem.linear[j]!;
  }
  return added;
}

/**
 * The residual at the current β and the gradients outside W — computed where their bound does not
 * already rule out a violation — and the columns that violate |g_j| ≤ λα·pf_j, in `columns`
 * (returns how many).
 */
function check(problem: WideGaussian, lambda: number): number {
  const { state, set, residual, response, columns, values, screen } = problem;
  const { n, p, x, alpha, penaltyFactor } = state;
  // r = z − X̃β over the nonzero coefficients
  const m = nonzeroCoefficients(set, columns, values);
  designProducts().times(x, n, p, columns, m, values, residual);
  for (let i = 0; i < n; i++) residual[i] = response[i]! - residual[i]!;
  setResidual(screen, residual);
  // W's gradients are known from G; the others are settled by their bounds or computed
  const gradient = set.inner.covariance!.gradient;
  for (let s = 0; s < set.size; s++) recordExact(screen, set.columnOf[s]!, gradient[s]!);
  const shrink = lambda * alpha;
  let dualNorm = settleGradients(screen, shrink);
  // the columns outside W computed just now (W's were recorded, so none of them is among these)
  let violators = 0;
  for (let a = 0; a < screen.computed; a++) {
    const j = screen.columns[a]!;
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
  const { set, residual, response } = problem;
  // every nonzero coefficient is in W: the gap's sums run over it, the outside enters by its dual norm
  if (!(set.inner.alpha > 0)) return (kktViolation(set.inner, lambda) * lambda) / gradientScale;
  const { n, v } = problem.state;
  let residualNorm = 0;
  let residualDotZ = 0;
  for (let i = 0; i < n; i++) {
    residualNorm += v[i]! * residual[i]! * residual[i]!;
    residualDotZ += v[i]! * residual[i]! * response[i]!;
  }
  return gapFrom(set.inner, lambda, residualNorm, residualDotZ, problem.outsideDualNorm);
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
  const { state, set, columns } = problem;
  const { p, alpha } = state;
  // the sequential strong rule, |g_j| ≥ α(2λ − λ_prev)·pf_j, on the gradients as best known:
  // their levels |g_j|/pf_j (unpenalized columns +∞: always; unusable ones −∞: never)
  const cutoff = alpha * (2 * lambda - previousLambda);
  const { level } = problem.screen;
  const { slotOf } = set;
  let joining = 0;
  for (let j = 0; j < p; j++) if (level[j]! >= cutoff && slotOf[j]! < 0) columns[joining++] = j;
  join(problem, joining);
  let passes = 0;
  let tolerance = 1e-8 * problem.nullDeviance;
  let needsDescent = false;
  const finish = (certificate: number, converged: boolean): WideStepResult => {
    scatterCoefficients(set, state.beta);
    for (let s = 0; s < set.size; s++) if (set.inner.beta[s] !== 0) state.ever[set.columnOf[s]!] = 1;
    let loss = 0;
    for (let i = 0; i < state.n; i++) loss += state.v[i]! * problem.residual[i]! ** 2;
    return { certificate, converged, passes, loss: 0.5 * loss };
  };
  // the face solved exactly: through the n × n system when the active set outgrows the rows,
  // else by the m × m factor (set.inner and set.factor are read afresh: a join may have moved
  // them to a larger capacity)
  const settle = () => {
    if (problem.face !== null && solveFaceByWoodbury(problem.face, set, lambda)) return true;
    ensureGram(set);
    return solveByActiveSet(set.inner, set.factor, lambda);
  };
  for (let round = 0; round < 40; round++) {
    if (needsDescent || !settle()) {
      // coordinate descent on W finds the active set and signs; the exact solve then lands on the optimum
      ensureGram(set);
      const result = solveAtLambda(set.inner, lambda, previousLambda, tolerance);
      passes += result.passes;
      tolerance *= 1e-2;
      if (!result.converged) {
        check(problem, lambda);
        return finish(certify(problem, lambda, gradientScale), false);
      }
      settle();
    }
    const violators = check(problem, lambda);
    if (violators > 0) {
      if (join(problem, violators) === 0) break; // W is full: this λ stays unconverged
      needsDescent = false;
      continue;
    }
    const certificate = certify(problem, lambda, gradientScale);
    if (certificate <= target) return finish(certificate, true);
    needsDescent = true;
  }
  return finish(certify(problem, lambda, gradientScale), false);
}
