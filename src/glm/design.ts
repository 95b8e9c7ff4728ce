/**
 * The design matrix as the solvers want it: column-major (column j is x[j·n … j·n + n)), centred
 * and scaled with observation weights, so a coordinate update reads one contiguous column.
 *
 * With weights w normalized to Σ w_i = 1 (glmnet's convention, so the loss is a weighted mean):
 *   mean_j = Σ_i w_i x_ij,   scale_j = √(Σ_i w_i (x_ij − mean_j)²)   (the 1/n standard deviation)
 *   x̃_ij  = (x_ij − mean_j) / scale_j
 * Without an intercept nothing is centred (mean_j = 0) but scale_j is still the standard deviation,
 * as glmnet's; without
 * standardization scale_j = 1. A constant column (scale 0) is marked and never enters a model; so is
 * an excluded one.
 */
import type { Dataset } from "../data/parseCsv.js";
import { designSweeps } from "../kernels/designKernel.js";

export interface DesignOptions {
  /** Scale columns to unit weighted variance (default true); coefficients are returned unscaled. */
  standardize?: boolean;
  /** Fit an intercept (default true). */
  intercept?: boolean;
  /** Observation weights (default all 1); normalized to sum 1. */
  weights?: Float64Array;
  /** Columns (0-based) kept out of every model, as a constant column is (glmnet's `exclude`). */
  exclude?: readonly number[];
  /**
   * "columns" (default): column-major, what coordinate descent reads; "rows": row-major, what a
   * solver that sweeps one observation at a time (truncated Newton) reads.
   */
  layout?: "columns" | "rows";
  /**
   * Column-major only: x holds one more column after the p features, all ones — the intercept as a
   * column, which the logistic Newton solver wants (so it need not copy the design to append it).
   */
  onesColumn?: boolean;
}

export interface Design {
  n: number;
  p: number;
  /**
   * Centred, scaled features, column-major (or row-major with layout "rows"); with `onesColumn`,
   * followed by a column of ones (n·(p + 1) numbers). A large column-major design is built on
   * first read: a solver that needs only its Gram streams that from `rows` instead.
   */
  readonly x: Float64Array;
  /**
   * What x is made of, while it is not built: the rows as given (row-major n × p) and each
   * column's centre and 1/scale, so x̃_ij = (rows[i·p + j] − centre_j)·inverse_j. Null once x is
   * built (reading x builds it), and for designs built at once.
   */
  readonly rows: DesignRows | null;
  layout: "columns" | "rows";
  /** Observation weights, Σ w = 1. */
  w: Float64Array;
  mean: Float64Array;
  scale: Float64Array;
  /** 0 for a constant column (kept out of every model), 1 otherwise. */
  usable: Uint8Array;
  standardize: boolean;
  intercept: boolean;
}

export interface DesignRows {
  x: Float64Array;
  centre: Float64Array;
  inverse: Float64Array;
}

/**
 * Column-major designs of more cells than this (8 MB) are built on first read. The gaussian
 * path on a tall design reads only X̃ᵀVX̃ (covariance mode), which the Gram kernel streams from
 * the rows a block at a time; building X̃ too wrote 80 MB at n = 100000, p = 100 that nothing
 * read, and memory a process touches for the first time costs ~10 µs per 4 KB here.
 */
const LAZY_CELLS = 1 << 20;

export function buildDesign(data: Dataset, options: DesignOptions = {}): Design {
  const { n, p } = data;
  const standardize = options.standardize ?? true;
  const intercept = options.intercept ?? true;
  const rows = options.layout === "rows";
  const w = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) total += options.weights ? options.weights[i]! : 1;
  for (let i = 0; i < n; i++) w[i] = (options.weights ? options.weights[i]! : 1) / total;

  const mean = new Float64Array(p);
  const scale = new Float64Array(p);
  const usable = new Uint8Array(p);
  const squares = new Float64Array(p);
  // both sweeps read the row-major input in memory order (WebAssembly SIMD where it loads)
  const sweeps = designSweeps(data.x, n, p, w);
  // the spread is always about the mean: without an intercept glmnet still scales each column by
  // its standard deviation (it only does not centre it)
  sweeps.moments(true, mean, squares);
  const inverse = new Float64Array(p);
  const excluded = new Uint8Array(p);
  for (const j of options.exclude ?? []) excluded[j] = 1;
  for (let j = 0; j < p; j++) {
    // a column is constant when its spread is rounding noise next to its size — relative to its own
    // size, so a column in units of 1e-13 is not "constant" (rescale.ts keeps sizes near 1)
    const constant = squares[j]! <= 1e-24 * (mean[j]! * mean[j]! + squares[j]!) || excluded[j] === 1;
    scale[j] = constant ? 0 : standardize ? Math.sqrt(squares[j]!) : 1;
    usable[j] = constant ? 0 : 1;
    inverse[j] = constant ? 0 : 1 / scale[j]!;
  }
  const ones = !rows && options.onesColumn === true;
  const centre = intercept ? mean : new Float64Array(p);
  let x: Float64Array | null = null;
  const build = (): Float64Array => {
    if (x) return x;
    x = designArray(n * (ones ? p + 1 : p));
    // a fresh set of sweeps: the kernel instance may hold another design's rows by now
    const from = built.rows ? designSweeps(data.x, n, p, w) : sweeps;
    if (rows) from.toRows(centre, inverse, x);
    else from.toColumns(centre, inverse, x);
    if (ones) x.fill(1, n * p);
    built.rows = null;
    return x;
  };
  const built: { rows: DesignRows | null } = {
    rows: !rows && n * p > LAZY_CELLS ? { x: data.x, centre, inverse } : null,
  };
  if (!built.rows) build();
  const design: Design = {
    n,
    p,
    get x() {
      return build();
    },
    get rows() {
      return built.rows;
    },
    layout: rows ? "rows" : "columns",
    w,
    mean: centre,
    scale,
    usable,
    standardize,
    intercept,
  };
  columnsOf.set(design, () => x);
  return design;
}

/** Each design's x if built (releaseDesign must not build one to hand it back). */
const columnsOf = new WeakMap<Design, () => Float64Array | null>();

/**
 * The numbers of the last design handed back (releaseDesign), held weakly: the next design of no
 * more cells — the next path, a fold of a cross-validation — is written into them instead of into
 * a fresh array. Memory a process touches for the first time costs a page fault per 4 KB (~10 µs
 * on this project's machines: a fresh 200 × 10000 design, 16 MB, is 40 ms of them, a quarter of
 * a warm lasso path).
 */
let spare: WeakRef<Float64Array> | null = null;
/** The arrays designArray made (whole, not views), the only ones releaseDesign takes back. */
const pooled = new WeakSet<ArrayBufferLike>();

function designArray(length: number): Float64Array {
  const reused = spare?.deref();
  spare = null;
  // always a new view: the kernels know a design they hold a copy of by its identity (gramKernel's
  // place), and a reused array must not pass for the last path's design
  if (reused && reused.length >= length) return reused.subarray(0, length);
  const fresh = new Float64Array(length);
  pooled.add(fresh.buffer);
  return fresh;
}

/**
 * Hands a design's numbers back once nothing will read them again (its path is done and kept
 * none of them), for the next buildDesign to write over.
 */
export function releaseDesign(design: Design): void {
  const x = columnsOf.get(design)?.();
  if (!x) return;
  const { buffer } = x;
  if (pooled.has(buffer)) spare = new WeakRef(new Float64Array(buffer));
}
