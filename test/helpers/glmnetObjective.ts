import type { Dataset } from "../../src/data/parseCsv.js";

/**
 * glmnet's objective (gaussian, binomial or poisson, with an optional offset in η) with weights w (normalized to sum 1) and penalty factors (∞ counted as 1, then
 * rescaled to sum to p): Σw·loss + λ Σ pf_j (α|s_j b_j| + (1−α)/2 (s_j b_j)²/sd(y)), s_j and sd(y) the
 * weighted 1/n standard deviations (sd(y) only for the gaussian family: glmnet standardizes its y).
 */
export function glmnetObjective(
  data: Dataset,
  family: string,
  alpha: number,
  w: Float64Array,
  factors: number[],
  intercept = true,
  offset?: Float64Array,
) {
  const { n, p, x, y } = data;
  const total = w.reduce((a, b) => a + b, 0);
  const pf = factors.map((v) => (v === Number.POSITIVE_INFINITY ? 1 : v));
  const pfSum = pf.reduce((a, b) => a + b, 0);
  const sd = Array.from({ length: p }, (_, j) => {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += (w[i]! * x[i * p + j]!) / total;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (w[i]! * (x[i * p + j]! - mean) ** 2) / total;
    return Math.sqrt(squares);
  });
  // glmnet's sd(y): about the mean with an intercept, about 0 without
  let yMean = 0;
  if (intercept) for (let i = 0; i < n; i++) yMean += (w[i]! * y[i]!) / total;
  let ys = 0;
  for (let i = 0; i < n; i++) ys += (w[i]! * (y[i]! - yMean) ** 2) / total;
  ys = family === "gaussian" ? Math.sqrt(ys) : 1;
  return (lambda: number, a0: number, beta: readonly number[]) => {
    let loss = 0;
    for (let i = 0; i < n; i++) {
      let eta = a0 + (offset ? offset[i]! : 0);
      for (let j = 0; j < p; j++) eta += x[i * p + j]! * beta[j]!;
      const softplus = Math.max(eta, 0) + Math.log1p(Math.exp(-Math.abs(eta)));
      // the negative log-likelihoods, up to terms in y alone
      const rowLoss =
        family === "gaussian"
          ? (y[i]! - eta) ** 2 / 2
          : family === "poisson"
            ? Math.exp(eta) - y[i]! * eta
            : softplus - y[i]! * eta;
      loss += (w[i]! * rowLoss) / total;
    }
    let penalty = 0;
    for (let j = 0; j < p; j++) {
      const b = sd[j]! * beta[j]!;
      penalty += ((pf[j]! * p) / pfSum) * (alpha * Math.abs(b) + ((1 - alpha) / 2) * ((b * b) / ys));
    }
    return loss + lambda * penalty;
  };
}

/** Each column's 1/n standard deviation (glmnet's standardization, unweighted). */
export function standardDeviations(data: Dataset): number[] {
  const { n, p, x } = data;
  return Array.from({ length: p }, (_, j) => {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i * p + j]! / n;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (x[i * p + j]! - mean) ** 2 / n;
    return Math.sqrt(variance);
  });
}

/** The elastic-net penalty of every class's coefficients, on the standardized scale (÷ λ). */
export function multinomialPenalty(
  beta: readonly (readonly number[])[],
  sd: readonly number[],
  alpha: number,
) {
  let penalty = 0;
  for (const row of beta)
    row.forEach((b, j) => {
      const scaled = sd[j]! * b;
      penalty += alpha * Math.abs(scaled) + 0.5 * (1 - alpha) * scaled * scaled;
    });
  return penalty;
}
