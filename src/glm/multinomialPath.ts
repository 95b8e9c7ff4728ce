/**
 * The multinomial family (K ≥ 2 classes), glmnet's "ungrouped" penalty:
 *
 *   minimize  Σ_i w_i [log Σ_c e^{η_ic} − η_i,y_i] + λ Σ_c Σ_j pf_j (α|s_j b_jc| + (1−α)/2 (s_j b_jc)²)
 *   η_ic = b_0c + x_iᵀ b_c,   Σ w_i = 1
 *
 * Solved by block coordinate descent over the classes: with the other classes fixed, class c is a
 * logistic elastic net with an offset (solvers/multinomialNewton.ts), solved by the binomial
 * family's Newton solver with its working sets and exact inner solves. Where that solver does not
 * apply (a ridge, α = 0, above 2000 columns), glmnet's own partial Newton: one class at a time, the
 * class-c block of the Hessian in η is diagonal, p_ic(1 − p_ic), so each step is the same penalized
 * weighted least-squares problem, by coordinate descent, with a backtracking guard (a class step
 * that would raise the objective is shortened until it does not). Either way the outer loop runs
 * until the KKT conditions of the true problem
 * hold to the target (violation / λ_max). The family's softmax, loss, λ_max and early stop are
 * families/multinomial.ts. The softmax is invariant to adding one constant to every
 * class's intercept, so intercepts are reported centred (they sum to 0 over the classes), as glmnet
 * reports them.
 */
import { DataError, displayName } from "../data/dataError.js";
import type { Dataset } from "../data/parseCsv.js";
import { checkClassSizes } from "./binaryTarget.js";
import { buildDesign } from "./design.js";
import { DEFAULT_TOLERANCE, type PathOptions } from "./elasticNetPath.js";
import { gainIsSmall, multinomialLambdaMax, nullIntercept, softmaxRow } from "./families/multinomial.js";
import { lambdaSequence } from "./lambdaSequence.js";
import {
  ACTIVE_SET_MAX_P,
  kktViolation,
  prepareCovariance,
  type QuadraticState,
  solveAtLambda,
} from "./solvers/coordinateDescent.js";
import {
  createMultinomialNewton,
  multinomialLoss,
  multinomialPenalty,
  releaseMultinomialNewton,
  solveMultinomialNewtonAtLambda,
} from "./solvers/multinomialNewton.js";
import {
  createState,
  excludedColumns,
  normalizedPenaltyFactor,
  penaltyOf,
} from "./solvers/quadraticState.js";

/** More distinct target values than this is not a set of classes but a number. */
export const MAX_MULTINOMIAL_CLASSES = 50;

export interface MultinomialPath {
  family: "multinomial";
  alpha: number;
  n: number;
  p: number;
  featureNames: string[];
  /** The target's distinct values, in increasing order: class c is classes[c]. */
  classes: number[];
  lambda: number[];
  /** a0[c][k]: intercept of class c at lambda[k] (centred over the classes). */
  a0: number[][];
  /** beta[c][k][j]: original-scale coefficient of feature j for class c at lambda[k]. */
  beta: number[][][];
  devRatio: number[];
  /** Features with a nonzero coefficient in at least one class. */
  df: number[];
  /** Per class: its nonzero coefficients. dfPerClass[c][k]. */
  dfPerClass: number[][];
  /** The deviance of the intercept-only model per unit of weight (Σ w = 1): glmnet's nulldev / Σ w. */
  nullDeviance: number;
  /** Σ of the observation weights as given (n without weights): glmnet's nulldev = nullDeviance · this. */
  weightTotal?: number;
  objective: number[];
  /** Largest KKT violation / λ_max at each λ. */
  certificate: number[];
  /** The target each λ's certificate was driven below (the option, or DEFAULT_TOLERANCE). */
  tolerance: number;
  converged: boolean[];
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
  /** Class labels as text, when the target's were not numbers: the label of class value c is classLabels[c]. */
  classLabels?: string[];
  /** α < 0.001 on a generated grid: the first λ is fitted, where glmnet reports the null model (elasticNetPath.ts). */
  firstLambdaFitted?: boolean;
}

/** Class indices 0 … K−1 of a target with K distinct values (sorted), or a DataError. */
export function classIndices(data: Dataset): { classes: number[]; index: Int32Array } {
  const classes = [...new Set(data.y)].sort((a, b) => a - b);
  if (classes.length < 2 || classes.length > MAX_MULTINOMIAL_CLASSES)
    throw new DataError("path.notClasses", {
      file: displayName(data.source, 200),
      target: displayName(data.targetName),
      count: classes.length,
      max: MAX_MULTINOMIAL_CLASSES,
    });
  checkClassSizes(data.y, data.source);
  const position = new Map(classes.map((value, c) => [value, c]));
  return { classes, index: Int32Array.from(data.y, (v) => position.get(v)!) };
}

export function multinomialPath(data: Dataset, options: PathOptions = {}): MultinomialPath {
  const alpha = options.alpha ?? 1;
  const target = options.tolerance ?? DEFAULT_TOLERANCE;
  // the Newton solver (solvers/multinomialNewton.ts) takes the intercept as a column of ones
  const newtonSolvable = alpha > 0 || data.p <= ACTIVE_SET_MAX_P;
  const design = buildDesign(data, {
    ...options,
    exclude: excludedColumns(options),
    onesColumn: newtonSolvable && (options.intercept ?? true),
  });
  const { n, p, x, w } = design;
  const { classes, index } = classIndices(data);
  const K = classes.length;
  const penaltyFactor = normalizedPenaltyFactor(p, options.penaltyFactor);

  // one-hot targets and their weighted class shares
  const onehot = Array.from({ length: K }, () => new Float64Array(n));
  const share = new Float64Array(K);
  for (let i = 0; i < n; i++) {
    onehot[index[i]!]![i] = 1;
    share[index[i]!]! += w[i]!;
  }
  const maximum = multinomialLambdaMax(design, onehot, alpha, penaltyFactor);
  const lambdas = options.lambda
    ? Float64Array.from([...options.lambda].sort((a, b) => b - a))
    : lambdaSequence(maximum, n, p, { count: options.nlambda, minRatio: options.lambdaMinRatio });
  const gradientScale = Math.max(maximum * Math.max(alpha, 1e-3), Number.MIN_VALUE);

  const states: QuadraticState[] = Array.from({ length: K }, (_, c) => {
    const state = createState(design, alpha, penaltyFactor);
    state.fitIntercept = design.intercept;
    state.intercept = design.intercept ? nullIntercept(share[c]!) : 0;
    return state;
  });
  // η (n × K, row-major), probabilities, and scratch for backtracking
  const eta = new Float64Array(n * K);
  const probability = new Float64Array(n * K);
  const savedBeta = new Float64Array(p);
  const columnEta = new Float64Array(n);

  const etaOfClass = (c: number, out: Float64Array) => {
    const state = states[c]!;
    out.fill(state.intercept);
    for (let j = 0; j < p; j++) {
      const b = state.beta[j]!;
      if (b === 0) continue;
      const column = j * n;
      for (let i = 0; i < n; i++) out[i]! += b * x[column + i]!;
    }
  };
  /** Softmax of η row by row (families/multinomial.ts) and the loss Σ w (logΣe^η − η_y). */
  const refreshProbabilities = () => {
    let loss = 0;
    for (let i = 0; i < n; i++)
      loss += w[i]! * (softmaxRow(eta, i * K, K, probability, i * K) - eta[i * K + index[i]!]!);
    return loss;
  };
  const setEtaColumn = (c: number, values: Float64Array) => {
    for (let i = 0; i < n; i++) eta[i * K + c] = values[i]!;
  };
  const penaltyAll = (lambda: number) => states.reduce((sum, state) => sum + penaltyOf(state, lambda), 0);
  /** KKT violation of the true problem over every class, relative to λ_max. */
  const certificateAt = (lambda: number) => {
    let violation = 0;
    for (let c = 0; c < K; c++) {
      const state = states[c]!;
      state.covariance = null;
      let g0 = 0;
      for (let i = 0; i < n; i++) {
        state.v[i] = w[i]!;
        state.r[i] = onehot[c]![i]! - probability[i * K + c]!;
        g0 += w[i]! * state.r[i]!;
      }
      violation = Math.max(violation, kktViolation(state, lambda) * lambda);
      if (state.fitIntercept) violation = Math.max(violation, Math.abs(g0));
    }
    return violation / gradientScale;
  };

  for (let c = 0; c < K; c++) {
    etaOfClass(c, columnEta);
    setEtaColumn(c, columnEta);
  }
  const nullLoss = refreshProbabilities();
  const newton = newtonSolvable ? createMultinomialNewton(design, onehot, share, alpha, penaltyFactor) : null;
  /** Class c's coefficients on the standardized columns (the first p) and its intercept. */
  const classBeta = (c: number) => (newton ? newton.classes[c]!.state.beta : states[c]!.beta);
  const classIntercept = (c: number) => {
    if (!newton) return states[c]!.intercept;
    const problem = newton.classes[c]!;
    return problem.interceptColumn >= 0 ? problem.state.beta[problem.interceptColumn]! : 0;
  };
  const result: MultinomialPath = {
    family: "multinomial",
    alpha,
    n,
    p,
    featureNames: data.featureNames,
    classes,
    lambda: [],
    a0: classes.map(() => []),
    beta: classes.map(() => []),
    devRatio: [],
    df: [],
    dfPerClass: classes.map(() => []),
    nullDeviance: 2 * nullLoss,
    objective: [],
    certificate: [],
    tolerance: target,
    converged: [],
    penaltyFactor: [...penaltyFactor],
    standardize: design.standardize,
    intercept: design.intercept,
  };

  for (let k = 0; k < lambdas.length; k++) {
    const lambda = lambdas[k]!;
    const previous = k === 0 ? lambda : lambdas[k - 1]!;
    let loss = newton ? 0 : refreshProbabilities();
    let certificate = newton ? 0 : certificateAt(lambda);
    let converged = true;
    if (newton) {
      ({ certificate, converged } = solveMultinomialNewtonAtLambda(
        newton,
        lambda,
        previous,
        target,
        gradientScale,
      ));
      loss = multinomialLoss(newton);
    }
    for (let outer = 0; !newton && outer < 200 && certificate > target; outer++) {
      const tolerance = Math.min(1e-10, (certificate * gradientScale) ** 2);
      for (let c = 0; c < K; c++) {
        const state = states[c]!;
        // the class-c quadratic at the current η: weights w·p(1−p), working residual (y − p)/(p(1−p))
        for (let i = 0; i < n; i++) {
          const pc = probability[i * K + c]!;
          const variance = Math.max(pc * (1 - pc), 1e-5);
          state.v[i] = w[i]! * variance;
          state.r[i] = (onehot[c]![i]! - pc) / variance;
        }
        prepareCovariance(state);
        const before = loss + penaltyAll(lambda);
        savedBeta.set(state.beta);
        const savedIntercept = state.intercept;
        const solved = solveAtLambda(state, lambda, outer === 0 ? previous : lambda, tolerance);
        if (!solved.converged) converged = false;
        // guard: shorten a step that raises the objective (rare; the diagonal block is not a bound)
        const newBeta = state.beta.slice();
        const newIntercept = state.intercept;
        for (let halving = 0; ; halving++) {
          etaOfClass(c, columnEta);
          setEtaColumn(c, columnEta);
          loss = refreshProbabilities();
          if (loss + penaltyAll(lambda) <= before + 1e-15 * Math.abs(before) || halving === 30) break;
          const t = 0.5 ** (halving + 1);
          for (let j = 0; j < p; j++) state.beta[j] = savedBeta[j]! + t * (newBeta[j]! - savedBeta[j]!);
          state.intercept = savedIntercept + t * (newIntercept - savedIntercept);
        }
      }
      certificate = certificateAt(lambda);
    }
    if (certificate > target) converged = false;

    const deviance = 2 * loss;
    const devRatio = 1 - deviance / result.nullDeviance;
    const intercepts = new Array<number>(K);
    const nonzeroAnywhere = new Uint8Array(p);
    for (let c = 0; c < K; c++) {
      const standardized = classBeta(c);
      let intercept = classIntercept(c);
      const beta = new Array<number>(p).fill(0);
      let df = 0;
      for (let j = 0; j < p; j++) {
        const b = standardized[j]!;
        if (b === 0) continue;
        df++;
        nonzeroAnywhere[j] = 1;
        beta[j] = b / design.scale[j]!;
        intercept -= beta[j]! * design.mean[j]!;
      }
      intercepts[c] = intercept;
      result.beta[c]!.push(beta);
      result.dfPerClass[c]!.push(df);
    }
    const centre = intercepts.reduce((a, b) => a + b, 0) / K;
    for (let c = 0; c < K; c++) result.a0[c]!.push(intercepts[c]! - centre);
    result.lambda.push(lambda);
    result.devRatio.push(devRatio);
    result.df.push(nonzeroAnywhere.reduce((a, b) => a + b, 0));
    result.objective.push(loss + (newton ? multinomialPenalty(newton, lambda) : penaltyAll(lambda)));
    result.certificate.push(certificate);
    result.converged.push(converged);
    // glmnet's rule for its multinomial paths: an absolute gain in the deviance explained
    if ((options.earlyStop ?? true) && k >= 4 && (gainIsSmall(result.devRatio, k) || devRatio > 0.999)) break;
  }
  if (newton) releaseMultinomialNewton(newton);
  return result;
}
