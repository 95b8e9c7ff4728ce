/**
 * A fitted path as a model: coefficients at any λ, and predictions. As glmnet's coef/predict with
 * `s =`: a λ between two path values gets coefficients interpolated linearly in λ between its
 * neighbours; above the first λ the first coefficients, below the last the last.
 *
 *   link      η = offset + b₀ + xᵀb
 *   response  η (gaussian), σ(η) the probability of class 1 (binomial), e^η the expected count
 *             (poisson) or the relative risk (cox, whose η has no intercept)
 *   class     1 if η > 0 else 0 (binomial)
 */
import type { SparseMatrix } from "../data/sparseMatrix.js";
import type { ElasticNetPath } from "./elasticNetPath.js";
import { responseOf } from "./families/index.js";
import type { RelaxedFit } from "./relax.js";

export type PredictionType = "link" | "response" | "class";

export interface Coefficients {
  lambda: number;
  intercept: number;
  beta: number[];
}

export function coefficientsAt(
  path: Pick<ElasticNetPath, "lambda" | "a0" | "beta">,
  lambda: number,
): Coefficients {
  const lambdas = path.lambda;
  const last = lambdas.length - 1;
  if (lambda >= lambdas[0]!) return { lambda, intercept: path.a0[0]!, beta: [...path.beta[0]!] };
  if (lambda <= lambdas[last]!) return { lambda, intercept: path.a0[last]!, beta: [...path.beta[last]!] };
  let k = 0;
  while (lambdas[k + 1]! > lambda) k++;
  const t = (lambdas[k]! - lambda) / (lambdas[k]! - lambdas[k + 1]!);
  const mix = (a: number, b: number) => (1 - t) * a + t * b;
  return {
    lambda,
    intercept: mix(path.a0[k]!, path.a0[k + 1]!),
    beta: path.beta[k]!.map((b, j) => mix(b, path.beta[k + 1]![j]!)),
  };
}

/** Predictions for n rows of x (row-major, p columns) at λ. */
export function predictPath(
  path: ElasticNetPath,
  x: Float64Array,
  n: number,
  lambda: number,
  type: PredictionType = "response",
  offset?: Float64Array,
  gamma = 1,
): Float64Array {
  if (type === "class" && path.family !== "binomial")
    throw new RangeError(`class predictions are for the binomial family, not ${path.family}`);
  // the relaxed lasso's mix at γ < 1 (relax.ts), else the path's own coefficients
  const { intercept, beta } =
    gamma < 1 && path.relaxed
      ? relaxedCoefficientsAt(path, path.relaxed, lambda, gamma)
      : coefficientsAt(path, lambda);
  const mean = responseOf(path.family);
  const p = path.p;
  const out = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let eta = intercept + (offset ? offset[i]! : 0);
    for (let j = 0; j < p; j++) eta += x[i * p + j]! * beta[j]!;
    out[i] = type === "class" ? (eta > 0 ? 1 : 0) : eta;
  }
  // the response is the family's mean of η (one pass, the family's own loop)
  if (type === "response") mean(out, out);
  return out;
}

/** The coefficients at (λ, γ): each path's interpolated at λ (as glmnet's predict), then mixed. */
export function relaxedCoefficientsAt(
  path: { lambda: number[]; a0: number[]; beta: number[][] },
  relaxed: RelaxedFit,
  lambda: number,
  gamma: number,
): Coefficients {
  const lasso = coefficientsAt(path, lambda);
  if (gamma === 1 || relaxed.lambda.length === 0) return lasso;
  const refit = coefficientsAt(relaxed, lambda);
  return {
    lambda,
    intercept: gamma * lasso.intercept + (1 - gamma) * refit.intercept,
    beta: lasso.beta.map((b, j) => gamma * b + (1 - gamma) * refit.beta[j]!),
  };
}

/**
 * η = b₀ + Xβ for the rows of a sparse design (compressed sparse columns), never densified: x's
 * column c is the model's feature columnOf[c] (−1: not one of the model's, and then all zero).
 * out has x.n values.
 */
export function sparseLinearPredictor(
  coefficients: { intercept: number; beta: readonly number[] },
  x: SparseMatrix,
  columnOf: Int32Array,
  out: Float64Array,
): void {
  const { colPtr, rowIdx, values } = x;
  out.fill(coefficients.intercept, 0, x.n);
  for (let c = 0; c < x.p; c++) {
    const j = columnOf[c]!;
    if (j < 0) continue;
    const b = coefficients.beta[j]!;
    if (b === 0) continue;
    for (let k = colPtr[c]!; k < colPtr[c + 1]!; k++) out[rowIdx[k]!]! += values[k]! * b;
  }
}
