/**
 * The pieces every GLM path shares around the coordinate-descent state: a fresh state for a design,
 * the column weights Σ v x̃², the penalty's value and penalty factors rescaled to sum to p (as glmnet
 * does).
 */
import { designProducts } from "../../kernels/gramKernel.js";
import type { Design } from "../design.js";
import type { QuadraticState } from "./coordinateDescent.js";

export function normalizedPenaltyFactor(p: number, given?: readonly number[]): Float64Array {
  // an excluded column (factor ∞) counts as 1 in the sum, as in glmnet, and never enters a model
  const pf = Float64Array.from(given ?? new Array(p).fill(1), (v) =>
    v === Number.POSITIVE_INFINITY ? 1 : v,
  );
  for (const v of pf)
    if (!(v >= 0)) throw new RangeError(`penalty factors must be ≥ 0 (or ∞ to exclude a column), got ${v}`);
  const sum = pf.reduce((a, b) => a + b, 0);
  if (sum > 0) for (let j = 0; j < p; j++) pf[j] = (pf[j]! * p) / sum;
  return pf;
}

/** The columns no model may use (glmnet's `exclude`): those listed, and those with penalty factor ∞. */
export function excludedColumns(options: { exclude?: readonly number[]; penaltyFactor?: readonly number[] }) {
  const listed = [...(options.exclude ?? [])];
  options.penaltyFactor?.forEach((v, j) => {
    if (v === Number.POSITIVE_INFINITY) listed.push(j);
  });
  return listed;
}

export function createState(design: Design, alpha: number, penaltyFactor: Float64Array): QuadraticState {
  const { n, p } = design;
  return {
    n,
    p,
    // read through: a design built on first read is built only if a solver reads x
    get x() {
      return design.x;
    },
    get rows() {
      return design.rows;
    },
    v: new Float64Array(n),
    xv: new Float64Array(p),
    r: new Float64Array(n),
    beta: new Float64Array(p),
    intercept: 0,
    fitIntercept: false,
    alpha,
    penaltyFactor,
    usable: design.usable,
    ever: new Uint8Array(p),
    strong: new Uint8Array(p),
    covariance: null,
  };
}

/** xv_j = Σ_i v_i x̃_ij², every column (one sweep, WebAssembly SIMD where it loads). */
export function computeXv(state: QuadraticState): void {
  const { n, p, x, v, xv } = state;
  designProducts().squares(x, n, p, v, xv);
}

export function penaltyOf(state: QuadraticState, lambda: number): number {
  const { p, alpha, penaltyFactor, beta } = state;
  let total = 0;
  for (let j = 0; j < p; j++) {
    const b = beta[j]!;
    if (b === 0) continue; // most of a wide design's columns: no arithmetic for them
    total += penaltyFactor[j]! * (alpha * Math.abs(b) + 0.5 * (1 - alpha) * b * b);
  }
  return lambda * total;
}
