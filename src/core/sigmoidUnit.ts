/**
 * The article's unit and its chain rule.
 *
 *   z = m·x + c          (linear output)
 *   y = σ(z)             (sigmoid activation)
 *   E = ½ (y − t)²       (squared error against the target t)
 *
 * Gradient descent needs ∂E/∂m and ∂E/∂c. The chain rule splits each into factors that can be
 * read one by one:
 *
 *   ∂E/∂m = ∂E/∂y · ∂y/∂z · ∂z/∂m = (y − t) · σ'(z) · x
 *   ∂E/∂c = ∂E/∂y · ∂y/∂z · ∂z/∂c = (y − t) · σ'(z) · 1
 *
 * The middle factor σ'(z) is the article's point: when |z| is large it is ≈ 0, and so is the whole
 * gradient, however wrong the output y is.
 */
import { sigmoid, sigmoidDerivative } from "./sigmoid.js";

/** Every factor of the chain rule for one sample, and their products. */
export interface ChainRuleFactors {
  /** Pre-activation z = m·x + c. */
  z: number;
  /** Output y = σ(z). */
  y: number;
  /** Loss E = ½ (y − t)². */
  loss: number;
  /** ∂E/∂y = y − t. */
  dEdy: number;
  /** ∂y/∂z = σ'(z). */
  dydz: number;
  /** ∂z/∂m = x. */
  dzdm: number;
  /** ∂z/∂c = 1. */
  dzdc: number;
  /** ∂E/∂m = ∂E/∂y · ∂y/∂z · ∂z/∂m. */
  dEdm: number;
  /** ∂E/∂c = ∂E/∂y · ∂y/∂z · ∂z/∂c. */
  dEdc: number;
}

/** The chain rule for one sample (x, t) at weights (m, c), every factor returned. */
export function chainRule(m: number, c: number, x: number, t: number): ChainRuleFactors {
  const z = m * x + c;
  const y = sigmoid(z);
  const dEdy = y - t;
  const dydz = sigmoidDerivative(z);
  const dzdm = x;
  const dzdc = 1;
  return {
    z,
    y,
    loss: 0.5 * dEdy * dEdy,
    dEdy,
    dydz,
    dzdm,
    dzdc,
    dEdm: dEdy * dydz * dzdm,
    dEdc: dEdy * dydz * dzdc,
  };
}

/** The batch loss, gradient and mean factor magnitudes, written into a reusable object. */
export interface BatchGradient {
  /** Mean loss E = (1/n) Σ ½ (y_i − t_i)². */
  loss: number;
  /** Mean gradient (1/n) Σ ∂E_i/∂m. */
  dEdm: number;
  /** Mean gradient (1/n) Σ ∂E_i/∂c. */
  dEdc: number;
  /** (1/n) Σ |y_i − t_i|: how wrong the outputs are. */
  meanAbsDEdy: number;
  /** (1/n) Σ σ'(z_i): how much signal the activation lets through (σ' ≥ 0). */
  meanDydz: number;
  /** (1/n) Σ |x_i|: the size of ∂z/∂m, set by the scale of the inputs. */
  meanAbsDzdm: number;
  /** Share of samples with σ'(z_i) below the saturation threshold. */
  saturatedShare: number;
}

export function emptyBatchGradient(): BatchGradient {
  return { loss: 0, dEdm: 0, dEdc: 0, meanAbsDEdy: 0, meanDydz: 0, meanAbsDzdm: 0, saturatedShare: 0 };
}

/**
 * The batch version of {@link chainRule}: averages every factor over the samples (x_i, t_i) into
 * `out`, allocating nothing (this runs once per gradient-descent step).
 *
 * @param saturationThreshold a sample counts as saturated when σ'(z_i) < this (default 0.01).
 */
export function batchGradient(
  m: number,
  c: number,
  x: Float64Array,
  t: Float64Array,
  out: BatchGradient,
  saturationThreshold = 0.01,
): BatchGradient {
  const n = x.length;
  let loss = 0;
  let dEdm = 0;
  let dEdc = 0;
  let absDEdy = 0;
  let dydzSum = 0;
  let absX = 0;
  let saturated = 0;
  for (let i = 0; i < n; i++) {
    const xi = x[i]!;
    const z = m * xi + c;
    const dEdy = sigmoid(z) - t[i]!; // ∂E/∂y
    const dydz = sigmoidDerivative(z); // ∂y/∂z
    const dEdz = dEdy * dydz;
    loss += 0.5 * dEdy * dEdy;
    dEdm += dEdz * xi; // · ∂z/∂m = x
    dEdc += dEdz; // · ∂z/∂c = 1
    absDEdy += Math.abs(dEdy);
    dydzSum += dydz;
    absX += Math.abs(xi);
    if (dydz < saturationThreshold) saturated++;
  }
  out.loss = loss / n;
  out.dEdm = dEdm / n;
  out.dEdc = dEdc / n;
  out.meanAbsDEdy = absDEdy / n;
  out.meanDydz = dydzSum / n;
  out.meanAbsDzdm = absX / n;
  out.saturatedShare = saturated / n;
  return out;
}
