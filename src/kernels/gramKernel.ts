/**
 * The weighted Gram matrix G = X̃ᵀ diag(v) X̃ of a column-major design — of all its columns or of
 * a chosen few — which coordinate descent's covariance mode needs afresh at every Newton step of a
 * logistic path (new weights v each time): n·m²/2 multiply-adds, the bulk of a binomial path's
 * time. WebAssembly SIMD (assembly/rows.ts, its own module instance and memory) where it loads,
 * plain loops otherwise. The design stays in the module's memory between calls for the same
 * array, so a path copies it once.
 */
import { instantiateRowsModule, type RowsExports, WASM_PAGE } from "./rowsModule.js";

/**
 * Writes G into `gram` (m × m, row-major) for the columns listed in `columns` (all p columns, in
 * order, when omitted; then m = p). `scratch` (n numbers) holds v ⊙ x̃_j in the plain version.
 */
export type GramFunction = (
  x: Float64Array,
  n: number,
  p: number,
  v: Float64Array,
  gram: Float64Array,
  scratch?: Float64Array,
  columns?: Int32Array,
) => void;

export const jsGram: GramFunction = (x, n, p, v, gram, scratch, columns) => {
  const weighted = scratch ?? new Float64Array(n);
  const m = columns ? columns.length : p;
  for (let a = 0; a < m; a++) {
    const ca = (columns ? columns[a]! : a) * n;
    for (let i = 0; i < n; i++) weighted[i] = v[i]! * x[ca + i]!;
    for (let b = 0; b <= a; b++) {
      const cb = (columns ? columns[b]! : b) * n;
      // two accumulators: the additions do not wait on each other
      let even = 0;
      let odd = 0;
      let i = 0;
      for (; i + 1 < n; i += 2) {
        even += weighted[i]! * x[cb + i]!;
        odd += weighted[i + 1]! * x[cb + i + 1]!;
      }
      if (i < n) even += weighted[i]! * x[cb + i]!;
      gram[a * m + b] = even + odd;
      gram[b * m + a] = even + odd;
    }
  }
};

/** Rows per chunk in assembly/rows.ts's weightedGram (its scratch holds four chunks). */
const GRAM_CHUNK = 512;

function createWasmGram(exports: RowsExports): GramFunction {
  let resident: Float64Array | null = null;
  let identity = new Int32Array(0);
  return (x, n, p, v, gram, _scratch, columns) => {
    if (!columns) {
      if (identity.length !== p) identity = Int32Array.from({ length: p }, (_, j) => j);
      columns = identity;
    }
    const m = columns.length;
    const align = (bytes: number) => Math.ceil(bytes / 16) * 16;
    const xAt = 0;
    const vAt = xAt + align(8 * n * p);
    const weightedAt = vAt + align(8 * n);
    const gramAt = weightedAt + align(8 * 4 * GRAM_CHUNK);
    const columnsAt = gramAt + align(8 * m * m);
    const end = columnsAt + align(4 * m);
    const missing = end - exports.memory.buffer.byteLength;
    if (missing > 0) {
      exports.memory.grow(Math.ceil(missing / WASM_PAGE));
      resident = null;
    }
    const buffer = exports.memory.buffer;
    if (resident !== x) {
      new Float64Array(buffer, xAt, n * p).set(x.subarray(0, n * p));
      resident = x;
    }
    new Float64Array(buffer, vAt, n).set(v.subarray(0, n));
    new Int32Array(buffer, columnsAt, m).set(columns);
    exports.weightedGram(xAt, n, columnsAt, m, vAt, weightedAt, gramAt);
    gram.set(new Float64Array(buffer, gramAt, m * m));
  };
}

let wasm: GramFunction | null | undefined;

/** The SIMD Gram where WebAssembly with SIMD loads, else the plain loops. */
export function gramFunction(): GramFunction {
  if (wasm === undefined) {
    const exports = instantiateRowsModule();
    wasm = exports ? createWasmGram(exports) : null;
  }
  return wasm ?? jsGram;
}
