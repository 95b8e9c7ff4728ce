/**
 * A Cholesky factor L (A = L Lᵀ) of a symmetric positive definite matrix whose rows and columns
 * come and go, as an active set's do along a path: appending one costs a forward solve, O(m²), and
 * deleting one a rank-one update of the rows below it, O(m²) — where factoring again costs m³/6.
 * (The classic column updates of active-set and LARS solvers; Golub & Van Loan §6.5.)
 *
 * L is lower triangular, row-major with a fixed stride (the capacity), in the order the entries
 * were appended; `keys` names each row (a column index of the design, say).
 */
export class UpdatableCholesky {
  readonly capacity: number;
  readonly factor: Float64Array;
  readonly keys: number[] = [];
  private readonly scratch: Float64Array;

  constructor(capacity: number) {
    this.capacity = capacity;
    this.factor = new Float64Array(capacity * capacity);
    this.scratch = new Float64Array(capacity);
  }

  get size(): number {
    return this.keys.length;
  }

  clear(): void {
    this.keys.length = 0;
  }

  /**
   * Appends a row and column: `cross[u]` its entries against the present rows (in their order),
   * `diagonal` its own. Returns false (and changes nothing) when the matrix would not be positive
   * definite to working precision, or the capacity is reached.
   */
  append(key: number, cross: ArrayLike<number>, diagonal: number): boolean {
    const m = this.keys.length;
    if (m === this.capacity) return false;
    const L = this.factor;
    const S = this.capacity;
    const y = this.scratch;
    let squares = 0;
    for (let i = 0; i < m; i++) {
      let sum = cross[i]!;
      const row = i * S;
      for (let k = 0; k < i; k++) sum -= L[row + k]! * y[k]!;
      y[i] = sum / L[row + i]!;
      squares += y[i]! * y[i]!;
    }
    const pivot = diagonal - squares;
    if (!(pivot > 1e-12 * Math.max(diagonal, 1e-300))) return false;
    const row = m * S;
    for (let k = 0; k < m; k++) L[row + k] = y[k]!;
    L[row + m] = Math.sqrt(pivot);
    this.keys.push(key);
    return true;
  }

  /** Deletes row and column `index`: the rows below move up, their block updated by rank one. */
  remove(index: number): void {
    const m = this.keys.length;
    const L = this.factor;
    const S = this.capacity;
    const x = this.scratch;
    // the removed column below the diagonal, then rows below moved up and columns left by one
    for (let i = index + 1; i < m; i++) x[i - index - 1] = L[i * S + index]!;
    for (let i = index + 1; i < m; i++) {
      const from = i * S;
      const to = (i - 1) * S;
      for (let k = 0; k < index; k++) L[to + k] = L[from + k]!;
      for (let k = index + 1; k <= i; k++) L[to + k - 1] = L[from + k]!;
    }
    // the trailing block T (rows/columns index … m − 2) becomes chol(T Tᵀ + x xᵀ)
    const k = m - 1 - index;
    for (let t = 0; t < k; t++) {
      const diagonalAt = (index + t) * S + index + t;
      const d = L[diagonalAt]!;
      const r = Math.hypot(d, x[t]!);
      const c = r / d;
      const s = x[t]! / d;
      L[diagonalAt] = r;
      for (let i = t + 1; i < k; i++) {
        const at = (index + i) * S + index + t;
        L[at] = (L[at]! + s * x[i]!) / c;
        x[i] = c * x[i]! - s * L[at]!;
      }
    }
    this.keys.splice(index, 1);
  }

  /** Solves A z = b in place (b in the rows' order). */
  solve(b: Float64Array): void {
    const m = this.keys.length;
    const L = this.factor;
    const S = this.capacity;
    for (let i = 0; i < m; i++) {
      let sum = b[i]!;
      const row = i * S;
      for (let k = 0; k < i; k++) sum -= L[row + k]! * b[k]!;
      b[i] = sum / L[row + i]!;
    }
    for (let i = m - 1; i >= 0; i--) {
      let sum = b[i]!;
      for (let k = i + 1; k < m; k++) sum -= L[k * S + i]! * b[k]!;
      b[i] = sum / L[i * S + i]!;
    }
  }
}
