/**
 * The two sweeps over the rows of a row-major design that the truncated-Newton GLM solver spends
 * its time in (see assembly/rows.ts for the WebAssembly SIMD version, ~2–3× the plain loops):
 *
 *   hessianTimes:  dots = X̃v + offset,  out = X̃ᵀ(d ⊙ dots),  returns Σ d ⊙ dots
 *   gradientSweep: gradient += X̃ᵀc,      diagonal += (X̃ ⊙ X̃)ᵀd
 *
 * The solver's arrays live where the kernels read them: `allocate` hands out Float64Arrays — over
 * the WebAssembly module's memory when it loads, plain ones otherwise — so a sweep copies
 * nothing. One solve at a time: the next `allocate` reuses the same memory.
 */
import { instantiateRowsModule, type RowsExports, reserveMemory } from "./rowsModule.js";

export interface RowBuffers {
  /** The design, row-major n × p. */
  x: Float64Array;
  v: Float64Array;
  out: Float64Array;
  d: Float64Array;
  dots: Float64Array;
  c: Float64Array;
  gradient: Float64Array;
  diagonal: Float64Array;
}

export interface RowKernels {
  name: "js" | "wasm";
  allocate(n: number, p: number): RowBuffers;
  hessianTimes(buffers: RowBuffers, n: number, p: number, offset: number): number;
  gradientSweep(buffers: RowBuffers, n: number, p: number): void;
}

function plainBuffers(n: number, p: number): RowBuffers {
  return {
    x: new Float64Array(n * p),
    v: new Float64Array(p),
    out: new Float64Array(p),
    d: new Float64Array(n),
    dots: new Float64Array(n),
    c: new Float64Array(n),
    gradient: new Float64Array(p),
    diagonal: new Float64Array(p),
  };
}

export const jsRowKernels: RowKernels = {
  name: "js",
  allocate: plainBuffers,
  hessianTimes({ x, v, out, d, dots }, n, p, offset) {
    out.fill(0, 0, p);
    let total = 0;
    for (let i = 0, row = 0; i < n; i++, row += p) {
      let dot = offset;
      for (let j = 0; j < p; j++) dot += x[row + j]! * v[j]!;
      dots[i] = dot;
      const scaled = d[i]! * dot;
      total += scaled;
      for (let j = 0; j < p; j++) out[j]! += scaled * x[row + j]!;
    }
    return total;
  },
  gradientSweep({ x, c, d, gradient, diagonal }, n, p) {
    for (let i = 0, row = 0; i < n; i++, row += p) {
      const ci = c[i]!;
      const di = d[i]!;
      for (let j = 0; j < p; j++) {
        const xij = x[row + j]!;
        gradient[j]! += ci * xij;
        diagonal[j]! += di * xij * xij;
      }
    }
  },
};

function createWasmRowKernels(exports: RowsExports): RowKernels {
  /** Byte offsets of each buffer of the current allocation. */
  let offsets: Record<keyof RowBuffers, number> | null = null;
  return {
    name: "wasm",
    allocate(n, p) {
      // 16-byte aligned slots, one after another
      const sizes: [keyof RowBuffers, number][] = [
        ["x", n * p],
        ["v", p],
        ["out", p],
        ["d", n],
        ["dots", n],
        ["c", n],
        ["gradient", p],
        ["diagonal", p],
      ];
      let at = 0;
      const placed = {} as Record<keyof RowBuffers, number>;
      for (const [name, count] of sizes) {
        placed[name] = at;
        at += Math.ceil((count * 8) / 16) * 16;
      }
      const buffer = reserveMemory(exports, at);
      offsets = placed;
      const view = (name: keyof RowBuffers, count: number) => new Float64Array(buffer, placed[name], count);
      return {
        x: view("x", n * p),
        v: view("v", p),
        out: view("out", p),
        d: view("d", n),
        dots: view("dots", n),
        c: view("c", n),
        gradient: view("gradient", p),
        diagonal: view("diagonal", p),
      };
    },
    hessianTimes(_buffers, n, p, offset) {
      const o = offsets!;
      return exports.hessianTimes(o.x, n, p, o.v, offset, o.d, o.out, o.dots);
    },
    gradientSweep(_buffers, n, p) {
      const o = offsets!;
      exports.gradientSweep(o.x, n, p, o.c, o.d, o.gradient, o.diagonal);
    },
  };
}

let wasm: RowKernels | null | undefined;

/** The SIMD row kernels, or the plain ones where WebAssembly with SIMD is not available. */
export function rowKernels(): RowKernels {
  if (wasm === undefined) {
    const exports = instantiateRowsModule();
    wasm = exports ? createWasmRowKernels(exports) : null;
  }
  return wasm ?? jsRowKernels;
}
