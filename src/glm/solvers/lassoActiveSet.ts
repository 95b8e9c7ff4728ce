/**
 * Elastic-net solutions by active sets, the way homotopy (LARS) solvers walk a lasso path, on
 * coordinate descent's covariance state. Between two λ of a path the active set A and the signs s
 * of β_A mostly stay the same, and then the optimum solves one linear system,
 *
 *   (G_AA + λ(1−α)·diag(pf_A)) β_A = b_A − λα·pf_A ⊙ s,     b = g + Gβ = Xᵀ(v ⊙ z), the linear term.
 *
 * Its Cholesky factor L is kept and only updated: a column that enters costs one triangular
 * solve, O(m²); one that leaves, Givens rotations of the rows after it, O(m²). For the lasso on a
 * gaussian path neither G nor b nor the matrix changes with λ, so the factor lives along the
 * whole path and each λ costs two triangular solves and the gradients g = b − G_{:,A}β_A, O(p·m)
 * in WebAssembly SIMD, instead of passes of coordinate descent. Where the ridge term moves with λ
 * (α < 1), a large factor built at a nearby λ preconditions conjugate gradients, a few O(m²)
 * iterations; a small one, and any after a new G (a logistic path's new Hessian), is rebuilt,
 * m³/6 — still one exact solve against the many passes coordinate descent needs on correlated
 * columns.
 *
 * The candidate is accepted only if it is the optimum: every sign as assumed and every inactive
 * gradient within |g_j| ≤ λα·pf_j. Where not, the set is pivoted — coefficients whose sign flipped
 * leave, violators enter with the sign of their gradient — and solved again, a few times at most;
 * after that coordinate descent takes over and its active set seeds the next attempt.
 * An unpenalized column (pf = 0, e.g. the intercept's column of ones) may take either sign.
 */
import {
  createFactorWorkspace,
  type FactorWorkspace,
  releaseFactorWorkspace,
} from "../../kernels/factorKernel.js";
import type { QuadraticState } from "./coordinateDescent.js";

/** The factor of G_AA for an ordered active set, kept between calls. */
export interface ActiveSetFactor {
  /** Columns in the factor, in the order of its rows. */
  order: Int32Array;
  size: number;
  /** position[j]: row of column j in the factor, −1 if absent. */
  position: Int32Array;
  /** L, lower triangular, row r at r·p (stride p, so the factor grows without moving). */
  lower: Float64Array;
  /** b = g + Gβ, the linear term: fixed for a gaussian path. */
  linear: Float64Array;
  /**
   * λ(1−α), the ridge term in the factored matrix. A solve at another ridge r' uses L as the
   * preconditioner of conjugate gradients (see solveCandidate) when the factor is large and r'/r
   * within [1/2, 2]; otherwise the factor is rebuilt at r'.
   */
  ridge: number;
  /** Conjugate gradients' vectors (solveCandidate), m each. */
  iterate: Float64Array;
  residual: Float64Array;
  direction: Float64Array;
  product: Float64Array;
  // scratch
  signs: Float64Array;
  solution: Float64Array;
  gradient: Float64Array;
  wanted: Uint8Array;
  /**
   * Columns held at zero in this solve because the factor's columns already span them (a
   * duplicate or proportional column, as a sparse design's folds have): the lasso's optimum is
   * then not unique, and one with the column at zero is among them. The certificate that follows
   * the solve still checks every column.
   */
  held: Uint8Array;
  /** The usable columns, listed at each solve. */
  candidates: Int32Array;
  /** Where L, G's copy and the solve's vectors live (order, lower, linear, solution, gradient are its arrays). */
  workspace: FactorWorkspace;
}

/**
 * Creates the factor (empty) and b for the current covariance state, whose G moves into the
 * factor's workspace: coordinate descent and the Gram builders then write it where the solves
 * read it, and it is never copied again.
 */
export function createActiveSetFactor(
  state: QuadraticState,
  workspace = createFactorWorkspace(state.p),
): ActiveSetFactor {
  const { p } = state;
  const cov = state.covariance!;
  // (nothing to copy where G was built in place; none yet where it is still to be built)
  if (cov.gram !== workspace.gram) workspace.gram.set(cov.gram.subarray(0, p * p));
  cov.gram = workspace.gram;
  const factor: ActiveSetFactor = {
    order: workspace.order,
    size: 0,
    position: new Int32Array(p).fill(-1),
    lower: workspace.lower,
    linear: workspace.linear,
    ridge: 0,
    signs: new Float64Array(p),
    solution: workspace.solution,
    gradient: workspace.gradient,
    wanted: new Uint8Array(p),
    held: new Uint8Array(p),
    candidates: new Int32Array(p),
    iterate: new Float64Array(p),
    residual: new Float64Array(p),
    direction: new Float64Array(p),
    product: new Float64Array(p),
    workspace,
  };
  resetActiveSetFactor(state, factor);
  return factor;
}

/** Hands the factor's workspace on to the next solver of the same size (see releaseFactorWorkspace). */
export function releaseActiveSetFactor(factor: ActiveSetFactor): void {
  releaseFactorWorkspace(factor.workspace);
}

/** Empties the factor and recomputes b = g + Gβ: after the covariance state was rebuilt. */
export function resetActiveSetFactor(state: QuadraticState, factor: ActiveSetFactor): void {
  for (let r = 0; r < factor.size; r++) factor.position[factor.order[r]!] = -1;
  factor.size = 0;
  updateLinearTerm(state, factor);
}

/**
 * Recomputes b = g + Gβ after the gradients changed but G did not (a Newton step that keeps the
 * previous Hessian): the factor stays valid.
 */
export function updateLinearTerm(state: QuadraticState, factor: ActiveSetFactor): void {
  const { p, beta } = state;
  const cov = state.covariance!;
  const workspace = factor.workspace;
  const count = listCandidates(state, factor.candidates);
  const width = count > 0 ? factor.candidates[count - 1]! + 1 : 0;
  // b = g − Σ_k (−β_k)·G[k, :] over the nonzero β, by the workspace's row products
  let m = 0;
  for (let k = 0; k < p; k++) {
    if (beta[k] === 0) continue;
    workspace.rows[m] = k;
    workspace.values[m++] = -beta[k]!;
  }
  workspace.base.set(cov.gradient);
  workspace.combine(m, width);
  const { candidates } = factor;
  for (let c = 0; c < count; c++) factor.linear[candidates[c]!] = workspace.out[candidates[c]!]!;
}

/**
 * Lists the usable columns (a working set's slots in use: a prefix) into `columns`; returns how
 * many. Gradients are computed up to the last of them and checked at them alone.
 */
function listCandidates(state: QuadraticState, columns: Int32Array): number {
  const { usable } = state;
  let count = 0;
  for (let j = 0; j < state.p; j++) if (usable[j]) columns[count++] = j;
  return count;
}

/** A pivot in the factor smaller than this share of G_jj means a column the others already span. */
const SINGULAR = 1e-10;

/** Appends column j: its row of L by forward substitution. False if it is (nearly) collinear. */
export function addColumn(state: QuadraticState, factor: ActiveSetFactor, j: number): boolean {
  const { p } = state;
  const gram = state.covariance!.gram;
  const { order, lower } = factor;
  const r = factor.size;
  order[r] = j; // the kernel reads G[j, order_c] for c < r only
  const squares = factor.workspace.row(r, j);
  const diagonal = gram[j * p + j]! + factor.ridge * state.penaltyFactor[j]!;
  const pivot = diagonal - squares;
  if (!(pivot > SINGULAR * diagonal)) return false;
  lower[r * p + r] = Math.sqrt(pivot);
  factor.position[j] = r;
  factor.size = r + 1;
  return true;
}

/**
 * Drops the column at row q, in O((m − q)·m): with row q of L deleted, the rows after it move up
 * and each has one entry right of the diagonal; Givens rotations of columns (c, c + 1), c = q, q + 1,
 * …, applied from the right (so L·Lᵀ is unchanged), zero those entries one by one and leave L
 * lower triangular with a positive diagonal. (Refactorizing the rows after q would cost O((m − q)·m²).)
 */
export function removeColumn(state: QuadraticState, factor: ActiveSetFactor, q: number): void {
  const { p } = state;
  const { order, position, lower } = factor;
  const m = factor.size;
  position[order[q]!] = -1;
  for (let i = q + 1; i < m; i++) {
    lower.copyWithin((i - 1) * p, i * p, i * p + i + 1); // row i holds columns 0 … i
    order[i - 1] = order[i]!;
    position[order[i - 1]!] = i - 1;
  }
  const size = m - 1;
  for (let c = q; c < size; c++) {
    const a = lower[c * p + c]!;
    const b = lower[c * p + c + 1]!;
    const radius = Math.hypot(a, b);
    const cos = a / radius;
    const sin = b / radius;
    lower[c * p + c] = radius;
    lower[c * p + c + 1] = 0;
    for (let i = c + 1; i < size; i++) {
      const left = lower[i * p + c]!;
      const right = lower[i * p + c + 1]!;
      lower[i * p + c] = cos * left + sin * right;
      lower[i * p + c + 1] = cos * right - sin * left;
    }
  }
  factor.size = size;
}

/** Makes the factor's columns the ones flagged in `wanted` (removals first, then additions). */
function syncFactor(
  state: QuadraticState,
  factor: ActiveSetFactor,
  columns: Int32Array,
  count: number,
): boolean {
  const { wanted, position } = factor;
  for (let r = factor.size - 1; r >= 0; r--) if (!wanted[factor.order[r]!]) removeColumn(state, factor, r);
  for (let c = 0; c < count; c++) {
    const j = columns[c]!;
    if (wanted[j] && position[j]! < 0 && !addColumn(state, factor, j)) {
      // spanned by the others: held at zero rather than giving the whole solve up, which left
      // coordinate descent to crawl between equally good optima (4 s on a 270 × 1000 fold)
      wanted[j] = 0;
      factor.held[j] = 1;
    }
  }
  return true;
}

/**
 * Solves (G_FF + λ(1−α)·diag(pf_F)) x = b_F − λα·pf_F ⊙ s_F into factor.solution (in the factor's
 * row order): by the factor's two triangular solves when it was built at this ridge term; else by
 * conjugate gradients preconditioned with it. With A the matrix at ridge r' and M = L·Lᵀ the one
 * at r, xᵀAx / xᵀMx = (xᵀGx + r'·xᵀDx) / (xᵀGx + r·xᵀDx) lies between 1 and r'/r (G, D ⪰ 0), so
 * M⁻¹A is within a factor r'/r of the identity: between neighbouring λ of a path (r'/r ≈ 0.95)
 * a few O(m²) iterations reach rounding level, where refactorizing costs m³/6 at every λ.
 * Returns false if they do not (the caller then refactorizes).
 */
function solveCandidate(state: QuadraticState, factor: ActiveSetFactor, lambda: number): boolean {
  const { penaltyFactor } = state;
  const shrink = lambda * state.alpha;
  const ridge = lambda * (1 - state.alpha);
  const { order, linear, signs, solution } = factor;
  const m = factor.size;
  for (let r = 0; r < m; r++) {
    const j = order[r]!;
    solution[r] = linear[j]! - shrink * penaltyFactor[j]! * signs[j]!;
  }
  if (ridge === factor.ridge) {
    factor.workspace.solve(m);
    return true;
  }
  const { iterate, residual, direction, product, workspace } = factor;
  // A·v = G_FF v + ridge·pf_F ⊙ v, G_FF v read off the workspace's SIMD row products
  // Σ_c v_c·G[order_c, 0:width] (G is symmetric) at the factor's columns
  let width = 0;
  for (let a = 0; a < m; a++) width = Math.max(width, order[a]! + 1);
  workspace.rows.set(order.subarray(0, m));
  const times = (vector: Float64Array, out: Float64Array) => {
    for (let a = 0; a < m; a++) workspace.values[a] = -vector[a]!;
    workspace.base.fill(0, 0, width);
    workspace.combine(m, width);
    for (let a = 0; a < m; a++)
      out[a] = workspace.out[order[a]!]! + ridge * penaltyFactor[order[a]!]! * vector[a]!;
  };
  const precondition = (from: Float64Array) => {
    solution.set(from.subarray(0, m));
    factor.workspace.solve(m);
  };
  // b in `residual`; x₀ = M⁻¹b, r₀ = b − A·x₀
  residual.set(solution.subarray(0, m));
  let bNorm = 0;
  for (let a = 0; a < m; a++) bNorm += residual[a]! * residual[a]!;
  factor.workspace.solve(m);
  iterate.set(solution.subarray(0, m));
  times(iterate, product);
  for (let a = 0; a < m; a++) residual[a]! -= product[a]!;
  precondition(residual);
  direction.set(solution.subarray(0, m));
  let rz = 0;
  for (let a = 0; a < m; a++) rz += residual[a]! * solution[a]!;
  for (let iteration = 0; iteration < 50; iteration++) {
    let rNorm = 0;
    for (let a = 0; a < m; a++) rNorm += residual[a]! * residual[a]!;
    if (rNorm <= 1e-30 * bNorm) {
      solution.set(iterate.subarray(0, m));
      return true;
    }
    times(direction, product);
    let curvature = 0;
    for (let a = 0; a < m; a++) curvature += direction[a]! * product[a]!;
    if (!(curvature > 0)) break;
    const step = rz / curvature;
    for (let a = 0; a < m; a++) {
      iterate[a]! += step * direction[a]!;
      residual[a]! -= step * product[a]!;
    }
    precondition(residual);
    let next = 0;
    for (let a = 0; a < m; a++) next += residual[a]! * solution[a]!;
    const beta = next / rz;
    rz = next;
    for (let a = 0; a < m; a++) direction[a] = solution[a]! + beta * direction[a]!;
  }
  return false;
}

/**
 * The size from which a factor built at another ridge term preconditions conjugate gradients
 * rather than being refactorized. Measured (FHT, ρ = 0.5): refactorizing is faster for active sets
 * up to a few hundred columns (α = 0.5, n = 200, p = 2000: 123 against 154 ms per path), the
 * preconditioned iterations for ~1000 (α = 0.05, n = 200, p = 10000: 3.3 against 7.0 s).
 */
const PRECONDITION_MIN_SIZE = 256;

/** Empties the factor, to be rebuilt at the ridge term λ(1−α). */
function restartFactor(factor: ActiveSetFactor, ridge: number): void {
  for (let r = 0; r < factor.size; r++) factor.position[factor.order[r]!] = -1;
  factor.size = 0;
  factor.ridge = ridge;
}

/** How many times the set may be pivoted before coordinate descent is asked instead. */
const MAX_PIVOTS = 6;

/**
 * Tries to solve the lasso at λ from the current β's active set and signs. On success β and the
 * kept gradients hold the optimum (to rounding) and true is returned; otherwise nothing changes.
 */
export function solveByActiveSet(state: QuadraticState, factor: ActiveSetFactor, lambda: number): boolean {
  const { beta, penaltyFactor } = state;
  const { wanted, signs, gradient } = factor;
  const columns = factor.candidates;
  const count = listCandidates(state, columns);
  const width = count > 0 ? columns[count - 1]! + 1 : 0;
  const shrink = lambda * state.alpha;
  const ridge = lambda * (1 - state.alpha);
  const cov = state.covariance!;
  // Another ridge term: the factor is started afresh, unless it is large (refactorizing costs
  // m³/6) and its ridge term near this one — then it preconditions the solves (solveCandidate).
  if (
    ridge !== factor.ridge &&
    (factor.size < PRECONDITION_MIN_SIZE || !(ridge <= 2 * factor.ridge && factor.ridge <= 2 * ridge))
  )
    restartFactor(factor, ridge);
  // the columns wanted in the factor are always candidates (so are all nonzero coefficients)
  wanted.fill(0);
  factor.held.fill(0);
  let nonzero = 0;
  for (let c = 0; c < count; c++) {
    const j = columns[c]!;
    wanted[j] = beta[j] !== 0 ? 1 : 0;
    signs[j] = Math.sign(beta[j]!);
    nonzero += wanted[j]!;
  }
  if (nonzero === 0) {
    // β = 0 (the start of a path): the columns violating the KKT conditions there enter, with
    // the signs of their gradients; none means β = 0 is the optimum
    const gradient0 = state.covariance!.gradient;
    for (let c = 0; c < count; c++) {
      const j = columns[c]!;
      const g = gradient0[j]!;
      if (penaltyFactor[j] === 0 || Math.abs(g) > shrink * penaltyFactor[j]! * (1 + 1e-12)) {
        wanted[j] = 1;
        signs[j] = Math.sign(g);
        nonzero++;
      }
    }
    if (nonzero === 0) return true;
  }
  for (let pivot = 0; pivot < MAX_PIVOTS; pivot++) {
    if (!syncFactor(state, factor, columns, count)) return false;
    if (!solveCandidate(state, factor, lambda)) {
      // the preconditioned iterations stalled: refactorize at this ridge term
      restartFactor(factor, ridge);
      if (!syncFactor(state, factor, columns, count)) return false;
      solveCandidate(state, factor, lambda);
    }
    const { order, solution } = factor;
    const m = factor.size;
    // The gradients g = b − G_{:,F}·β_F of every candidate column (WebAssembly, O(|W|·m)), then
    // what is wrong with the candidate: a sign that flipped, or an inactive column breaking the
    // KKT conditions. On F they are λα·pf ⊙ s + ridge by construction, up to the rounding of the
    // solves — computed all the same, so the certificate sees that rounding.
    factor.workspace.computeGradient(m, width);
    let changed = false;
    for (let r = 0; r < m; r++) {
      const j = order[r]!;
      const value = solution[r]!;
      if (penaltyFactor[j] === 0 || shrink === 0)
        signs[j] = Math.sign(value); // no absolute value in its penalty: any sign will do
      else if (Math.sign(value) !== signs[j]) {
        wanted[j] = 0; // its sign flipped: it leaves
        changed = true;
      }
    }
    for (let c = 0; c < count; c++) {
      const j = columns[c]!;
      if (factor.position[j]! >= 0 || factor.held[j]) continue;
      const g = gradient[j]!;
      if (Math.abs(g) > shrink * penaltyFactor[j]! * (1 + 1e-12)) {
        wanted[j] = 1; // violates the KKT conditions: it enters, with its gradient's sign
        signs[j] = Math.sign(g);
        changed = true;
      }
    }
    if (!changed) {
      beta.fill(0);
      for (let r = 0; r < m; r++) beta[order[r]!] = solution[r]!;
      for (let c = 0; c < count; c++) cov.gradient[columns[c]!] = gradient[columns[c]!]!;
      return true;
    }
  }
  return false;
}
