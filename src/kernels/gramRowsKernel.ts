/**
 * The gradients g = b − G·β of all p columns from the rows of G that belong to the nonzero β:
 * O(p·m), the inner step of the active-set solvers (src/glm/lassoActiveSet.ts), done once per λ
 * or more. G (p × p) is copied into the module's memory when it changes — once per gaussian path,
 * once per Newton step of a logistic one, a p²-number copy against the n·p²/2 it took to build —
 * and the products run there in WebAssembly SIMD; plain loops where it does not load.
 */
import { instantiateRowsModule, type RowsExports, WASM_PAGE } from "./rowsModule.js";

export interface GramRows {
  /**
   * out = linear − Σ_a coefficients[a]·G[rows[a], :], a < m. `version` names the content of G:
   * the same array with the same version is not copied again.
   */
  gradient(
    gram: Float64Array,
    version: number,
    p: number,
    rows: Int32Array,
    m: number,
    coefficients: Float64Array,
    linear: Float64Array,
    out: Float64Array,
  ): void;
}

export const jsGramRows: GramRows = {
  gradient(gram, _version, p, rows, m, coefficients, linear, out) {
    out.set(linear.subarray(0, p));
    for (let a = 0; a < m; a++) {
      const c = coefficients[a]!;
      const row = rows[a]! * p;
      for (let k = 0; k < p; k++) out[k]! -= c * gram[row + k]!;
    }
  },
};

function createWasmGramRows(exports: RowsExports): GramRows {
  let residentArray: Float64Array | null = null;
  let residentVersion = -1;
  let size = -1;
  const align = (bytes: number) => Math.ceil(bytes / 16) * 16;
  let layout = { rows: 0, coefficients: 0, linear: 0, out: 0 };
  return {
    gradient(gram, version, p, rows, m, coefficients, linear, out) {
      if (size !== p) {
        const rowsAt = align(8 * p * p);
        const coefficientsAt = rowsAt + align(4 * p);
        const linearAt = coefficientsAt + align(8 * p);
        const outAt = linearAt + align(8 * p);
        const missing = outAt + align(8 * p) - exports.memory.buffer.byteLength;
        if (missing > 0) exports.memory.grow(Math.ceil(missing / WASM_PAGE));
        layout = { rows: rowsAt, coefficients: coefficientsAt, linear: linearAt, out: outAt };
        size = p;
        residentArray = null;
      }
      const buffer = exports.memory.buffer;
      if (residentArray !== gram || residentVersion !== version) {
        new Float64Array(buffer, 0, p * p).set(gram.subarray(0, p * p));
        residentArray = gram;
        residentVersion = version;
      }
      new Int32Array(buffer, layout.rows, m).set(rows.subarray(0, m));
      new Float64Array(buffer, layout.coefficients, m).set(coefficients.subarray(0, m));
      new Float64Array(buffer, layout.linear, p).set(linear.subarray(0, p));
      exports.gradientFromRows(0, p, layout.rows, m, layout.coefficients, layout.linear, layout.out);
      out.set(new Float64Array(buffer, layout.out, p));
    },
  };
}

let wasm: GramRows | null | undefined;

/** The SIMD version where WebAssembly with SIMD loads, else the plain loops. */
export function gramRows(): GramRows {
  if (wasm === undefined) {
    const exports = instantiateRowsModule();
    wasm = exports ? createWasmGramRows(exports) : null;
  }
  return wasm ?? jsGramRows;
}
