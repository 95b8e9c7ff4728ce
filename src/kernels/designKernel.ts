/**
 * The two sweeps that turn a row-major data matrix into the standardized column-major design the
 * path solvers read (src/glm/design.ts): the weighted column moments, then the centred, scaled
 * transpose (or, for the solvers that sweep rows, the same standardization kept row-major). WebAssembly SIMD (assembly/rows.ts) where it loads — several times the plain loops,
 * which matters because at n·p = 5·10⁵ these sweeps cost as much as the rest of a gaussian path —
 * and the plain loops otherwise. One module instance serves every call: its memory (twice the
 * largest small design seen; a large one goes through it a block of rows at a time) stays mapped,
 * so the next design pays no page faults.
 */
import { instantiateRowsModule, type RowsExports, reserveMemory } from "./rowsModule.js";

export interface DesignSweeps {
  /** mean_j = Σ w_i x_ij (0 without centring), squares_j = Σ w_i (x_ij − mean_j)². */
  moments(centre: boolean, mean: Float64Array, squares: Float64Array): void;
  /** out[j·n + i] = (x_ij − mean_j)·inverse_j. */
  toColumns(mean: Float64Array, inverse: Float64Array, out: Float64Array): void;
  /** out[i·p + j] = (x_ij − mean_j)·inverse_j (row-major, as the source). */
  toRows(mean: Float64Array, inverse: Float64Array, out: Float64Array): void;
}

function plainSweeps(source: Float64Array, n: number, p: number, w: Float64Array): DesignSweeps {
  return {
    moments(centre, mean, squares) {
      mean.fill(0);
      squares.fill(0);
      if (centre)
        for (let i = 0; i < n; i++) {
          const wi = w[i]!;
          const row = i * p;
          for (let j = 0; j < p; j++) mean[j]! += wi * source[row + j]!;
        }
      for (let i = 0; i < n; i++) {
        const wi = w[i]!;
        const row = i * p;
        for (let j = 0; j < p; j++) {
          const centred = source[row + j]! - mean[j]!;
          squares[j]! += wi * centred * centred;
        }
      }
    },
    toColumns(mean, inverse, out) {
      // in blocks of rows, so the rows being read stay in cache across the columns
      for (let start = 0; start < n; start += 64) {
        const end = Math.min(n, start + 64);
        for (let j = 0; j < p; j++) {
          const m = mean[j]!;
          const f = inverse[j]!;
          const column = j * n;
          for (let i = start; i < end; i++) out[column + i] = (source[i * p + j]! - m) * f;
        }
      }
    },
    toRows(mean, inverse, out) {
      for (let i = 0; i < n; i++) {
        const row = i * p;
        for (let j = 0; j < p; j++) out[row + j] = (source[row + j]! - mean[j]!) * inverse[j]!;
      }
    },
  };
}

let instance: RowsExports | null | undefined;

/**
 * Designs above this many cells (8 MB of doubles) are standardized a block of rows at a time
 * through the module's memory (which never shrinks): whole, a 100000 × 100 design kept 160 MB of
 * it mapped, and the first fit of a process paid its page faults (1.12 s against 0.70 s; warm,
 * 0.37 s either way; 0.78 s at 2^22 cells a block). Not much smaller: a block's columns are copied
 * out one by one, and a wide design's blocks are a few rows long (at 2^18 cells, 200 × 10000 took
 * 80000 copies, 59 ms).
 */
const BLOCK_CELLS = 1 << 20;

/** The sweeps over `source` (n × p, row-major) with weights w. */
export function designSweeps(source: Float64Array, n: number, p: number, w: Float64Array): DesignSweeps {
  if (n * p < 4096) return plainSweeps(source, n, p, w);
  if (instance === undefined) instance = instantiateRowsModule();
  const exports = instance;
  if (!exports) return plainSweeps(source, n, p, w);
  if (n * p > BLOCK_CELLS) return blockSweeps(exports, source, n, p, w);
  const sourceAt = 0;
  const wAt = sourceAt + 8 * n * p;
  const meanAt = wAt + 8 * n;
  const squaresAt = meanAt + 8 * p;
  const inverseAt = squaresAt + 8 * p;
  const outAt = inverseAt + 8 * p;
  const buffer = reserveMemory(exports, outAt + 8 * n * p);
  new Float64Array(buffer, sourceAt, n * p).set(source.subarray(0, n * p));
  new Float64Array(buffer, wAt, n).set(w.subarray(0, n));
  return {
    moments(centre, mean, squares) {
      exports.columnMoments(sourceAt, n, p, wAt, centre ? 1 : 0, meanAt, squaresAt);
      mean.set(new Float64Array(buffer, meanAt, p));
      squares.set(new Float64Array(buffer, squaresAt, p));
    },
    toColumns(mean, inverse, out) {
      new Float64Array(buffer, meanAt, p).set(mean);
      new Float64Array(buffer, inverseAt, p).set(inverse);
      exports.standardizeToColumns(sourceAt, n, p, meanAt, inverseAt, outAt);
      out.set(new Float64Array(buffer, outAt, n * p));
    },
    toRows(mean, inverse, out) {
      new Float64Array(buffer, meanAt, p).set(mean);
      new Float64Array(buffer, inverseAt, p).set(inverse);
      exports.standardizeRows(sourceAt, n, p, meanAt, inverseAt, outAt);
      out.set(new Float64Array(buffer, outAt, n * p));
    },
  };
}

/**
 * The sweeps of a large design: the moments by the plain loops (two passes over the rows in their
 * own order, cache-friendly), the standardization by the module a block of rows at a time (the
 * transpose is what the SIMD loops speed up), each block's columns copied to their places.
 */
function blockSweeps(
  exports: RowsExports,
  source: Float64Array,
  n: number,
  p: number,
  w: Float64Array,
): DesignSweeps {
  const plain = plainSweeps(source, n, p, w);
  const rows = Math.max(1, Math.floor(BLOCK_CELLS / p));
  const sourceAt = 0;
  const meanAt = sourceAt + 8 * rows * p;
  const inverseAt = meanAt + 8 * p;
  const outAt = inverseAt + 8 * p;
  const buffer = reserveMemory(exports, outAt + 8 * rows * p);
  const standardize = (
    mean: Float64Array,
    inverse: Float64Array,
    kernel: (count: number) => void,
    place: (block: Float64Array, start: number, count: number) => void,
  ) => {
    new Float64Array(buffer, meanAt, p).set(mean);
    new Float64Array(buffer, inverseAt, p).set(inverse);
    const into = new Float64Array(buffer, sourceAt, rows * p);
    const block = new Float64Array(buffer, outAt, rows * p);
    for (let start = 0; start < n; start += rows) {
      const count = Math.min(rows, n - start);
      into.set(source.subarray(start * p, (start + count) * p));
      kernel(count);
      place(block, start, count);
    }
  };
  return {
    moments: plain.moments,
    toColumns(mean, inverse, out) {
      standardize(
        mean,
        inverse,
        (count) => exports.standardizeToColumns(sourceAt, count, p, meanAt, inverseAt, outAt),
        // the block is column-major with `count` rows: column j's part goes to out[j·n + start …]
        // (copied in place: a view per column would allocate p of them per block)
        (block, start, count) => {
          for (let j = 0; j < p; j++) {
            const from = j * count;
            const to = j * n + start;
            for (let i = 0; i < count; i++) out[to + i] = block[from + i]!;
          }
        },
      );
    },
    toRows(mean, inverse, out) {
      standardize(
        mean,
        inverse,
        (count) => exports.standardizeRows(sourceAt, count, p, meanAt, inverseAt, outAt),
        (block, start, count) => out.set(block.subarray(0, count * p), start * p),
      );
    },
  };
}
