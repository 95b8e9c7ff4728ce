/**
 * Regularization paths of elastic-net GLMs, computed as glmnet computes them and then some.
 *
 *   gaussian:  minimize  ½ Σ_i w_i (y_i − b₀ − x_iᵀb)²                         + λ·P(b)
 *   binomial:  minimize  Σ_i w_i [log(1 + e^{η_i}) − y_i η_i],  η_i = b₀ + x_iᵀb  + λ·P(b)
 *   P(b) = Σ_j pf_j (α|s_j b_j| + (1−α)/2 (s_j b_j)²)
 *
 * with Σ w_i = 1 (so the losses are weighted means: RSS/2n and the mean negative log-likelihood),
 * s_j the 1/n standard deviation of column j (1 without standardization), pf_j penalty factors
 * rescaled to sum to p, and α ∈ [0, 1] the elastic-net mix (glmnet's alpha; 1 = lasso, 0 = ridge).
 *
 * The gaussian problem is solved by active sets on its Gram matrix (lassoActiveSet.ts), on a working
 * set of columns when p > n (wideGaussian.ts); the binomial one by proximal Newton with exact inner
 * solves on a working set (binomialActiveSet.ts); coordinate descent finds active sets where those
 * fail, and solves the ridge (α = 0) above p = 2000. All converge tighter than glmnet's default and
 * report a certificate per λ: for the gaussian family
 * (α > 0) the duality gap relative to the objective, a bound on the relative suboptimality; for the
 * binomial family (and α = 0) the largest violation of the optimality (KKT) conditions relative to
 * λ_max, the size of the gradient where the path starts. Non-convergence is data (converged: false), never a throw.
 * Early stop along the path as glmnet: after 5 λs, once the deviance ratio gains less than 1e-5 of
 * itself (gaussian) or less than 1e-5 (binomial, and the multinomial family), or passes 0.999.
 */
import type { Dataset } from "../data/parseCsv.js";
import { polishActiveSet } from "./activeSetPolish.js";
import {
  type BinomialProblem,
  createBinomialProblem,
  releaseBinomialProblem,
  solveBinomialAtLambda,
} from "./binomialActiveSet.js";
import {
  ACTIVE_SET_MAX_P,
  kktViolation,
  prepareCovariance,
  type QuadraticState,
  relativeDualityGap,
  relativeDualityGapFromGram,
  residualFromGradientState,
  solveAtLambda,
} from "./coordinateDescent.js";
import { buildDesign, type Design } from "./design.js";
import { lambdaMax, lambdaMaxFromGradient, lambdaSequence } from "./lambdaSequence.js";
import {
  type ActiveSetFactor,
  createActiveSetFactor,
  releaseActiveSetFactor,
  solveByActiveSet,
} from "./lassoActiveSet.js";
import {
  createState,
  excludedColumns,
  normalizedPenaltyFactor,
  penaltyOf,
  softplus,
} from "./quadraticState.js";
import {
  createWideGaussian,
  releaseWideGaussian,
  solveWideGaussianAtLambda,
  type WideGaussian,
} from "./wideGaussian.js";
import {
  createWideLogisticRidge,
  releaseWideLogisticRidge,
  solveWideLogisticRidgeAtLambda,
  type WideLogisticRidge,
} from "./wideLogisticRidge.js";
import { createWideRidge, releaseWideRidge, solveWideRidgeAtLambda, type WideRidge } from "./wideRidge.js";

export type Family = "gaussian" | "binomial";

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
  /** Stop the path early as glmnet does (default true). */
  earlyStop?: boolean;
  /** Optimality target: the certificate each λ is driven below (default 1e-7). */
  tolerance?: number;
  /**
   * Internal (rescale.ts): the α that sets λ_max (default `alpha`) and a factor on it — how a path
   * fitted on a rescaled target keeps the user's λ grid.
   */
  gridAlpha?: number;
  gridScale?: number;
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
  nullDeviance: number;
  /** The penalized objective above at each λ. */
  objective: number[];
  /** At each λ, how far from optimal: relative duality gap (gaussian) or KKT violation / λ_max. */
  certificate: number[];
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
}

/**
 * Solves one λ of the gaussian path, tightening the coordinate-descent tolerance until the
 * certificate is met: the relative duality gap for α > 0, else the KKT violation / λ_max.
 */
function solveGaussian(
  state: QuadraticState,
  lambda: number,
  previous: number,
  scale: number,
  target: number,
  gradientScale: number,
  centred: Float64Array,
  factor: ActiveSetFactor | null,
) {
  let passes = 0;
  const settle = () => (factor ? solveByActiveSet(state, factor, lambda) : polishActiveSet(state, lambda));
  const done = (certificate: number) => {
    for (let j = 0; j < state.p; j++) if (state.beta[j] !== 0) state.ever[j] = 1;
    return { certificate, converged: true, passes };
  };
  // The lasso: first the active set and signs of the previous λ, solved exactly (a homotopy step).
  if (factor && settle()) {
    const certificate = certify();
    if (certificate <= target) return done(certificate);
  }
  // Coordinate descent finds the active set and its signs; the exact solve on that set then lands
  // on the optimum (tightening coordinate descent only when it cannot).
  let tolerance = 1e-8 * scale;
  // scale is the null deviance, Σ v z² for the centred response z
  function certify() {
    if (state.alpha > 0 && state.covariance)
      return relativeDualityGapFromGram(state, lambda, scale, factor?.linear).gap;
    if (state.covariance) residualFromGradientState(state, centred);
    return state.alpha > 0
      ? relativeDualityGap(state, lambda, centred)
      : (kktViolation(state, lambda) * lambda) / gradientScale;
  }
  for (let round = 0; round < 8; round++) {
    const result = solveAtLambda(state, lambda, previous, tolerance);
    passes += result.passes;
    let certificate = certify();
    if (!result.converged) return { certificate, converged: false, passes };
    if (certificate <= target) return { certificate, converged: true, passes };
    // Skip the slow linear tail of coordinate descent when the active set and signs are found.
    if (settle()) {
      certificate = certify();
      if (certificate <= target) return done(certificate);
    }
    tolerance *= 1e-2;
  }
  return { certificate: certify(), converged: false, passes };
}

export function elasticNetPath(data: Dataset, options: PathOptions = {}): ElasticNetPath {
  const family = options.family ?? "gaussian";
  const alpha = options.alpha ?? 1;
  // a logistic path takes its intercept as a column of ones after the features
  const design = buildDesign(data, {
    ...options,
    exclude: excludedColumns(options),
    onesColumn: family === "binomial" && (options.intercept ?? true),
  });
  const { n, p, w } = design;
  const y = data.y;
  const penaltyFactor = normalizedPenaltyFactor(p, options.penaltyFactor);
  const target = options.tolerance ?? 1e-7;
  const state = createState(design, alpha, penaltyFactor);

  let yMean = 0;
  if (design.intercept) for (let i = 0; i < n; i++) yMean += w[i]! * y[i]!;

  const result: ElasticNetPath = {
    family,
    alpha,
    n,
    p,
    featureNames: data.featureNames,
    lambda: [],
    a0: [],
    beta: [],
    devRatio: [],
    df: [],
    nullDeviance: 0,
    objective: [],
    certificate: [],
    converged: [],
    penaltyFactor: [...penaltyFactor],
    standardize: design.standardize,
    intercept: design.intercept,
  };

  const eta = new Float64Array(n);
  const probability = new Float64Array(n);
  const centred = new Float64Array(n);
  let factor: ActiveSetFactor | null = null;
  let wide: WideGaussian | null = null;
  let ridge: WideRidge | null = null;
  let logisticRidge: WideLogisticRidge | null = null;
  // the kernel systems of the wide ridge need λ > 0 throughout
  const positive = !options.lambda || options.lambda.every((lambda) => lambda > 0);
  let binomial: BinomialProblem | null = null;
  let nullDeviance: number;
  if (family === "gaussian") {
    for (let i = 0; i < n; i++) {
      state.v[i] = w[i]!;
      state.r[i] = y[i]! - yMean;
      centred[i] = state.r[i]!;
    }
    // Wide designs (p > n): the ridge (α = 0, every column in the model) through its n × n
    // kernel system (for λ > 0, every column penalized, n ≤ 4096); otherwise by working sets,
    // whose Gram alone is built (at most n nonzero coefficients).
    if (p > n && alpha === 0 && positive) ridge = createWideRidge(state, centred);
    if (!ridge && p > n && (alpha > 0 || p <= ACTIVE_SET_MAX_P)) wide = createWideGaussian(state, centred);
    if (!ridge && !wide) {
      prepareCovariance(state, ACTIVE_SET_MAX_P);
      if (state.covariance) factor = createActiveSetFactor(state);
    }
    nullDeviance = state.r.reduce((sum, r, i) => sum + w[i]! * r * r, 0);
  } else {
    // The wide ridge (α = 0, p > n) by Newton in the n-dimensional span of the data (on the same
    // terms as the gaussian one); otherwise Newton with exact inner solves on a working set;
    // coordinate descent's IRLS only for a ridge above p = 2000 that the kernel Newton cannot take
    if (p > n && alpha === 0 && positive)
      logisticRidge = createWideLogisticRidge(state, y, w, design.intercept, yMean);
    if (!logisticRidge && (alpha > 0 || p <= ACTIVE_SET_MAX_P))
      binomial = createBinomialProblem(design, y, alpha, penaltyFactor, yMean);
    state.fitIntercept = design.intercept;
    state.intercept = design.intercept ? Math.log(yMean / (1 - yMean)) : 0;
    nullDeviance = design.intercept
      ? -2 * (yMean > 0 ? yMean * Math.log(yMean) : 0) -
        2 * (yMean < 1 ? (1 - yMean) * Math.log(1 - yMean) : 0)
      : 2 * Math.log(2);
  }
  result.nullDeviance = nullDeviance;
  // the gaussian covariance sweep has already computed the gradients at β = 0 that λ_max is made of
  const atZero = wide ? wide.linear : family === "gaussian" ? state.covariance?.gradient : undefined;
  // (a rescaled target, rescale.ts, sets its grid with the user's α and puts it in its own units)
  const gridAlpha = options.gridAlpha ?? alpha;
  const unscaledMaximum = atZero
    ? lambdaMaxFromGradient(atZero, design.usable, gridAlpha, penaltyFactor)
    : lambdaMax(design, y, gridAlpha, penaltyFactor, family === "binomial" ? 0.5 : 0);
  const maximum = unscaledMaximum * (options.gridScale ?? 1);
  const lambdas = options.lambda
    ? Float64Array.from([...options.lambda].sort((a, b) => b - a))
    : lambdaSequence(maximum, n, p, { count: options.nlambda, minRatio: options.lambdaMinRatio });
  // KKT violations are measured against the gradient's size where the path starts
  const gradientScale = Math.max(unscaledMaximum * Math.max(gridAlpha, 1e-3), Number.MIN_VALUE);

  // Each λ's coefficients start as a copy of this array of p zeros. It is filled with a fraction
  // first so the engine stores it as doubles (V8's "packed double" arrays): a copy is then one
  // block move, and the coefficients written into it convert nothing — half the time of a fresh
  // array of zeros at p = 10000.
  const zeros = new Array<number>(p).fill(0.5).fill(0);
  for (let k = 0; k < lambdas.length; k++) {
    const lambda = lambdas[k]!;
    const previous = k === 0 ? lambda : lambdas[k - 1]!;
    let certificate: number;
    let converged: boolean;
    let loss: number;
    if (ridge) {
      ({ certificate, converged, loss } = solveWideRidgeAtLambda(ridge, lambda, target, gradientScale));
    } else if (wide) {
      ({ certificate, converged, loss } = solveWideGaussianAtLambda(
        wide,
        lambda,
        previous,
        target,
        gradientScale,
      ));
    } else if (family === "gaussian") {
      ({ certificate, converged } = solveGaussian(
        state,
        lambda,
        previous,
        nullDeviance,
        target,
        gradientScale,
        centred,
        factor,
      ));
      loss = state.covariance
        ? 0.5 * relativeDualityGapFromGram(state, lambda, nullDeviance, factor?.linear).residualNorm
        : 0.5 * state.r.reduce((sum, r, i) => sum + w[i]! * r * r, 0);
    } else if (logisticRidge) {
      ({ certificate, converged, loss } = solveWideLogisticRidgeAtLambda(
        logisticRidge,
        lambda,
        target,
        gradientScale,
      ));
    } else if (binomial) {
      ({ certificate, converged, loss } = solveBinomialAtLambda(
        binomial,
        lambda,
        previous,
        target,
        gradientScale,
      ));
    } else {
      ({ certificate, converged, loss } = solveBinomialStep(
        state,
        design,
        y,
        eta,
        probability,
        lambda,
        previous,
        target,
        gradientScale,
      ));
    }
    const deviance = 2 * loss; // both losses are half the deviance (Σw = 1)
    const devRatio = 1 - deviance / nullDeviance;
    // the solver's state: the binomial active-set one keeps β₀ as the coefficient of a column of ones
    const solved = binomial?.state ?? state;
    let intercept =
      family === "gaussian"
        ? yMean
        : binomial
          ? binomial.interceptColumn >= 0
            ? binomial.state.beta[binomial.interceptColumn]!
            : 0
          : state.intercept;
    const beta = zeros.slice();
    let df = 0;
    const standardized = solved.beta;
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
    result.objective.push(loss + penaltyOf(solved, lambda));
    result.certificate.push(certificate);
    result.converged.push(converged);
    const gain = k > 0 ? devRatio - result.devRatio[k - 1]! : Number.POSITIVE_INFINITY;
    // glmnet's rules: the gaussian gain relative to the deviance explained, the logistic one absolute
    const small = family === "gaussian" ? gain < 1e-5 * devRatio : gain < 1e-5;
    if ((options.earlyStop ?? true) && k >= 4 && (small || devRatio > 0.999)) break;
  }
  // the active-set factor's workspace serves the next path of the same size (a fold of a
  // cross-validation, say); this one reads nothing in it any more
  if (factor) releaseActiveSetFactor(factor);
  if (wide) releaseWideGaussian(wide);
  if (ridge) releaseWideRidge(ridge);
  if (logisticRidge) releaseWideLogisticRidge(logisticRidge);
  if (binomial) releaseBinomialProblem(binomial);
  return result;
}

/**
 * One λ of the binomial path: proximal Newton steps (IRLS), each a penalized weighted
 * least-squares problem solved by coordinate descent, until the KKT certificate (on the true
 * gradient Σ w x̃ (y − p)) is below target.
 */
function solveBinomialStep(
  state: QuadraticState,
  design: Design,
  y: Float64Array,
  eta: Float64Array,
  probability: Float64Array,
  lambda: number,
  previous: number,
  target: number,
  gradientScale: number,
) {
  const { n, p, x, w } = design;
  const refresh = () => {
    for (let i = 0; i < n; i++) eta[i] = state.intercept;
    for (let j = 0; j < p; j++) {
      const b = state.beta[j]!;
      if (b === 0) continue;
      const column = j * n;
      for (let i = 0; i < n; i++) eta[i]! += b * x[column + i]!;
    }
    let loss = 0;
    for (let i = 0; i < n; i++) {
      probability[i] = 1 / (1 + Math.exp(-eta[i]!));
      loss += w[i]! * (softplus(eta[i]!) - y[i]! * eta[i]!);
    }
    return loss;
  };
  /** The KKT certificate of the true (not the quadratic) problem, from the residual, not the kept gradients. */
  const trueCertificate = () => {
    state.covariance = null;
    for (let i = 0; i < n; i++) {
      state.v[i] = w[i]!;
      state.r[i] = y[i]! - probability[i]!;
    }
    let violation = kktViolation(state, lambda) * lambda;
    if (state.fitIntercept) {
      let g0 = 0;
      for (let i = 0; i < n; i++) g0 += state.r[i]! * w[i]!;
      violation = Math.max(violation, Math.abs(g0));
    }
    return violation / gradientScale;
  };
  let loss = refresh();
  let certificate = trueCertificate();
  for (let outer = 0; outer < 100 && certificate > target; outer++) {
    // The inner problem is solved to a precision in step with how far the outer one still is.
    const tolerance = Math.min(1e-10, (certificate * gradientScale) ** 2);
    // The quadratic approximation at the current η: weights v = w p(1−p), working residual (y − p)/(p(1−p)).
    for (let i = 0; i < n; i++) {
      const variance = Math.max(probability[i]! * (1 - probability[i]!), 1e-5);
      state.v[i] = w[i]! * variance;
      state.r[i] = (y[i]! - probability[i]!) / variance;
    }
    prepareCovariance(state);
    const solved = solveAtLambda(state, lambda, outer === 0 ? previous : lambda, tolerance);
    if (!solved.converged) return { certificate, converged: false, loss };
    loss = refresh();
    certificate = trueCertificate();
  }
  return { certificate, converged: certificate <= target, loss };
}
