/**
 * The two matrix products of a dense layer, in two implementations with one interface:
 *
 *   forward:   z = a Wᵀ + b                         (rows × nOut)
 *   backward:  ∂E/∂W = (1/B) δᵀ a,  ∂E/∂b = (1/B) Σ_i δ_i,  ∂E/∂a = δ W   (the last optional)
 *
 * - jsKernels: plain loops on Float64Arrays; always available.
 * - wasmKernels: WebAssembly with 128-bit SIMD on float64 pairs (assembly/dense.ts), about 4× the
 *   plain loops on layers of a few thousand weights. The arrays are copied into the module's memory
 *   and back, O(rows·(nIn + nOut)) against O(rows·nIn·nOut) of work — and yet, measured, even a
 *   2 × 8 layer is faster this way (2-8-8-1 net: 1918 epochs/s all-JS, 3119 all-WebAssembly), so
 *   the WebAssembly kernels are used wherever they load.
 *
 * Both sum in a fixed order, so each is deterministic; they differ from each other only in rounding
 * (the SIMD version adds in two lanes), at the 1e-15 relative level.
 */
import { decodeBase64 } from "./base64.js";
import { DENSE_WASM_BASE64 } from "./denseWasm.generated.js";

export interface DenseKernels {
  name: "js" | "wasm";
  forward(
    a: Float64Array,
    w: Float64Array,
    b: Float64Array,
    z: Float64Array,
    rows: number,
    nIn: number,
    nOut: number,
  ): void;
  backward(
    dz: Float64Array,
    a: Float64Array,
    w: Float64Array,
    gradW: Float64Array,
    gradB: Float64Array,
    dA: Float64Array | null,
    rows: number,
    nIn: number,
    nOut: number,
  ): void;
}

export const jsKernels: DenseKernels = {
  name: "js",
  forward(a, w, b, z, rows, nIn, nOut) {
    for (let i = 0; i < rows; i++) {
      const rowA = i * nIn;
      for (let j = 0; j < nOut; j++) {
        let sum = b[j]!;
        const rowW = j * nIn;
        for (let k = 0; k < nIn; k++) sum += a[rowA + k]! * w[rowW + k]!;
        z[i * nOut + j] = sum;
      }
    }
  },
  backward(dz, a, w, gradW, gradB, dA, rows, nIn, nOut) {
    gradW.fill(0, 0, nOut * nIn);
    gradB.fill(0, 0, nOut);
    // One sweep per sample does both products: ∂E/∂W += δᵢ aᵢᵀ and ∂E/∂aᵢ = δᵢ W.
    for (let i = 0; i < rows; i++) {
      const rowA = i * nIn;
      if (dA) for (let k = 0; k < nIn; k++) dA[rowA + k] = 0;
      for (let j = 0; j < nOut; j++) {
        const delta = dz[i * nOut + j]!;
        gradB[j]! += delta;
        const rowW = j * nIn;
        if (dA) {
          for (let k = 0; k < nIn; k++) {
            gradW[rowW + k]! += delta * a[rowA + k]!;
            dA[rowA + k]! += delta * w[rowW + k]!;
          }
        } else {
          for (let k = 0; k < nIn; k++) gradW[rowW + k]! += delta * a[rowA + k]!;
        }
      }
    }
    const inverse = 1 / rows;
    for (let index = 0; index < nOut * nIn; index++) gradW[index]! *= inverse;
    for (let j = 0; j < nOut; j++) gradB[j]! *= inverse;
  },
};

/** The little of the WebAssembly API used here (typed locally: the pure core has no DOM types). */
interface WasmApi {
  Module: new (bytes: Uint8Array) => object;
  Instance: new (module: object, imports: object) => { exports: WasmExports };
}
interface WasmExports {
  memory: { buffer: ArrayBuffer; grow(pages: number): number };
  denseForward(a: number, w: number, b: number, z: number, rows: number, nIn: number, nOut: number): void;
  denseBackward(
    dz: number,
    a: number,
    w: number,
    gradW: number,
    gradB: number,
    dA: number,
    rows: number,
    nIn: number,
    nOut: number,
    withDA: number,
  ): void;
}

const PAGE = 65536;

function instantiate(): WasmExports | null {
  const api = (globalThis as unknown as { WebAssembly?: WasmApi }).WebAssembly;
  if (!api) return null;
  try {
    const module = new api.Module(decodeBase64(DENSE_WASM_BASE64));
    return new api.Instance(module, { env: { abort() {} } }).exports;
  } catch {
    return null; // no SIMD support in this engine: JavaScript it is
  }
}

function createWasmKernels(exports: WasmExports): DenseKernels {
  /** A Float64Array over the module's memory with room for `count` numbers (growing it if needed). */
  const heap = (count: number) => {
    const needed = count * 8 - exports.memory.buffer.byteLength;
    if (needed > 0) exports.memory.grow(Math.ceil(needed / PAGE));
    return new Float64Array(exports.memory.buffer);
  };
  return {
    name: "wasm",
    forward(a, w, b, z, rows, nIn, nOut) {
      const aAt = 0;
      const wAt = aAt + rows * nIn;
      const bAt = wAt + nOut * nIn;
      const zAt = bAt + nOut;
      const memory = heap(zAt + rows * nOut);
      memory.set(a.subarray(0, rows * nIn), aAt);
      memory.set(w.subarray(0, nOut * nIn), wAt);
      memory.set(b.subarray(0, nOut), bAt);
      exports.denseForward(aAt * 8, wAt * 8, bAt * 8, zAt * 8, rows, nIn, nOut);
      z.set(memory.subarray(zAt, zAt + rows * nOut));
    },
    backward(dz, a, w, gradW, gradB, dA, rows, nIn, nOut) {
      const dzAt = 0;
      const aAt = dzAt + rows * nOut;
      const wAt = aAt + rows * nIn;
      const gwAt = wAt + nOut * nIn;
      const gbAt = gwAt + nOut * nIn;
      const daAt = gbAt + nOut + (nOut % 2); // keep 16-byte alignment for the SIMD loads
      const memory = heap(daAt + rows * nIn);
      memory.set(dz.subarray(0, rows * nOut), dzAt);
      memory.set(a.subarray(0, rows * nIn), aAt);
      memory.set(w.subarray(0, nOut * nIn), wAt);
      exports.denseBackward(
        dzAt * 8,
        aAt * 8,
        wAt * 8,
        gwAt * 8,
        gbAt * 8,
        daAt * 8,
        rows,
        nIn,
        nOut,
        dA ? 1 : 0,
      );
      gradW.set(memory.subarray(gwAt, gwAt + nOut * nIn));
      gradB.set(memory.subarray(gbAt, gbAt + nOut));
      if (dA) dA.set(memory.subarray(daAt, daAt + rows * nIn));
    },
  };
}

let wasm: DenseKernels | null | undefined;

/** The SIMD kernels, or null where WebAssembly (with SIMD) is not available. */
export function wasmKernels(): DenseKernels | null {
  if (wasm === undefined) {
    const exports = instantiate();
    wasm = exports ? createWasmKernels(exports) : null;
  }
  return wasm;
}

/** Layers with fewer weights than this stay in JavaScript (measured: none need to; see above). */
export const WASM_MIN_WEIGHTS = 1;

export function kernelsFor(nIn: number, nOut: number): DenseKernels {
  return nIn * nOut >= WASM_MIN_WEIGHTS ? (wasmKernels() ?? jsKernels) : jsKernels;
}
