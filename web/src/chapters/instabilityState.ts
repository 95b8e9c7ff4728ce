/**
 * What the instability chapter may say about its two networks — a verdict from numbers, so the
 * page never claims more than they show. Sensitivity is measured twice: on the probability the
 * model outputs, and on its logit z (the output layer before the sigmoid). A confident, saturated
 * network has a flat probability almost everywhere — a nudge cannot move 0.999 much — even when its
 * logit swings wildly; saturation hides its steepness, as σ′ ≈ 0 hid the gradient in chapter 1.
 *
 * - `constant`: the regularized network predicts (nearly) one value for every test point: it is
 *   "stable" because it has learned nothing — no ratio is shown;
 * - `holds`: the penalty made both the probability and the logit move less;
 * - `saturationHides`: the logit moves less with the penalty, the probability does not — because
 *   the unpenalized network sits on the flat tails of its sigmoid;
 * - `fails`: even the logit moves more with the penalty: here the claim does not hold.
 */
import { inputSensitivity, perturbInputs, type Sensitivity } from "../../../src/diagnostics/sensitivity.js";
import type { InstabilityResult } from "../worker/protocol.js";

export type Verdict = "holds" | "saturationHides" | "constant" | "fails";

/** Predictions that vary by less than this over the test points count as one constant. */
export const CONSTANT_SPREAD = 0.01;
export const PERTURBATION_SEED = 7;

export interface Comparison {
  epsilon: number;
  plain: Sensitivity;
  regularized: Sensitivity;
  /** plain / regularized, or null when the regularized model is constant (a ratio would mean nothing). */
  outputRatio: number | null;
  logitRatio: number | null;
  verdict: Verdict;
}

export function sensitivities(result: InstabilityResult, epsilon: number): [Sensitivity, Sensitivity] {
  const { test } = result;
  const perturbation = perturbInputs(test.x, test.n, test.p, epsilon, PERTURBATION_SEED);
  const [a, b] = result.models.map((model) => inputSensitivity(model.network, test.x, perturbation, test.n));
  return [a!, b!];
}

export function compare(result: InstabilityResult, epsilon: number): Comparison {
  const [plain, regularized] = sensitivities(result, epsilon);
  const constant = result.models[1].predictionSpread < CONSTANT_SPREAD || regularized.logit === 0;
  const outputRatio = constant ? null : plain.output / regularized.output;
  const logitRatio = constant ? null : plain.logit / regularized.logit;
  const verdict: Verdict = constant
    ? "constant"
    : logitRatio! <= 1
      ? "fails"
      : outputRatio! > 1
        ? "holds"
        : "saturationHides";
  return { epsilon, plain, regularized, outputRatio, logitRatio, verdict };
}
