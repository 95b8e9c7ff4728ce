/**
 * One λ of a GLM elastic-net path (binomial, poisson: any family of families/) by proximal Newton
 * with exact inner solves:
 *
 *   minimize  Σ_i w_i ℓ(y_i, η_i) + λ Σ_j pf_j (α|β_j| + (1−α)/2 β_j²),  η = offset + X̃β + β₀
 *
 * with ℓ the family's loss (log(1 + e^η) − yη for the logistic one, e^η − yη for counts). Each
 * Newton step replaces the loss by its quadratic model at the current η — weights v = w·V(μ),
 * working residual (y − μ)/V(μ), as IRLS — and solves that penalized quadratic
 * exactly, by the active-set factorization (lassoActiveSet.ts), coordinate descent only where
 * that fails. Exact inner solves make it Newton's method on the active face, so it converges
 * quadratically once the active set is found: a few steps per λ to a KKT certificate of 1e-7,
 * where coordinate descent on the model (glmnet's way) crawls on correlated, near-separable data.
 *
 * What keeps a step cheap:
 * - the intercept is one more column of the design (all ones, unpenalized), so the same solver
 *   and factor handle it;
 * - the weighted Gram matrix (the model's Hessian) is built only for the working set W: the
 *   columns in a model so far, those the sequential strong rule keeps, and the KKT violators found
 *   at the true gradient, which is checked over all columns after each step, most of them by a
 *   bound alone (gradientScreen.ts); the problem restricted to W is held compactly
 *   (workingSet.ts), so a step costs O(|W|²) in the solver whatever p is;
 * - a Hessian is kept from step to step and from λ to λ while the steps it gives cut the
 *   certificate ×4 or more (then the factor stays valid too, and a step costs O(n·p)); columns
 *   joining W get their rows of it at its own weights, O(n·k·|W|), not a new O(n·|W|²/2) Gram;
 * - the loss (a logarithm per row) is computed only when a step has to be judged by it: a step
 *   that does not cut the certificate ×4 and raised the objective is halved until it does not
 *   (the objective is convex, so along the step it falls for a short enough one).
 */

import { designProducts } from "../../kernels/gramKernel.js";
import type { Design } from "../design.js";
import type { ExponentialFamily } from "../families/exponentialFamily.js";
import { type QuadraticState, solveAtLambda } from "./coordinateDescent.js";
import {
  computeExact,
  createGradientScreen,
  type GradientScreen,
  setResidual,
  settleGradients,
} from "./gradientScreen.js";
import { addColumn, resetActiveSetFactor, solveByActiveSet, updateLinearTerm } from "./lassoActiveSet.js";
import { createState, penaltyOf } from "./quadraticState.js";
import {
  addColumns,
  createWorkingSet,
  rankJoining,
  rebuildGram,
  releaseWorkingSet,
  scatterCoefficients,
  type WorkingSet,
} from "./workingSet.js";

export interface NewtonProblem {
  family: ExponentialFamily;
  /** The state over [X̃, 1] (the last column the intercept's when there is one): β over all columns. */
  state: QuadraticState;
  /** W and the quadratic model restricted to it (weights state.v, working residual state.r). */
  set: WorkingSet;
  /** Index of the intercept's column, or −1 without an intercept. */
  interceptColumn: number;
  y: Float64Array;
  w: Float64Array;
  /** η = offset + X̃β (β₀ included as a column), and the loss's derivatives at it (families/). */
  eta: Float64Array;
  residual: Float64Array;
  curvature: Float64Array;
  offset: Float64Array | null;
  previousEta: Float64Array;
  previousBeta: Float64Array;
  /**
   * The gradient of the log-likelihood, X̃ᵀ W (y − μ): exact for the working set and wherever a
   * check needed it, bounded elsewhere (gradientScreen.ts).
   */
  screen: GradientScreen;
  /** Whether the screen's residual y − p belongs to the current η. */
  residualCurrent: boolean;
  /** W as a mask over the columns. */
  working: Uint8Array;
  /** Scratch: column lists, coefficients (or gradients) in their order, y − p. */
  list: Int32Array;
  coefficients: Float64Array;
  difference: Float64Array;
  /** Whether the Hessian in `set` may serve the next step (null: none built yet). */
  hessianFresh: boolean | null;
  /** Whether η, the means and every column's KKT check belong to the current β (and its loss). */
  gradientCurrent: boolean;
  loss: number;
}

/** The state for a design (p + 1 columns with an intercept), β₀ started at the null model's. */
export function createNewtonProblem(
  family: ExponentialFamily,
  design: Design,
  y: Float64Array,
  alpha: number,
  penaltyFactor: Float64Array,
  nullIntercept: number,
  offset: Float64Array | null = null,
): NewtonProblem {
  const { n, p } = design;
  const withIntercept = design.intercept;
  const columns = withIntercept ? p + 1 : p;
  // the intercept's column of ones after the features: in place when the design was built with it
  let x = design.x;
  if (x.length < n * columns) {
    x = new Float64Array(n * columns);
    x.set(design.x.subarray(0, n * p));
    x.fill(1, n * p);
  }
  const usable = new Uint8Array(columns);
  usable.set(design.usable);
  const pf = new Float64Array(columns);
  pf.set(penaltyFactor);
  if (withIntercept) usable[p] = 1; // pf stays 0: the intercept is not penalized
  const state = createState({ ...design, p: columns, x, usable }, alpha, pf);
  if (withIntercept) state.beta[p] = nullIntercept;
  return {
    family,
    state,
    set: createWorkingSet(x, n, columns, state.v, state.r, alpha, pf),
    interceptColumn: withIntercept ? p : -1,
    y,
    w: design.w,
    eta: new Float64Array(n),
    residual: new Float64Array(n),
    curvature: new Float64Array(n),
    offset,
    previousEta: new Float64Array(n),
    previousBeta: new Float64Array(columns),
    screen: createGradientScreen(x, n, columns, design.w, usable, pf),
    residualCurrent: false,
    working: new Uint8Array(columns),
    list: new Int32Array(columns),
    coefficients: new Float64Array(columns),
    difference: new Float64Array(n),
    hessianFresh: null,
    gradientCurrent: false,
    loss: 0,
  };
}

/** Hands the working set's workspace on to the next path (see releaseFactorWorkspace). */
export function releaseNewtonProblem(problem: NewtonProblem): void {
  releaseWorkingSet(problem.set);
}

/** η = offset + X̃β and the loss's derivatives there (the loss itself only when asked: see lossOf). */
function refresh(problem: NewtonProblem): void {
  const { state, eta, list, coefficients } = problem;
  const { n, p, x, beta } = state;
  let m = 0;
  for (let j = 0; j < p; j++) {
    if (beta[j] === 0) continue;
    list[m] = j;
    coefficients[m++] = beta[j]!;
  }
  designProducts().times(x, n, p, list, m, coefficients, eta);
  if (problem.offset) for (let i = 0; i < n; i++) eta[i]! += problem.offset[i]!;
  derive(problem);
}

/** W's coefficients from β over all columns (after a step was shortened there). */
export function gatherCoefficients(problem: NewtonProblem): void {
  const { set, state } = problem;
  for (let s = 0; s < set.size; s++) set.inner.beta[s] = state.beta[set.columnOf[s]!]!;
}

/** The residual and curvature at the current η. */
function derive(problem: NewtonProblem): void {
  problem.gradientCurrent = false; // η moved: the kept gradient no longer belongs to it
  problem.residualCurrent = false;
  problem.family.derivatives(problem.y, problem.w, problem.eta, problem.residual, problem.curvature);
}

/** Σ w ℓ(y, η) at the current η. */
function lossOf(problem: NewtonProblem): number {
  return problem.family.loss(problem.y, problem.w, problem.eta);
}

/**
 * The KKT certificate (relative to `scale`) from the gradient X̃ᵀ W (y − μ): over the working set,
 * or over every usable column — those outside the working set computed only where their bound
 * does not settle them.
 */
function certify(problem: NewtonProblem, lambda: number, scale: number, onlyWorking = false): number {
  const { state, screen, working } = problem;
  if (!problem.residualCurrent) {
    const residual = problem.difference;
    residual.set(problem.residual);
    setResidual(screen, residual);
    problem.residualCurrent = true;
  }
  if (onlyWorking) makeExact(problem, working);
  else settleGradients(screen, lambda * state.alpha, working);
  problem.gradientCurrent = !onlyWorking;
  return kktCertificate(problem, lambda, scale, onlyWorking ? working : state.usable);
}

/** Computes the gradients of the flagged columns not yet exact at the current residual. */
function makeExact(problem: NewtonProblem, flagged: Uint8Array): void {
  const { screen } = problem;
  const { columns, exactAt, version } = screen;
  let m = 0;
  for (let j = 0; j < screen.p; j++) if (flagged[j] && exactAt[j] !== version) columns[m++] = j;
  computeExact(screen, columns, m);
}

/**
 * The largest violation of the KKT conditions at λ, over the columns whose gradients are exact
 * at the current residual: a column that is not was settled by its bound (β_j = 0 and
 * |g_j| ≤ λα·pf_j), so it violates nothing.
 */
function kktCertificate(
  problem: NewtonProblem,
  lambda: number,
  scale: number,
  usable: Uint8Array = problem.state.usable,
): number {
  const { state, screen } = problem;
  const { gradient, exact, exactCount } = screen;
  const { beta, alpha, penaltyFactor } = state;
  let worst = 0;
  for (let a = 0; a < exactCount; a++) {
    const j = exact[a]!;
    if (!usable[j]) continue;
    const g = gradient[j]!;
    const pf = penaltyFactor[j]!;
    const b = beta[j]!;
    const violation =
      b !== 0 || pf === 0
        ? Math.abs(g - lambda * (1 - alpha) * pf * b - lambda * alpha * pf * Math.sign(b))
        : Math.max(0, Math.abs(g) - lambda * alpha * pf);
    worst = Math.max(worst, violation);
  }
  return worst / scale;
}

/**
 * Adds the first `count` columns listed in problem.list to W, or the most violating of them
 * (rankJoining), at the kept Hessian's weights when `withGram`; their coefficients are taken
 * from β (the intercept's starts at the null model's).
 */
function join(problem: NewtonProblem, count: number, withGram: boolean): void {
  const { set, state, working, list, screen } = problem;
  // the columns listed were flagged in `working` as they were listed; those left out are unflagged
  const taking = rankJoining(set, list, count, screen.gradient);
  const { first, added } = addColumns(set, list, taking, withGram);
  for (let a = added; a < count; a++) working[list[a]!] = 0;
  for (let s = first; s < first + added; s++) set.inner.beta[s] = state.beta[set.columnOf[s]!]!;
}

/**
 * Puts column j (its coefficient zero) into W, at the kept Hessian's weights, and into the active
 * set's factor: for a caller that moves the coefficients itself — the multinomial face step
 * (multinomialFace.ts), which lets a violating column join there. False if it cannot (W is full,
 * or the factor's columns already span it); nothing is left half-joined then but the slot in W.
 */
export function joinFactor(problem: NewtonProblem, j: number): boolean {
  const { set, working, list } = problem;
  if (!working[j]) {
    working[j] = 1;
    list[0] = j;
    join(problem, 1, true);
    if (!working[j]) return false;
  }
  const slot = set.slotOf[j]!;
  if (slot < 0) return false;
  if (set.factor.position[slot]! >= 0) return true;
  return addColumn(set.inner, set.factor, slot);
}

/**
 * How much a step on the kept Hessian must cut the certificate for the Hessian to be kept: ×4,
 * unless a rebuild is very dear against a step. A rebuild costs n·m²/2 (m = |W|), a step on the
 * kept Hessian about n·(p + m) (the gradient over the columns, η) and then some (the derivatives,
 * the certificate); with R their ratio, past R = 25 the cut asked for shrinks as 0.25^(25/R). Measured
 * (FHT, binomial paths, median of 3–7): 10000 × 1000, where W grows to 980 columns (R up to 250),
 * 6.1 → 4.9 s (18 rebuilds, 32·10⁹ multiply-adds, → 8); 1000 × 100, 5000 × 100, 200 × 2000,
 * 200 × 10000 and 100000 × 100 (R ≤ 25) keep ×4 — a cut asked for of 0.25^(1/(1 + R)) there made
 * them 1.3–2.3× slower, a stale Hessian's steps being worth far less than a fresh one's.
 */
export function keptHessianRatio(m: number, p: number): number {
  const rebuildAgainstStep = (0.5 * m * m) / (p + m);
  return 0.25 ** Math.min(1, 25 / rebuildAgainstStep);
}

export interface NewtonStepResult {
  certificate: number;
  converged: boolean;
  loss: number;
  newtonSteps: number;
}

/**
 * Solves at λ from the current state (a warm start). `scale` is the size of the gradient where the
 * path starts; the certificate is the largest KKT violation divided by it.
 */
export function solveNewtonAtLambda(
  problem: NewtonProblem,
  lambda: number,
  previousLambda: number,
  target: number,
  scale: number,
  maxNewtonSteps = 100,
  needLoss = true,
): NewtonStepResult {
  const { family, state, set, working, list, screen, eta, previousEta, previousBeta, y, w } = problem;
  const trueGradient = screen.gradient;
  const { n, p, alpha, penaltyFactor, usable, beta, ever } = state;
  // η, p and the true gradient are still those of the previous λ's solution: only the
  // certificate, which depends on λ, is new
  if (!problem.gradientCurrent) refresh(problem);
  // NaN: not computed since η last changed (a step that converges fast does not need it)
  let loss = problem.gradientCurrent ? problem.loss : Number.NaN;
  // (with the residual unchanged, only what the new thresholds leave open is computed)
  let certificate = certify(problem, lambda, scale);
  // the working set takes unpenalized columns and the strong rule's (those in a model so far are
  // in it already: it only grows)
  // (on the levels |g_j|/pf_j: unpenalized columns +∞, always; unusable ones −∞, never)
  const cutoff = alpha * (2 * lambda - previousLambda);
  const { level } = screen;
  let strong = 0;
  for (let j = 0; j < p; j++)
    if (level[j]! >= cutoff && !working[j]) {
      working[j] = 1; // listed (so not listed twice); join unflags any it leaves out
      list[strong++] = j;
    }
  let joining = strong;
  let steps = 0;
  for (; steps < maxNewtonSteps && certificate > target; steps++) {
    // violators of the KKT conditions at the true gradient join the working set (when it is known
    // for every column: after a sweep over W alone, the others' entries are stale)
    // (the exact ones: the others were settled by their bounds)
    if (problem.gradientCurrent)
      for (let a = 0; a < screen.exactCount; a++) {
        const j = screen.exact[a]!;
        if (usable[j] && !working[j] && Math.abs(trueGradient[j]!) > lambda * alpha * penaltyFactor[j]!) {
          working[j] = 1;
          list[joining++] = j;
        }
      }
    // The quadratic model at η. Its Hessian X̃ᵀVX̃ (the Gram matrix over W) is the expensive part,
    // and it changes little from one step or one λ to the next: a step may keep the previous one
    // with only the gradient updated — then the factor stays valid too and the step costs
    // O(n·|W|) — as long as that keeps converging fast (the certificate falling ×4 per step).
    // Columns joining W get their rows of the kept Hessian at its own weights (n·k·|W| instead of
    // a new n·|W|²/2 Gram).
    const keepHessian = problem.hessianFresh === true;
    join(problem, joining, keepHessian);
    joining = 0;
    const { inner } = set; // (read after the join: it may have moved to a larger capacity)
    const m = set.size;
    previousBeta.set(beta);
    previousEta.set(eta);
    const lossBefore = loss;
    const penaltyBefore = penaltyOf(state, lambda);
    let solved = false;
    if (keepHessian) {
      makeExact(problem, working); // columns that joined W by the strong rule may have had bounds only
      const gradient = inner.covariance!.gradient;
      for (let s = 0; s < m; s++) gradient[s] = trueGradient[set.columnOf[s]!]!;
      updateLinearTerm(inner, set.factor);
      solved = solveByActiveSet(inner, set.factor, lambda);
    }
    if (!solved) {
      const { residual, curvature } = problem;
      for (let i = 0; i < n; i++) {
        state.v[i] = w[i]! * curvature[i]!;
        state.r[i] = residual[i]! / curvature[i]!;
      }
      rebuildGram(set);
      problem.hessianFresh = true;
      resetActiveSetFactor(inner, set.factor);
      solved = solveByActiveSet(inner, set.factor, lambda);
    }
    if (!solved) {
      // coordinate descent on the model finds the active set, the factor then solves it exactly
      const tolerance = Math.min(1e-10, (certificate * scale) ** 2);
      const result = solveAtLambda(inner, lambda, lambda, tolerance);
      if (!result.converged) {
        scatterCoefficients(set, beta);
        refresh(problem); // β moved: η follows, and the certificate below says how far
        loss = Number.NaN;
        break;
      }
      solveByActiveSet(inner, set.factor, lambda);
    }
    scatterCoefficients(set, beta);
    refresh(problem);
    loss = Number.NaN;
    const before = certificate;
    // Where W is a small part of the columns (wide designs), the gradient is computed over W alone
    // until W is solved, and over every column then, for the violators outside it.
    const narrow = 4 * m < p;
    certificate = certify(problem, lambda, scale, narrow);
    if (narrow && certificate <= target) certificate = certify(problem, lambda, scale);
    // A step that cuts the certificate ×4 is taken as it is. Otherwise the objective decides: a
    // step that raised it is shortened (η and β move along the same segment) until it does not.
    // The next step builds a new Hessian after a shortened step, or one that cut the certificate
    // less than keptHessianRatio asks.
    const fast = certificate <= 0.25 * before;
    let halved = false;
    if (!fast) {
      const objectiveBefore =
        (Number.isNaN(lossBefore) ? family.loss(y, w, previousEta) : lossBefore) + penaltyBefore;
      loss = lossOf(problem);
      let objective = loss + penaltyOf(state, lambda);
      // (a rise within the loss's own rounding, 1e-13 of it — sums of logarithms, as the Cox
      // partial likelihood's, carry that much — is no rise: the step's certificate fell)
      const noise = 1e-13 * Math.abs(objectiveBefore);
      for (let halving = 0; halving < 30 && objective > objectiveBefore + noise; halving++) {
        for (let j = 0; j < p; j++) beta[j] = 0.5 * (beta[j]! + previousBeta[j]!);
        for (let i = 0; i < n; i++) eta[i] = 0.5 * (eta[i]! + previousEta[i]!);
        derive(problem);
        loss = lossOf(problem);
        objective = loss + penaltyOf(state, lambda);
        halved = true;
      }
      if (halved) {
        gatherCoefficients(problem);
        certificate = certify(problem, lambda, scale);
      }
    }
    problem.hessianFresh = !halved && certificate <= keptHessianRatio(m, p) * before;
  }
  // columns the strong rule listed when no step was needed after all: not in W, not flagged
  for (let a = 0; a < joining; a++) working[list[a]!] = 0;
  if (!problem.gradientCurrent) certificate = certify(problem, lambda, scale);
  // (a caller that sums the loss its own way, the multinomial one, skips the logarithms here)
  if (Number.isNaN(loss) && needLoss) loss = lossOf(problem);
  for (let s = 0; s < set.size; s++) if (set.inner.beta[s] !== 0) ever[set.columnOf[s]!] = 1;
  problem.loss = loss;
  return { certificate, converged: certificate <= target, loss, newtonSteps: steps };
}
