/**
 * The logistic sigmoid and its friends, written so that no input overflows.
 *
 *   σ(z)      = 1 / (1 + e^(−z))
 *   σ'(z)     = σ(z) · (1 − σ(z))
 *   log σ(z)  = −log(1 + e^(−z))
 *
 * Why the care: the naive forms take e^(−z), which is +∞ for z < −709, and compute 1 − σ(z), which
 * is 0 long before σ'(z) itself underflows. Every function below only ever exponentiates −|z|, a
 * number ≤ 0, so e^(−|z|) lies in [0, 1] and nothing overflows for any finite or infinite z.
 *
 * NaN policy: NaN in, NaN out (never silently replaced). ±∞ give the limits: σ(+∞) = 1, σ(−∞) = 0,
 * σ'(±∞) = 0, log σ(+∞) = 0, log σ(−∞) = −∞.
 */

/** σ(z) = 1 / (1 + e^(−z)), in [0, 1]. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z); // z < 0, so e ∈ [0, 1)
  return e / (1 + e);
}

/**
 * σ'(z) = σ(z)(1 − σ(z)) = e / (1 + e)² with e = e^(−|z|).
 * The form with e is exact in both tails (σ' is even), where σ(z)(1 − σ(z)) would lose every digit
 * to the rounding of 1 − σ(z). Maximum 1/4 at z = 0.
 */
export function sigmoidDerivative(z: number): number {
  const e = Math.exp(-Math.abs(z));
  const onePlusE = 1 + e;
  return e / (onePlusE * onePlusE);
}

/**
 * log σ(z) = −softplus(−z), computed with log1p so that it is accurate where σ(z) ≈ 1 (log σ ≈ −e^(−z))
 * and exact (= z) where σ(z) underflows: log σ(−1e300) = −1e300, not −∞.
 */
export function logSigmoid(z: number): number {
  if (z >= 0) return -Math.log1p(Math.exp(-z));
  return z - Math.log1p(Math.exp(z));
}

/** (log σ)'(z) = 1 − σ(z) = σ(−z): the derivative that travels with logSigmoid. */
export function logSigmoidDerivative(z: number): number {
  return sigmoid(-z);
}

/** logit(p) = log(p / (1 − p)), the inverse of σ on (0, 1); ±∞ at 1 and 0, NaN outside [0, 1]. */
export function logit(p: number): number {
  return Math.log(p) - Math.log1p(-p);
}

/**
 * softplus(z) = log(1 + e^z) = −log σ(−z): the logistic loss's b(η). Written as max(z, 0) +
 * log1p(e^(−|z|)), so it never overflows (softplus(1e300) = 1e300) and keeps its digits where
 * e^z is tiny (softplus(−800) = e^(−800) rounds to 0, not to log(1) of a rounded sum).
 */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}
