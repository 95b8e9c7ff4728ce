/**
 * The weighted Gram matrix G = X̃ᵀ diag(v) X̃ of a column-major design, which coordinate descent's
 * covariance mode needs afresh at every Newton step of a logistic path (new weights v each time):
 * n·p²/2 multiply-adds, the bulk of a binomial path's time. WebAssembly SIMD (assembly/rows.ts,
 * its own module instance and memory) where it loads, plain loops otherwise. The design stays in
 * the module's memory between calls for the same array, so a path copies it once.
 */
import { decodeBase64 } from "./base64.js";
import { ROWS_WASM_BASE64 } from "./rowsWasm.generated.js";

export type GramFunction = (
  x: Float64Array,
  n: number,
  p: number,
  v: Float64Array,
  gram: Float64Array,
) => void;

export const jsGram: GramFunction = (x, n, p, v, gram) => {
  const weighted = new Float64Array(n);
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

interface GramExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  weightedGram(x: number, n: number, p: number, v: number, weighted: number, gram: number): void;
}
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: GramExports };
}

const PAGE = 65536;

function createWasmGram(exports: GramExports): GramFunction {
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
      exports.memory.grow(Math.ceil(missing / PAGE));
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
    wasm = null;
    const api = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
    if (api) {
      try {
        const module = new api.Module(decodeBase64(ROWS_WASM_BASE64));
        wasm = createWasmGram(new api.Instance(module, { env: { abort() {} } }).exports);
      } catch {
        wasm = null;
      }
    }
  }
  return wasm ?? jsGram;
}
