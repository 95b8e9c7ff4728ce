/**
 * A fresh instance of the WebAssembly module compiled from assembly/rows.ts, or null where
 * WebAssembly (with SIMD) is not available. Each caller gets its own instance, so its own memory:
 * the truncated-Newton buffers and the coordinate-descent Gram never overwrite each other.
 */
import { decodeBase64 } from "./base64.js";
import { ROWS_WASM_BASE64 } from "./rowsWasm.generated.js";

export interface RowsExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  hessianTimes(
    x: number,
    n: number,
    p: number,
    v: number,
    offset: number,
    d: number,
    out: number,
    dots: number,
  ): number;
  gradientSweep(
    x: number,
    n: number,
    p: number,
    c: number,
    d: number,
    gradient: number,
    diagonal: number,
  ): void;
  weightedGram(
    x: number,
    n: number,
    columns: number,
    m: number,
    v: number,
    weighted: number,
    gram: number,
  ): void;
  columnMoments(
    x: number,
    n: number,
    p: number,
    w: number,
    centre: number,
    mean: number,
    squares: number,
  ): void;
  standardizeToColumns(x: number, n: number, p: number, mean: number, inverse: number, out: number): void;
  standardizeRows(x: number, n: number, p: number, mean: number, inverse: number, out: number): void;
  columnsTimes(x: number, n: number, columns: number, m: number, coefficients: number, out: number): void;
  transposeTimes(x: number, n: number, columns: number, m: number, r: number, out: number): void;
  weightedSquares(x: number, n: number, p: number, v: number, out: number): void;
  weightedCross(
    x: number,
    n: number,
    rows: number,
    mr: number,
    cols: number,
    mc: number,
    v: number,
    weighted: number,
    out: number,
  ): void;
  factorRow(gram: number, lower: number, p: number, order: number, r: number, j: number): number;
  factorSolve(lower: number, p: number, m: number, x: number): void;
  gradientFromRows(
    gram: number,
    p: number,
    width: number,
    rows: number,
    m: number,
    coefficients: number,
    linear: number,
    out: number,
  ): void;
}

/** The little of the WebAssembly API used here (typed locally: the pure core has no DOM types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: RowsExports };
}

/** One 64 KiB page of WebAssembly memory. */
export const WASM_PAGE = 65536;

let compiled: object | null | undefined;

export function instantiateRowsModule(): RowsExports | null {
  const api = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  if (!api || compiled === null) return null;
  try {
    // compiled once; instances are cheap, and one that is dropped takes its memory with it
    compiled ??= new api.Module(decodeBase64(ROWS_WASM_BASE64));
    return new api.Instance(compiled, { env: { abort() {} } }).exports;
  } catch {
    compiled = null;
    return null; // no SIMD support in this engine: the plain loops it is
  }
}
