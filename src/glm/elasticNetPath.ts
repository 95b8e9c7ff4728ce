/**
 * Regularization paths of elastic-net GLMs, computed as glmnet computes them and then some.
 *
 *   minimize  Σ_i w_i ℓ(y_i, η_i) + λ·P(b),   η_i = offset_i + b₀ + x_iᵀb
 *   P(b) = Σ_j pf_j (α|s_j b_j| + (1−α)/2 (s_j b_j)²)
 *
 * with ℓ the family's loss (families/: ½(y − η)² gaussian, log(1 + e^η) − yη binomial, e^η − yη
 * poisson), Σ w_i = 1 (so the losses are weighted means: RSS/2n and the mean negative
 * log-likelihood), s_j the 1/n standard deviation of column j (1 without standardization), pf_j
 * penalty factors rescaled to sum to p, and α ∈ [0, 1] the elastic-net mix (glmnet's alpha;
 * 1 = lasso, 0 = ridge).
 *
 * This file is the path: the intercept-only start, the λ grid, one solve per λ, the deviance and
 * the coefficients put back in the columns' units, the early stop. The solving is behind one
 * interface (solvers/pathSolver.ts, which chooses a solver by family and shape). Every solver
 * converges tighter than glmnet's default and reports a certificate per λ: for the gaussian family
 * (α > 0) the duality gap relative to the objective, a bound on the relative suboptimality;
 * otherwise the largest violation of the optimality (KKT) conditions relative to λ_max, the size
 * of the gradient where the path starts. Non-convergence is data (converged: false), never a throw.
 * Early stop along the path as glmnet: after 5 λs, once the deviance ratio gains less than 1e-5 of
 * itself in a step (gaussian), less than 1e-5 (binomial, multinomial), less than 1e-4 of itself in
 * four steps (poisson), or passes 0.999.
 */
import { DataError, displayName } from "../data/dataError.js";
import type { Dataset } from "../data/parseCsv.js";
import { buildDesign, type Design, releaseDesign } from "./design.js";
import { type FamilyName, familyOf, nullModel } from "./families/index.js";
import { lambdaMaxAtFit, lambdaMaxFromGradient, lambdaSequence } from "./lambdaSequence.js";
import type { RelaxedFit } from "./relax.js";
import { chooseSolver } from "./solvers/pathSolver.js";
import { excludedColumns, normalizedPenaltyFactor } from "./solvers/quadraticState.js";

/**
 * The certificate a λ is solved to by default. Looser is faster (a multinomial path 2–5× at 1e-5)
 * but not free: at 1e-5 the multinomial CV curves of wine and three digits move 1e-4 from
 * cv.glmnet's converged ones and a λ.1se moves a grid step, where at 1e-7 they agree.
 */
export const DEFAULT_TOLERANCE = 1e-7;

/** The families of a single-response path (the multinomial one is multinomialPath.ts). */
export type Family = FamilyName;

export interface PathOptions {
  family?: Family;
  /** Elastic-net mix α ∈ [0, 1] (default 1, the lasso). */
  alpha?: number;
  /** Number of λ values (default 100). */
  nlambda?: number;
  /** λ_min/λ_max (default 1e-4 if n > p, else 1e-2). */
  lambdaMinRatio?: number;
  /** A λ sequence of your own (used as given, sorted decreasing). */
  lambda?: readonly number[];
  standardize?: boolean;
  intercept?: boolean;
  /** Per-feature penalty factors (default 1; 0 = never penalized; ∞ = excluded, as glmnet). */
  penaltyFactor?: readonly number[];
  /** Features (0-based) kept out of every model (glmnet's `exclude`). */
  exclude?: readonly number[];
  /** Observation weights (default 1). */
  weights?: Float64Array;
  /**
   * A known part of η per row (glmnet's `offset`): for the poisson family the log of each row's
   * exposure, so μ = exposure · e^{b₀ + xᵀb}; for the gaussian one it is taken off y.
   */
  offset?: Float64Array;
  /**
   * Limits on each coefficient in the columns' own units (glmnet's lower.limits / upper.limits):
   * one value for every feature or one per feature; lower ≤ 0 ≤ upper, ±∞ for none.
   */
  lowerLimits?: readonly number[];
  upperLimits?: readonly number[];
  /** The cox family's survival times (y then holds the event indicators: 1 event, 0 censored). */
  time?: Float64Array;
  /** Stop the path early as glmnet does (default true). */
  earlyStop?: boolean;
  /** Optimality target: the certificate each λ is driven below (default DEFAULT_TOLERANCE). */
  tolerance?: number;
  /**
   * Internal (rescale.ts): the α that sets λ_max (default `alpha`) and a factor on it — how a path
   * fitted on a rescaled target keeps the user's λ grid.
   */
  gridAlpha?: number;
  gridScale?: number;
}

/**
 * The limits on the standardized coefficients b̃_j = s_j·b_j, or undefined without limits: a
 * limit is a bound on b_j, so it scales as the coefficient does.
 */
function standardizedBounds(design: Design, options: PathOptions) {
  const { lowerLimits, upperLimits } = options;
  if (!lowerLimits && !upperLimits) return undefined;
  const { p, scale } = design;
  const each = (limits: readonly number[] | undefined, none: number, j: number) =>
    limits === undefined ? none : limits.length === 1 ? limits[0]! : limits[j]!;
  const lower = new Float64Array(p);
  const upper = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    const low = each(lowerLimits, Number.NEGATIVE_INFINITY, j);
    const high = each(upperLimits, Number.POSITIVE_INFINITY, j);
    if (!(low <= 0 && high >= 0))
      throw new RangeError(
        `coefficient limits must hold 0 (lower ≤ 0 ≤ upper), got [${low}, ${high}] for feature ${j + 1}`,
      );
    // (a constant column has scale 0: its coefficient stays 0 anyway)
    lower[j] = scale[j] === 0 ? 0 : low * scale[j]!;
    upper[j] = scale[j] === 0 ? 0 : high * scale[j]!;
  }
  return { lower, upper };
}

/** A fitted path: plain data, coefficients on the original scale of the features. */
export interface ElasticNetPath {
  family: Family;
  alpha: number;
  n: number;
  p: number;
  featureNames: string[];
  lambda: number[];
  /** Intercept b₀ at each λ. */
  a0: number[];
  /** beta[k][j]: coefficient of feature j at lambda[k]. */
  beta: number[][];
  devRatio: number[];
  /** Nonzero coefficients at each λ. */
  df: number[];
  /** The deviance of the intercept-only model per unit of weight (Σ w = 1): glmnet's nulldev / Σ w. */
  nullDeviance: number;
  /** Σ of the observation weights as given (n without weights): glmnet's nulldev = nullDeviance · this. */
  weightTotal?: number;
  /** The penalized objective above at each λ. */
  objective: number[];
  /** At each λ, how far from optimal: relative duality gap (gaussian) or KKT violation / λ_max. */
  certificate: number[];
  /** The target each λ's certificate was driven below (the option, or the family's default). */
  tolerance: number;
  converged: boolean[];
  /** Penalty factors as used (rescaled to sum to p). */
  penaltyFactor: number[];
  /**
   * Set (to the target's size, e.g. "2^1005") when the target's deviances are past the doubles'
   * range (they go as its square): nullDeviance and objective are then NaN, not to be shown.
   */
  devianceOutOfRange?: string;
  /**
   * Which gaussian objective the path minimizes (set by glmPath): "glmnet" (its ridge part divided
   * by sd(y), as glmnet does) or "as-written" (scikit-learn's). The same for other families.
   */
  objectiveForm?: "glmnet" | "as-written";
  standardize: boolean;
  intercept: boolean;
  /**
   * Set when coefficient limits bound the path: its early stop is reglab's usual rule, where
   * glmnet's may not fire (on diabetes with a lower limit of 0 glmnet fits all 100 λ).
   */
  limited?: boolean;
  /**
   * Set when α < 0.001 on a generated grid: reglab fits the first λ (λ_max was computed with
   * α = 0.001, so a ridge-like fit there is not all zero), where glmnet reports the null model
   * for its first λ, as if it were infinite. From the second λ on the two fit the same problem.
   */
  firstLambdaFitted?: boolean;
  /** The relaxed lasso's refits (glmPath with relax; relax.ts). */
  relaxed?: RelaxedFit;
  /** Class labels as text, when the target's were not numbers: the label of class value c is classLabels[c]. */
  classLabels?: string[];
}

/**
 * The largest step down a wide design's path (p > n) solved at once; a coarser grid (a short path,
 * λ given by hand) is walked through λ between, each a factor WIDE_STEP below the last and not
 * reported. Why: from a solution far up the path the strong rule keeps nearly every column, the
 * exact active-set solves cannot pivot to a face so far away, and the descent that takes over on a
 * working set of thousands of columns, nearly as many active as rows, crawls. Measured with
 * nlambda = 10 down to 1 % of λ_max (bench/coarseGrid.js): gaussian 400 × 2500 (3 % nonzero) 7.5 →
 * 0.35 s (0.34 s for the whole default grid of 100), FHT binomial 200 × 10000 2.65 → 0.22 s
 * (glmnet 0.33 s). The default grid's step for p > n, 0.954, is never walked.
 */
const WIDE_STEP = 0.95;

/** A path record with no λ yet: the fields that hold per λ start empty, to be pushed to. */
export function emptyPath(
  fields: Omit<
    ElasticNetPath,
    "lambda" | "a0" | "beta" | "devRatio" | "df" | "objective" | "certificate" | "converged"
  >,
): ElasticNetPath {
  return {
    ...fields,
    lambda: [],
    a0: [],
    beta: [],
    devRatio: [],
    df: [],
    objective: [],
    certificate: [],
    converged: [],
  };
}

export function elasticNetPath(data: Dataset, options: PathOptions = {}): ElasticNetPath {
  const familyName = options.family ?? "gaussian";
  const family = familyOf(familyName, options.time);
  const alpha = options.alpha ?? 1;
  // a Cox model has no intercept: it cancels from the partial likelihood
  const intercept = familyName === "cox" ? false : (options.intercept ?? true);
  // the Newton solvers take the intercept as a column of ones after the features
  const design = buildDesign(data, {
    ...options,
    intercept,
    exclude: excludedColumns(options),
    onesColumn: familyName !== "gaussian" && intercept,
  });
  const { n, p, w } = design;
  const offset = options.offset ?? null;
  // a gaussian offset is a known part of y: the model fits what is left (as glmnet's)
  const y = familyName === "gaussian" && offset ? data.y.map((value, i) => value - offset[i]!) : data.y;
  const start = nullModel(
    family,
    y,
    w,
    design.intercept,
    familyName === "gaussian" ? undefined : (offset ?? undefined),
  );
  const penaltyFactor = normalizedPenaltyFactor(p, options.penaltyFactor);
  const target = options.tolerance ?? DEFAULT_TOLERANCE;
  // deviance = 2 (loss − the saturated model's loss); the null deviance is the intercept-only model's
  const saturatedLoss = family.saturatedLoss(y, w);
  const nullDeviance = 2 * (family.loss(y, w, start.eta) - saturatedLoss);

  const result = emptyPath({
    family: familyName,
    alpha,
    n,
    p,
    featureNames: data.featureNames,
    nullDeviance,
    tolerance: target,
    penaltyFactor: [...penaltyFactor],
    standardize: design.standardize,
    intercept: design.intercept,
    ...(options.lowerLimits || options.upperLimits ? { limited: true } : {}),
    ...(alpha < 1e-3 && !options.lambda ? { firstLambdaFitted: true } : {}),
  });

  const solver = chooseSolver({
    family,
    design,
    y,
    alpha,
    penaltyFactor,
    start,
    offset: familyName === "gaussian" ? null : offset,
    // the kernel systems of the wide ridges need λ > 0 throughout
    positiveLambdas: !options.lambda || options.lambda.every((lambda) => lambda > 0),
    bounds: standardizedBounds(design, options),
  });
  // every feature constant (or excluded): λ_max would be 0 and the whole grid 0 — a path of
  // nothing, which glmnet returns as λ = NaN; said instead
  if (!options.lambda && !design.usable.some((usable) => usable === 1))
    throw new DataError("path.noUsableFeature", { file: displayName(data.source, 200) });
  // (a rescaled target, rescale.ts, sets its grid with the user's α and puts it in its own units)
  const gridAlpha = options.gridAlpha ?? alpha;
  const unscaledMaximum = solver.gradientAtZero
    ? lambdaMaxFromGradient(solver.gradientAtZero, design.usable, gridAlpha, penaltyFactor)
    : lambdaMaxAtFit(design, start.residual, gridAlpha, penaltyFactor);
  const maximum = unscaledMaximum * (options.gridScale ?? 1);
  const lambdas = options.lambda
    ? Float64Array.from([...options.lambda].sort((a, b) => b - a))
    : lambdaSequence(maximum, n, p, { count: options.nlambda, minRatio: options.lambdaMinRatio });
  // KKT violations are measured against the gradient's size where the path starts (every column's,
  // when none is penalized: a relaxed refit, relax.ts)
  const startGradient =
    unscaledMaximum > 0
      ? unscaledMaximum * Math.max(gridAlpha, 1e-3)
      : lambdaMaxAtFit(design, start.residual, 1, new Float64Array(p).fill(1));
  const gradientScale = Math.max(startGradient, Number.MIN_VALUE);

  // Each λ's coefficients start as a copy of this array of p zeros. It is filled with a fraction
  // first so the engine stores it as doubles (V8's "packed double" arrays): a copy is then one
  // block move, and the coefficients written into it convert nothing — half the time of a fresh
  // array of zeros at p = 10000.
  const zeros = new Array<number>(p).fill(0.5).fill(0);
  for (let k = 0; k < lambdas.length; k++) {
    const lambda = lambdas[k]!;
    let previous = k === 0 ? lambda : lambdas[k - 1]!;
    // a coarse step down a wide design's path is walked through λ between, not reported (WIDE_STEP)
    while (p > n && lambda < WIDE_STEP * previous) {
      solver.solve(WIDE_STEP * previous, previous, target, gradientScale);
      previous *= WIDE_STEP;
    }
    const { certificate, converged, loss } = solver.solve(lambda, previous, target, gradientScale);
    const devRatio = 1 - (2 * (loss - saturatedLoss)) / nullDeviance;
    // back to the columns' own units: b_j = b̃_j / s_j, and b₀ takes the centring
    let intercept = solver.intercept();
    const beta = zeros.slice();
    let df = 0;
    const standardized = solver.beta();
    const { scale, mean } = design;
    for (let j = 0; j < p; j++) {
      const b = standardized[j]!;
      if (b === 0) continue;
      df++;
      const coefficient = b / scale[j]!;
      beta[j] = coefficient;
      intercept -= coefficient * mean[j]!;
    }
    result.lambda.push(lambda);
    result.a0.push(intercept);
    result.beta.push(beta);
    result.devRatio.push(devRatio);
    result.df.push(df);
    result.objective.push(loss + solver.penalty(lambda));
    result.certificate.push(certificate);
    result.converged.push(converged);
    // glmnet's rules, each family's own (families/), from the fifth λ on
    if ((options.earlyStop ?? true) && k >= 4 && (family.gainIsSmall(result.devRatio, k) || devRatio > 0.999))
      break;
  }
  // the solver's workspace serves the next path of the same size (a fold of a cross-validation,
  // say); this one reads nothing in it any more
  solver.release();
  releaseDesign(design);
  return result;
}
