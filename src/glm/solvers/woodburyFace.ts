/**
 * The elastic net's face system through its n × n form, for active sets larger than the rows.
 *
 * With the active set F and its signs s fixed, the optimum on that face solves
 *
 *   (U_Fᵀ U_F + D) β_F = c,   U_F = V^½ X̃_F (n × m),  D = λ(1−α)·diag(pf_F),  c = b_F − λα·pf_F ⊙ s,
 *
 * an m × m system that the active-set solver (lassoActiveSet.ts) factors, m³/6 and then O(m²) per
 * column that joins. A small α on a wide design makes m run past n (n = 200, p = 10000, α = 0.01:
 * 2334 columns in the last model) and that factor the whole cost. By the Woodbury identity
 *
 *   (U_Fᵀ U_F + D)⁻¹ c = D⁻¹c − D⁻¹U_Fᵀ (I + U_F D⁻¹ U_Fᵀ)⁻¹ U_F D⁻¹c,
 *
 * the matrix to factor is n × n. Its part K = Σ_{a∈F} u_a u_aᵀ / pf_a does not depend on λ, so it
 * is kept and updated by rank one as columns enter and leave (O(n²) each); each solve factors
 * I + K/λ(1−α) (n³/6) and applies U_F twice (O(n·m)). The gradients on the working set come from
 * the fitted values, g_s = b_s − u_sᵀ(U_F β_F), O(n·|W|) instead of O(|W|·m) from the Gram.
 *
 * The pivoting is the active-set solver's: coefficients whose sign flips leave, columns outside F
 * that break |g_s| ≤ λα·pf_s enter with their gradient's sign, a few times at most; a solution is
 * taken only when it is the optimum over the working set. Otherwise nothing changes and the caller
 * goes on as before (the m × m solver or coordinate descent).
 */

import {
  createFactorWorkspace,
  type FactorWorkspace,
  releaseFactorWorkspace,
} from "../../kernels/factorKernel.js";
import { designProducts } from "../../kernels/gramKernel.js";
import { choleskySolveInPlace } from "../cholesky.js";
import type { WorkingSet } from "./workingSet.js";

/** The kept n × n matrix K over the face's columns, and the solve's buffers; one per path. */
export interface WoodburyFace {
  n: number;
  /**
   * Where K and the factor live, n × n, lower triangles: K = Σ u_a u_aᵀ / pf_a over the slots
   * flagged in `inK` in its gram, the factor of I + K/ridge in its lower. The rank-one updates of K
   * and the factorizations run there in SIMD — in JavaScript they were a third of a small-α path
   * (α = 0.01, 200 × 10000: ~2900 updates and 100 factorizations of 200 × 200).
   */
  workspace: FactorWorkspace;
  inK: Uint8Array;
  /** Rank-one updates since K was last built afresh (rounding accumulates; rebuilt past a bound). */
  updates: number;
  /** The ridge the factor was built at (NaN: none). */
  factoredRidge: number;
  /** The slots that entered (s + 1) or left (−(s + 1)) K at its last sync. */
  changes: Int32Array;
  changeCount: number;
  sqrtV: Float64Array;
  column: Float64Array;
  fitted: Float64Array;
  /** v itself (the gradients' weights) and the face's columns, slots and numbers, listed per solve. */
  v: Float64Array;
  faceColumns: Int32Array;
  faceSlots: Int32Array;
  values: Float64Array;
  dots: Float64Array;
  wanted: Uint8Array;
  signs: Float64Array;
  solution: Float64Array;
  gradient: Float64Array;
}

/** How many times the face is pivoted before giving up (as the active-set solver). */
const MAX_PIVOTS = 6;
/** Rank-one updates of K between fresh builds. */
const MAX_UPDATES = 4 * 4096;

export function createWoodburyFace(n: number, v: Float64Array): WoodburyFace {
  const workspace = createFactorWorkspace(n);
  workspace.gram.fill(0); // a reused instance's memory holds older numbers
  return {
    n,
    workspace,
    inK: new Uint8Array(0),
    updates: 0,
    factoredRidge: Number.NaN,
    changes: new Int32Array(0),
    changeCount: 0,
    sqrtV: Float64Array.from(v, (w) => Math.sqrt(w)),
    column: new Float64Array(n),
    fitted: new Float64Array(n),
    v,
    faceColumns: new Int32Array(0),
    faceSlots: new Int32Array(0),
    values: new Float64Array(0),
    dots: new Float64Array(0),
    wanted: new Uint8Array(0),
    signs: new Float64Array(0),
    solution: new Float64Array(0),
    gradient: new Float64Array(0),
  };
}

/** Slot s's u = V^½ x̃_j into `into` (face.column by default). */
function loadColumn(face: WoodburyFace, set: WorkingSet, s: number, into = face.column): Float64Array {
  const { n } = face;
  const offset = set.columnOf[s]! * n;
  for (let i = 0; i < n; i++) into[i] = face.sqrtV[i]! * set.x[offset + i]!;
  return into;
}

/** K ± u uᵀ / pf (the lower triangle; the solve reads only it), in the workspace. */
function updateKernel(face: WoodburyFace, set: WorkingSet, s: number, sign: 1 | -1): void {
  loadColumn(face, set, s, face.workspace.base);
  face.workspace.rankOneGram(face.n, sign / set.inner.penaltyFactor[s]!);
  face.updates++;
}

/** Hands the face's workspace on (see releaseFactorWorkspace). */
export function releaseWoodburyFace(face: WoodburyFace): void {
  releaseFactorWorkspace(face.workspace);
}

/** Makes K the sum over the wanted slots: rank-one updates, or afresh when rounding may have built up. */
function syncKernel(face: WoodburyFace, set: WorkingSet, size: number): void {
  if (face.updates > MAX_UPDATES) {
    face.workspace.gram.fill(0);
    face.inK.fill(0);
    face.updates = 0;
  }
  face.changeCount = 0;
  for (let s = 0; s < size; s++) {
    if (face.wanted[s] && !face.inK[s]) {
      updateKernel(face, set, s, 1);
      face.inK[s] = 1;
      face.changes[face.changeCount++] = s + 1;
    } else if (!face.wanted[s] && face.inK[s]) {
      updateKernel(face, set, s, -1);
      face.inK[s] = 0;
      face.changes[face.changeCount++] = -(s + 1);
    }
  }
}

/**
 * L·Lᵀ ± w wᵀ in place (L lower triangular, row-major n × n; w overwritten), O(n²): the rotations
 * of the classic rank-one update. False when a downdate would leave the matrix indefinite (the
 * caller then factors afresh).
 */
function rankOneUpdate(lower: Float64Array, n: number, w: Float64Array, sign: 1 | -1): boolean {
  for (let k = 0; k < n; k++) {
    const lkk = lower[k * n + k]!;
    const squared = lkk * lkk + sign * w[k]! * w[k]!;
    if (!(squared > 0)) return false;
    const r = Math.sqrt(squared);
    const c = r / lkk;
    const t = w[k]! / lkk;
    lower[k * n + k] = r;
    for (let i = k + 1; i < n; i++) {
      const lik = (lower[i * n + k]! + sign * t * w[i]!) / c;
      lower[i * n + k] = lik;
      w[i] = c * w[i]! - t * lik;
    }
  }
  return true;
}

/**
 * The factor of I + K/ridge: updated by rank one for the columns that entered or left since it
 * was built at this ridge (a pivot within one λ), else built afresh from K.
 */
function factorSystem(face: WoodburyFace, set: WorkingSet, ridge: number): boolean {
  const { n } = face;
  const { lower: system, gram: kernel } = face.workspace;
  if (face.factoredRidge === ridge && face.changeCount <= n / 4) {
    let updated = true;
    for (let c = 0; c < face.changeCount && updated; c++) {
      const code = face.changes[c]!;
      const s = Math.abs(code) - 1;
      const u = loadColumn(face, set, s);
      const scale = 1 / Math.sqrt(ridge * set.inner.penaltyFactor[s]!);
      for (let i = 0; i < n; i++) u[i]! *= scale;
      updated = rankOneUpdate(system, n, u, code > 0 ? 1 : -1);
    }
    if (updated) return true;
  }
  for (let i = 0; i < n; i++) {
    const row = i * n;
    for (let k = 0; k <= i; k++) system[row + k] = kernel[row + k]! / ridge;
    system[row + i]! += 1;
  }
  face.factoredRidge = ridge;
  if (face.workspace.factorLower(n)) return true;
  face.factoredRidge = Number.NaN;
  return false;
}

function ensureSlots(face: WoodburyFace, capacity: number): void {
  if (face.wanted.length >= capacity) return;
  const inK = new Uint8Array(capacity);
  inK.set(face.inK);
  face.inK = inK;
  face.wanted = new Uint8Array(capacity);
  face.signs = new Float64Array(capacity);
  face.solution = new Float64Array(capacity);
  face.gradient = new Float64Array(capacity);
  face.faceColumns = new Int32Array(capacity);
  face.faceSlots = new Int32Array(capacity);
  face.values = new Float64Array(capacity);
  face.dots = new Float64Array(capacity);
  face.changes = new Int32Array(capacity);
}

/**
 * Tries to solve the elastic net at λ on the working set from its current β's active set and
 * signs, through the n × n system. Only for α < 1 and an active set larger than n with every
 * factor positive (D invertible); returns false (nothing changed) otherwise or when the pivots do
 * not settle. On success the set's β and gradients hold the optimum over W.
 */
export function solveFaceByWoodbury(face: WoodburyFace, set: WorkingSet, lambda: number): boolean {
  const inner = set.inner;
  const { alpha, beta, penaltyFactor } = inner;
  const ridge = lambda * (1 - alpha);
  const shrink = lambda * alpha;
  const { n } = face;
  const size = set.size;
  if (!(ridge > 0)) return false;
  ensureSlots(face, set.capacity);
  const { wanted, signs, solution, gradient, fitted, sqrtV, faceColumns, faceSlots, values, dots } = face;
  const system = face.workspace.lower;
  const products = designProducts();
  let count = 0;
  for (let s = 0; s < size; s++) {
    wanted[s] = beta[s] !== 0 ? 1 : 0;
    signs[s] = Math.sign(beta[s]!);
    if (wanted[s] && !(penaltyFactor[s]! > 0)) return false;
    count += wanted[s]!;
  }
  if (count <= n) return false;
  const linear = set.factor.linear;
  const gramGradient = inner.covariance!.gradient;
  for (let pivot = 0; pivot < MAX_PIVOTS; pivot++) {
    syncKernel(face, set, size);
    // the n × n matrix I + K / ridge, factored (its lower triangle as K's)
    if (!factorSystem(face, set, ridge)) return false;
    // the face's columns listed, y = D⁻¹c; t = U_F y = V^½ X̃_F y (the SIMD sweep over F's columns)
    let m = 0;
    for (let s = 0; s < size; s++) {
      if (!wanted[s]) continue;
      const pf = penaltyFactor[s]!;
      faceColumns[m] = set.columnOf[s]!;
      faceSlots[m] = s;
      values[m++] = (linear[s]! - shrink * pf * signs[s]!) / (ridge * pf);
    }
    products.times(set.x, n, set.p, faceColumns, m, values, fitted);
    for (let i = 0; i < n; i++) fitted[i]! *= sqrtV[i]!;
    choleskySolveInPlace(system, n, fitted); // z = (I + U D⁻¹ Uᵀ)⁻¹ t
    for (let i = 0; i < n; i++) fitted[i]! *= sqrtV[i]!;
    // β_a = y_a − (u_aᵀ z) / (ridge·pf_a), u_aᵀz = x̃_aᵀ(V^½ z)
    products.transposeTimes(set.x, n, set.p, faceColumns, m, fitted, dots);
    for (let a = 0; a < m; a++) {
      const s = faceSlots[a]!;
      values[a]! -= dots[a]! / (ridge * penaltyFactor[s]!);
      solution[s] = values[a]!;
    }
    // every slot's gradient b_s − x̃_sᵀ V X̃_F β_F
    products.times(set.x, n, set.p, faceColumns, m, values, fitted);
    for (let i = 0; i < n; i++) fitted[i]! *= face.v[i]!;
    products.transposeTimes(set.x, n, set.p, set.columnOf, size, fitted, dots);
    for (let s = 0; s < size; s++) gradient[s] = linear[s]! - dots[s]!;
    let changed = false;
    for (let s = 0; s < size; s++) {
      if (!inner.usable[s]) continue;
      const g = gradient[s]!;
      if (wanted[s]) {
        if (Math.sign(solution[s]!) !== signs[s]) {
          wanted[s] = 0; // its sign flipped: it leaves
          changed = true;
        }
      } else if (Math.abs(g) > shrink * penaltyFactor[s]! * (1 + 1e-12)) {
        if (!(penaltyFactor[s]! > 0)) return false;
        wanted[s] = 1; // violates the KKT conditions: it enters, with its gradient's sign
        signs[s] = Math.sign(g);
        changed = true;
      }
    }
    if (!changed) {
      for (let s = 0; s < size; s++) {
        beta[s] = wanted[s] ? solution[s]! : 0;
        gramGradient[s] = gradient[s]!;
      }
      return true;
    }
  }
  return false;
}
