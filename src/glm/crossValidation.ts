/**
 * K-fold cross-validation of a path, as cv.glmnet does it (grouped): the path is fitted on all rows
 * for its λ sequence, then on each fold's complement with its own sequence (foldLambda "own", the
 * default; "full": with the full data's), predicting at the full data's λ; the held-out rows are
 * scored at every λ; the error of a fold is the weighted mean over its rows, and
 *
 *   cvm(λ)  = Σ_k N_k·err_k(λ) / Σ_k N_k
 *   cvsd(λ) = √( Σ_k N_k (err_k(λ) − cvm(λ))² / Σ_k N_k / (K − 1) )
 *   λ.min   = the largest λ with the smallest cvm
 *   λ.1se   = the largest λ whose cvm ≤ cvm(λ.min) + cvsd(λ.min)
 *
 * with N_k the weight of fold k. A fold's path may stop early (as glmnet's does); beyond its last λ
 * it predicts with its last coefficients, as glmnet's predict does. Fold ids: "random" (a seeded shuffle of 1…K, repeated), "mod"
 * (row i, 0-based, in fold (i mod K) + 1) or given.
 */
import { DataError, displayName } from "../data/dataError.js";
import type { Dataset } from "../data/parseCsv.js";
import { shuffledIndices, takeRows } from "../data/split.js";
import { coxFoldErrors } from "./coxValidation.js";
import { type MultinomialMeasure, rowLoss as multinomialRowLoss } from "./families/multinomial.js";
import {
  type GlmFamily,
  type GlmPath,
  type GlmPathOptions,
  glmPath,
  predictGlm,
  takeGaussianOffset,
} from "./glmPath.js";
import { classIndices } from "./multinomialPath.js";
import { chooseRelaxed, type RelaxedCv, relaxGammas } from "./relaxedCv.js";
import { rescaleProblem, unscaleCvError, unscalePath } from "./rescale.js";

export const CV_MEASURES = ["deviance", "mse", "mae", "class", "auc", "C"] as const;
export type CvMeasure = (typeof CV_MEASURES)[number];

/**
 * The measures each family has a meaning for: auc ranks two classes, class counts wrong labels, C
 * is the concordance of survival times; a Cox model is scored by its partial likelihood or C only.
 */
export const MEASURES_OF: Record<GlmFamily, readonly CvMeasure[]> = {
  gaussian: ["deviance", "mse", "mae"],
  poisson: ["deviance", "mse", "mae"],
  binomial: ["deviance", "mse", "mae", "class", "auc"],
  multinomial: ["deviance", "mse", "mae", "class"],
  cox: ["deviance", "C"],
};

export interface CvOptions extends GlmPathOptions {
  folds?: number;
  foldRule?: "random" | "mod";
  /**
   * "own" (default, as cv.glmnet): each fold's path on its own λ sequence, its predictions at the
   * full data's λ interpolated linearly in λ; "full": every fold on the full data's sequence.
   */
  foldLambda?: "own" | "full";
  /** Fold of each row, 1 … K (overrides folds and foldRule). */
  foldId?: Int32Array;
  measure?: CvMeasure;
  seed?: number;
  /** With relax: the γ values to score (default 0, 0.25, 0.5, 0.75, 1; 1 is always added). */
  gamma?: readonly number[];
  /** Called after each fold (progress). */
  onFold?: (fold: number, folds: number) => void;
}

export type { RelaxedCv } from "./relaxedCv.js";

export interface CvResult {
  path: GlmPath;
  measure: CvMeasure;
  foldId: Int32Array;
  lambda: number[];
  cvm: number[];
  cvsd: number[];
  lambdaMin: number;
  lambdaOneSe: number;
  indexMin: number;
  indexOneSe: number;
  /** With relax: a curve per γ (the last, γ = 1, is cvm/cvsd above) and cv.glmnet's (λ, γ) choices. */
  relaxed?: RelaxedCv;
}

export function foldIds(n: number, folds: number, rule: "random" | "mod", seed: number): Int32Array {
  const ids = new Int32Array(n);
  if (rule === "mod") {
    for (let i = 0; i < n; i++) ids[i] = (i % folds) + 1;
    return ids;
  }
  shuffledIndices(n, seed).forEach((row, position) => {
    ids[row] = (position % folds) + 1;
  });
  return ids;
}

/** The number of folds K: the largest fold id (a loop: a spread of n ids would overflow the stack). */
export function largestFold(foldId: Int32Array): number {
  let largest = 0;
  for (const id of foldId) if (id > largest) largest = id;
  return largest;
}

/** Refuses fold assignments under which some λ's error could not be computed (see crossValidate). */
export function checkFolds(data: Dataset, foldId: Int32Array, family: string, measure: CvMeasure): void {
  const file = displayName(data.source, 200);
  const folds = largestFold(foldId);
  if (folds > data.n) throw new DataError("cv.moreFoldsThanRows", { file, folds, n: data.n });
  const rows = new Int32Array(folds + 1);
  for (const id of foldId) rows[id]!++;
  const distinct = rows.reduce((count, r, id) => count + (id > 0 && r > 0 ? 1 : 0), 0);
  if (distinct < 3) throw new DataError("cv.tooFewFolds", { file, folds: distinct });
  const empty = rows.findIndex((r, id) => id > 0 && r === 0);
  if (empty > 0) throw new DataError("cv.foldGap", { file, fold: empty, folds });
  if (family === "gaussian" || family === "poisson") return;
  if (family === "cox") {
    checkCoxFolds(data, foldId, folds, file);
    return;
  }
  // classes: every fold's training rows must hold every class, and for auc its test rows both
  const labels = [...new Set(data.y)].sort((a, b) => a - b);
  const inFold = labels.map(() => new Int32Array(folds + 1));
  for (let i = 0; i < data.n; i++) inFold[labels.indexOf(data.y[i]!)]![foldId[i]!]!++;
  labels.forEach((label, c) => {
    const total = inFold[c]!.reduce((a, b) => a + b, 0);
    for (let fold = 1; fold <= folds; fold++) {
      if (inFold[c]![fold] === total)
        throw new DataError("cv.foldHoldsClass", { file, fold, label, count: total });
      // glmnet refuses a class of one row, in a fold's training rows as in the whole data
      if (total - inFold[c]![fold]! < 2) throw new DataError("cv.foldLeavesOne", { file, fold, label });
      if (measure === "auc" && inFold[c]![fold] === 0 && rows[fold]! > 0)
        throw new DataError("cv.aucOneClass", { file, fold, label });
    }
  });
}

/** Every fold's training rows need an event: a partial likelihood without one has nothing to fit. */
function checkCoxFolds(data: Dataset, foldId: Int32Array, folds: number, file: string): void {
  const events = new Float64Array(folds + 1);
  let total = 0;
  for (let i = 0; i < data.n; i++) {
    events[foldId[i]!]! += data.y[i]!;
    total += data.y[i]!;
  }
  for (let fold = 1; fold <= folds; fold++)
    if (events[fold] === total) throw new DataError("cv.foldHoldsEvents", { file, fold, count: total });
}

/** Mann–Whitney AUC of scores for labels 0/1 (ties count half); NaN if a class is missing. */
export function auc(scores: Float64Array, labels: Float64Array): number {
  const order = Array.from(scores, (_, i) => i).sort((a, b) => scores[a]! - scores[b]!);
  let rankSum = 0;
  let positives = 0;
  for (let start = 0; start < order.length; ) {
    let end = start;
    while (end + 1 < order.length && scores[order[end + 1]!] === scores[order[start]!]) end++;
    const rank = (start + end) / 2 + 1;
    for (let k = start; k <= end; k++) {
      if (labels[order[k]!] === 1) {
        rankSum += rank;
        positives++;
      }
    }
    start = end + 1;
  }
  return aucFromRankSum(rankSum, positives, order.length);
}

/**
 * The Mann–Whitney AUC from the sum of the positives' ranks (1 up, ties at their mean) among
 * `total` rows; NaN if a class is missing. (A table's held-out rows are ranked by SQL: heldOutQuery.)
 */
export function aucFromRankSum(rankSum: number, positives: number, total: number): number {
  const negatives = total - positives;
  if (positives === 0 || negatives === 0) return Number.NaN;
  return (rankSum - (positives * (positives + 1)) / 2) / (positives * negatives);
}

/**
 * The per-row loss of a prediction (response scale) for a measure other than auc. A binomial
 * row's mse and mae are cv.glmnet's: summed over both classes' indicator columns, (y − p)² +
 * ((1 − y) − (1 − p))², twice the one difference.
 */
export function rowLoss(measure: CvMeasure, family: string, y: number, prediction: number): number {
  const columns = family === "binomial" ? 2 : 1;
  switch (measure) {
    case "mse":
      return columns * (y - prediction) ** 2;
    case "mae":
      return columns * Math.abs(y - prediction);
    case "class":
      return (prediction > 0.5 ? 1 : 0) === y ? 0 : 1;
    default: {
      if (family === "gaussian") return (y - prediction) ** 2;
      // poisson: 2 (y log(y/μ) − (y − μ)), 0 log 0 = 0 (cv.glmnet's)
      if (family === "poisson") return 2 * ((y > 0 ? y * Math.log(y / prediction) : 0) - (y - prediction));
      const p = Math.min(Math.max(prediction, 1e-5), 1 - 1e-5); // glmnet's clipping
      return -2 * (y * Math.log(p) + (1 - y) * Math.log(1 - p));
    }
  }
}

/**
 * Cross-validates the path of `data`, in the user's units whatever they are (the problem is
 * rescaled once, rescale.ts, and the path and errors put back). Throws a DataError when the folds
 * cannot give every λ a finite error: fewer than 3 folds, more folds than rows, fold ids with gaps,
 * a fold whose training rows lack a class, a fold that holds one class only (auc), or a measure the
 * family has no meaning for.
 */
export function crossValidate(data: Dataset, options: CvOptions = {}): CvResult {
  ({ data, options } = takeGaussianOffset(data, options));
  const measure = options.measure ?? "deviance";
  const family = options.family ?? "gaussian";
  // auc ranks two classes, class counts wrong labels: neither means anything for a number target
  if (!MEASURES_OF[family].includes(measure)) throw new DataError("cv.measureFamily", { measure, family });
  const folds = options.folds ?? 10;
  // more folds than rows would quietly become leave-one-out: say so instead
  if (!options.foldId && folds > data.n)
    throw new DataError("cv.moreFoldsThanRows", { file: displayName(data.source, 200), folds, n: data.n });
  const foldId = options.foldId ?? foldIds(data.n, folds, options.foldRule ?? "random", options.seed ?? 1);
  checkFolds(data, foldId, family, measure);
  const problem = rescaleProblem(data, options);
  const result = crossValidateInUnits(problem.data, { ...problem.options, foldId }, measure, foldId);
  const { rescaling } = problem;
  const path = unscalePath(result.path, rescaling);
  return {
    ...result,
    path,
    lambda: [...path.lambda],
    cvm: result.cvm.map((value) => unscaleCvError(value, measure, rescaling)),
    cvsd: result.cvsd.map((value) => unscaleCvError(value, measure, rescaling)),
    lambdaMin: path.lambda[result.indexMin]!,
    lambdaOneSe: path.lambda[result.indexOneSe]!,
    ...(result.relaxed
      ? {
          relaxed: {
            ...result.relaxed,
            cvm: result.relaxed.cvm.map((curve) =>
              curve.map((value) => unscaleCvError(value, measure, rescaling)),
            ),
            cvsd: result.relaxed.cvsd.map((curve) =>
              curve.map((value) => unscaleCvError(value, measure, rescaling)),
            ),
            lambdaMin: rescaling.lambdaToUser(result.relaxed.lambdaMin),
            lambdaOneSe: rescaling.lambdaToUser(result.relaxed.lambdaOneSe),
          },
        }
      : {}),
  };
}

function crossValidateInUnits(
  data: Dataset,
  options: CvOptions,
  measure: CvMeasure,
  foldId: Int32Array,
): CvResult {
  const path = glmPath(data, options);
  // multinomial: score against class indices 0…K−1 (the path keeps the original labels)
  const classOf = path.family === "multinomial" ? classIndices(data).index : null;
  const lambdas = path.lambda;
  const folds = largestFold(foldId);
  const weights = options.weights ?? new Float64Array(data.n).fill(1);
  const offset = options.offset;
  const time = options.time;
  const gammas = relaxGammas(options);
  const foldErrors_: number[][][] = gammas.map(() => []);
  const foldWeight: number[] = [];
  for (let fold = 1; fold <= folds; fold++) {
    const trainRows: number[] = [];
    const testRows: number[] = [];
    for (let i = 0; i < data.n; i++) (foldId[i] === fold ? testRows : trainRows).push(i);
    const train = takeRows(data, trainRows);
    const test = takeRows(data, testRows);
    // cv.glmnet's way (the default): each fold on its own λ sequence (unless the user gave one),
    // predicted at the full data's λ by interpolation; or every fold on the full data's sequence
    const fit = glmPath(train, {
      ...options,
      lambda: options.foldLambda === "full" ? lambdas : options.lambda,
      weights: options.weights ? Float64Array.from(trainRows, (i) => weights[i]!) : undefined,
      offset: offset ? Float64Array.from(trainRows, (i) => offset[i]!) : undefined,
      time: time ? Float64Array.from(trainRows, (i) => time[i]!) : undefined,
    });
    // one curve per γ of the relaxed lasso (γ = 1 alone without --relax: the path itself)
    let weight = 0;
    gammas.forEach((gamma, g) => {
      const scored = time
        ? coxFoldErrors(fit, lambdas, data, options, measure, trainRows, testRows, gamma)
        : foldErrors(fit, lambdas, test, testRows, options, measure, classOf, path.family, gamma);
      foldErrors_[g]!.push(scored.errors);
      weight = scored.weight;
    });
    foldWeight.push(weight);
    options.onFold?.(fold, folds);
  }
  // AUC and C are better when larger: choose on their negatives, as glmnet does.
  const sign = measure === "auc" || measure === "C" ? -1 : 1;
  // a curve per γ (each checked finite: a safety net, every case that could make an error
  // undefined was refused above); γ = 1, the last, is the path's own
  const curves = foldErrors_.map((errors) => curveAndChoices(errors, foldWeight, lambdas, data.source, sign));
  return {
    path,
    measure,
    foldId,
    ...curves.at(-1)!,
    ...(options.relax ? { relaxed: chooseRelaxed(curves, gammas, lambdas, sign) } : {}),
  };
}

/**
 * λ.min (the first λ, from the largest, with the best cvm) and λ.1se (the largest λ whose cvm is
 * within one cvsd of it), as indices; sign −1 for measures that are better when larger.
 */
export function chooseLambdas(cvm: readonly number[], cvsd: readonly number[], sign: 1 | -1 = 1) {
  let indexMin = 0;
  for (let k = 1; k < cvm.length; k++) if (sign * cvm[k]! < sign * cvm[indexMin]!) indexMin = k;
  const bound = sign * cvm[indexMin]! + cvsd[indexMin]!;
  let indexOneSe = indexMin;
  for (let k = 0; k < cvm.length; k++) {
    if (sign * cvm[k]! <= bound) {
      indexOneSe = k;
      break;
    }
  }
  return { indexMin, indexOneSe };
}

/**
 * cv.glmnet's curve and choices from each fold's errors (one array of L per fold, weighted by the
 * fold's share): cvm, cvsd, λ.min and λ.1se (sign −1 for a measure to maximize, auc). A point that
 * comes out non-finite is an error naming the file and λ, never a NaN in the output.
 */
export function curveAndChoices(
  errors: number[][],
  foldWeight: number[],
  lambdas: readonly number[],
  source: string,
  sign: 1 | -1 = 1,
) {
  const L = lambdas.length;
  const { cvm, cvsd } = summarizeFolds(errors, foldWeight, L);
  for (let k = 0; k < L; k++)
    if (!Number.isFinite(cvm[k]!) || !Number.isFinite(cvsd[k]!))
      throw new DataError("cv.notFinite", { file: displayName(source, 200), lambda: lambdas[k]! });
  const { indexMin, indexOneSe } = chooseLambdas(cvm, cvsd, sign);
  return {
    lambda: [...lambdas],
    cvm,
    cvsd,
    lambdaMin: lambdas[indexMin]!,
    lambdaOneSe: lambdas[indexOneSe]!,
    indexMin,
    indexOneSe,
  };
}

/** cvm and cvsd at each λ from the folds' errors, weighted by the folds' weights N_k (see above). */
export function summarizeFolds(foldError: number[][], foldWeight: number[], L: number) {
  const folds = foldError.length;
  const totalWeight = foldWeight.reduce((a, b) => a + b, 0);
  const cvm = new Array<number>(L);
  const cvsd = new Array<number>(L);
  for (let k = 0; k < L; k++) {
    let mean = 0;
    for (let f = 0; f < folds; f++) mean += foldWeight[f]! * foldError[f]![k]!;
    mean /= totalWeight;
    let spread = 0;
    for (let f = 0; f < folds; f++) spread += foldWeight[f]! * (foldError[f]![k]! - mean) ** 2;
    cvm[k] = mean;
    cvsd[k] = Math.sqrt(spread / totalWeight / (folds - 1));
  }
  return { cvm, cvsd };
}

/**
 * A fold's errors at every λ of the full path, and its weight (the held-out rows' total weight):
 * cv.glmnet's scoring — the fold's fit predicted at each full-data λ by glmnet's interpolation
 * (predictGlm), the family's loss per held-out row, weighted. Exported so that the tests can score
 * glmnet's own fold fits with it (test/glm/cvGlmnetFolds.test.ts).
 */
export function foldErrors(
  fit: GlmPath,
  lambdas: readonly number[],
  test: Dataset,
  testRows: number[],
  options: CvOptions,
  measure: CvMeasure,
  classOf: Int32Array | null,
  family: string,
  gamma: number,
): { errors: number[]; weight: number } {
  const { offset, weights } = options;
  const testOffset = offset ? Float64Array.from(testRows, (i) => offset[i]!) : undefined;
  const testWeights = Float64Array.from(testRows, (i) => (weights ? weights[i]! : 1));
  const totalWeight = testWeights.reduce((a, b) => a + b, 0);
  const errors = lambdas.map((lambda) => {
    const { values: prediction, columns } = predictGlm(
      fit,
      test.x,
      test.n,
      lambda,
      measure === "auc" ? "link" : "response",
      testOffset,
      gamma,
    );
    if (measure === "auc") return auc(prediction, test.y);
    let sum = 0;
    for (let i = 0; i < test.n; i++) {
      const loss = classOf
        ? multinomialRowLoss(
            measure as MultinomialMeasure,
            classOf[testRows[i]!]!,
            prediction.subarray(i * columns, i * columns + columns),
          )
        : rowLoss(measure, family, test.y[i]!, prediction[i]!);
      sum += testWeights[i]! * loss;
    }
    return sum / totalWeight;
  });
  return { errors, weight: totalWeight };
}
