/**
 * The experiment behind the article's claims C2 and C3: train the sigmoid unit by gradient descent
 * from initial weights small to large, at several learning rates, with and without an L2 penalty,
 * on data from a known teacher unit — and measure stalls and overshoots.
 */
import { trainSigmoidUnit } from "../core/gradientDescent.js";
import { type DescentSummary, summarizeDescent } from "./descentSummary.js";
import { teacherData } from "./teacherData.js";

export interface DescendOptions {
  /** Initial weights m₀ (c₀ = 0); default 0.1, 1, 10, 100. */
  initialWeights?: readonly number[];
  /** Learning rates η; default 0.1, 1, 10, 100, 1000 (a decade apart, to find the usable range). */
  learningRates?: readonly number[];
  /** L2 strengths λ₂ (0 = none); default 0 and 0.001. */
  l2?: readonly number[];
  /** Updates per run; default 3000. */
  steps?: number;
  /** The data loss that counts as learned; default 1e-3. */
  lossTarget?: number;
  /** σ' below this counts as saturated; default 0.01. */
  saturationThreshold?: number;
  samples?: number;
  teacherM?: number;
  teacherC?: number;
  inputScale?: number;
  noise?: number;
  seed?: number;
}

export const DESCEND_DEFAULTS = {
  initialWeights: [0.1, 1, 10, 100],
  learningRates: [0.1, 1, 10, 100, 1000],
  l2: [0, 0.001],
  steps: 3000,
  lossTarget: 1e-3,
  saturationThreshold: 0.01,
  samples: 200,
  teacherM: 2,
  teacherC: -0.5,
  inputScale: 1,
  noise: 0,
  seed: 1,
} as const;

export type DescendSettings = {
  -readonly [K in keyof typeof DESCEND_DEFAULTS]: (typeof DESCEND_DEFAULTS)[K] extends readonly number[]
    ? number[]
    : number;
};

export interface DescendRun extends DescentSummary {
  initialM: number;
  learningRate: number;
  l2: number;
  /** The data loss before each step (for loss-curve figures). */
  lossCurve: Float64Array;
}

export interface DescendResult {
  settings: DescendSettings;
  runs: DescendRun[];
}

export function descend(options: DescendOptions = {}): DescendResult {
  const settings: DescendSettings = {
    ...DESCEND_DEFAULTS,
    ...options,
    initialWeights: [...(options.initialWeights ?? DESCEND_DEFAULTS.initialWeights)],
    learningRates: [...(options.learningRates ?? DESCEND_DEFAULTS.learningRates)],
    l2: [...(options.l2 ?? DESCEND_DEFAULTS.l2)],
  };
  const data = teacherData(settings);
  const runs: DescendRun[] = [];
  for (const l2 of settings.l2) {
    for (const learningRate of settings.learningRates) {
      for (const initialM of settings.initialWeights) {
        const result = trainSigmoidUnit(
          data.x,
          data.t,
          { m: initialM, c: 0 },
          {
            learningRate,
            steps: settings.steps,
            penalty: { l2, l1: 0 },
            lossTarget: settings.lossTarget,
            saturationThreshold: settings.saturationThreshold,
          },
        );
        runs.push({
          initialM,
          learningRate,
          l2,
          ...summarizeDescent(result, settings.lossTarget),
          lossCurve: result.history.loss,
        });
      }
    }
  }
  return { settings, runs };
}
