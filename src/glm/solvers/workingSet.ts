/**
 * A working set W of a design's columns, held compactly: the penalized quadratic restricted to W
 * as a coordinate-descent state over |W| slots (slot s ↔ column columnOf[s]) in covariance mode,
 * its Gram matrix G_WW (weights v) in an active-set factor's workspace with stride `capacity`.
 * The exact solvers (lassoActiveSet.ts, coordinateDescent.ts) run on it as on any small problem,
 * whatever p is: memory and every per-solve sweep are O(|W|²), not O(p²) or O(p·|W|). This is how
 * working-set solvers (celer, skglm, blitz) meet wide designs; the caller keeps the columns
 * outside W in check with the full gradient.
 *
 * W only grows (a column that joins stays: its coefficient may be zero), and the capacity doubles
 * as it does, up to WORKING_SET_MAX columns.
 */

import { growFactorWorkspace } from "../../kernels/factorKernel.js";
import { crossFunction, gramFunction } from "../../kernels/gramKernel.js";
import type { QuadraticState } from "./coordinateDescent.js";
import { type ActiveSetFactor, createActiveSetFactor, releaseActiveSetFactor } from "./lassoActiveSet.js";

/** The most columns a working set holds: its G and factor take 2·8·WORKING_SET_MAX² bytes (256 MB). */
export const WORKING_SET_MAX = 4096;

export interface WorkingSet {
  /** The design: n × p, column-major, and its columns' penalty factors. */
  n: number;
  p: number;
  x: Float64Array;
  penaltyFactor: Float64Array;
  /** Slot ↔ column. */
  columnOf: Int32Array;
  slotOf: Int32Array;
  size: number;
  capacity: number;
  /** The quadratic over the slots: v and r (n) are the design's weights and working residual. */
  inner: QuadraticState;
  factor: ActiveSetFactor;
  /** Blocks of G on their way in (see ensureGram). */
  scratch: Float64Array;
  /** G (and xv) hold the slots before this one; the slots from it on joined without (addColumns). */
  gramSize: number;
}

/** An inner state of `capacity` slots (none in use), with weights v shared with the caller. */
function innerState(
  n: number,
  capacity: number,
  alpha: number,
  v: Float64Array,
  r: Float64Array,
): QuadraticState {
  const inner: QuadraticState = {
    n,
    p: capacity,
    x: new Float64Array(0), // covariance mode reads G, never the design
    v,
    xv: new Float64Array(capacity),
    r,
    beta: new Float64Array(capacity),
    intercept: 0,
    fitIntercept: false,
    alpha,
    penaltyFactor: new Float64Array(capacity),
    usable: new Uint8Array(capacity), // slots in use
    ever: new Uint8Array(capacity),
    strong: new Uint8Array(capacity),
    covariance: {
      gram: new Float64Array(0), // G_WW lives in the factor's workspace (createActiveSetFactor)
      gradient: new Float64Array(capacity),
      vx: new Float64Array(capacity),
      gradient0: 0,
      vSum: 0,
      weighted: new Float64Array(n),
      ones: new Float64Array(n).fill(1),
      extended: new Float64Array(0),
    },
  };
  return inner;
}

export function createWorkingSet(
  x: Float64Array,
  n: number,
  p: number,
  v: Float64Array,
  r: Float64Array,
  alpha: number,
  penaltyFactor: Float64Array,
  capacity = 128,
): WorkingSet {
  const inner = innerState(n, capacity, alpha, v, r);
  return {
    n,
    p,
    x,
    penaltyFactor,
    columnOf: new Int32Array(capacity),
    slotOf: new Int32Array(p).fill(-1),
    size: 0,
    capacity,
    inner,
    factor: createActiveSetFactor(inner),
    scratch: new Float64Array(0),
    gramSize: 0,
  };
}

/**
 * Moves the set to a larger capacity (its factor starts afresh; the next solve refactors). G's
 * rows move within the workspace's own memory, which only grows: memory a process touches for the
 * first time costs ~10 µs per 4 KB here, and a fresh workspace per move paged in G once more.
 */
function grow(set: WorkingSet, needed: number): void {
  // doubling while the set is small; past 1024 slots by half, since G and its factor take
  // 16·capacity² bytes
  const step = set.capacity < 1024 ? 2 * set.capacity : Math.ceil((1.5 * set.capacity) / 64) * 64;
  const capacity = Math.min(WORKING_SET_MAX, Math.max(needed, step));
  const { size } = set;
  const old = set.inner;
  const linear = set.factor.linear.slice(0, size); // before the workspace is laid out again
  const inner = innerState(set.n, capacity, old.alpha, old.v, old.r);
  // (G's rows that are built: the slots past gramSize have none yet)
  const factor = createActiveSetFactor(
    inner,
    growFactorWorkspace(set.factor.workspace, capacity, set.gramSize),
  );
  const from = old.covariance!;
  const to = inner.covariance!;
  for (const name of ["xv", "beta", "penaltyFactor"] as const) inner[name].set(old[name].subarray(0, size));
  for (const name of ["usable", "ever"] as const) inner[name].set(old[name].subarray(0, size));
  to.gradient.set(from.gradient.subarray(0, size));
  to.vx.set(from.vx.subarray(0, size));
  to.gradient0 = from.gradient0;
  to.vSum = from.vSum;
  factor.linear.set(linear);
  const columnOf = new Int32Array(capacity);
  columnOf.set(set.columnOf.subarray(0, size));
  set.columnOf = columnOf;
  set.capacity = capacity;
  set.inner = inner;
  set.factor = factor;
}

/**
 * Adds the listed columns (not in W yet) at the current weights v. With `withGram` their blocks
 * of G against W and among themselves and their xv are built now (ensureGram); without, the caller
 * builds them before anything reads them — by ensureGram (a caller that may never need them: the
 * Woodbury face reads none) or by rebuildGram (a logistic path's new Hessian). Returns
 * the first new slot; the caller sets the new slots' gradients and linear terms. Columns beyond
 * WORKING_SET_MAX are left out (returns how many joined as well).
 */
export function addColumns(
  set: WorkingSet,
  columns: Int32Array,
  count: number,
  withGram = true,
): { first: number; added: number } {
  const first = set.size;
  const added = Math.min(count, WORKING_SET_MAX - first);
  if (added <= 0) return { first, added: 0 };
  if (first + added > set.capacity) grow(set, first + added);
  const { inner } = set;
  for (let a = 0; a < added; a++) {
    const s = first + a;
    const j = columns[a]!;
    inner.penaltyFactor[s] = set.penaltyFactor[j]!;
    inner.usable[s] = 1;
    inner.beta[s] = 0;
    set.columnOf[s] = j;
    set.slotOf[j] = s;
  }
  set.size = first + added;
  if (withGram) ensureGram(set);
  return { first, added };
}

/**
 * Builds G's blocks for the slots added since G was last complete — against the slots before
 * them and among themselves — and their xv = diag(G), at the current weights v.
 */
export function ensureGram(set: WorkingSet): void {
  const first = set.gramSize;
  const added = set.size - first;
  if (added <= 0) return;
  const { n, p, x, capacity, inner } = set;
  const joining = set.columnOf.subarray(first, set.size);
  const cov = inner.covariance!;
  const gram = cov.gram;
  if (first > 0) {
    const block = scratch(set, added * first);
    crossFunction()(x, n, p, inner.v, joining, set.columnOf.subarray(0, first), block);
    // the new rows, then the new columns row by row: written down the column, each value would
    // land in its own cache line (rows are `capacity` apart)
    for (let a = 0; a < added; a++)
      gram.set(block.subarray(a * first, (a + 1) * first), (first + a) * capacity);
    for (let t = 0; t < first; t++) {
      const row = t * capacity + first;
      for (let a = 0; a < added; a++) gram[row + a] = block[a * first + t]!;
    }
  }
  const square = scratch(set, added * added);
  gramFunction()(x, n, p, inner.v, square, cov.weighted, joining);
  for (let a = 0; a < added; a++) {
    const s = first + a;
    for (let b = 0; b < added; b++) gram[s * capacity + first + b] = square[a * added + b]!;
    inner.xv[s] = square[a * added + a]!;
  }
  set.gramSize = set.size;
}

/**
 * The set's scratch for a block of G (`length` numbers), kept from join to join: a fresh array
 * per join (up to 500 × 2000 numbers at a small α) was memory touched for the first time each
 * time, ~10 µs per 4 KB here.
 */
function scratch(set: WorkingSet, length: number): Float64Array {
  if (set.scratch.length < length) set.scratch = new Float64Array(Math.max(length, 2 * set.scratch.length));
  return set.scratch.subarray(0, length);
}

/**
 * Rebuilds G_WW at the current weights v (a logistic path's new Hessian) and with it, in the same
 * sweep over [X̃_W, r, 1]: the gradients X̃_Wᵀ V r, vx = X̃_Wᵀ v, Σ v r and Σ v, and xv = diag(G).
 */
export function rebuildGram(set: WorkingSet): void {
  const { n, p, x, size, capacity, inner } = set;
  const cov = inner.covariance!;
  const m = size + 2;
  const list = new Int32Array(m);
  list.set(set.columnOf.subarray(0, size));
  list[size] = p; // r
  list[size + 1] = p + 1; // 1
  if (cov.extended.length < m * m) cov.extended = new Float64Array(Math.max(m * m, 2 * cov.extended.length));
  const extended = cov.extended;
  gramFunction()(x, n, p, inner.v, extended, cov.weighted, list, [inner.r, cov.ones]);
  const gram = cov.gram;
  for (let s = 0; s < size; s++) {
    const row = s * m;
    gram.set(extended.subarray(row, row + size), s * capacity);
    cov.gradient[s] = extended[row + size]!;
    cov.vx[s] = extended[row + size + 1]!;
    inner.xv[s] = extended[row + s]!;
  }
  cov.gradient0 = extended[size * m + size + 1]!;
  cov.vSum = extended[(size + 1) * m + size + 1]!;
  set.gramSize = size;
}

/**
 * How many of the `count` columns listed should join W now: all of them, or — when they are more
 * than W holds already (64 at least) and α > 0 — that many, those with the largest |g_j|/pf_j
 * (unpenalized ones first), moved to the front of the list. So W at most doubles per join, and a
 * coarse λ grid, whose strong rule keeps nearly every column, does not fill it with columns that
 * stay out of the model (the checks outside W bring in any that belong).
 */
export function rankJoining(
  set: WorkingSet,
  columns: Int32Array,
  count: number,
  gradient: Float64Array,
): number {
  const room = Math.max(64, set.size);
  if (count <= room || !(set.inner.alpha > 0)) return count;
  const pf = set.penaltyFactor;
  const score = (j: number) => (pf[j] === 0 ? Number.POSITIVE_INFINITY : Math.abs(gradient[j]!) / pf[j]!);
  const ranked = Array.from(columns.subarray(0, count)).sort((a, b) => score(b) - score(a));
  columns.set(ranked);
  return room;
}

/** (G_WW β)_s over the nonzero coefficients. */
export function gramTimesBeta(set: WorkingSet, s: number): number {
  const { inner, capacity, size } = set;
  const gram = inner.covariance!.gram;
  let sum = 0;
  for (let t = 0; t < size; t++) if (inner.beta[t] !== 0) sum += gram[s * capacity + t]! * inner.beta[t]!;
  return sum;
}

/** The nonzero coefficients as columns and values (for X̃β); returns how many. */
export function nonzeroCoefficients(set: WorkingSet, columns: Int32Array, values: Float64Array): number {
  let m = 0;
  for (let s = 0; s < set.size; s++) {
    const b = set.inner.beta[s]!;
    if (b === 0) continue;
    columns[m] = set.columnOf[s]!;
    values[m++] = b;
  }
  return m;
}

/** Writes the coefficients of W into a vector over all p columns (the others are zero). */
export function scatterCoefficients(set: WorkingSet, beta: Float64Array): void {
  beta.fill(0);
  for (let s = 0; s < set.size; s++) beta[set.columnOf[s]!] = set.inner.beta[s]!;
}

/** Hands the workspace on (at the end of a path). */
export function releaseWorkingSet(set: WorkingSet): void {
  releaseActiveSetFactor(set.factor);
}
