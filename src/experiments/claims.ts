/**
 * The article's claims, each turned into measured numbers and a verdict that the numbers decide.
 * The words that state and explain each claim live in the message catalogs (i18n), keyed by id;
 * here are only the measurements, as plain JSON-ready data.
 *
 *   C1  A large weight makes σ(m·x + c) steep: most inputs fall where σ' ≈ 0.
 *   C2  Where σ' ≈ 0 the gradient vanishes: training from large weights stalls; L2 pulls it out.
 *   C3  …or jumps past the minimum: a step size large enough to leave the plateau overshoots.
 *   C4  Large weights make a network unstable (sensitive to its inputs); L2 steadies it.
 *   C5  Large weights overfit: a suitable λ narrows the train/test gap.
 */

import { maxOf, minOf } from "../core/extent.js";
import { dataset2d } from "../data/datasets2d.js";
import type { Dataset } from "../data/parseCsv.js";
import type { TrainOptions } from "../nn/train.js";
import { type DescendResult, type DescendRun, descend } from "./descend.js";
import { lambdaSweep, prepareData, rankCorrelation, type SweepRow } from "./networkSweeps.js";
import { type SigmoidCurves, sigmoidCurves } from "./sigmoidCurves.js";

export interface SlopeClaim {
  id: "C1";
  holds: boolean;
  slopes: number[];
  saturatedShares: number[];
  maxSlopes: number[];
  standardizedSlopes: number[];
  saturationCutoff: number;
  xMin: number;
  xMax: number;
}

export interface StallClaim {
  id: "C2";
  holds: boolean;
  learningRate: number;
  steps: number;
  l2: number;
  smallM: number;
  largeM: number;
  /** Mean σ'(z) over the data at the start, for the small and the large initial weight. */
  smallMeanDydz: number;
  largeMeanDydz: number;
  /** Steps to the loss target (null: not within `steps`). */
  smallStepsToTarget: number | null;
  largeStepsToTarget: number | null;
  largeStalledSteps: number;
  largeFinalM: number;
  /** The same large start with the L2 penalty. */
  largeWithL2StepsToTarget: number | null;
}

export interface OvershootClaim {
  id: "C3";
  holds: boolean;
  learningRates: number[];
  smallM: number;
  largeM: number;
  l2: number;
  /** Learning rates, out of `learningRates`, that reach the target with no rise of the objective. */
  smallCleanRates: number[];
  largeCleanRates: number[];
  largeWithL2CleanRates: number[];
  /** For the large start without penalty: rates that reached the target (left the plateau). */
  largeEscapingRates: number[];
  /** …rates that stalled: never reached the target, the loss never rising. */
  largeStalledRates: number[];
  /** …rates that jumped past the minimum (the objective rose), and how many steps rose. */
  largeOvershootRates: number[];
  largeOvershootRises: number[];
}

/** A λ sweep's headline numbers: at λ = 0 and at the λ with the lowest test loss. */
export interface SweepSummary {
  data: string;
  bestLambda: number;
  atZero: SweepRow;
  atBest: SweepRow;
  /** Spearman correlation of weight norm and input sensitivity over the sweep. */
  normSensitivityCorrelation: number;
}

export interface InstabilityClaim {
  id: "C4";
  holds: boolean;
  toy: SweepSummary;
  real: SweepSummary;
}

export interface OverfitClaim {
  id: "C5";
  holds: boolean;
  toy: SweepSummary;
  real: SweepSummary;
}

export interface ArticleClaims {
  C1: SlopeClaim;
  C2: StallClaim;
  C3: OvershootClaim;
  C4: InstabilityClaim;
  C5: OverfitClaim;
  curves: SigmoidCurves;
  descent: DescendResult;
  /** The λ sweeps behind C4 and C5: on a 2-D set and on a real data set. */
  toySweep: SweepRow[];
  realSweep: SweepRow[];
  toyName: string;
  realName: string;
}

const isClean = (run: DescendRun) => run.stepsToTarget !== null && run.objectiveIncreases === 0;

function slopeClaim(curves: SigmoidCurves): SlopeClaim {
  const shares = curves.curves.map((curve) => curve.saturatedShare);
  const maxSlopes = curves.curves.map((curve) => curve.maxSlope);
  const steepest = shares[0] ?? 0;
  const gentlest = shares[shares.length - 1] ?? 0;
  const descending = shares.every((share, i) => i === 0 || share <= shares[i - 1]!);
  return {
    id: "C1",
    holds: descending && steepest > 0.5 && gentlest === 0,
    slopes: curves.curves.map((curve) => curve.m),
    saturatedShares: shares,
    maxSlopes,
    standardizedSlopes: curves.curves.map((curve) => curve.standardizedM),
    saturationCutoff: curves.saturationCutoff,
    xMin: curves.xMin,
    xMax: curves.xMax,
  };
}

function findRun(result: DescendResult, initialM: number, learningRate: number, l2: number): DescendRun {
  const run = result.runs.find(
    (r) => r.initialM === initialM && r.learningRate === learningRate && r.l2 === l2,
  );
  if (!run) throw new Error(`no run for m0=${initialM} η=${learningRate} λ=${l2}`);
  return run;
}

function stallClaim(result: DescendResult, learningRate: number, l2: number): StallClaim {
  const { initialWeights, steps } = result.settings;
  const smallM = minOf(initialWeights);
  const largeM = maxOf(initialWeights);
  const small = findRun(result, smallM, learningRate, 0);
  const large = findRun(result, largeM, learningRate, 0);
  const largeWithL2 = findRun(result, largeM, learningRate, l2);
  const slowdown =
    (large.stepsToTarget ?? Number.POSITIVE_INFINITY) / Math.max(1, small.stepsToTarget ?? steps);
  return {
    id: "C2",
    holds: small.stepsToTarget !== null && slowdown >= 10 && largeWithL2.stepsToTarget !== null,
    learningRate,
    steps,
    l2,
    smallM,
    largeM,
    smallMeanDydz: small.initialMeanDydz,
    largeMeanDydz: large.initialMeanDydz,
    smallStepsToTarget: small.stepsToTarget,
    largeStepsToTarget: large.stepsToTarget,
    largeStalledSteps: large.stalledSteps,
    largeFinalM: large.finalM,
    largeWithL2StepsToTarget: largeWithL2.stepsToTarget,
  };
}

function overshootClaim(result: DescendResult, l2: number): OvershootClaim {
  const { initialWeights, learningRates } = result.settings;
  const smallM = minOf(initialWeights);
  const largeM = maxOf(initialWeights);
  const runsFor = (m: number, penalty: number) =>
    learningRates.map((eta) => findRun(result, m, eta, penalty));
  const clean = (runs: DescendRun[]) => runs.filter(isClean).map((run) => run.learningRate);
  const large = runsFor(largeM, 0);
  const overshooting = large.filter((run) => run.objectiveIncreases > 0);
  const smallCleanRates = clean(runsFor(smallM, 0));
  const largeCleanRates = clean(large);
  const largeWithL2CleanRates = clean(runsFor(largeM, l2));
  return {
    id: "C3",
    // From the large start every rate fails one way or the other, while from the small start, and
    // from the large start with L2, some rate learns cleanly.
    holds: largeCleanRates.length === 0 && smallCleanRates.length > 0 && largeWithL2CleanRates.length > 0,
    learningRates,
    smallM,
    largeM,
    l2,
    smallCleanRates,
    largeCleanRates,
    largeWithL2CleanRates,
    largeEscapingRates: large.filter((run) => run.stepsToTarget !== null).map((run) => run.learningRate),
    largeStalledRates: large
      .filter((run) => run.stepsToTarget === null && run.objectiveIncreases === 0)
      .map((run) => run.learningRate),
    largeOvershootRates: overshooting.map((run) => run.learningRate),
    largeOvershootRises: overshooting.map((run) => run.objectiveIncreases),
  };
}

function summarizeSweep(rows: SweepRow[], data: string): SweepSummary {
  const usable = rows.filter((row) => !row.diverged);
  const atZero = usable.find((row) => row.lambda === 0) ?? usable[0]!;
  const atBest = usable.reduce((best, row) => (row.testLoss < best.testLoss ? row : best));
  return {
    data,
    bestLambda: atBest.lambda,
    atZero,
    atBest,
    normSensitivityCorrelation: rankCorrelation(
      usable.map((row) => row.weightNorm),
      usable.map((row) => row.sensitivity),
    ),
  };
}

/** The network the C4/C5 sweeps train: a 16-16 tanh net, Adam, 600 full-batch epochs. */
export const SWEEP_NETWORK: TrainOptions = {
  hidden: [16, 16],
  activation: "tanh",
  loss: "log",
  optimizer: "adam",
  learningRate: 0.01,
  epochs: 600,
};

export interface ArticleClaimsOptions {
  seed?: number;
  /** The real data set of C4/C5 (the CLI passes breast_cancer.csv); without it the toy set is used twice. */
  realData?: Dataset;
  /** Share of the real data's rows used for training (small, so that overfitting can show); default 0.3. */
  realTrainRatio?: number;
}

/** Runs the article's experiments with their defaults and measures claims C1–C5. */
export function articleClaims(options: ArticleClaimsOptions = {}): ArticleClaims {
  const seed = options.seed ?? 1;
  const curves = sigmoidCurves();
  const descent = descend({ seed });
  const l2 = maxOf(descent.settings.l2);
  const middleRate = descent.settings.learningRates[Math.floor(descent.settings.learningRates.length / 2)]!;

  const toyData = dataset2d("spiral", { samples: 300, noise: 0.5, seed });
  const toySweep = lambdaSweep(prepareData(toyData, 0.5, seed), { ...SWEEP_NETWORK, seed });
  const real = options.realData ?? toyData;
  const realSweep = options.realData
    ? lambdaSweep(prepareData(real, options.realTrainRatio ?? 0.3, seed), { ...SWEEP_NETWORK, seed })
    : toySweep;
  const toy = summarizeSweep(toySweep, toyData.source);
  const realSummary = summarizeSweep(realSweep, real.source);
  return {
    C1: slopeClaim(curves),
    C2: stallClaim(descent, middleRate, l2),
    C3: overshootClaim(descent, l2),
    C4: {
      id: "C4",
      holds:
        toy.atBest.sensitivity < toy.atZero.sensitivity &&
        toy.atBest.lipschitzBound < toy.atZero.lipschitzBound &&
        toy.normSensitivityCorrelation > 0.5 &&
        realSummary.atBest.lipschitzBound < realSummary.atZero.lipschitzBound,
      toy,
      real: realSummary,
    },
    C5: {
      id: "C5",
      holds:
        toy.bestLambda > 0 && toy.atBest.testLoss < toy.atZero.testLoss && toy.atBest.gap < toy.atZero.gap,
      toy,
      real: realSummary,
    },
    curves,
    descent,
    toySweep,
    realSweep,
    toyName: toyData.source,
    realName: real.source,
  };
}
