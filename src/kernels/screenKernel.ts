/**
 * The per-column arrays of a gradient screen (src/glm/solvers/gradientScreen.ts) and its sweep over them.
 * Where WebAssembly with SIMD loads, the arrays are views on the memory of an instance of their
 * own, sized once so they never move, and screenSettle (assembly/rows.ts) sweeps them two columns
 * per step: the sweep runs once or more per λ over every column of a wide design, and in plain
 * JavaScript it cost nearly as much as the gradients it saves (FHT n = 200, p = 10000: 18.7 ms of
 * a 0.11 s path; 7.5 ms here).
 * Elsewhere they are plain arrays and the screen's own loop sweeps them.
 */
import { instantiateRowsModule, memoryLayout, type RowsExports, reserveMemory } from "./rowsModule.js";

export interface ScreenArrays {
  /** g¹ and g² (see GradientScreen); swapReferences exchanges them. */
  newestGradient: Float64Array;
  olderGradient: Float64Array;
  baseLevel: Float64Array;
  inversePenalty: Float64Array;
  norms: Float64Array;
  penaltyFactor: Float64Array;
  usable: Uint8Array;
  exactAt: Int32Array;
  gradient: Float64Array;
  level: Float64Array;
  columns: Int32Array;
  /** Whether g¹ and g² have changed places an odd number of times (which memory holds which). */
  swapped: boolean;
  /**
   * The sweep in WebAssembly, or null (then the caller loops): lists the columns left open in
   * `columns` and returns how many; `settled` receives [largest ℓ̂ settled by the cut, largest
   * bound/threshold among the others settled].
   */
  settle:
    | ((
        p: number,
        version: number,
        c1: number,
        c2: number,
        cut: number,
        limit: number,
        drift: number,
      ) => number)
    | null;
  settled: Float64Array;
}

/** Arrays for p columns, in WebAssembly memory where it loads (unless `plain`: tests compare the two). */
export function createScreenArrays(p: number, plain = false): ScreenArrays {
  const exports = plain ? null : instantiateRowsModule();
  return exports ? wasmArrays(exports, p) : plainArrays(p);
}

/** g¹ ↔ g² (their contents stay where they are; the names change places). */
export function swapReferences(arrays: ScreenArrays): void {
  const newest = arrays.newestGradient;
  arrays.newestGradient = arrays.olderGradient;
  arrays.olderGradient = newest;
  arrays.swapped = !arrays.swapped;
}

function plainArrays(p: number): ScreenArrays {
  return {
    newestGradient: new Float64Array(p),
    olderGradient: new Float64Array(p),
    baseLevel: new Float64Array(p),
    inversePenalty: new Float64Array(p),
    norms: new Float64Array(p),
    penaltyFactor: new Float64Array(p),
    usable: new Uint8Array(p),
    exactAt: new Int32Array(p),
    gradient: new Float64Array(p),
    level: new Float64Array(p),
    columns: new Int32Array(p),
    swapped: false,
    settle: null,
    settled: new Float64Array(2),
  };
}

function wasmArrays(exports: RowsExports, p: number): ScreenArrays {
  const layout = memoryLayout();
  const take = layout.take;
  const at = {
    first: take(8 * p),
    second: take(8 * p),
    base: take(8 * p),
    inverse: take(8 * p),
    norms: take(8 * p),
    penalty: take(8 * p),
    gradient: take(8 * p),
    level: take(8 * p),
    exactAt: take(4 * p + 8), // (read two at a time: one spare)
    columns: take(4 * p),
    usable: take(p),
    out: take(16),
  };
  const buffer = reserveMemory(exports, layout.end);
  const doubles = (offset: number, length: number) => new Float64Array(buffer, offset, length);
  const arrays: ScreenArrays = {
    newestGradient: doubles(at.first, p),
    olderGradient: doubles(at.second, p),
    baseLevel: doubles(at.base, p),
    inversePenalty: doubles(at.inverse, p),
    norms: doubles(at.norms, p),
    penaltyFactor: doubles(at.penalty, p),
    usable: new Uint8Array(buffer, at.usable, p),
    exactAt: new Int32Array(buffer, at.exactAt, p),
    gradient: doubles(at.gradient, p),
    level: doubles(at.level, p),
    columns: new Int32Array(buffer, at.columns, p),
    swapped: false,
    settled: doubles(at.out, 2),
    settle: (count, version, c1, c2, cut, limit, drift) => {
      const [newest, older] = arrays.swapped ? [at.second, at.first] : [at.first, at.second];
      return exports.screenSettle(
        count,
        version,
        c1,
        c2,
        cut,
        limit,
        drift,
        newest,
        older,
        at.base,
        at.inverse,
        at.norms,
        at.penalty,
        at.usable,
        at.exactAt,
        at.gradient,
        at.level,
        at.columns,
        at.out,
      );
    },
  };
  return arrays;
}
