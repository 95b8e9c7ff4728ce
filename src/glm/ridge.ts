/**
 * Ridge regression (elastic net with α = 0, gaussian family) solved exactly, one Cholesky
 * factorization per λ — no iterations, no tolerance:
 *
 *   minimize  ½ Σ_i w_i (y_i − β₀ − x̃_iᵀβ)² + (λ/2) Σ_j pf_j β_j²        (Σ w_i = 1)
 *   ⇔        (X̃ᵀWX̃ + λ·diag(pf)) β = X̃ᵀW(y − ȳ),   β₀ = ȳ                 (X̃ centred)
 *
 * on the design's standardized columns x̃, so λ means what it means on reglab's (and glmnet's)
 * paths with standardize on; coefficients come back on the original scale.
 *
 * The Gram matrix X̃ᵀWX̃ is built once (O(n·p²)); each λ then costs O(p³).
 */
import type { Dataset } from "../data/parseCsv.js";
import { choleskyInPlace, choleskySolveInPlace } from "./cholesky.js";
import { buildDesign, type Design, type DesignOptions } from "./design.js";

export interface RidgeOptions extends DesignOptions {
  /** Relative penalty per feature (default all 1). */
  penaltyFactor?: Float64Array;
}

export interface RidgeFit {
  lambda: number;
  intercept: number;
  /** Original-scale coefficients. */
  coefs: Float64Array;
  /** Coefficients on the standardized columns (what the penalty sees). */
  standardizedCoefs: Float64Array;
  /** ½ Σ w (y − ŷ)² + (λ/2) Σ pf β̃²: the minimized objective. */
  objective: number;
}

export interface RidgeProblem {
  design: Design;
  /** X̃ᵀWX̃, p × p row-major. */
  gram: Float64Array;
  /** X̃ᵀW(y − ȳ). */
  xty: Float64Array;
  yMean: number;
  /** Σ w (y − ȳ)². */
  yVariance: number;
}

export function ridgeProblem(data: Dataset, options: DesignOptions = {}): RidgeProblem {
  const design = buildDesign(data, options);
  const { n, p, x, w } = design;
  let yMean = 0;
  if (design.intercept) for (let i = 0; i < n; i++) yMean += w[i]! * data.y[i]!;
  let yVariance = 0;
  for (let i = 0; i < n; i++) yVariance += w[i]! * (data.y[i]! - yMean) ** 2;
  const gram = new Float64Array(p * p);
  const xty = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const column = x.subarray(j * n, j * n + n);
    let sum = 0;
    for (let i = 0; i < n; i++) sum += w[i]! * column[i]! * (data.y[i]! - yMean);
    xty[j] = sum;
    for (let k = 0; k <= j; k++) {
      const other = x.subarray(k * n, k * n + n);
      let dot = 0;
      for (let i = 0; i < n; i++) dot += w[i]! * column[i]! * other[i]!;
      gram[j * p + k] = dot;
      gram[k * p + j] = dot;
    }
  }
  return { design, gram, xty, yMean, yVariance };
}

/** The exact ridge solution at each λ (> 0, or 0 when X̃ᵀWX̃ is invertible). */
export function ridgeFits(
  problem: RidgeProblem,
  lambdas: readonly number[],
  penaltyFactor?: Float64Array,
): RidgeFit[] {
  const { design, gram, xty, yMean, yVariance } = problem;
  const { p, usable, scale, mean } = design;
  const factor = new Float64Array(p * p);
  return lambdas.map((lambda) => {
    if (!(lambda >= 0)) throw new RangeError(`λ must be ≥ 0, got ${lambda}`);
    factor.set(gram);
    // A constant column has x̃ = 0: pin its coefficient to 0 with a unit diagonal.
    for (let j = 0; j < p; j++) factor[j * p + j]! += usable[j] ? lambda * (penaltyFactor?.[j] ?? 1) : 1;
    const beta = Float64Array.from(xty, (v, j) => (usable[j] ? v : 0));
    if (!choleskyInPlace(factor, p))
      throw new RangeError(`the ridge system is singular at λ = ${lambda}: use λ > 0`);
    choleskySolveInPlace(factor, p, beta);
    // objective = ½(Var y − 2βᵀc + βᵀGβ) + (λ/2)Σ pf β²  with c = X̃ᵀW(y−ȳ), G the Gram
    let quadratic = 0;
    let linear = 0;
    let penaltySum = 0;
    for (let j = 0; j < p; j++) {
      linear += beta[j]! * xty[j]!;
      penaltySum += (penaltyFactor?.[j] ?? 1) * beta[j]! ** 2;
      for (let k = 0; k < p; k++) quadratic += beta[j]! * gram[j * p + k]! * beta[k]!;
    }
    const coefs = Float64Array.from(beta, (b, j) => (usable[j] ? b / scale[j]! : 0));
    let intercept = design.intercept ? yMean : 0;
    for (let j = 0; j < p; j++) intercept -= coefs[j]! * mean[j]!;
    return {
      lambda,
      intercept,
      coefs,
      standardizedCoefs: beta,
      objective: 0.5 * (yVariance - 2 * linear + quadratic) + 0.5 * lambda * penaltySum,
    };
  });
}

export function ridge(data: Dataset, lambdas: readonly number[], options: RidgeOptions = {}): RidgeFit[] {
  return ridgeFits(ridgeProblem(data, options), lambdas, options.penaltyFactor);
}
