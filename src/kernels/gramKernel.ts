/**
 * The weighted Gram matrix G = X̃ᵀ diag(v) X̃ of a column-major design, which coordinate descent's
 * covariance mode needs afresh at every Newton step of a logistic path (new weights v each time):
 * n·p²/2 multiply-adds, the bulk of a binomial path's time. WebAssembly SIMD (assembly/rows.ts,
 * its own module instance and memory) where it loads, plain loops otherwise. The design stays in
 * the module's memory between calls for the same array, so a path copies it once.
 */
import { instantiateRowsModule, type RowsExports, WASM_PAGE } from "./rowsModule.js";

/** Writes G into `gram` (p × p); `scratch` (n numbers) holds v ⊙ x̃_j in the plain version. */
export type GramFunction = (
  x: Float64Array,
  n: number,
  p: number,
  v: Float64Array,
  gram: Float64Array,
  scratch?: Float64Array,
) => void;

export const jsGram: GramFunction = (x, n, p, v, gram, scratch) => {
  const weighted = scratch ?? new Float64Array(n);
  for (let j = 0; j < p; j++) {
    const cj = j * n;
    for (let i = 0; i < n; i++) weighted[i] = v[i]! * x[cj + i]!;
    for (let k = 0; k <= j; k++) {
      const ck = k * n;
      let dot = 0;
      for (let i = 0; i < n; i++) dot += weighted[i]! * x[ck + i]!;
      gram[j * p + k] = dot;
      gram[k * p + j] = dot;
    }
  }
};

function createWasmGram(exports: RowsExports): GramFunction {
  let resident: Float64Array | null = null;
  return (x, n, p, v, gram) => {
    const align = (count: number) => Math.ceil((count * 8) / 16) * 16;
    const xAt = 0;
    const vAt = xAt + align(n * p);
    const weightedAt = vAt + align(n);
    const gramAt = weightedAt + align(n);
    const end = gramAt + align(p * p);
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
    exports.weightedGram(xAt, n, p, vAt, weightedAt, gramAt);
    gram.set(new Float64Array(buffer, gramAt, p * p));
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
