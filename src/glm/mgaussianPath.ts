/**
 * The multi-response gaussian family (glmnet's "mgaussian"): K numeric responses fitted together,
 * each column of the design in or out of all K models at once (a group penalty per column):
 *
 *   minimize  1/(2n) Σ_i ‖y_i − β₀ − Bᵀx_i‖² + λ Σ_j pf_j ((1−α)/2 ‖s_j β_j‖² + α ‖s_j β_j‖)
 *
 * with s_j the column's standard deviation (coefficients penalized on the standardized scale), as
 * glmnet with standardize.response = FALSE minimizes it: the responses in their own units, not
 * divided by their spread (unlike the one-response gaussian family, whose ridge part glmnet divides
 * by sd(y); checked against glmnet's KKT conditions in test/glm/mgaussianPath.test.ts). λ_max is the
 * largest ‖x̃_jᵀ W Y‖ / (max(α, 0.001)·pf_j); the path stops early by the gaussian family's rule.
 * The solver is solvers/groupDescent.ts.
 */
import { DataError, displayName } from "../data/dataError.js";
import type { Dataset } from "../data/parseCsv.js";
import { buildDesign } from "./design.js";
import { DEFAULT_TOLERANCE, type PathOptions } from "./elasticNetPath.js";
import { lambdaSequence } from "./lambdaSequence.js";
import {
  createGroupProblem,
  groupPenalty,
  largestGradient,
  largestNullGradient,
  residualSquares,
  solveGroupAtLambda,
} from "./solvers/groupDescent.js";
import { excludedColumns, normalizedPenaltyFactor } from "./solvers/quadraticState.js";

export interface MgaussianPath {
  family: "mgaussian";
  alpha: number;
  n: number;
  p: number;
  featureNames: string[];
  /** The responses' names, in the order of the blocks below. */
  responses: string[];
  lambda: number[];
  /** a0[k][l]: intercept of response k at lambda[l]. */
  a0: number[][];
  /** beta[k][l][j]: coefficient of feature j for response k at lambda[l], in the feature's units. */
  beta: number[][][];
  /** 1 − RSS / null RSS, summed over the responses (glmnet's dev.ratio). */
  devRatio: number[];
  /** Features in the model (a feature is in all K models or none). */
  df: number[];
  /**
   * Σ_k Σ_i w_i (y_ik − ȳ_k)² with Σ w = 1: glmnet's nulldev / Σ w (about the means even without
   * an intercept, as glmnet reports it; %Dev is then of the all-zero model, 1 − RSS/Σ w y²).
   */
  nullDeviance: number;
  /** Σ of the observation weights as given (n without weights): glmnet's nulldev = nullDeviance · this. */
  weightTotal: number;
  /** ½ Σ w ‖r‖² + the penalty, Σ w = 1 (the objective above). */
  objective: number[];
  /** Largest KKT violation / the largest null gradient, at each λ. */
  certificate: number[];
  tolerance: number;
  converged: boolean[];
  penaltyFactor: number[];
  standardize: boolean;
  intercept: boolean;
  /** α < 0.001 on a generated grid: the first λ is fitted, where glmnet reports the null model (elasticNetPath.ts). */
  firstLambdaFitted?: boolean;
}

/**
 * The path of `responses` (each n long) on `data`'s features. `data.y` is not read. Throws a
 * DataError when every response is constant (nothing to fit).
 */
export function mgaussianPath(
  data: Dataset,
  responses: readonly Float64Array[],
  responseNames: readonly string[],
  options: PathOptions = {},
): MgaussianPath {
  const alpha = options.alpha ?? 1;
  const target = options.tolerance ?? DEFAULT_TOLERANCE;
  const design = buildDesign(data, { ...options, exclude: excludedColumns(options) });
  const { n, p, w } = design;
  const K = responses.length;
  const penaltyFactor = normalizedPenaltyFactor(p, options.penaltyFactor);

  // centred responses (with an intercept), and what is left to explain
  const means = responses.map((y) => {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += w[i]! * y[i]!;
    return mean;
  });
  const centred = responses.map((y, k) =>
    design.intercept ? Float64Array.from(y, (value) => value - means[k]!) : Float64Array.from(y),
  );
  // glmnet's nulldev is about the means even without an intercept; its %Dev is of the null model
  // actually fitted (all zero without an intercept, so 1 − RSS/Σwy² there)
  let spread = 0;
  let size = 0;
  let nullModel = 0;
  for (let k = 0; k < K; k++) {
    const y = responses[k]!;
    for (let i = 0; i < n; i++) {
      spread += w[i]! * (y[i]! - means[k]!) ** 2;
      size += w[i]! * y[i]! * y[i]!;
      nullModel += w[i]! * centred[k]![i]! * centred[k]![i]!;
    }
  }
  // nothing to fit: every response constant (relative to its size, so 1e-300·y is not "constant")
  const constant = design.intercept ? !(spread > 1e-24 * size) : !(size > 0);
  if (constant)
    throw new DataError(design.intercept ? "glm.responsesConstant" : "glm.responsesZero", {
      file: displayName(data.source, 200),
      targets: displayName(responseNames.join(", ")),
    });

  const problem = createGroupProblem(design, centred, alpha, penaltyFactor);
  // unpenalized columns (pf = 0) are in every model: fitted first, and the path starts from the
  // residuals they leave, as glmnet's does (any λ leaves the others at zero when it is this large)
  let unpenalized = false;
  let penalized = false;
  for (let j = 0; j < p; j++) {
    if (!design.usable[j]) continue;
    if (penaltyFactor[j] === 0) unpenalized = true;
    else penalized = true;
  }
  // every feature constant or excluded (glmnet's error 7777), or none penalized (its 10000): a
  // grid would start at λ_max = 0
  if (!options.lambda && !penalized)
    throw new DataError(unpenalized ? "glm.allUnpenalized" : "path.noUsableFeature", {
      file: displayName(data.source, 200),
    });
  // glmnet's λ_max for a ridge (α = 0 exactly) is read off the null model's residuals, before the
  // unpenalized columns are fitted (for any α > 0, after): matched, so its grid is glmnet's
  const nullScale = Math.max(largestNullGradient(problem), Number.MIN_VALUE);
  if (unpenalized) {
    const huge = 1e300;
    solveGroupAtLambda(problem, huge, huge, target, Math.max(largestGradient(problem), Number.MIN_VALUE));
  }
  const scale = Math.max(largestNullGradient(problem), Number.MIN_VALUE);
  const maximum = (alpha === 0 ? nullScale : scale) / Math.max(alpha, 1e-3);
  const lambdas = options.lambda
    ? Float64Array.from([...options.lambda].sort((a, b) => b - a))
    : lambdaSequence(maximum, n, p, { count: options.nlambda, minRatio: options.lambdaMinRatio });

  const weightTotal = options.weights ? options.weights.reduce((sum, v) => sum + v, 0) : n;
  const result: MgaussianPath = {
    family: "mgaussian",
    alpha,
    n,
    p,
    featureNames: data.featureNames,
    responses: [...responseNames],
    lambda: [],
    a0: responses.map(() => []),
    beta: responses.map(() => []),
    devRatio: [],
    df: [],
    nullDeviance: spread,
    weightTotal,
    objective: [],
    certificate: [],
    tolerance: target,
    converged: [],
    penaltyFactor: [...penaltyFactor],
    standardize: design.standardize,
    intercept: design.intercept,
    ...(alpha < 1e-3 && !options.lambda ? { firstLambdaFitted: true } : {}),
  };
  let previousSquares = Number.POSITIVE_INFINITY;
  for (let l = 0; l < lambdas.length; l++) {
    const lambda = lambdas[l]!;
    const previous = l === 0 ? lambda : lambdas[l - 1]!;
    const { certificate, converged } = solveGroupAtLambda(problem, lambda, previous, target, scale);
    const squares = residualSquares(problem);
    let df = 0;
    for (let k = 0; k < K; k++) {
      const beta = new Array<number>(p).fill(0);
      let intercept = design.intercept ? means[k]! : 0;
      for (let j = 0; j < p; j++) {
        const b = problem.beta[j * K + k]!;
        if (b === 0) continue;
        beta[j] = b / design.scale[j]!;
        intercept -= beta[j]! * design.mean[j]!;
      }
      result.beta[k]!.push(beta);
      result.a0[k]!.push(intercept);
    }
    for (let j = 0; j < p; j++) if (hasNonzero(problem.beta, j, K)) df++;
    result.lambda.push(lambda);
    result.devRatio.push(1 - squares / nullModel);
    result.df.push(df);
    result.objective.push(0.5 * squares + groupPenalty(problem, lambda));
    result.certificate.push(certificate);
    result.converged.push(converged);
    // glmnet's rule for mgaussian: stop once the residual sum of squares falls by less than 1e-5 of
    // itself (a relative fall in what is left, where its single-response gaussian rule measures
    // the gain against the deviance explained); the rule that predicted glmnet's path length in
    // every setting tried (weights, exclusions, penalty factors, α = 0 and 0.5, no intercept, no
    // standardization), where a rule on %Dev ran up to 95 λ longer
    const devRatio = result.devRatio;
    const small = l > 0 && previousSquares - squares < 1e-5 * squares;
    previousSquares = squares;
    if ((options.earlyStop ?? true) && l >= 4 && (small || devRatio[l]! > 0.999)) break;
  }
  return result;
}

function hasNonzero(beta: Float64Array, j: number, K: number): boolean {
  for (let k = 0; k < K; k++) if (beta[j * K + k] !== 0) return true;
  return false;
}
