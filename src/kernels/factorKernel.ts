/**
 * The workspace of an active-set solver (src/glm/solvers/lassoActiveSet.ts): the Gram matrix G (p × p), the Cholesky factor L of its active block, the active columns' order, and the vectors
 * of a solve — with the three O(m²)–O(p·m) operations it repeats at every λ:
 *
 *   row:      a new row of L for a column entering, by forward substitution
 *   solve:    L·Lᵀ x = b, two triangular solves
 *   gradient: g = b − Σ_r x_r·G[order_r, :], the gradients of all p columns (or of the first
 *             `width`: the slots a working set uses)
 *
 * Each workspace owns a WebAssembly module instance whose memory is sized once, for p, so the
 * arrays below are views on it that never move; the operations run there in SIMD. Plain arrays
 * and loops where WebAssembly (with SIMD) does not load. The solvers build G directly in `gram`
 * (see createActiveSetFactor in lassoActiveSet.ts), so it is never copied.
 */
import { instantiateRowsModule, type RowsExports, reserveMemory } from "./rowsModule.js";

export interface FactorWorkspace {
  gram: Float64Array;
  lower: Float64Array;
  order: Int32Array;
  solution: Float64Array;
  linear: Float64Array;
  gradient: Float64Array;
  /** Fills L[r, 0:r] for column j; returns Σ L[r, c]² (the pivot is G_jj + ridge − that). */
  row(r: number, j: number): number;
  /** solution ← (L·Lᵀ)⁻¹ solution over the first m rows. */
  solve(m: number): void;
  /**
   * gradient ← linear − Σ_{r<m} solution[r]·G[order[r], :] over the first `width` columns (all p
   * by default; the other entries of gradient keep what they had).
   */
  computeGradient(m: number, width?: number): void;
  /** The same product on arrays of its own (the factor's stay untouched): out ← base − Σ_{a<m} values[a]·G[rows[a], :]. */
  rows: Int32Array;
  values: Float64Array;
  base: Float64Array;
  out: Float64Array;
  combine(m: number, width?: number): void;
  /**
   * For a dense n × n system (n ≤ p) kept in the workspace — the wide elastic net's Woodbury
   * face (src/glm/solvers/woodburyFace.ts): gram's lower triangle += s·u uᵀ, u in `base`.
   */
  rankOneGram(n: number, s: number): void;
  /**
   * lower's own lower triangle (n × n) replaced by its Cholesky factor; false where not positive
   * definite. With `semidefinite`, a pivot at or below relative·|A_ii| (or floor) is rounding: its
   * column of L is left zero, and the factor is always made.
   */
  factorLower(n: number, semidefinite?: { relative: number; floor: number }): boolean;
}

function plainWorkspace(p: number): FactorWorkspace {
  const target = new Float64Array(p * p);
  const workspace: FactorWorkspace = {
    gram: target,
    lower: new Float64Array(p * p),
    order: new Int32Array(p),
    solution: new Float64Array(p),
    linear: new Float64Array(p),
    gradient: new Float64Array(p),
    row(r, j) {
      const { gram, lower, order } = workspace;
      const row = r * p;
      let squares = 0;
      for (let c = 0; c < r; c++) {
        let value = gram[j * p + order[c]!]!;
        const other = c * p;
        for (let k = 0; k < c; k++) value -= lower[row + k]! * lower[other + k]!;
        value /= lower[other + c]!;
        lower[row + c] = value;
        squares += value * value;
      }
      return squares;
    },
    solve(m) {
      const { lower, solution } = workspace;
      for (let r = 0; r < m; r++) {
        const row = r * p;
        let value = solution[r]!;
        for (let k = 0; k < r; k++) value -= lower[row + k]! * solution[k]!;
        solution[r] = value / lower[row + r]!;
      }
      for (let r = m - 1; r >= 0; r--) {
        const row = r * p;
        const value = solution[r]! / lower[row + r]!;
        solution[r] = value;
        for (let k = 0; k < r; k++) solution[k]! -= lower[row + k]! * value;
      }
    },
    computeGradient(m, width = p) {
      const { gram, order, solution, linear, gradient } = workspace;
      rowProducts(gram, p, width, order, m, solution, linear, gradient);
    },
    rows: new Int32Array(p),
    values: new Float64Array(p),
    base: new Float64Array(p),
    out: new Float64Array(p),
    combine(m, width = p) {
      const { gram, rows, values, base, out } = workspace;
      rowProducts(gram, p, width, rows, m, values, base, out);
    },
    rankOneGram(n, s) {
      const { gram, base } = workspace;
      for (let i = 0; i < n; i++) {
        const ui = s * base[i]!;
        if (ui === 0) continue;
        for (let k = 0; k <= i; k++) gram[i * p + k]! += ui * base[k]!;
      }
    },
    factorLower(n, semidefinite) {
      const { lower } = workspace;
      for (let i = 0; i < n; i++) {
        let squares = 0;
        for (let j = 0; j < i; j++) {
          let dot = 0;
          for (let k = 0; k < j; k++) dot += lower[i * p + k]! * lower[j * p + k]!;
          const diagonal = lower[j * p + j]!;
          const value = diagonal === 0 ? 0 : (lower[i * p + j]! - dot) / diagonal;
          lower[i * p + j] = value;
          squares += value * value;
        }
        const own = lower[i * p + i]!;
        const pivot = own - squares;
        if (!semidefinite) {
          if (!(pivot > 0)) return false;
        } else if (!(pivot > semidefinite.relative * Math.abs(own)) || !(pivot > semidefinite.floor)) {
          lower[i * p + i] = 0;
          continue;
        }
        lower[i * p + i] = Math.sqrt(pivot);
      }
      return true;
    },
  };
  return workspace;
}

/** out ← base − Σ_{a<m} values[a]·G[rows[a], 0:width] (row stride p). */
function rowProducts(
  gram: Float64Array,
  p: number,
  width: number,
  rows: Int32Array,
  m: number,
  values: Float64Array,
  base: Float64Array,
  out: Float64Array,
): void {
  out.set(base.subarray(0, width));
  for (let a = 0; a < m; a++) {
    const value = values[a]!;
    const row = rows[a]! * p;
    for (let k = 0; k < width; k++) out[k]! -= value * gram[row + k]!;
  }
}

/**
 * The last workspace released, held weakly: the next solver — the next path, a fold of a
 * cross-validation, a working set that outgrew its own — takes its module instance, laid out
 * afresh for its own p, instead of a fresh instance, unless the collector has taken it meanwhile.
 * Why it matters: memory that a process touches for the first time costs a page fault per 4 KB,
 * and on this project's machines that is ~10 µs (100 MB first written in 0.26 s, then again in
 * 3.5 ms). An instance's memory, once touched, stays so; a fresh one's 2·8·p² bytes would be
 * paged in anew at every path and later collected.
 */
let spare: WeakRef<FactorWorkspace> | null = null;

/** The module instance under each WebAssembly workspace (plain ones have none). */
const instanceOf = new WeakMap<FactorWorkspace, RowsExports>();

/**
 * Hands a workspace back for reuse once its solver is done with it. Its contents are left as they
 * are: a solver reads nothing in it that it has not written itself.
 */
export function releaseFactorWorkspace(workspace: FactorWorkspace): void {
  if (instanceOf.has(workspace)) spare = new WeakRef(workspace);
}

/** A workspace for p columns: WebAssembly SIMD where it loads, plain loops otherwise. */
export function createFactorWorkspace(p: number, plain = false): FactorWorkspace {
  if (plain) return plainWorkspace(p);
  const reused = spare?.deref();
  spare = null;
  const exports = (reused && instanceOf.get(reused)) ?? instantiateRowsModule();
  return exports ? layOut(exports, p) : plainWorkspace(p);
}

/**
 * The same workspace for a larger p (a working set's capacity): its instance laid out afresh,
 * G's first `rows` rows and columns kept (moved to the new row stride); the factor, the order
 * and the vectors are not kept. The old workspace must not be used again.
 */
export function growFactorWorkspace(workspace: FactorWorkspace, p: number, rows: number): FactorWorkspace {
  const before = workspace.order.length;
  const exports = instanceOf.get(workspace);
  const grown = exports ? layOut(exports, p) : plainWorkspace(p);
  if (exports) {
    // G sits at the start of the memory in both layouts and its rows only move up (p > before),
    // so moving them from the last down never overwrites a row not yet moved
    for (let r = rows - 1; r > 0; r--) grown.gram.copyWithin(r * p, r * before, r * before + rows);
  } else {
    for (let r = 0; r < rows; r++)
      grown.gram.set(workspace.gram.subarray(r * before, r * before + rows), r * p);
  }
  return grown;
}

/** The views and operations of a workspace for p columns on a module instance's memory. */
function layOut(exports: RowsExports, p: number): FactorWorkspace {
  const align = (bytes: number) => Math.ceil(bytes / 16) * 16;
  const gramAt = 0;
  const lowerAt = gramAt + align(8 * p * p);
  const orderAt = lowerAt + align(8 * p * p);
  const solutionAt = orderAt + align(4 * p);
  const linearAt = solutionAt + align(8 * p);
  const gradientAt = linearAt + align(8 * p);
  const rowsAt = gradientAt + align(8 * p);
  const valuesAt = rowsAt + align(4 * p);
  const baseAt = valuesAt + align(8 * p);
  const outAt = baseAt + align(8 * p);
  const end = outAt + align(8 * p);
  const buffer = reserveMemory(exports, end); // not grown again while laid out so: the views stay valid
  const target = new Float64Array(buffer, gramAt, p * p);
  const workspace: FactorWorkspace = {
    gram: target,
    lower: new Float64Array(buffer, lowerAt, p * p),
    order: new Int32Array(buffer, orderAt, p),
    solution: new Float64Array(buffer, solutionAt, p),
    linear: new Float64Array(buffer, linearAt, p),
    gradient: new Float64Array(buffer, gradientAt, p),
    row: (r, j) => exports.factorRow(gramAt, lowerAt, p, orderAt, r, j),
    solve: (m) => exports.factorSolve(lowerAt, p, m, solutionAt),
    computeGradient: (m, width = p) =>
      exports.gradientFromRows(gramAt, p, width, orderAt, m, solutionAt, linearAt, gradientAt),
    rows: new Int32Array(buffer, rowsAt, p),
    values: new Float64Array(buffer, valuesAt, p),
    base: new Float64Array(buffer, baseAt, p),
    out: new Float64Array(buffer, outAt, p),
    combine: (m, width = p) => exports.gradientFromRows(gramAt, p, width, rowsAt, m, valuesAt, baseAt, outAt),
    rankOneGram: (n, s) => exports.symmetricRankOne(gramAt, p, n, baseAt, s),
    factorLower(n, semidefinite) {
      const [relative, floor] = semidefinite ? [semidefinite.relative, semidefinite.floor] : [-1, 0];
      // in calls of about 2^20 multiply-adds each (row i costs i²/2)
      for (let start = 0; start < n; ) {
        const end = Math.min(n, start + Math.max(8, Math.ceil(2 ** 21 / Math.max(1, start * start))));
        if (exports.choleskyLower(lowerAt, p, start, end, relative, floor) !== 1) return false;
        start = end;
      }
      return true;
    },
  };
  instanceOf.set(workspace, exports);
  return workspace;
}
