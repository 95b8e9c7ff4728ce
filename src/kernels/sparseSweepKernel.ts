/**
 * The sparse path's coordinate sweep (src/glm/sparsePath.ts) in WebAssembly: assembly/rows.ts's
 * sparseSweep, run on copies of the packed strong columns kept in a module instance of its own.
 * Why: the sweep's inner loops gather the residual at each nonzero's row, and JavaScript checks
 * every such index against the array's length; the WebAssembly loop does not (its memory is
 * guarded), which halves the sweep's time (a 20000 × 100000 design's path: 77 % of it sweeps).
 * The operations and their order are the JavaScript loop's, so the results are the same bits.
 *
 * The path keeps its own arrays and tells the kernel what changed: columns packed (`pack`, from
 * the first new position), weights changed (`weigh`), a column's (Wx)_j and curvature computed
 * for new weights (`setColumn`). Each sweep copies in the residual and the swept columns' β, and
 * copies both back.
 * Null where WebAssembly is not available: the path's own loop runs then.
 */
import { instantiateRowsModule, memoryLayout, type RowsExports, reserveMemory } from "./rowsModule.js";

/**
 * The most bytes a kernel here copies into its module's memory: beyond, the copy would add a
 * gigabyte to a design that large already, and WebAssembly's memory stops at 4 GB.
 */
const COPY_MOST = 2 ** 30;

/** The module's memory grown to `end` bytes, or null where that passes COPY_MOST or cannot be had. */
function reserveWithin(exports: RowsExports, end: number): ArrayBuffer | null {
  if (end > COPY_MOST) return null;
  try {
    return reserveMemory(exports, end);
  } catch {
    return null; // (memory.grow refused: the engine's limit, or the machine's)
  }
}

/** What one sweep returns beside the largest curvature·δ² (the path's sweep reads them back). */
export interface SweepState {
  violation: number;
  shift: number;
  weightedResidual: number;
}

/** Byte offsets of the arrays in the instance's memory, for `columns` positions and `cells` nonzeros. */
function layoutFor(n: number, columns: number, cells: number) {
  const layout = memoryLayout();
  const take = layout.take;
  return {
    ptr: take(4 * (columns + 1)),
    list: take(4 * columns),
    beta: take(8 * columns),
    mean: take(8 * columns),
    scale: take(8 * columns),
    weightedSum: take(8 * columns),
    curvature: take(8 * columns),
    residual: take(8 * n),
    out: take(8 * 4),
    rows: take(4 * cells),
    cells: take(8 * cells),
    weighted: take(8 * cells),
    end: () => layout.end,
  };
}

export class SparseSweepKernel {
  private layout: ReturnType<typeof layoutFor>;
  private columnCapacity = 0;
  private cellCapacity = 0;
  private buffer: ArrayBuffer;
  private readonly state: SweepState = { violation: 0, shift: 0, weightedResidual: 0 };

  private constructor(
    private readonly exports: RowsExports,
    private readonly n: number,
    private readonly uniform: boolean,
  ) {
    this.layout = layoutFor(n, 0, 0);
    this.buffer = exports.memory.buffer;
  }

  /** A kernel for a design of n rows (uniform: the gaussian family's equal weights), or null. */
  static create(n: number, uniform: boolean): SparseSweepKernel | null {
    const exports = instantiateRowsModule();
    if (!exports) return null;
    return new SparseSweepKernel(exports, n, uniform);
  }

  private f64(at: number, length: number) {
    return new Float64Array(this.buffer, at, length);
  }

  private i32(at: number, length: number) {
    return new Int32Array(this.buffer, at, length);
  }

  /**
   * The packed columns from position `from` on (the positions before it unchanged since the last
   * call): their pointers, rows, values, weighted values (binomial), and by column j = strong[q]
   * the means, scales, (Wx)_j and curvatures (computed by the path for the current weights). Grows
   * the memory (and copies everything again) when they no longer fit; false when it cannot (the
   * copies would pass COPY_MOST, or the engine refuses the memory): the path's own loop goes on.
   */
  pack(
    from: number,
    count: number,
    packed: { ptr: Int32Array; rows: Int32Array; cells: Float64Array; weighted: Float64Array },
    strong: readonly number[],
    columns: { mean: Float64Array; scale: Float64Array; weightedSum: Float64Array; curvature: Float64Array },
  ): boolean {
    const { ptr, rows, cells, weighted } = packed;
    const total = ptr[count]!;
    if (count > this.columnCapacity || total > this.cellCapacity) {
      this.columnCapacity = Math.max(count, 2 * this.columnCapacity, 64);
      this.cellCapacity = Math.max(total, 2 * this.cellCapacity, 1024);
      this.layout = layoutFor(this.n, this.columnCapacity, this.cellCapacity);
      const buffer = reserveWithin(this.exports, this.layout.end());
      if (!buffer) return false;
      this.buffer = buffer;
      from = 0;
    }
    const { layout } = this;
    const first = ptr[from]!;
    this.i32(layout.ptr, this.columnCapacity + 1).set(ptr.subarray(from, count + 1), from);
    this.i32(layout.rows, this.cellCapacity).set(rows.subarray(first, total), first);
    this.f64(layout.cells, this.cellCapacity).set(cells.subarray(first, total), first);
    if (!this.uniform)
      this.f64(layout.weighted, this.cellCapacity).set(weighted.subarray(first, total), first);
    const mean = this.f64(layout.mean, this.columnCapacity);
    const scale = this.f64(layout.scale, this.columnCapacity);
    const sums = this.f64(layout.weightedSum, this.columnCapacity);
    const curvatures = this.f64(layout.curvature, this.columnCapacity);
    for (let q = from; q < count; q++) {
      const j = strong[q]!;
      mean[q] = columns.mean[j]!;
      scale[q] = columns.scale[j]!;
      sums[q] = columns.weightedSum[j]!;
      curvatures[q] = columns.curvature[j]!;
    }
    return true;
  }

  /** Position q's (Wx)_q and curvature, computed anew by the path for new weights. */
  setColumn(position: number, weightedSum: number, curvature: number): void {
    this.f64(this.layout.weightedSum, this.columnCapacity)[position] = weightedSum;
    this.f64(this.layout.curvature, this.columnCapacity)[position] = curvature;
  }

  /** The weighted values w_i·x_iq of the packed columns, after the weights changed (binomial). */
  weigh(from: number, to: number, weighted: Float64Array): void {
    this.f64(this.layout.weighted, this.cellCapacity).set(weighted.subarray(from, to), from);
  }

  /**
   * One sweep over `positions` (null: every packed position, 0 … count − 1), column j of position
   * q being strong[q]: β copied in from the path's array (by column) and back, with `everActive`
   * marked for every column left nonzero; the residual r° copied in and back. Returns the largest
   * curvature·δ²; `last` the rest.
   */
  sweep(
    positions: readonly number[] | null,
    count: number,
    strong: readonly number[],
    beta: Float64Array,
    everActive: Uint8Array,
    residual: Float64Array,
    l1: number,
    l2: number,
    shift: number,
    weightedResidual: number,
    weightTotal: number,
  ): number {
    const { layout } = this;
    const list = this.i32(layout.list, this.columnCapacity);
    const betaIn = this.f64(layout.beta, this.columnCapacity);
    for (let q = 0; q < count; q++) {
      const position = positions ? positions[q]! : q;
      list[q] = position;
      betaIn[position] = beta[strong[position]!]!;
    }
    this.f64(layout.residual, this.n).set(residual);
    const largest = this.exports.sparseSweep(
      layout.ptr,
      layout.rows,
      layout.cells,
      layout.weighted,
      this.uniform ? 1 : 0,
      1 / this.n,
      layout.residual,
      layout.list,
      count,
      layout.beta,
      layout.mean,
      layout.scale,
      layout.weightedSum,
      layout.curvature,
      l1,
      l2,
      shift,
      weightedResidual,
      weightTotal,
      layout.out,
    );
    residual.set(this.f64(layout.residual, this.n));
    for (let q = 0; q < count; q++) {
      const position = list[q]!;
      const j = strong[position]!;
      const value = betaIn[position]!;
      beta[j] = value;
      if (value !== 0) everActive[j] = 1;
    }
    const out = this.f64(layout.out, 3);
    this.state.violation = out[0]!;
    this.state.shift = out[1]!;
    this.state.weightedResidual = out[2]!;
    return largest;
  }

  get last(): SweepState {
    return this.state;
  }
}

/**
 * Every column's dot product with a vector (assembly/rows.ts's sparseColumnDots) over a copy of the
 * whole matrix in a module instance of its own: the sparse path's gradient over all p columns, which
 * its KKT check and strong rule need once per Newton step (a 20000 × 100000 binomial path: 382
 * times over 2·10⁶ nonzeros, its largest cost after the sweeps). The JavaScript loop's order: the
 * same bits. Null where WebAssembly is not available.
 */
export class SparseColumnDots {
  private constructor(
    private readonly exports: RowsExports,
    private readonly at: { ptr: number; rows: number; cells: number; v: number; out: number },
    private readonly n: number,
    private readonly p: number,
  ) {}

  static create(
    n: number,
    p: number,
    colPtr: Int32Array,
    rowIdx: Int32Array,
    values: Float64Array,
  ): SparseColumnDots | null {
    const exports = instantiateRowsModule();
    if (!exports) return null;
    const nonzeros = colPtr[p]!;
    const layout = memoryLayout();
    const at = {
      ptr: layout.take(4 * (p + 1)),
      rows: layout.take(4 * nonzeros),
      cells: layout.take(8 * nonzeros),
      v: layout.take(8 * n),
      out: layout.take(8 * p),
    };
    const buffer = reserveWithin(exports, layout.end);
    if (!buffer) return null;
    new Int32Array(buffer, at.ptr, p + 1).set(colPtr.subarray(0, p + 1));
    new Int32Array(buffer, at.rows, nonzeros).set(rowIdx.subarray(0, nonzeros));
    new Float64Array(buffer, at.cells, nonzeros).set(values.subarray(0, nonzeros));
    return new SparseColumnDots(exports, at, n, p);
  }

  /** out[j] = x_jᵀ v for every column j. */
  dots(v: Float64Array, out: Float64Array): void {
    const buffer = this.exports.memory.buffer;
    new Float64Array(buffer, this.at.v, this.n).set(v.subarray(0, this.n));
    this.exports.sparseColumnDots(this.at.ptr, this.at.rows, this.at.cells, this.p, this.at.v, this.at.out);
    out.set(new Float64Array(buffer, this.at.out, this.p));
  }
}
