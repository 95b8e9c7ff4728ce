/**
 * The weighted Gram matrix G = X̃ᵀ diag(v) X̃ of a column-major design — of all its columns or of
 * a chosen few, and of extra columns appended to it — which coordinate descent's covariance mode
 * needs afresh at every Newton step of a logistic path (new weights v each time): n·m²/2
 * multiply-adds, the bulk of a binomial path's time. Appending the residual and a column of ones
 * gives the gradients Xᵀ(v ⊙ r) and the sums Xᵀv in the same sweep. WebAssembly SIMD
 * (assembly/rows.ts, its own module instance and memory) where it loads, plain loops otherwise.
 * The design stays in the module's memory between calls for the same array, so a path copies it
 * once.
 */
import { instantiateRowsModule, type RowsExports, WASM_PAGE } from "./rowsModule.js";

/**
 * Writes G into `gram` (m × m, row-major) for the columns listed in `columns`: indices 0 … p − 1
 * are the design's, p, p + 1, … the `extras` (n numbers each) in order. Without `columns`: all p
 * columns and then the extras. `scratch` (n numbers) holds v ⊙ x̃_j in the plain version.
 */
export type GramFunction = (
  x: Float64Array,
  n: number,
  p: number,
  v: Float64Array,
  gram: Float64Array,
  scratch?: Float64Array,
  columns?: Int32Array,
  extras?: readonly Float64Array[],
) => void;

export const jsGram: GramFunction = (x, n, p, v, gram, scratch, columns, extras = []) => {
  const weighted = scratch ?? new Float64Array(n);
  const m = columns ? columns.length : p + extras.length;
  const source = (a: number) => {
    const index = columns ? columns[a]! : a;
    return index < p ? x.subarray(index * n, index * n + n) : extras[index - p]!;
  };
  for (let a = 0; a < m; a++) {
    const xa = source(a);
    for (let i = 0; i < n; i++) weighted[i] = v[i]! * xa[i]!;
    for (let b = 0; b <= a; b++) {
      const xb = source(b);
      // two accumulators: the additions do not wait on each other
      let even = 0;
      let odd = 0;
      let i = 0;
      for (; i + 1 < n; i += 2) {
        even += weighted[i]! * xb[i]!;
        odd += weighted[i + 1]! * xb[i + 1]!;
      }
      if (i < n) even += weighted[i]! * xb[i]!;
      gram[a * m + b] = even + odd;
      gram[b * m + a] = even + odd;
    }
  }
};

/** Rows per chunk in assembly/rows.ts's weightedGram (its scratch holds four chunks). */
const GRAM_CHUNK = 512;

function createWasmGram(exports: RowsExports): GramFunction {
  let resident: Float64Array | null = null;
  let all = new Int32Array(0);
  return (x, n, p, v, gram, _scratch, columns, extras = []) => {
    const total = p + extras.length;
    if (!columns) {
      if (all.length !== total) all = Int32Array.from({ length: total }, (_, j) => j);
      columns = all;
    }
    const m = columns.length;
    const align = (bytes: number) => Math.ceil(bytes / 16) * 16;
    // the extras follow the design's columns directly: one column-major block of n × (p + extras)
    const xAt = 0;
    const vAt = xAt + align(8 * n * total);
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
    extras.forEach((extra, e) => {
      new Float64Array(buffer, xAt + 8 * n * (p + e), n).set(extra.subarray(0, n));
    });
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
