/**
 * The two sweeps that turn a row-major data matrix into the standardized column-major design the
 * path solvers read (src/glm/design.ts): the weighted column moments, then the centred, scaled
 * transpose (or, for the solvers that sweep rows, the same standardization kept row-major). WebAssembly SIMD (assembly/rows.ts) where it loads — several times the plain loops,
 * which matters because at n·p = 5·10⁵ these sweeps cost as much as the rest of a gaussian path —
 * and the plain loops otherwise. One module instance serves every call: its memory (twice the
 * largest design seen) stays mapped, so the next design pays no page faults.
 */
import { instantiateRowsModule, type RowsExports, WASM_PAGE } from "./rowsModule.js";

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

/** The sweeps over `source` (n × p, row-major) with weights w. */
export function designSweeps(source: Float64Array, n: number, p: number, w: Float64Array): DesignSweeps {
  if (n * p < 4096) return plainSweeps(source, n, p, w);
  if (instance === undefined) instance = instantiateRowsModule();
  const exports = instance;
  if (!exports) return plainSweeps(source, n, p, w);
  const sourceAt = 0;
  const wAt = sourceAt + 8 * n * p;
  const meanAt = wAt + 8 * n;
  const squaresAt = meanAt + 8 * p;
  const inverseAt = squaresAt + 8 * p;
  const outAt = inverseAt + 8 * p;
  const end = outAt + 8 * n * p;
  const missing = end - exports.memory.buffer.byteLength;
  if (missing > 0) exports.memory.grow(Math.ceil(missing / WASM_PAGE));
  const buffer = exports.memory.buffer;
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
