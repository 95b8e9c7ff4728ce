/**
 * A fitted multinomial path as a model, the way `predictPath` serves the other families: each
 * class's coefficients at any λ (interpolated linearly in λ between path points, as glmnet's
 * `s =`), and predictions for rows of x, row-major n × K:
 *
 *   link      η_ic = b_0c + x_iᵀ b_c
 *   response  p_ic = e^{η_ic} / Σ_d e^{η_id}   (computed shifted by the row's largest η)
 *   class     the label (path.classes[c]) of the most probable class, one per row
 */

import { softmaxRow } from "./families/multinomial.js";
import type { MultinomialPath } from "./multinomialPath.js";
import type { Coefficients } from "./predict.js";
import { coefficientsAt, type PredictionType } from "./predict.js";

/** Coefficients of every class at λ. */
export function multinomialCoefficientsAt(path: MultinomialPath, lambda: number): Coefficients[] {
  return path.classes.map((_, c) =>
    // the per-class path has exactly the shape coefficientsAt interpolates
    coefficientsAt({ lambda: path.lambda, a0: path.a0[c]!, beta: path.beta[c]! }, lambda),
  );
}

export function predictMultinomial(
  path: MultinomialPath,
  x: Float64Array,
  n: number,
  lambda: number,
  type: PredictionType = "response",
): Float64Array {
  const coefficients = multinomialCoefficientsAt(path, lambda);
  const K = coefficients.length;
  const p = path.p;
  const eta = new Float64Array(n * K);
  for (let i = 0; i < n; i++)
    for (let c = 0; c < K; c++) {
      const { intercept, beta } = coefficients[c]!;
      let sum = intercept;
      for (let j = 0; j < p; j++) sum += x[i * p + j]! * beta[j]!;
      eta[i * K + c] = sum;
    }
  if (type === "link") return eta;
  const out = new Float64Array(type === "class" ? n : n * K);
  for (let i = 0; i < n; i++) {
    let largest = Number.NEGATIVE_INFINITY;
    let best = 0;
    for (let c = 0; c < K; c++)
      if (eta[i * K + c]! > largest) {
        largest = eta[i * K + c]!;
        best = c;
      }
    if (type === "class") {
      out[i] = path.classes[best]!;
      continue;
    }
    softmaxRow(eta, i * K, K, out, i * K);
  }
  return out;
}
