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
import { dot } from "./dot.js";
import { instantiateRowsModule, type RowsExports, reserveMemory } from "./rowsModule.js";

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
      const value = dot(weighted, 0, source(b), 0, n);
      gram[a * m + b] = value;
      gram[b * m + a] = value;
    }
  }
};

/**
 * The Gram of [X̃ | extras] (m = p + extras), X̃ given by the rows it is made of: source is the
 * design as given, row-major n × p, and x̃_ij = (source[i·p + j] − centre_j)·inverse_j. For a
 * design whose X̃ is not built (design.ts, Design.rows): covariance mode reads nothing else of it.
 */
export type StreamedGramFunction = (
  source: Float64Array,
  n: number,
  p: number,
  centre: Float64Array,
  inverse: Float64Array,
  v: Float64Array,
  gram: Float64Array,
  scratch?: Float64Array,
  extras?: readonly Float64Array[],
) => void;

/** The plain loops: X̃ built here, then its Gram. */
export const jsStreamedGram: StreamedGramFunction = (
  source,
  n,
  p,
  centre,
  inverse,
  v,
  gram,
  scratch,
  extras,
) => {
  const x = new Float64Array(n * p);
  for (let j = 0; j < p; j++)
    for (let i = 0; i < n; i++) x[j * n + i] = (source[i * p + j]! - centre[j]!) * inverse[j]!;
  jsGram(x, n, p, v, gram, scratch, undefined, extras);
};

/**
 * The rectangular block out[a·mc + b] = Σ_i v_i x̃_{i,rows[a]} x̃_{i,cols[b]} (mr × mc, row-major):
 * what a kept Gram matrix needs for the columns that join it.
 */
export type CrossFunction = (
  x: Float64Array,
  n: number,
  p: number,
  v: Float64Array,
  rows: Int32Array,
  cols: Int32Array,
  out: Float64Array,
) => void;

export const jsCross: CrossFunction = (x, n, _p, v, rows, cols, out) => {
  const mc = cols.length;
  for (let a = 0; a < rows.length; a++) {
    const ra = rows[a]! * n;
    for (let b = 0; b < mc; b++) {
      const cb = cols[b]! * n;
      let dot = 0;
      for (let i = 0; i < n; i++) dot += v[i]! * x[ra + i]! * x[cb + i]!;
      out[a * mc + b] = dot;
    }
  }
};

/** How many blocks of rows a Gram's lower triangle is computed in (see the gram function below). */
const GRAM_BLOCKS = 32;

/** Products of a column-major design (n × p) with vectors, over chosen columns. */
export interface DesignProducts {
  /** out (n) = Σ_a coefficients[a]·x̃[:, columns[a]], a < m. */
  times(
    x: Float64Array,
    n: number,
    p: number,
    columns: Int32Array,
    m: number,
    coefficients: Float64Array,
    out: Float64Array,
  ): void;
  /** out[a] = x̃[:, columns[a]] · r, a < m. */
  transposeTimes(
    x: Float64Array,
    n: number,
    p: number,
    columns: Int32Array,
    m: number,
    r: Float64Array,
    out: Float64Array,
  ): void;
  /** out[j] = Σ_i v_i x̃_ij², j < p: the columns' squared v-norms. */
  squares(x: Float64Array, n: number, p: number, v: Float64Array, out: Float64Array): void;
  /**
   * The multinomial Hessian on a face times v, all classes in one sweep: u_c = X̃_{F_c} v_c, then
   * u_c ← wp_c ⊙ (u_c − Σ_d p_d ⊙ u_d), then out_c = X̃_{F_c}ᵀ u_c (v and out stacked class after
   * class as the face's columns are).
   */
  faceHessianTimes(
    x: Float64Array,
    n: number,
    p: number,
    face: FaceProduct,
    v: Float64Array,
    out: Float64Array,
  ): void;
}

/**
 * A face of the multinomial Hessian (solvers/multinomialFace.ts): class c's columns are
 * columns[starts[c] … starts[c + 1]); p and wp (= w ⊙ p) are K × n, class by class, and belong to
 * `epoch` — the WebAssembly kernel copies them once per epoch, not once per product.
 */
export interface FaceProduct {
  columns: Int32Array;
  starts: Int32Array;
  K: number;
  probability: Float64Array;
  weightedProbability: Float64Array;
  epoch: number;
  /** Scratch, K × n (the plain loops' u). */
  u: Float64Array;
}

export const jsProducts: DesignProducts = {
  times(x, n, _p, columns, m, coefficients, out) {
    out.fill(0, 0, n);
    for (let a = 0; a < m; a++) {
      const b = coefficients[a]!;
      const column = columns[a]! * n;
      for (let i = 0; i < n; i++) out[i]! += b * x[column + i]!;
    }
  },
  transposeTimes(x, n, _p, columns, m, r, out) {
    for (let a = 0; a < m; a++) out[a] = dot(x, columns[a]! * n, r, 0, n);
  },
  squares(x, n, p, v, out) {
    for (let j = 0; j < p; j++) {
      let sum = 0;
      for (let i = 0; i < n; i++) sum += v[i]! * x[j * n + i]! * x[j * n + i]!;
      out[j] = sum;
    }
  },
  faceHessianTimes(x, n, _p, face, v, out) {
    const { columns, starts, K, probability, weightedProbability, u } = face;
    u.fill(0, 0, K * n);
    for (let c = 0; c < K; c++)
      for (let a = starts[c]!; a < starts[c + 1]!; a++) {
        const b = v[a]!;
        const column = columns[a]! * n;
        for (let i = 0; i < n; i++) u[c * n + i]! += b * x[column + i]!;
      }
    for (let i = 0; i < n; i++) {
      let s = 0;
      for (let c = 0; c < K; c++) s += probability[c * n + i]! * u[c * n + i]!;
      for (let c = 0; c < K; c++) u[c * n + i] = weightedProbability[c * n + i]! * (u[c * n + i]! - s);
    }
    for (let c = 0; c < K; c++)
      for (let a = starts[c]!; a < starts[c + 1]!; a++) out[a] = dot(x, columns[a]! * n, u, c * n, n);
  },
};

/**
 * One module instance holding one design at a time (copied in once per array), laid out for
 * everything done with it: [X̃ | 2 extra columns] then v, the Gram's scratch, a column list,
 * coefficients, two vectors, and last the Gram or cross block asked for (memory grown to fit it).
 */
function createWasmDesign(exports: RowsExports): {
  gram: GramFunction;
  cross: CrossFunction;
  products: DesignProducts;
  streamed: StreamedGramFunction;
} {
  let resident: Float64Array | null = null;
  let shape = "";
  let all = new Int32Array(0);
  let layout = { v: 0, weighted: 0, columns: 0, coefficients: 0, vector: 0, out: 0, matrix: 0 };
  // the face probabilities last copied after the matrix area (a Gram or cross block overwrites them)
  let faceCopied: FaceProduct | null = null;
  let faceEpoch = -1;
  const align = (bytes: number) => Math.ceil(bytes / 16) * 16;
  /** Grows the memory to hold `end` bytes (a Gram of the wide designs' few columns, say). */
  const reserve = (end: number) => reserveMemory(exports, end);
  const place = (x: Float64Array, n: number, p: number) => {
    if (shape !== `${n}x${p}`) {
      shape = `${n}x${p}`;
      const v = align(8 * n * (p + 2));
      const weighted = v + align(8 * n);
      // weightedGram's scratch holds four of its row chunks
      const columns = weighted + align(8 * 4 * exports.gramChunk());
      const coefficients = columns + align(4 * 2 * (p + 2));
      const vector = coefficients + align(8 * (p + 2));
      const out = vector + align(8 * n);
      // the Gram or cross block last, sized when one is asked for: a wide design's (p² numbers at
      // p = 30000 would be 7 GB) is never built whole
      const matrix = out + align(8 * Math.max(n, p + 2));
      layout = { v, weighted, columns, coefficients, vector, out, matrix };
      reserve(matrix);
      faceCopied = null;
      resident = null;
    }
    if (resident !== x) {
      new Float64Array(exports.memory.buffer, 0, n * p).set(x.subarray(0, n * p));
      resident = x;
    }
    return exports.memory.buffer;
  };
  const gram: GramFunction = (x, n, p, v, out, scratch, columns, extras = []) => {
    // the module's memory holds two extra columns after the design (a residual and the ones); more
    // would overwrite the weights that follow, so they take the plain loops
    if (extras.length > 2) return jsGram(x, n, p, v, out, scratch, columns, extras);
    const total = p + extras.length;
    if (!columns) {
      if (all.length !== total) all = Int32Array.from({ length: total }, (_, j) => j);
      columns = all;
    }
    const m = columns.length;
    place(x, n, p);
    faceCopied = null;
    reserve(layout.matrix + 8 * m * m);
    const buffer = exports.memory.buffer;
    // the extras follow the design's columns directly: one column-major block of n × (p + extras)
    extras.forEach((extra, e) => {
      new Float64Array(buffer, 8 * n * (p + e), n).set(extra.subarray(0, n));
    });
    new Float64Array(buffer, layout.v, n).set(v.subarray(0, n));
    new Int32Array(buffer, layout.columns, m).set(columns);
    // Chunk by chunk of the design's rows, and within each by blocks of G's rows of about equal
    // work (row a costs a + 1 dots): see weightedGram in assembly/rows.ts for why. V8 runs a
    // module first on baseline code, 2–3× slower here, and swaps in optimized code between calls:
    // one call for the whole Gram would run on baseline code to its end on a first path.
    new Float64Array(buffer, layout.matrix, m * m).fill(0);
    const chunk = exports.gramChunk();
    for (let start = 0; start < n; start += chunk) addChunk(layout, 0, n, m, start);
    exports.mirrorLower(layout.matrix, m);
    out.set(new Float64Array(buffer, layout.matrix, m * m));
  };
  /**
   * Adds one chunk of rows (gramChunk() of them from `start`, of columns `stride` apart from
   * `xAt`) to the Gram in the matrix area, by bands of G's rows of about equal work (row a costs
   * a + 1 dots).
   */
  const addChunk = (
    at: { columns: number; v: number; weighted: number; matrix: number },
    xAt: number,
    stride: number,
    m: number,
    start: number,
  ) => {
    const dotsPerCall = (m * (m + 1)) / 2 / GRAM_BLOCKS;
    for (let first = 0; first < m; ) {
      // rows first … last − 1 take about (last² − first²)/2 dots
      const rows = Math.sqrt(first * first + 2 * dotsPerCall) - first;
      const last = Math.min(m, first + Math.max(4, Math.ceil(rows / 4) * 4));
      exports.weightedGram(xAt, stride, at.columns, m, at.v, at.weighted, at.matrix, first, last, start);
      first = last;
    }
  };
  /**
   * The Gram of [X̃ | extras] where X̃ is not built: each chunk of the rows as given is copied in,
   * centred, scaled and transposed there (standardizeToColumns, as the design's own sweeps do),
   * and added — the same chunks, the same operations in the same order as the Gram of the built
   * X̃, so the same bits, in memory for one chunk instead of the whole design.
   */
  const streamed: StreamedGramFunction = (source, n, p, centre, inverse, v, out, _scratch, extras = []) => {
    const m = p + extras.length;
    const chunk = exports.gramChunk();
    const rows = Math.min(chunk, n);
    const raw = 0;
    const window = raw + align(8 * rows * p);
    const weights = window + align(8 * rows * m);
    const weighted = weights + align(8 * rows);
    const columns = weighted + align(8 * 4 * chunk);
    const centreAt = columns + align(4 * m);
    const inverseAt = centreAt + align(8 * p);
    const matrix = inverseAt + align(8 * p);
    // the memory no longer holds a placed design: the next call that needs one copies it again
    shape = "";
    resident = null;
    faceCopied = null;
    const buffer = reserve(matrix + 8 * m * m); // not grown again below
    const at = { columns, v: weights, weighted, matrix };
    new Int32Array(buffer, columns, m).set(Int32Array.from({ length: m }, (_, j) => j));
    new Float64Array(buffer, centreAt, p).set(centre.subarray(0, p));
    new Float64Array(buffer, inverseAt, p).set(inverse.subarray(0, p));
    new Float64Array(buffer, matrix, m * m).fill(0);
    for (let start = 0; start < n; start += chunk) {
      const count = Math.min(chunk, n - start);
      new Float64Array(buffer, raw, count * p).set(source.subarray(start * p, (start + count) * p));
      exports.standardizeToColumns(raw, count, p, centreAt, inverseAt, window);
      for (let e = 0; e < extras.length; e++)
        new Float64Array(buffer, window + 8 * count * (p + e), count).set(
          extras[e]!.subarray(start, start + count),
        );
      new Float64Array(buffer, weights, count).set(v.subarray(start, start + count));
      addChunk(at, window, count, m, 0);
    }
    exports.mirrorLower(matrix, m);
    out.set(new Float64Array(buffer, matrix, m * m));
  };
  const cross: CrossFunction = (x, n, p, v, rows, cols, out) => {
    const mr = rows.length;
    const mc = cols.length;
    // rows and cols share the column-list area (it holds 2(p + 2) indices; mr + mc ≤ 2p here),
    // the result goes to the matrix area
    if (mr + mc > 2 * (p + 2)) return jsCross(x, n, p, v, rows, cols, out);
    place(x, n, p);
    faceCopied = null;
    reserve(layout.matrix + 8 * mr * mc);
    const buffer = exports.memory.buffer;
    new Int32Array(buffer, layout.columns, mr).set(rows);
    new Int32Array(buffer, layout.columns + 4 * mr, mc).set(cols);
    new Float64Array(buffer, layout.v, n).set(v.subarray(0, n));
    exports.weightedCross(
      0,
      n,
      layout.columns,
      mr,
      layout.columns + 4 * mr,
      mc,
      layout.v,
      layout.weighted,
      layout.matrix,
    );
    out.set(new Float64Array(buffer, layout.matrix, mr * mc));
  };
  const products: DesignProducts = {
    times(x, n, p, columns, m, coefficients, out) {
      const buffer = place(x, n, p);
      new Int32Array(buffer, layout.columns, m).set(columns.subarray(0, m));
      new Float64Array(buffer, layout.coefficients, m).set(coefficients.subarray(0, m));
      exports.columnsTimes(0, n, layout.columns, m, layout.coefficients, layout.out);
      out.set(new Float64Array(buffer, layout.out, n));
    },
    transposeTimes(x, n, p, columns, m, r, out) {
      const buffer = place(x, n, p);
      new Int32Array(buffer, layout.columns, m).set(columns.subarray(0, m));
      new Float64Array(buffer, layout.vector, n).set(r.subarray(0, n));
      exports.transposeTimes(0, n, layout.columns, m, layout.vector, layout.out);
      out.set(new Float64Array(buffer, layout.out, m).subarray(0, m), 0);
    },
    faceHessianTimes(x, n, p, face, v, out) {
      const { K } = face;
      const total = face.starts[K]!;
      place(x, n, p);
      // after the matrix area: starts, columns (room for every class's p + 2), p and w·p, u, v, out
      const startsAt = layout.matrix;
      const columnsAt = startsAt + align(4 * (K + 1));
      const pAt = columnsAt + align(4 * K * (p + 2));
      const wpAt = pAt + align(8 * K * n);
      const uAt = wpAt + align(8 * K * n);
      const vAt = uAt + align(8 * K * n);
      const outAt = vAt + align(8 * K * (p + 2));
      reserve(outAt + 8 * K * (p + 2));
      const buffer = exports.memory.buffer;
      if (faceCopied !== face || faceEpoch !== face.epoch) {
        new Float64Array(buffer, pAt, K * n).set(face.probability.subarray(0, K * n));
        new Float64Array(buffer, wpAt, K * n).set(face.weightedProbability.subarray(0, K * n));
        faceCopied = face;
        faceEpoch = face.epoch;
      }
      new Int32Array(buffer, startsAt, K + 1).set(face.starts.subarray(0, K + 1));
      new Int32Array(buffer, columnsAt, total).set(face.columns.subarray(0, total));
      new Float64Array(buffer, vAt, total).set(v.subarray(0, total));
      exports.faceHessianTimes(0, n, columnsAt, startsAt, K, vAt, pAt, wpAt, uAt, outAt);
      out.set(new Float64Array(buffer, outAt, total));
    },
    squares(x, n, p, v, out) {
      const buffer = place(x, n, p);
      new Float64Array(buffer, layout.vector, n).set(v.subarray(0, n));
      exports.weightedSquares(0, n, p, layout.vector, layout.out);
      out.set(new Float64Array(buffer, layout.out, p));
    },
  };
  return { gram, cross, products, streamed };
}

let wasm:
  | { gram: GramFunction; cross: CrossFunction; products: DesignProducts; streamed: StreamedGramFunction }
  | null
  | undefined;

function wasmDesign() {
  if (wasm === undefined) {
    const exports = instantiateRowsModule();
    wasm = exports ? createWasmDesign(exports) : null;
  }
  return wasm;
}

/** The SIMD Gram where WebAssembly with SIMD loads, else the plain loops. */
export function gramFunction(): GramFunction {
  return wasmDesign()?.gram ?? jsGram;
}

/** The SIMD Gram streamed from a design's rows where WebAssembly with SIMD loads, else the plain loops. */
export function streamedGramFunction(): StreamedGramFunction {
  return wasmDesign()?.streamed ?? jsStreamedGram;
}

/** The SIMD rectangular Gram block where WebAssembly with SIMD loads, else the plain loops. */
export function crossFunction(): CrossFunction {
  return wasmDesign()?.cross ?? jsCross;
}

/** The SIMD design products where WebAssembly with SIMD loads (sharing the Gram's copy of X̃). */
export function designProducts(): DesignProducts {
  return wasmDesign()?.products ?? jsProducts;
}
