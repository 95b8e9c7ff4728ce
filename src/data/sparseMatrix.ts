/**
 * A sparse design in compressed sparse columns (CSC), the layout glmnet's sparse mode and
 * scikit-learn's `csc_matrix` use: column j's nonzeros are values[colPtr[j] … colPtr[j+1]), at
 * rows rowIdx[…] (0-based, increasing). Only the nonzeros are stored; a coordinate update touches
 * only its column's nonzeros, which is why sparse paths cost O(nnz) where dense ones cost O(n·p).
 */

export interface SparseMatrix {
  n: number;
  p: number;
  colPtr: Int32Array;
  rowIdx: Int32Array;
  values: Float64Array;
}

/** The design of a sparse data set: X in CSC, the target y, names for the columns. */
export interface SparseDataset {
  x: SparseMatrix;
  y: Float64Array;
  featureNames: string[];
  /** The file it came from, for messages. */
  source: string;
  targetName: string;
}

/**
 * CSC from (row, column, value) triplets in any order; explicit zeros are dropped. Throws
 * `duplicate` with the two entry indices when one (row, column) appears twice (the readers report
 * it with the file's lines): summing them, as some readers do, would hide a broken file.
 */
export function fromTriplets(
  n: number,
  p: number,
  rows: Int32Array,
  columns: Int32Array,
  values: Float64Array,
  duplicate: (first: number, second: number) => Error,
): SparseMatrix {
  const count = new Int32Array(p + 1);
  for (let e = 0; e < values.length; e++) if (values[e] !== 0) count[columns[e]! + 1]!++;
  for (let j = 0; j < p; j++) count[j + 1]! += count[j]!;
  const colPtr = count.slice();
  const next = count.slice(0, p);
  const nnz = colPtr[p]!;
  const rowIdx = new Int32Array(nnz);
  const entry = new Int32Array(nnz);
  const out = new Float64Array(nnz);
  for (let e = 0; e < values.length; e++) {
    if (values[e] === 0) continue;
    const slot = next[columns[e]!]!++;
    rowIdx[slot] = rows[e]!;
    out[slot] = values[e]!;
    entry[slot] = e;
  }
  // sort each column by row (insertion sort: columns arrive nearly sorted from row-wise files)
  for (let j = 0; j < p; j++) {
    for (let a = colPtr[j]! + 1; a < colPtr[j + 1]!; a++) {
      const row = rowIdx[a]!;
      const value = out[a]!;
      const e = entry[a]!;
      let b = a - 1;
      while (b >= colPtr[j]! && rowIdx[b]! > row) {
        rowIdx[b + 1] = rowIdx[b]!;
        out[b + 1] = out[b]!;
        entry[b + 1] = entry[b]!;
        b--;
      }
      rowIdx[b + 1] = row;
      out[b + 1] = value;
      entry[b + 1] = e;
    }
    for (let a = colPtr[j]! + 1; a < colPtr[j + 1]!; a++)
      if (rowIdx[a] === rowIdx[a - 1])
        throw duplicate(Math.min(entry[a]!, entry[a - 1]!), Math.max(entry[a]!, entry[a - 1]!));
  }
  return { n, p, colPtr, rowIdx, values: out };
}

/** The dense row-major copy (n × p): for tests and for comparing with dense paths. */
export function toDenseRows(matrix: SparseMatrix): Float64Array {
  const { n, p, colPtr, rowIdx, values } = matrix;
  const dense = new Float64Array(n * p);
  for (let j = 0; j < p; j++)
    for (let a = colPtr[j]!; a < colPtr[j + 1]!; a++) dense[rowIdx[a]! * p + j] = values[a]!;
  return dense;
}

/** CSC of a dense row-major n × p array (its nonzeros). */
export function fromDenseRows(x: Float64Array, n: number, p: number): SparseMatrix {
  let nnz = 0;
  for (let k = 0; k < x.length; k++) if (x[k] !== 0) nnz++;
  const colPtr = new Int32Array(p + 1);
  const rowIdx = new Int32Array(nnz);
  const values = new Float64Array(nnz);
  let slot = 0;
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < n; i++) {
      const v = x[i * p + j]!;
      if (v === 0) continue;
      rowIdx[slot] = i;
      values[slot++] = v;
    }
    colPtr[j + 1] = slot;
  }
  return { n, p, colPtr, rowIdx, values };
}

/** The rows listed (in increasing order), as a CSC matrix of their own: a fold's training or test rows. */
export function takeSparseRows(matrix: SparseMatrix, rows: readonly number[]): SparseMatrix {
  const { n, p, colPtr, rowIdx, values } = matrix;
  // each original row's place among the kept ones, −1 when left out
  const place = new Int32Array(n).fill(-1);
  rows.forEach((row, r) => {
    place[row] = r;
  });
  let kept = 0;
  for (let k = 0; k < values.length; k++) if (place[rowIdx[k]!]! >= 0) kept++;
  const outPtr = new Int32Array(p + 1);
  const outIdx = new Int32Array(kept);
  const outValues = new Float64Array(kept);
  let at = 0;
  for (let j = 0; j < p; j++) {
    for (let k = colPtr[j]!; k < colPtr[j + 1]!; k++) {
      const r = place[rowIdx[k]!]!;
      if (r < 0) continue;
      outIdx[at] = r;
      outValues[at++] = values[k]!;
    }
    outPtr[j + 1] = at;
  }
  return { n: rows.length, p, colPtr: outPtr, rowIdx: outIdx, values: outValues };
}
