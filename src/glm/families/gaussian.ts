/**
 * The gaussian family: identity link, squared error.
 *   ℓ(y, η) = ½(y − η)²,  μ = η,  V = 1,  deviance = Σ w (y − μ)² (the weighted RSS).
 * (Written as b(η) − yη this is ½η² − yη, which differs from ½(y − η)² by ½y², a term in y alone.)
 */
import type { ExponentialFamily } from "./exponentialFamily.js";

export const gaussian: ExponentialFamily = {
  name: "gaussian",
  means(eta, mu) {
    mu.set(eta);
  },
  loss(y, w, eta) {
    let total = 0;
    for (let i = 0; i < eta.length; i++) {
      const r = y[i]! - eta[i]!;
      total += w[i]! * r * r;
    }
    return 0.5 * total;
  },
  saturatedLoss() {
    return 0;
  },
  derivatives(y, _w, eta, residual, curvature) {
    for (let i = 0; i < eta.length; i++) residual[i] = y[i]! - eta[i]!;
    curvature.fill(1);
  },
  link(m) {
    return m;
  },
  // glmnet's gaussian rule: the last step gained less than 1e-5 of the deviance explained
  gainIsSmall(devRatio, k) {
    return devRatio[k]! - devRatio[k - 1]! < 1e-5 * devRatio[k]!;
  },
  invalidTarget() {
    return null;
  },
};
