/**
 * How cv.glmnet scores a Cox model on a fold (its family has no per-row error):
 *
 * - "deviance" (grouped, Verweij & van Houwelingen): the fold's model is scored on the partial
 *   likelihood it gains from the held-out rows — the deviance of all rows minus that of the
 *   training rows, both under the fold's coefficients, each with its weights rescaled to sum to its
 *   row count (glmnet's coxnet.deviance) — divided by the fold's weighted events;
 * - "C": Harrell's concordance of the held-out rows' predicted risks with their survival times.
 */
import { coxFamily } from "./families/cox.js";

/**
 * Harrell's C: of the pairs whose order of failure is known — i fails (δ_i = 1) before j's time,
 * or at the time j is censored — the weighted share where i has the higher predicted risk, ties in
 * the prediction counted half; pairs weighted w_i·w_j. NaN when no pair is comparable.
 */
export function harrellC(
  risk: Float64Array,
  time: Float64Array,
  status: Float64Array,
  weights: Float64Array,
): number {
  let agree = 0;
  let total = 0;
  const n = risk.length;
  for (let i = 0; i < n; i++) {
    if (status[i] !== 1) continue;
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      const comparable = time[i]! < time[j]! || (time[i] === time[j] && status[j] === 0);
      if (!comparable) continue;
      const weight = weights[i]! * weights[j]!;
      total += weight;
      if (risk[i]! > risk[j]!) agree += weight;
      else if (risk[i] === risk[j]) agree += 0.5 * weight;
    }
  }
  return total > 0 ? agree / total : Number.NaN;
}

/** glmnet's coxnet.deviance of rows at η: 2 (L − L_sat) with the weights rescaled to sum to their count. */
export function coxDeviance(
  eta: Float64Array,
  time: Float64Array,
  status: Float64Array,
  weights: Float64Array,
): number {
  const n = eta.length;
  let total = 0;
  for (let i = 0; i < n; i++) total += weights[i]!;
  const w = Float64Array.from(weights, (value) => value / total);
  const family = coxFamily(time);
  return 2 * n * (family.loss(status, w, eta) - family.saturatedLoss(status, w));
}
