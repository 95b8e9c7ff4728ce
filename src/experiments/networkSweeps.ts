/**
 * The experiments behind claims C4 (instability) and C5 (overfitting): train the same network on
 * the same split many times, changing one thing — the L2 strength λ, or the scale of the initial
 * weights — and read the diagnostics of the final epoch.
 */
import type { Dataset } from "../data/parseCsv.js";
import { fitStandardizer, type Standardizer, standardize, trainTestSplit } from "../data/split.js";
import { type TrainOptions, trainNetwork } from "../nn/train.js";

/** λ values of the sweeps: 0 and the decades 1e-5 … 1e-1. */
export const SWEEP_LAMBDAS: readonly number[] = Object.freeze([0, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1]);
/** Initial-weight scales of the saturation sweep. */
export const SWEEP_INIT_SCALES: readonly number[] = Object.freeze([0.1, 1, 3, 10, 30]);

export interface SweepRow {
  lambda: number;
  initScale: number;
  trainLoss: number;
  testLoss: number;
  trainAccuracy: number;
  testAccuracy: number;
  /** testLoss − trainLoss. */
  gap: number;
  /** ‖W‖ over all layers (Frobenius). */
  weightNorm: number;
  /** Saturated share over the hidden units (mean of the hidden layers). */
  saturatedShare: number;
  /** Saturated share at the start of training. */
  initialSaturatedShare: number;
  /** ‖∂E/∂W‖ over all layers at the start of training. */
  initialGradientNorm: number;
  gradientNorm: number;
  sensitivity: number;
  logitSensitivity: number;
  lipschitzBound: number;
  diverged: boolean;
}

export interface PreparedData {
  name: string;
  train: Dataset;
  test: Dataset;
  /** How raw inputs were standardized (to map new points, e.g. a plotting grid, the same way). */
  standardizer: Standardizer;
}

/** A seeded train/test split, standardized with the training rows' statistics. */
export function prepareData(data: Dataset, trainRatio: number, seed: number): PreparedData {
  const { train, test } = trainTestSplit(data, trainRatio, seed);
  const standardizer = fitStandardizer(train);
  return {
    name: data.source,
    train: standardize(train, standardizer),
    test: standardize(test, standardizer),
    standardizer,
  };
}

function rowOf(lambda: number, initScale: number, data: PreparedData, options: TrainOptions): SweepRow {
  const result = trainNetwork(data.train, data.test, {
    ...options,
    l2: lambda,
    initScale,
    diagnosticsEvery: 0,
  });
  const first = result.history[0]!;
  const last = result.history.at(-1)!;
  const hidden = last.layers.slice(0, -1);
  const norm = (values: number[]) => Math.sqrt(values.reduce((sum, v) => sum + v * v, 0));
  return {
    lambda,
    initScale,
    trainLoss: last.trainLoss,
    testLoss: last.testLoss,
    trainAccuracy: last.trainAccuracy,
    testAccuracy: last.testAccuracy,
    gap: last.gap,
    weightNorm: norm(last.layers.map((l) => l.weightNorm)),
    saturatedShare: hidden.reduce((sum, l) => sum + l.saturatedShare, 0) / Math.max(1, hidden.length),
    initialSaturatedShare:
      first.layers.slice(0, -1).reduce((sum, l) => sum + l.saturatedShare, 0) / Math.max(1, hidden.length),
    initialGradientNorm: norm(first.layers.map((l) => l.gradientNorm)),
    gradientNorm: norm(last.layers.map((l) => l.gradientNorm)),
    sensitivity: last.sensitivity,
    logitSensitivity: last.logitSensitivity,
    lipschitzBound: last.lipschitzBound,
    diverged: result.diverged,
  };
}

/** Trains once per λ (initial scale 1). */
export function lambdaSweep(
  data: PreparedData,
  options: TrainOptions,
  lambdas: readonly number[] = SWEEP_LAMBDAS,
): SweepRow[] {
  return lambdas.map((lambda) => rowOf(lambda, options.initScale ?? 1, data, options));
}

/** Trains once per initial scale, each without and with the given λ. */
export function initScaleSweep(
  data: PreparedData,
  options: TrainOptions,
  scales: readonly number[] = SWEEP_INIT_SCALES,
  lambdas: readonly number[] = [0, 1e-3],
): SweepRow[] {
  return lambdas.flatMap((lambda) => scales.map((scale) => rowOf(lambda, scale, data, options)));
}

/** Spearman's rank correlation of two equally long series (ties get their mean rank). */
export function rankCorrelation(a: readonly number[], b: readonly number[]): number {
  const ranks = (values: readonly number[]) => {
    const order = values.map((v, i) => [v, i] as const).sort((x, y) => x[0] - y[0]);
    const result = new Array<number>(values.length);
    for (let start = 0; start < order.length; ) {
      let end = start;
      while (end + 1 < order.length && order[end + 1]![0] === order[start]![0]) end++;
      for (let k = start; k <= end; k++) result[order[k]![1]] = (start + end) / 2;
      start = end + 1;
    }
    return result;
  };
  const ra = ranks(a);
  const rb = ranks(b);
  const mean = (ra.length - 1) / 2;
  let covariance = 0;
  let varianceA = 0;
  let varianceB = 0;
  for (let i = 0; i < ra.length; i++) {
    covariance += (ra[i]! - mean) * (rb[i]! - mean);
    varianceA += (ra[i]! - mean) ** 2;
    varianceB += (rb[i]! - mean) ** 2;
  }
  return varianceA === 0 || varianceB === 0 ? 0 : covariance / Math.sqrt(varianceA * varianceB);
}
