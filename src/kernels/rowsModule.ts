/**
 * A fresh instance of the WebAssembly module compiled from assembly/rows.ts, or null where
 * WebAssembly (with SIMD) is not available. Each caller gets its own instance, so its own memory:
 * the truncated-Newton buffers and the coordinate-descent Gram never overwrite each other.
 *
 * The module comes in two builds (scripts/build-wasm.mjs): one with relaxed SIMD, whose
 * multiply-adds are fused (the Gram kernels run up to twice as fast), and one with plain SIMD. The
 * first is taken where the engine compiles it (Node ≥ 22, Chrome ≥ 114; Node 20 with
 * `--experimental-wasm-relaxed-simd`, which the reglab command sets), else the second. Fused or
 * not changes the last bits of a result, never more: every solver certifies its own answer.
 */
import { decodeBase64 } from "./base64.js";
import { ROWS_RELAXED_WASM_BASE64, ROWS_WASM_BASE64 } from "./rowsWasm.generated.js";

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
    first: number,
    last: number,
    start: number,
  ): void;
  mirrorLower(gram: number, m: number): void;
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
  faceHessianTimes(
    x: number,
    n: number,
    columns: number,
    starts: number,
    K: number,
    v: number,
    p: number,
    wp: number,
    u: number,
    out: number,
  ): void;
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
  screenSettle(
    p: number,
    version: number,
    c1: number,
    c2: number,
    cut: number,
    limit: number,
    drift: number,
    newest: number,
    older: number,
    base: number,
    inverse: number,
    norms: number,
    penalty: number,
    usable: number,
    exactAt: number,
    gradient: number,
    level: number,
    columns: number,
    out: number,
  ): number;
  /** Rows per chunk of weightedGram and weightedCross (their scratch holds four chunks). */
  gramChunk(): number;
  factorRow(gram: number, lower: number, p: number, order: number, r: number, j: number): number;
  factorSolve(lower: number, p: number, m: number, x: number): void;
  choleskyLower(a: number, p: number, start: number, end: number, relative: number, floor: number): number;
  symmetricRankOne(a: number, p: number, n: number, u: number, s: number): void;
  /** Every sparse column's dot product with v (kernels/sparseSweepKernel.ts). */
  sparseColumnDots(ptr: number, rows: number, cells: number, p: number, v: number, out: number): void;
  /** The sparse path's coordinate sweep (kernels/sparseSweepKernel.ts); returns the largest curvature·δ². */
  sparseSweep(
    ptr: number,
    rows: number,
    cells: number,
    weighted: number,
    uniform: number,
    w0: number,
    residual: number,
    positions: number,
    count: number,
    beta: number,
    mean: number,
    scale: number,
    weightedSum: number,
    curvature: number,
    l1: number,
    l2: number,
    shift: number,
    sumWr: number,
    weightTotal: number,
    out: number,
  ): number;
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

/** Grows a module's memory to hold `end` bytes (it never shrinks); returns its buffer after growing. */
export function reserveMemory(exports: RowsExports, end: number): ArrayBuffer {
  const missing = end - exports.memory.buffer.byteLength;
  if (missing > 0) exports.memory.grow(Math.ceil(missing / WASM_PAGE));
  return exports.memory.buffer;
}

/**
 * Byte offsets in a module's memory handed out one after another, each aligned to 16 bytes (a
 * SIMD load's width): how a kernel lays out its arrays there. `end` is the bytes taken so far.
 */
export function memoryLayout(): { take(bytes: number): number; readonly end: number } {
  let end = 0;
  return {
    take(bytes: number) {
      const at = end;
      end += Math.ceil(bytes / 16) * 16;
      return at;
    },
    get end() {
      return end;
    },
  };
}

/** Which build of the module instances come from: fused multiply-adds, plain SIMD, or none. */
export type RowsModuleBuild = "relaxed-simd" | "simd" | "none";

const BUILDS = { "relaxed-simd": ROWS_RELAXED_WASM_BASE64, simd: ROWS_WASM_BASE64 } as const;

/** Each build compiled at most once; null where this engine does not compile it. */
const compiled: { "relaxed-simd"?: object | null; simd?: object | null } = {};

/** The builds in the order they are tried (preferRowsModuleBuild can drop the first). */
let order: ("relaxed-simd" | "simd")[] = ["relaxed-simd", "simd"];

function wasmApi(): WasmApi | undefined {
  return (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
}

function compiledBuild(api: WasmApi, build: "relaxed-simd" | "simd"): object | null {
  if (compiled[build] === undefined) {
    try {
      compiled[build] = new api.Module(decodeBase64(BUILDS[build]));
    } catch {
      compiled[build] = null; // this engine does not know the build's features
    }
  }
  return compiled[build];
}

/**
 * A fresh instance of the best build this engine compiles; null when there is none (no
 * WebAssembly, or no SIMD: the plain loops it is).
 */
export function instantiateRowsModule(): RowsExports | null {
  const api = wasmApi();
  if (!api) return null;
  for (const candidate of order) {
    const module = compiledBuild(api, candidate);
    // compiled once; instances are cheap, and one that is dropped takes its memory with it
    if (module) return new api.Instance(module, { env: { abort() {} } }).exports;
  }
  return null;
}

/** The build instantiateRowsModule() uses in this engine. */
export function rowsModuleBuild(): RowsModuleBuild {
  const api = wasmApi();
  if (!api) return "none";
  return order.find((build) => compiledBuild(api, build)) ?? "none";
}

/**
 * Whether this engine compiles the relaxed-SIMD build — asked before anything is compiled, so a
 * host that can switch the feature on (the reglab command in Node 20) knows whether it must.
 */
export function relaxedSimdCompiles(): boolean {
  const api = wasmApi() as (WasmApi & { validate?(bytes: Uint8Array): boolean }) | undefined;
  return api?.validate?.(decodeBase64(ROWS_RELAXED_WASM_BASE64)) ?? false;
}

/**
 * Call before the first fit to have every kernel use plain SIMD even where fused multiply-adds
 * are available: the kernels then compute the same bits on every machine (a fused multiply-add
 * rounds once, and engines fuse only where the processor can).
 */
export function preferRowsModuleBuild(build: "relaxed-simd" | "simd"): void {
  order = build === "simd" ? ["simd"] : ["relaxed-simd", "simd"];
}
