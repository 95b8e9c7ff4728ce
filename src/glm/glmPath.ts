/**
 * One entry for every family: a path of the gaussian or binomial family (elasticNetPath) or of the
 * multinomial one (multinomialPath), and predictions from either. Predictions are row-major with
 * `columns` values per row: 1, or K for the multinomial family's link and response.
 */
import { DataError, displayName } from "../data/dataError.js";
import type { Dataset } from "../data/parseCsv.js";
import { type ElasticNetPath, elasticNetPath, type Family, type PathOptions } from "./elasticNetPath.js";
import { familyOf } from "./families/index.js";
import { type MultinomialPath, multinomialPath } from "./multinomialPath.js";
import { predictMultinomial } from "./multinomialPredict.js";
import { type PredictionType, predictPath } from "./predict.js";
import { relaxPath } from "./relax.js";
import { rescaleProblem, unscalePath } from "./rescale.js";
import { unpenalizedLambdaSequence } from "./unpenalizedStart.js";

export const GLM_FAMILIES = ["gaussian", "binomial", "poisson", "cox", "multinomial"] as const;
export type GlmFamily = (typeof GLM_FAMILIES)[number];
export type GlmPath = ElasticNetPath | MultinomialPath;

export interface GlmPathOptions extends Omit<PathOptions, "family"> {
  family?: GlmFamily;
  /**
   * The gaussian objective for α < 1 (default "glmnet"): glmnet's, whose ridge part is divided by
   * sd(y) — the same model glmnet gives at the same λ, in any units of y — or "as-written",
   * ½RSS/n + λ Σ pf_j (α|s_j b_j| + (1−α)/2 (s_j b_j)²), the one scikit-learn's ElasticNet minimizes.
   */
  objective?: "glmnet" | "as-written";
  /** Also fit the relaxed lasso (relax.ts): each λ's model refitted without penalty, as glmnet's relax. */
  relax?: boolean;
}

/**
 * A library caller's settings, checked before any work (the command line checks its own options):
 * a NaN or out-of-range α, grid or tolerance would otherwise run to a path of NaN.
 */
export function checkPathSettings(options: GlmPathOptions): void {
  const { alpha, nlambda, lambdaMinRatio, tolerance, lambda } = options;
  if (alpha !== undefined && !(alpha >= 0 && alpha <= 1))
    throw new RangeError(`alpha must be in [0, 1] (1 lasso, 0 ridge), got ${alpha}`);
  if (nlambda !== undefined && !(Number.isInteger(nlambda) && nlambda >= 1))
    throw new RangeError(`nlambda must be a whole number ≥ 1, got ${nlambda}`);
  if (lambdaMinRatio !== undefined && !(lambdaMinRatio > 0 && lambdaMinRatio <= 1))
    throw new RangeError(`lambdaMinRatio must be in (0, 1], got ${lambdaMinRatio}`);
  if (tolerance !== undefined && !(tolerance > 0 && tolerance < 1))
    throw new RangeError(`tolerance must be in (0, 1), got ${tolerance}`);
  if (
    lambda !== undefined &&
    (lambda.length === 0 || !lambda.every((value) => value >= 0 && Number.isFinite(value)))
  )
    throw new RangeError("lambda must list at least one finite value ≥ 0");
}

/**
 * The path of `data` for the chosen family, in the user's units whatever they are (rescale.ts).
 * Throws a DataError for a gaussian target that leaves nothing to fit: fewer than two rows, or
 * values all equal (all zero without an intercept) — their deviance ratio would be 0/0.
 */
export function glmPath(data: Dataset, options: GlmPathOptions = {}): GlmPath {
  checkPathSettings(options);
  ({ data, options } = takeGaussianOffset(data, options));
  const problem = rescaleProblem(data, options);
  if ((options.family ?? "gaussian") === "gaussian")
    checkGaussianTarget(problem.data, options.intercept ?? true);
  else checkFamilyTarget(data, options.family ?? "gaussian");
  const path = unscalePath(fitInUnits(problem.data, problem.options), problem.rescaling);
  let weightTotal = data.n;
  if (options.weights) weightTotal = options.weights.reduce((sum, w) => sum + w, 0);
  const labels = data.classLabels ? { classLabels: data.classLabels } : {};
  if (!options.relax) return { ...path, weightTotal, ...labels };
  if (path.family === "multinomial")
    throw new RangeError("the relaxed lasso is for single-response families");
  const given = options;
  // each refit: the same problem on the active columns alone, with no penalty (λ is then moot)
  const relaxed = relaxPath(data, path, (columns) => {
    const inModel = new Set(columns);
    const refit = glmPath(data, {
      ...given,
      relax: false,
      exclude: Array.from({ length: data.p }, (_, j) => j).filter((j) => !inModel.has(j)),
      penaltyFactor: new Array<number>(data.p).fill(0),
      lambda: [path.lambda[0]!],
      earlyStop: false,
    }) as ElasticNetPath;
    return { a0: refit.a0[0]!, beta: refit.beta[0]!, devRatio: refit.devRatio[0]! };
  });
  return { ...path, weightTotal, ...labels, relaxed };
}

/**
 * A gaussian offset is a known part of y: the model (and glmnet's y/sd(y)) is of what is left, so
 * it is taken off y before anything else (the other families keep theirs inside η).
 */
export function takeGaussianOffset<O extends GlmPathOptions>(
  data: Dataset,
  options: O,
): { data: Dataset; options: O } {
  const { offset } = options;
  if (!offset) return { data, options };
  if (options.family === "multinomial")
    throw new RangeError("an offset is for the gaussian, binomial and poisson families");
  if ((options.family ?? "gaussian") !== "gaussian") return { data, options };
  return {
    data: { ...data, y: data.y.map((value, i) => value - offset[i]!) },
    options: { ...options, offset: undefined },
  };
}

function fitInUnits(data: Dataset, options: GlmPathOptions): GlmPath {
  // α < 0.001 on a generated grid: reglab fits the first λ, glmnet reports the null model there
  // (said in the output: differs_from_glmnet) — whichever route made the grid
  const firstLambdaFitted = (options.alpha ?? 1) < 1e-3 && !options.lambda ? { firstLambdaFitted: true } : {};
  if (options.family === "multinomial")
    return { ...multinomialPath(data, { ...options, family: undefined }), ...firstLambdaFitted };
  const single = { ...options, family: options.family as Family | undefined };
  // unpenalized columns: the path starts after fitting them, as glmnet's (unpenalizedStart.ts)
  const path = elasticNetPath(data, {
    ...single,
    lambda: unpenalizedLambdaSequence(data, single) ?? single.lambda,
  });
  return { ...path, ...firstLambdaFitted };
}

/**
 * Refuses a binomial target other than 0/1 and a negative poisson count, naming the row: a library
 * caller's y goes straight to the loss, where either runs to a path that never converges (the
 * command line maps two class labels to 0/1 and checks counts before this).
 */
function checkFamilyTarget(data: Dataset, family: string): void {
  if (family !== "binomial" && family !== "poisson") return;
  const bad = familyOf(family).invalidTarget(data.y);
  if (!bad) return;
  throw new DataError(family === "binomial" ? "glm.notZeroOne" : "glm.negativeCount", {
    file: displayName(data.source, 200),
    row: data.lines?.[bad.row] ?? bad.row + 2,
    target: displayName(data.targetName),
    value: data.y[bad.row]!,
  });
}

/** Refuses a target with no spread to explain, relative to its size (so 1e-300·y is not "constant"). */
function checkGaussianTarget(data: Dataset, intercept: boolean): void {
  const { n, y } = data;
  const file = displayName(data.source, 200);
  if (n < 2) throw new DataError("glm.tooFewRows", { file, n });
  let mean = 0;
  for (let i = 0; i < n; i++) mean += y[i]! / n;
  let spread = 0;
  for (let i = 0; i < n; i++) spread += (y[i]! - mean) ** 2 / n;
  const constant = intercept ? spread <= 1e-24 * (mean * mean + spread) : spread + mean * mean === 0;
  if (constant)
    throw new DataError(intercept ? "glm.constantTarget" : "glm.zeroTarget", {
      file,
      target: displayName(data.targetName),
      value: y[0]!,
    });
}

/**
 * Predictions for n rows of x (row-major) at λ; `offset` adds each row's known part of η (as
 * glmnet's `newoffset`), required when the path was fitted with one.
 */
export function predictGlm(
  path: GlmPath,
  x: Float64Array,
  n: number,
  lambda: number,
  type: PredictionType = "response",
  offset?: Float64Array,
  gamma = 1,
): { values: Float64Array; columns: number } {
  if (path.family === "multinomial") {
    const values = predictMultinomial(path, x, n, lambda, type);
    return { values, columns: type === "class" ? 1 : path.classes.length };
  }
  return { values: predictPath(path, x, n, lambda, type, offset, gamma), columns: 1 };
}
