/**
 * ‖W‖₂, the largest singular value of an m × n row-major matrix, by power iteration on WᵀW from a
 * fixed start vector (deterministic). Converges geometrically at the rate (σ₂/σ₁)²; stops when the
 * estimate changes by less than 1e-12 relative, or after `maxIterations` (default 500).
 */
export function spectralNorm(w: Float64Array, rows: number, columns: number, maxIterations = 500): number {
  const v = new Float64Array(columns).map((_, k) => 1 + k / columns); // unlikely to be orthogonal to the top vector
  const u = new Float64Array(rows);
  let estimate = 0;
  for (let iteration = 0; iteration < maxIterations; iteration++) {
    let vNorm = 0;
    for (let k = 0; k < columns; k++) vNorm += v[k]! * v[k]!;
    vNorm = Math.sqrt(vNorm);
    if (vNorm === 0) return 0;
    for (let k = 0; k < columns; k++) v[k]! /= vNorm;
    let uNorm = 0;
    for (let j = 0; j < rows; j++) {
      let sum = 0;
      for (let k = 0; k < columns; k++) sum += w[j * columns + k]! * v[k]!;
      u[j] = sum;
      uNorm += sum * sum;
    }
    const next = Math.sqrt(uNorm);
    v.fill(0); // v ← Wᵀu
    for (let j = 0; j < rows; j++) for (let k = 0; k < columns; k++) v[k]! += w[j * columns + k]! * u[j]!;
    if (Math.abs(next - estimate) <= 1e-12 * next) return next;
    estimate = next;
  }
  return estimate;
}
