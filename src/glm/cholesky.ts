/**
 * Cholesky factorization A = L·Lᵀ of a symmetric positive definite p × p matrix (row-major), and
 * the two triangular solves that then give A⁻¹b in O(p²). Ridge regression's normal equations
 * (XᵀWX + λI)β = XᵀWy are of this kind for every λ > 0, which is why a single-λ ridge needs no
 * iterations at all. And the factor of a covariance that may be only semi-definite (a constant or
 * repeated column), for the representative rows of sufficientStatistics.ts.
 */
import { createFactorWorkspace, releaseFactorWorkspace } from "../kernels/factorKernel.js";

/** Overwrites the lower triangle of `a` with L. Returns false if A is not positive definite. */
export function choleskyInPlace(a: Float64Array, p: number): boolean {
  for (let j = 0; j < p; j++) {
    const rowJ = j * p;
    const diagonal = a[rowJ + j]! - rowDot(a, rowJ, rowJ, j);
    if (!(diagonal > 0)) return false;
    const ljj = Math.sqrt(diagonal);
    a[rowJ + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      const rowI = i * p;
      a[rowI + j] = (a[rowI + j]! - rowDot(a, rowI, rowJ, j)) / ljj;
    }
  }
  return true;
}

/**
 * Σ_{k<length} a[first + k]·a[second + k], in four independent sums: the factorization's inner
 * loop, where one running sum makes each multiply-add wait for the last (1.3 → 0.95 ms at
 * p = 200, the size of the wide elastic net's n × n systems; kernels/dot.ts, with two sums, 1.14 ms).
 */
function rowDot(a: Float64Array, first: number, second: number, length: number): number {
  let s0 = 0;
  let s1 = 0;
  let s2 = 0;
  let s3 = 0;
  let k = 0;
  for (; k + 3 < length; k += 4) {
    s0 += a[first + k]! * a[second + k]!;
    s1 += a[first + k + 1]! * a[second + k + 1]!;
    s2 += a[first + k + 2]! * a[second + k + 2]!;
    s3 += a[first + k + 3]! * a[second + k + 3]!;
  }
  for (; k < length; k++) s0 += a[first + k]! * a[second + k]!;
  return s0 + s1 + (s2 + s3);
}

/** Solves L·Lᵀ x = b in place (b becomes x), with L from choleskyInPlace. */
export function choleskySolveInPlace(l: Float64Array, p: number, b: Float64Array): void {
  for (let i = 0; i < p; i++) {
    let sum = b[i]!;
    for (let k = 0; k < i; k++) sum -= l[i * p + k]! * b[k]!;
    b[i] = sum / l[i * p + i]!;
  }
  for (let i = p - 1; i >= 0; i--) {
    let sum = b[i]!;
    for (let k = i + 1; k < p; k++) sum -= l[k * p + i]! * b[k]!;
    b[i] = sum / l[i * p + i]!;
  }
}

/**
 * Upper-triangular R with RᵀR = C for a symmetric positive semi-definite C (size m, row-major).
 * A pivot that is zero to rounding (a column that is constant, or a combination of earlier ones)
 * leaves its row of R zero: that direction has no spread, as in the data.
 */
export function semidefiniteCholesky(covariance: Float64Array, m: number): Float64Array {
  // L = Rᵀ, factored in a factor workspace (WebAssembly SIMD where it loads: every inner product
  // along two rows, m³/6 multiply-adds — at m = 1000, 0.36 s in JavaScript); C's upper triangle
  // read, as R's rows are
  const workspace = createFactorWorkspace(m);
  const { lower } = workspace;
  let largest = 0;
  for (let j = 0; j < m; j++) largest = Math.max(largest, Math.abs(covariance[j * m + j]!));
  for (let i = 0; i < m; i++) for (let k = 0; k <= i; k++) lower[i * m + k] = covariance[k * m + i]!;
  // (what is left of a diagonal after the earlier columns is compared with its own size, so a
  // tiny-but-real column is kept and only rounding is dropped)
  workspace.factorLower(m, { relative: 1e-13, floor: 1e-300 * largest });
  const r = new Float64Array(m * m);
  for (let j = 0; j < m; j++) for (let l = j; l < m; l++) r[j * m + l] = lower[l * m + j]!;
  releaseFactorWorkspace(workspace);
  return r;
}
