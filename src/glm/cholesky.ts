/**
 * Cholesky factorization A = L·Lᵀ of a symmetric positive definite p × p matrix (row-major), and
 * the two triangular solves that then give A⁻¹b in O(p²). Ridge regression's normal equations
 * (XᵀWX + λI)β = XᵀWy are of this kind for every λ > 0, which is why a single-λ ridge needs no
 * iterations at all. And the factor of a covariance that may be only semi-definite (a constant or
 * repeated column), for the representative rows of sufficientStatistics.ts.
 */

/** Overwrites the lower triangle of `a` with L. Returns false if A is not positive definite. */
export function choleskyInPlace(a: Float64Array, p: number): boolean {
  for (let j = 0; j < p; j++) {
    let diagonal = a[j * p + j]!;
    for (let k = 0; k < j; k++) diagonal -= a[j * p + k]! ** 2;
    if (!(diagonal > 0)) return false;
    const ljj = Math.sqrt(diagonal);
    a[j * p + j] = ljj;
    for (let i = j + 1; i < p; i++) {
      let sum = a[i * p + j]!;
      for (let k = 0; k < j; k++) sum -= a[i * p + k]! * a[j * p + k]!;
      a[i * p + j] = sum / ljj;
    }
  }
  return true;
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
  const r = new Float64Array(m * m);
  let largest = 0;
  for (let j = 0; j < m; j++) largest = Math.max(largest, Math.abs(covariance[j * m + j]!));
  for (let j = 0; j < m; j++) {
    let pivot = covariance[j * m + j]!;
    for (let k = 0; k < j; k++) pivot -= r[k * m + j]! * r[k * m + j]!;
    // (what is left of the diagonal after the earlier columns; relative to its own size, so a
    // tiny-but-real column is kept and only rounding is dropped)
    const own = Math.abs(covariance[j * m + j]!);
    if (!(pivot > 1e-13 * own) || !(pivot > 1e-300 * largest)) continue;
    const root = Math.sqrt(pivot);
    r[j * m + j] = root;
    for (let l = j + 1; l < m; l++) {
      let sum = covariance[j * m + l]!;
      for (let k = 0; k < j; k++) sum -= r[k * m + j]! * r[k * m + l]!;
      r[j * m + l] = sum / root;
    }
  }
  return r;
}
