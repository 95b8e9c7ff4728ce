/**
 * The Cox proportional-hazards model (right-censored survival times), glmnet's family = "cox":
 * the negative log partial likelihood with Breslow's handling of tied times,
 *
 *   L(η) = −Σ_i w_i δ_i η_i + Σ_g D_g log S_g,   S_g = Σ_{j: t_j ≥ t_g} w_j e^{η_j},
 *
 * over the distinct times t_g with D_g = Σ_{i: t_i = t_g} w_i δ_i the weighted events there (δ = 1
 * for an event, 0 for a censored time). There is no intercept (it cancels). Per unit of weight:
 *
 *   residual_i  = δ_i − e^{η_i} A_i,                 A_i = Σ_{g: t_g ≤ t_i} D_g / S_g
 *   curvature_i = e^{η_i} A_i − w_i e^{2η_i} B_i,    B_i = Σ_{g: t_g ≤ t_i} D_g / S_g²
 *
 * (the diagonal of the Hessian, as glmnet's coxnet uses). The saturated loss is Σ_g D_g log D_g,
 * so deviance = 2 (L − Σ D log D), glmnet's. Sums run over the rows sorted once by time: O(n) per
 * evaluation. η is shifted by its maximum before exponentiating (L and the derivatives do not
 * change when every η moves by the same amount), so no e^η overflows.
 */
import type { ExponentialFamily } from "./exponentialFamily.js";

/** A curvature of 0 (a row censored before the first event) is floored so residual/curvature is 0, not 0/0. */
const CURVATURE_FLOOR = 1e-12;

/** The family for rows with survival times `time` (y holds the event indicators δ). */
export function coxFamily(time: Float64Array): ExponentialFamily {
  const n = time.length;
  // rows by time; groups of equal times, first row of group g at groupStart[g]
  const order = Int32Array.from({ length: n }, (_, i) => i).sort((a, b) => time[a]! - time[b]!);
  const starts: number[] = [];
  for (let r = 0; r < n; r++) if (r === 0 || time[order[r]!] !== time[order[r - 1]!]) starts.push(r);
  starts.push(n);
  const groups = starts.length - 1;
  const groupStart = Int32Array.from(starts);
  const events = new Float64Array(groups); // D_g
  const riskSum = new Float64Array(groups); // S_g (shifted)
  const exp = new Float64Array(n);

  /** e^{η − max η} per row, D_g and S_g; returns the shift. */
  function sums(y: Float64Array, w: Float64Array, eta: Float64Array): number {
    let shift = Number.NEGATIVE_INFINITY;
    for (let i = 0; i < n; i++) shift = Math.max(shift, eta[i]!);
    for (let i = 0; i < n; i++) exp[i] = Math.exp(eta[i]! - shift);
    let running = 0;
    for (let g = groups - 1; g >= 0; g--) {
      let d = 0;
      for (let r = groupStart[g]!; r < groupStart[g + 1]!; r++) {
        const i = order[r]!;
        running += w[i]! * exp[i]!;
        d += w[i]! * y[i]!;
      }
      events[g] = d;
      riskSum[g] = running;
    }
    return shift;
  }

  return {
    name: "cox",
    means(eta, mu) {
      for (let i = 0; i < eta.length; i++) mu[i] = Math.exp(eta[i]!); // the relative risk
    },
    loss(y, w, eta) {
      const shift = sums(y, w, eta);
      let total = 0;
      for (let i = 0; i < n; i++) total -= w[i]! * y[i]! * eta[i]!;
      for (let g = 0; g < groups; g++)
        if (events[g]! > 0) total += events[g]! * (Math.log(riskSum[g]!) + shift);
      return total;
    },
    saturatedLoss(y, w) {
      sums(y, w, new Float64Array(n));
      let total = 0;
      for (let g = 0; g < groups; g++) if (events[g]! > 0) total += events[g]! * Math.log(events[g]!);
      return total;
    },
    derivatives(y, w, eta, residual, curvature) {
      sums(y, w, eta);
      let a = 0;
      let b = 0;
      for (let g = 0; g < groups; g++) {
        if (events[g]! > 0) {
          const s = riskSum[g]!;
          a += events[g]! / s;
          b += events[g]! / (s * s);
        }
        for (let r = groupStart[g]!; r < groupStart[g + 1]!; r++) {
          const i = order[r]!;
          const e = exp[i]!;
          residual[i] = y[i]! - e * a;
          curvature[i] = Math.max(e * a - w[i]! * e * e * b, CURVATURE_FLOOR);
        }
      }
    },
    link() {
      throw new RangeError("the cox family has no intercept");
    },
    // glmnet's cox rule: the last four steps together gained less than 1e-3 of the deviance explained
    gainIsSmall(devRatio, k) {
      return devRatio[k]! - devRatio[k - 4]! < 1e-3 * devRatio[k]!;
    },
    invalidTarget(y) {
      for (let i = 0; i < y.length; i++) if (y[i] !== 0 && y[i] !== 1) return { row: i, reason: "notBinary" };
      return null;
    },
  };
}
