/**
 * The λ sequence of a regularization path, built as glmnet builds it:
 *
 *   λ_max = max_j |Σ_i w_i x̃_ij (y_i − ȳ)| / (max(α, 0.001) · pf_j)
 *
 * the smallest λ at which every coefficient is 0 (for α = 0, where no λ zeroes them, glmnet uses
 * α = 0.001 in this formula), over the usable columns with pf_j > 0; then `count` values evenly
 * spaced in log λ down to λ_max · minRatio. Default minRatio: 1e-4 when n > p, else 1e-2.
 * For the binomial family ȳ is the weighted share of 1s, for the gaussian family the weighted mean.
 */
import type { Design } from "./design.js";

export interface LambdaSequenceOptions {
  /** Number of λ values (default 100). */
  count?: number;
  /** λ_min / λ_max (default 1e-4 if n > p, else 1e-2). */
  minRatio?: number;
}

/**
 * max_j |x̃_jᵀ W (y − μ₀)| / (α·pf_j): where the path starts. μ₀ is the fit at β = 0: the weighted
 * mean of y with an intercept, else `fitAtZero` — 0 for the gaussian family, ½ for the logistic
 * one (η = 0), 1/K per class for the multinomial one (as glmnet).
 */
export function lambdaMax(
  design: Design,
  y: Float64Array,
  alpha: number,
  penaltyFactor: Float64Array,
  fitAtZero = 0,
): number {
  const { n, p, x, w } = design;
  let yMean = fitAtZero;
  if (design.intercept) {
    yMean = 0;
    for (let i = 0; i < n; i++) yMean += w[i]! * y[i]!;
  }
  const gradient = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    if (!design.usable[j] || penaltyFactor[j]! <= 0) continue;
    let g = 0;
    const column = j * n;
    for (let i = 0; i < n; i++) g += w[i]! * x[column + i]! * (y[i]! - yMean);
    gradient[j] = g;
  }
  return lambdaMaxFromGradient(gradient, design.usable, alpha, penaltyFactor);
}

/**
 * The same for any family and offset: max_j |x̃_jᵀ W r₀| / (α·pf_j) with r₀ the loss's residual at
 * the intercept-only model (y − μ₀ for the GLM families; families/nullModel.ts).
 */
export function lambdaMaxAtFit(
  design: Design,
  residualAtStart: Float64Array,
  alpha: number,
  penaltyFactor: Float64Array,
): number {
  const { n, p, x, w } = design;
  const residual = new Float64Array(n);
  for (let i = 0; i < n; i++) residual[i] = w[i]! * residualAtStart[i]!;
  const gradient = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    if (!design.usable[j] || penaltyFactor[j]! <= 0) continue;
    let g = 0;
    const column = j * n;
    for (let i = 0; i < n; i++) g += x[column + i]! * residual[i]!;
    gradient[j] = g;
  }
  return lambdaMaxFromGradient(gradient, design.usable, alpha, penaltyFactor);
}

/** The same from the gradients g_j = x̃_jᵀ W (y − ȳ), where they are at hand already. */
export function lambdaMaxFromGradient(
  gradient: Float64Array,
  usable: Uint8Array,
  alpha: number,
  penaltyFactor: Float64Array,
): number {
  let largest = 0;
  for (let j = 0; j < gradient.length; j++) {
    if (!usable[j] || penaltyFactor[j]! <= 0) continue;
    largest = Math.max(largest, Math.abs(gradient[j]!) / penaltyFactor[j]!);
  }
  return largest / Math.max(alpha, 1e-3);
}

export function lambdaSequence(
  maximum: number,
  n: number,
  p: number,
  options: LambdaSequenceOptions = {},
): Float64Array {
  const count = options.count ?? 100;
  const minRatio = options.minRatio ?? (n > p ? 1e-4 : 1e-2);
  const lambdas = new Float64Array(count);
  const step = Math.log(minRatio) / (count - 1);
  for (let k = 0; k < count; k++) lambdas[k] = maximum * Math.exp(k * step);
  return lambdas;
}
