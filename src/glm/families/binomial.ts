/**
 * The binomial family (logistic regression): logit link, y ∈ {0, 1}.
 *   ℓ(y, η) = log(1 + e^η) − yη,  μ = σ(η),  V = μ(1 − μ),  saturated loss 0.
 * The sigmoid and softplus are core's (src/core/sigmoid.ts), which never overflow.
 */
import { logit, sigmoid, softplus } from "../../core/sigmoid.js";
import type { ExponentialFamily } from "./exponentialFamily.js";

/** The floor on μ(1 − μ), as glmnet's: a fitted probability of 0 or 1 keeps a finite working response. */
const VARIANCE_FLOOR = 1e-5;

export const binomial: ExponentialFamily = {
  name: "binomial",
  means(eta, mu) {
    for (let i = 0; i < eta.length; i++) mu[i] = sigmoid(eta[i]!);
  },
  loss(y, w, eta) {
    let total = 0;
    for (let i = 0; i < eta.length; i++) total += w[i]! * (softplus(eta[i]!) - y[i]! * eta[i]!);
    return total;
  },
  saturatedLoss() {
    return 0; // y ∈ {0, 1}: the saturated model predicts each row's class with certainty
  },
  derivatives(y, _w, eta, residual, curvature) {
    for (let i = 0; i < eta.length; i++) {
      const mu = sigmoid(eta[i]!);
      residual[i] = y[i]! - mu;
      curvature[i] = Math.max(mu * (1 - mu), VARIANCE_FLOOR);
    }
  },
  link: logit,
  // glmnet's logistic rule: the last step gained less than 1e-5, absolutely
  gainIsSmall(devRatio, k) {
    return devRatio[k]! - devRatio[k - 1]! < 1e-5;
  },
  invalidTarget(y) {
    for (let i = 0; i < y.length; i++) if (y[i] !== 0 && y[i] !== 1) return { row: i, reason: "notBinary" };
    return null;
  },
};
