/**
 * Cross-validation of a binomial or poisson path over a table, as cv.glmnet does it on rows, without
 * holding them: the full data's path; then, fold by fold, a path fitted by IRLS passes over the
 * other folds' rows (a condition on each row's fold, foldExpression, added to the statements) and
 * scored on the fold's own rows at every λ of the full path by one more scan (heldOutQuery.ts) —
 * the fold's fit read at those λ by glmnet's interpolation (coefficientsAt). K + 1 paths of passes:
 * about K + 1 times one path's time.
 */
import { DataError, displayName } from "../../data/dataError.js";
import { crossValidate, curveAndChoices } from "../../glm/crossValidation.js";
import type { ElasticNetPath } from "../../glm/elasticNetPath.js";
import type { GlmPathOptions } from "../../glm/glmPath.js";
import { coefficientsAt } from "../../glm/predict.js";
import type { StatisticsCv } from "../../glm/statisticsCv.js";
import {
  checkFoldRule,
  foldExpression,
  type TableFolds,
  type TableSelection,
  tableGlmPasses,
  tableHeldOutErrors,
} from "./duckdbTable.js";
import type { HeldOutFamily, HeldOutMeasure } from "./heldOutQuery.js";
import { fitByPasses, holdsInMemory, withAllFeatures } from "./tablePath.js";

/** The errors that say a fold's training rows cannot be fitted: one class, or no count above 0. */
const UNFITTABLE = new Set(["table.notBinary", "glm.classOfOne", "table.notCounts"]);

export async function streamedTableCv(
  file: string,
  selection: TableSelection,
  family: HeldOutFamily,
  measure: HeldOutMeasure,
  folds: TableFolds,
  pathOptions: GlmPathOptions,
  foldLambda: "own" | "full",
  /** --stream: passes however small the table (else a small one is held in memory). */
  stream = false,
) {
  const name = displayName(file, 200);
  checkFoldRule(file, selection, folds);
  const offset = selection.offset !== undefined;
  const whole = await tableGlmPasses(file, { ...selection, keyed: true }, family);
  const { statistics, outputFeatures } = whole;
  if (!stream && holdsInMemory(statistics.n, outputFeatures.length)) {
    // a small table: its rows, each with its fold, held in memory and cross-validated as a CSV's
    const held = await whole.heldRows(foldExpression(folds)).finally(whole.close);
    const foldId = Int32Array.from(held.extra!);
    for (let k = 1; k <= folds.folds; k++)
      if (!foldId.includes(k))
        throw new DataError("table.emptyFold", { file: name, fold: k, folds: folds.folds });
    const result = crossValidate(held.data, {
      ...pathOptions,
      family,
      weights: held.weights,
      offset: held.offset,
      foldId,
      foldLambda,
      measure,
    });
    const sizes = Array.from({ length: folds.folds }, (_, k) => foldId.filter((id) => id === k + 1).length);
    const weights = Array.from({ length: folds.folds }, (_, k) =>
      foldId.reduce((sum, id, i) => (id === k + 1 ? sum + (held.weights?.[i] ?? 1) : sum), 0),
    );
    const cv: StatisticsCv = {
      path: withAllFeatures(result.path as ElasticNetPath, outputFeatures),
      lambda: result.lambda,
      cvm: result.cvm,
      cvsd: result.cvsd,
      lambdaMin: result.lambdaMin,
      lambdaOneSe: result.lambdaOneSe,
      indexMin: result.indexMin,
      indexOneSe: result.indexOneSe,
      foldSizes: sizes,
      foldWeights: weights,
    };
    return { cv, statistics, outputFeatures, passes: 0, inMemory: true };
  }
  const full = await fitByPasses(whole, family, pathOptions, offset);
  const lambdas = full.path.lambda;
  const fold = foldExpression(folds);
  const restricted = (condition: string): TableSelection => ({
    ...selection,
    keyed: true,
    where: selection.where === undefined ? condition : `(${selection.where}) AND ${condition}`,
  });
  const errors: number[][] = [];
  const weights: number[] = [];
  const sizes: number[] = [];
  let passes = full.passes;
  for (let k = 1; k <= folds.folds; k++) {
    // the fold's own rows first: an empty fold is said as such, not as a training set's problem
    const held = restricted(`(${fold}) = ${k}`);
    let fit: Awaited<ReturnType<typeof fitByPasses>>;
    try {
      const training = await tableGlmPasses(file, restricted(`(${fold}) <> ${k}`), family);
      fit = await fitByPasses(
        training,
        family,
        { ...pathOptions, lambda: foldLambda === "full" ? lambdas : pathOptions.lambda },
        offset,
      );
    } catch (error) {
      if (error instanceof DataError && UNFITTABLE.has(error.key))
        throw new DataError("table.foldUnfittable", { file: name, fold: k, folds: folds.folds });
      throw error;
    }
    passes += fit.passes;
    const models = lambdas.map((lambda) => {
      const at = coefficientsAt(fit.path, lambda);
      return { intercept: at.intercept, beta: at.beta };
    });
    const scored = await tableHeldOutErrors(file, held, family, measure, models);
    if (scored.n === 0) throw new DataError("table.emptyFold", { file: name, fold: k, folds: folds.folds });
    if (scored.missingClass !== null)
      throw new DataError("cv.aucOneClass", { file: name, fold: k, label: scored.missingClass });
    if (!(scored.weightTotal > 0)) throw new DataError("table.zeroWeightFold", { file: name, fold: k });
    errors.push(scored.errors);
    weights.push(scored.weightTotal);
    sizes.push(scored.n);
  }
  // cvm, cvsd and the two choices as the cross-validation on rows makes them (a non-finite point
  // an error naming the λ)
  const cv: StatisticsCv = {
    path: full.path,
    // (AUC is better when larger: chosen on its negative, as on rows)
    ...curveAndChoices(errors, weights, lambdas, file, measure === "auc" ? -1 : 1),
    foldSizes: sizes,
    foldWeights: weights,
  };
  return { cv, statistics, outputFeatures, passes, inMemory: false };
}
