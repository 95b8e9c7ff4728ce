/**
 * Scale-free paths: a feature measured in units of 1e300 (or 1e-300) must give the model the same
 * data in sensible units give, not overflow (x² = ∞) or underflow (x² = 0, "constant") inside the
 * solvers. Before a fit, every column whose largest |x| lies outside [2⁻⁶⁴, 2⁶⁴] — and, for the
 * gaussian family, the target — is multiplied by a power of two that brings it near 1. Powers of two
 * are exact in floating point, so the rescaled problem is the user's problem, bit for bit, in other
 * units; after the fit the results are put back in the user's units. Data already in range are
 * not copied.
 *
 * Columns: x'_j = s_j·x_j. With standardization the path is unchanged by column units, and
 * b_j = s_j·b'_j. Without it the penalty would weigh b'_j differently, so such data are refused
 * (the caller says how to fix them).
 *
 * Target (gaussian): y' = t·y. The objective as written, ½Σw(y − b₀ − Xb)² + λ(α‖b‖₁ + (1−α)/2‖b‖²),
 * at (y', b' = t·b) is t² times the original at λ' = c·λ and α' = tα/c, with c = tα + 1 − α: the lasso
 * part scales like the loss's gradient (t), the ridge part like its curvature (1). So the path at
 * (λ', α') is the user's path at (λ, α), and λ = λ'/c, b = b'/t, objective = objective'/t².
 *
 * glmnet's gaussian objective (the default, objective: "glmnet") is what glmnet minimizes: it fits
 * y/sd(y) at λ/sd(y), i.e. the objective above with its ridge part divided by sd(y). That is this
 * same move with t = 1/sd(y) and the homogeneous rule λ' = t·λ, α' = α — and it makes the model
 * the same in any units of y. (For α = 1 the two objectives are one.)
 */
import { DataError, displayName } from "../data/dataError.js";
import type { Dataset } from "../data/parseCsv.js";
import type { GlmPath, GlmPathOptions } from "./glmPath.js";

/** Exponents within ±64 are left alone: their squares and sums of squares are far from the limits. */
const SAFE_EXPONENT = 64;

/** Multiplies by 2^e in two exact steps (2^±1074 alone would overflow or underflow). */
function timesPowerOfTwo(value: number, exponent: number): number {
  const half = Math.trunc(exponent / 2);
  return value * 2 ** half * 2 ** (exponent - half);
}

/** The exponent e such that 2^e·max|v| is near 1, or 0 when max|v| is already safe (or 0). */
function unitExponent(maxAbs: number): number {
  if (maxAbs === 0) return 0;
  const exponent = -Math.round(Math.log2(maxAbs));
  return Math.abs(exponent) <= SAFE_EXPONENT ? 0 : exponent;
}

export type ObjectiveForm = "glmnet" | "as-written";

export interface Rescaling {
  /** Per column, the power of two its values were multiplied by (null: none was). */
  columnExponent: Int32Array | null;
  /** The target was multiplied by t = targetFactor·2^targetExponent (1·2⁰: not at all). */
  targetExponent: number;
  targetFactor: number;
  /** The user's α (the fit may have run at α'). */
  alpha: number;
  /** λ in the fit's units from the user's, and back. */
  lambdaToFit: (lambda: number) => number;
  lambdaToUser: (lambda: number) => number;
  /** Which gaussian objective was minimized (binomial and multinomial have one). */
  form: ObjectiveForm;
}

export interface RescaledProblem {
  data: Dataset;
  options: GlmPathOptions;
  rescaling: Rescaling;
}

/** The largest |x| of each column (row-major x). */
function columnSizes(x: Float64Array, n: number, p: number): Float64Array {
  const maxAbs = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const row = i * p;
    for (let j = 0; j < p; j++) {
      const size = Math.abs(x[row + j]!);
      if (size > maxAbs[j]!) maxAbs[j] = size;
    }
  }
  return maxAbs;
}

/**
 * sd(y) as glmnet takes it (weighted, about the weighted mean, or about 0 without an intercept),
 * as s·2^-e with y·2^e near 1 so nothing overflows: returns [s, e]; s = 0 for a constant target.
 */
function targetSpread(y: Float64Array, options: GlmPathOptions): [number, number] {
  const n = y.length;
  let size = 0;
  for (let i = 0; i < n; i++) size = Math.max(size, Math.abs(y[i]!));
  if (size === 0) return [0, 0];
  const e = Math.max(-1000, Math.min(1000, -Math.round(Math.log2(size))));
  const w = options.weights;
  let total = 0;
  let mean = 0;
  for (let i = 0; i < n; i++) {
    total += w ? w[i]! : 1;
    mean += (w ? w[i]! : 1) * timesPowerOfTwo(y[i]!, e);
  }
  mean = options.intercept === false ? 0 : mean / total;
  let squares = 0;
  for (let i = 0; i < n; i++) squares += ((w ? w[i]! : 1) * (timesPowerOfTwo(y[i]!, e) - mean) ** 2) / total;
  return [Math.sqrt(squares), e];
}

/** The problem in units near 1 (the same objects when nothing needed rescaling). */
export function rescaleProblem(data: Dataset, options: GlmPathOptions): RescaledProblem {
  const { n, p, x, y } = data;
  const alpha = options.alpha ?? 1;
  const gaussian = (options.family ?? "gaussian") === "gaussian";
  const form: ObjectiveForm = gaussian && alpha < 1 ? (options.objective ?? "glmnet") : "glmnet";
  const maxAbs = columnSizes(x, n, p);
  const exponents = Int32Array.from(maxAbs, unitExponent);
  const columnsMoved = exponents.some((e) => e !== 0);
  if (columnsMoved && options.standardize === false) {
    const j = exponents.findIndex((e) => e !== 0);
    throw new DataError("glm.extremeUnstandardized", {
      file: displayName(data.source, 200),
      name: displayName(data.featureNames[j] ?? String(j + 1)),
      size: maxAbs[j]!.toExponential(1),
    });
  }
  let targetExponent = 0;
  let targetFactor = 1;
  const homogeneous = gaussian && alpha < 1 && form === "glmnet";
  if (homogeneous) {
    // glmnet's y/sd(y); a constant target is left for glmPath's check to refuse
    const [spread, e] = targetSpread(y, options);
    if (spread > 0) [targetFactor, targetExponent] = [1 / spread, e];
  } else if (gaussian) {
    let targetMax = 0;
    for (let i = 0; i < n; i++) targetMax = Math.max(targetMax, Math.abs(y[i]!));
    targetExponent = unitExponent(targetMax);
  }
  const identity = (lambda: number) => lambda;
  const rescaling: Rescaling = {
    columnExponent: columnsMoved ? exponents : null,
    targetExponent,
    targetFactor,
    alpha,
    lambdaToFit: identity,
    lambdaToUser: identity,
    form,
  };
  if (!columnsMoved && targetExponent === 0 && targetFactor === 1) return { data, options, rescaling };

  let scaled = data;
  if (columnsMoved) {
    const moved = new Float64Array(x.length);
    for (let i = 0; i < n; i++)
      for (let j = 0; j < p; j++) moved[i * p + j] = timesPowerOfTwo(x[i * p + j]!, exponents[j]!);
    scaled = { ...scaled, x: moved };
  }
  let scaledOptions = options;
  if (targetExponent !== 0 || targetFactor !== 1) {
    scaled = { ...scaled, y: Float64Array.from(y, (v) => timesPowerOfTwo(v * targetFactor, targetExponent)) };
    if (homogeneous) {
      rescaling.lambdaToFit = (lambda) => timesPowerOfTwo(lambda * targetFactor, targetExponent);
      rescaling.lambdaToUser = (lambda) => timesPowerOfTwo(lambda / targetFactor, -targetExponent);
    } else {
      const t = 2 ** targetExponent;
      const c = t * alpha + (1 - alpha); // not (tα + 1) − α: that loses tα below ε
      rescaling.lambdaToFit = (lambda) => lambda * c;
      rescaling.lambdaToUser = (lambda) => lambda / c;
      scaledOptions = {
        ...options,
        alpha: alpha === 1 || alpha === 0 ? alpha : (t * alpha) / c,
        // the grid of the user's problem (glmnet's λ_max at the user's α), in the fit's units
        gridAlpha: alpha,
        gridScale: c / t,
      };
    }
    scaledOptions = { ...scaledOptions, lambda: options.lambda?.map(rescaling.lambdaToFit) };
  }
  // limits bound coefficients, which the rescaling moves: b_fit = b_user · f · 2^(e − e_j)
  const limitToFit = (limits: readonly number[] | undefined) =>
    limits &&
    Array.from({ length: p }, (_, j) =>
      timesPowerOfTwo(
        (limits.length === 1 ? limits[0]! : limits[j]!) * targetFactor,
        targetExponent - exponents[j]!,
      ),
    );
  if (options.lowerLimits || options.upperLimits)
    scaledOptions = {
      ...scaledOptions,
      lowerLimits: limitToFit(options.lowerLimits),
      upperLimits: limitToFit(options.upperLimits),
    };
  return { data: scaled, options: scaledOptions, rescaling };
}

/** A path fitted on the rescaled problem, in the user's units. */
export function unscalePath<P extends GlmPath>(path: P, rescaling: Rescaling): P {
  const { columnExponent, targetExponent: e, targetFactor: f } = rescaling;
  const out = { ...path, alpha: rescaling.alpha, objectiveForm: rescaling.form };
  if (columnExponent === null && e === 0 && f === 1) return out;
  const toUser = (b: number, j: number) => timesPowerOfTwo(b / f, (columnExponent?.[j] ?? 0) - e);
  // (plain loops, zeros skipped: a wide path's 100 × 10000 coefficients are mostly zero)
  const unscaleBlock = (beta: number[][]) =>
    beta.map((row) => {
      const user = new Array<number>(row.length);
      for (let j = 0; j < row.length; j++) {
        const b = row[j]!;
        if (b === 0) {
          user[j] = 0;
          continue;
        }
        const value = toUser(b, j);
        // a column in units of 1e-320 has coefficients past 1e308: not a double, so an error
        if (!Number.isFinite(value))
          throw new DataError("glm.coefficientOutOfRange", {
            name: displayName(path.featureNames[j] ?? String(j + 1)),
          });
        user[j] = value;
      }
      return user;
    });
  if (e !== 0 || f !== 1) {
    out.lambda = path.lambda.map(rescaling.lambdaToUser);
    out.objective = path.objective.map((value) => timesPowerOfTwo(value / f / f, -2 * e));
    out.nullDeviance = timesPowerOfTwo(path.nullDeviance / f / f, -2 * e);
    // deviances go as the target's square: of a target near 1e±300 they are not doubles at all
    const representable = (user: number, fitted: number) =>
      Number.isFinite(user) && (fitted === 0 || Math.abs(user) >= Number.MIN_VALUE * 2 ** 52);
    const lost =
      !representable(out.nullDeviance, path.nullDeviance) ||
      out.objective.some((value, k) => !representable(value, path.objective[k]!));
    if (lost) {
      // the path itself is fine; only these sums cannot be doubles: marked, never shown as 0 or ∞
      out.devianceOutOfRange = `2^${-e}`;
      out.nullDeviance = Number.NaN;
      out.objective = out.objective.map(() => Number.NaN);
    }
  }
  if (out.family === "multinomial") {
    const multinomial = path as Extract<GlmPath, { family: "multinomial" }>;
    return { ...out, beta: multinomial.beta.map(unscaleBlock) } as P;
  }
  const single = path as Exclude<GlmPath, { family: "multinomial" }>;
  const relaxed = single.relaxed && {
    lambda: single.relaxed.lambda.map(rescaling.lambdaToUser),
    a0: single.relaxed.a0.map((a) => timesPowerOfTwo(a / f, -e)),
    beta: unscaleBlock(single.relaxed.beta),
    devRatio: single.relaxed.devRatio,
  };
  return {
    ...out,
    a0: single.a0.map((a) => timesPowerOfTwo(a / f, -e)),
    beta: unscaleBlock(single.beta),
    ...(relaxed ? { relaxed } : {}),
  } as P;
}

/**
 * A CV error in the user's units: squared errors scale with t², absolute ones with t. Throws a
 * DataError when that is past the doubles' range (a mean squared error of a target of size 1e300).
 */
export function unscaleCvError(value: number, measure: string, rescaling: Rescaling): number {
  const { targetExponent: e, targetFactor: f } = rescaling;
  if ((e === 0 && f === 1) || measure === "class" || measure === "auc") return value;
  const power = measure === "mae" ? 1 : 2;
  const user = timesPowerOfTwo(value / f ** power, -power * e);
  // a mean squared error of a target of size 1e300 is not a double: an error, never ∞ or 0
  if (!Number.isFinite(user) || (value !== 0 && Math.abs(user) < Number.MIN_VALUE * 2 ** 52))
    throw new DataError("glm.devianceOutOfRange", { size: `2^${-e}` });
  return user;
}
