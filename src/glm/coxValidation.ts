/**
 * How cv.glmnet scores a Cox model on a fold (its family has no per-row error):
 *
 * - "deviance" (grouped, Verweij & van Houwelingen): the fold's model is scored on the partial
 *   likelihood it gains from the held-out rows — the deviance of all rows minus that of the
 *   training rows, both under the fold's coefficients, each with its weights rescaled to sum to its
 *   row count (glmnet's coxnet.deviance) — divided by the fold's weighted events;
 * - "C": Harrell's concordance of the held-out rows' predicted risks with their survival times.
 */
import type { Dataset } from "../data/parseCsv.js";
import { takeRows } from "../data/split.js";
import type { CvMeasure, CvOptions } from "./crossValidation.js";
import { coxFamily } from "./families/cox.js";
import { type GlmPath, predictGlm } from "./glmPath.js";

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

/**
 * A Cox fold's errors at every λ of the full path (coxValidation.ts) and its weight: the held-out
 * rows' weighted events (deviance) or their weight (C), as cv.glmnet weighs them.
 */
export function coxFoldErrors(
  fit: GlmPath,
  lambdas: readonly number[],
  data: Dataset,
  options: CvOptions,
  measure: CvMeasure,
  trainRows: number[],
  testRows: number[],
  gamma: number,
): { errors: number[]; weight: number } {
  const time = options.time!;
  const weights = options.weights ?? new Float64Array(data.n).fill(1);
  const pick = (values: Float64Array, rows: number[]) => Float64Array.from(rows, (i) => values[i]!);
  const test = takeRows(data, testRows);
  const testTime = pick(time, testRows);
  const testWeights = pick(weights, testRows);
  const trainEta = new Float64Array(trainRows.length);
  const trainTime = pick(time, trainRows);
  const trainStatus = pick(data.y, trainRows);
  const trainWeights = pick(weights, trainRows);
  let events = 0;
  for (const i of testRows) events += weights[i]! * data.y[i]!;
  const errors: number[] = [];
  for (const lambda of lambdas) {
    if (measure === "C") {
      const { values } = predictGlm(
        fit,
        test.x,
        test.n,
        lambda,
        "link",
        options.offset && pick(options.offset, testRows),
        gamma,
      );
      errors.push(harrellC(values, testTime, test.y, testWeights));
      continue;
    }
    const { values: all } = predictGlm(fit, data.x, data.n, lambda, "link", options.offset, gamma);
    trainRows.forEach((i, r) => {
      trainEta[r] = all[i]!;
    });
    const full = coxDeviance(all, time, data.y, weights);
    const train = coxDeviance(trainEta, trainTime, trainStatus, trainWeights);
    errors.push((full - train) / events);
  }
  return { errors, weight: measure === "C" ? testWeights.reduce((a, b) => a + b, 0) : events };
}
