/**
 * Anderson extrapolation's weights (Bertrand & Massias 2021, as celer and skglm use them): from
 * K + 1 iterates x_0 … x_K of a linearly converging method, the differences U_a = x_{a+1} − x_a
 * give the combination Σ c_a x_{a+1} (Σ c = 1) that cancels their common error, c ∝ (UᵀU)⁻¹1.
 * Coordinate descent converges that way on correlated columns, along a few slow directions the
 * combination removes; the callers keep the point only if it lowers their objective.
 */
import { choleskyInPlace, choleskySolveInPlace } from "../cholesky.js";

/**
 * Writes the K weights into `weights` (K) from the iterates stored in `iterates`, iterate a's
 * `length` values starting at offsetOf(a), a = 0 … K. `system` (K × K) is scratch. False where
 * the differences vanish or are degenerate: no extrapolation then. UᵀU gets a ridge of 1e-10 of
 * its trace, as the iterates' differences are nearly parallel by the time they are worth combining.
 */
export function andersonWeights(
  iterates: Float64Array,
  offsetOf: (a: number) => number,
  K: number,
  length: number,
  system: Float64Array,
  weights: Float64Array,
): boolean {
  for (let a = 0; a < K; a++) {
    const a0 = offsetOf(a);
    const a1 = offsetOf(a + 1);
    for (let c = 0; c <= a; c++) {
      const c0 = offsetOf(c);
      const c1 = offsetOf(c + 1);
      let dot = 0;
      for (let j = 0; j < length; j++)
        dot += (iterates[a1 + j]! - iterates[a0 + j]!) * (iterates[c1 + j]! - iterates[c0 + j]!);
      system[a * K + c] = dot;
      system[c * K + a] = dot;
    }
  }
  let trace = 0;
  for (let a = 0; a < K; a++) trace += system[a * K + a]!;
  if (!(trace > 0)) return false;
  for (let a = 0; a < K; a++) system[a * K + a]! += 1e-10 * trace;
  if (!choleskyInPlace(system, K)) return false;
  weights.fill(1, 0, K);
  choleskySolveInPlace(system, K, weights);
  let total = 0;
  for (let a = 0; a < K; a++) total += weights[a]!;
  if (!(Number.isFinite(total) && total !== 0)) return false;
  for (let a = 0; a < K; a++) weights[a]! /= total;
  return true;
}
