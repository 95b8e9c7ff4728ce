/**
 * The poisson family (counts): log link, y ≥ 0.
 *   ℓ(y, η) = e^η − yη,  μ = e^η,  V = μ,
 *   saturated loss Σ w (y − y log y)  (0 log 0 = 0),  so the deviance is 2 Σ w (y log(y/μ) − (y − μ)).
 * An offset (log exposure) enters η, so μ = exposure · e^{b₀ + xᵀb}: rates, as glmnet's `offset`.
 */
import type { ExponentialFamily } from "./exponentialFamily.js";

/**
 * The floor on V = μ: a row whose fitted count underflows to 0 keeps a finite working response.
 * (glmnet has none; its coordinate descent never divides by μ.)
 */
const VARIANCE_FLOOR = 1e-10;

export const poisson: ExponentialFamily = {
  name: "poisson",
  means(eta, mu) {
    for (let i = 0; i < eta.length; i++) mu[i] = Math.exp(eta[i]!);
  },
  loss(y, w, eta) {
    let total = 0;
    for (let i = 0; i < eta.length; i++) total += w[i]! * (Math.exp(eta[i]!) - y[i]! * eta[i]!);
    return total;
  },
  saturatedLoss(y, w) {
    let total = 0;
    for (let i = 0; i < y.length; i++) {
      const count = y[i]!;
      if (count > 0) total += w[i]! * (count - count * Math.log(count));
    }
    return total;
  },
  derivatives(y, _w, eta, residual, curvature) {
    for (let i = 0; i < eta.length; i++) {
      const mu = Math.exp(eta[i]!);
      residual[i] = y[i]! - mu;
      curvature[i] = Math.max(mu, VARIANCE_FLOOR);
    }
  },
  link: Math.log,
  // glmnet's poisson rule: the last four steps together gained less than 1e-4 of the deviance
  // explained (its threshold 1e-5 times 10, over a window of five λs)
  gainIsSmall(devRatio, k) {
    return devRatio[k]! - devRatio[k - 4]! < 1e-4 * devRatio[k]!;
  },
  invalidTarget(y) {
    for (let i = 0; i < y.length; i++) if (!(y[i]! >= 0)) return { row: i, reason: "negative" };
    return null;
  },
};
