/**
 * The intercept-only model of a family: the b₀ that makes Σ w (y − μ(offset + b₀)) = 0, where every
 * path with an intercept starts (all penalized coefficients 0). Without an offset b₀ = g(ȳ), the
 * link of the weighted mean. With one it is the root of a one-dimensional convex problem, found by
 * Newton's method (exact in one step for the gaussian family: b₀ = mean of y − offset).
 */
import type { ExponentialFamily } from "./exponentialFamily.js";

export interface NullModel {
  /** b₀ (0 without an intercept). */
  intercept: number;
  /** η = offset + b₀ at the null model, per row, and the loss's residual there (λ_max reads it). */
  eta: Float64Array;
  residual: Float64Array;
}

/** w sums to 1; offset may be absent (all 0). */
export function nullModel(
  family: ExponentialFamily,
  y: Float64Array,
  w: Float64Array,
  intercept: boolean,
  offset?: Float64Array,
): NullModel {
  const n = y.length;
  let mean = 0;
  for (let i = 0; i < n; i++) mean += w[i]! * y[i]!;
  let b0 = intercept ? family.link(mean) : 0;
  const eta = new Float64Array(n);
  const residual = new Float64Array(n);
  const curvature = new Float64Array(n);
  const place = () => {
    for (let i = 0; i < n; i++) eta[i] = (offset ? offset[i]! : 0) + b0;
    family.derivatives(y, w, eta, residual, curvature);
  };
  place();
  if (intercept && offset) {
    if (family.name === "gaussian") {
      let offsetMean = 0;
      for (let i = 0; i < n; i++) offsetMean += w[i]! * offset[i]!;
      b0 = mean - offsetMean;
      place();
    } else {
      // the score Σ w (y − μ) is decreasing in b₀ (the loss is convex): Newton from g(ȳ) converges
      for (let step = 0; step < 100; step++) {
        let score = 0;
        let information = 0;
        for (let i = 0; i < n; i++) {
          score += w[i]! * residual[i]!;
          information += w[i]! * curvature[i]!;
        }
        if (!(information > 0)) break;
        const delta = score / information;
        b0 += delta;
        place();
        if (Math.abs(delta) <= 1e-15 * (1 + Math.abs(b0))) break;
      }
    }
  }
  return { intercept: b0, eta, residual };
}
