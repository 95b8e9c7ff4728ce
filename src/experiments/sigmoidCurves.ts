/**
 * The article's figure: y = σ(m·x + c) over a wide range of x for several slopes m, with how much of
 * that range is saturated and how steep the curve gets.
 *
 * Honest about scale: what saturates is z = m·x + c, not m alone. The article's slopes look steep
 * only because x runs to ±10⁴. `standardizedM` = m·sd(x) is the same unit's slope on standardized
 * inputs x̃ = (x − mean)/sd, where it draws the very same curve.
 */
import { linspace } from "../core/linspace.js";
import { sigmoid, sigmoidDerivative } from "../core/sigmoid.js";
import {
  saturatedShare,
  saturatedShareOfInterval,
  saturationCutoff,
  steepestSlope,
} from "../diagnostics/saturation.js";

/** The slopes `plot_sigmoid(m)` draws in the article. */
export const ARTICLE_SLOPES: readonly number[] = Object.freeze([0.001, 0.0005, 0.0002, 0.0001]);

export interface SigmoidCurvesOptions {
  /** Slopes m to draw; default the article's four. */
  slopes?: readonly number[];
  /** Left end of the x range; default −10000. */
  xMin?: number;
  /** Right end of the x range; default 10000. */
  xMax?: number;
  /** Evenly spaced points, both ends included; default 1001. */
  points?: number;
  /** Bias c; default 0. */
  c?: number;
  /** σ'(z) below this counts as saturated; default 0.01. */
  saturationThreshold?: number;
}

export interface SigmoidCurve {
  m: number;
  zMin: number;
  zMax: number;
  /** Share of the x points with σ'(z) < threshold. */
  saturatedShare: number;
  /** The same share for the continuous interval, in closed form. */
  saturatedShareOfInterval: number;
  /** max |dy/dx| over the range (= |m|/4 when z = 0 is in range). */
  maxSlope: number;
  /** The slope this unit has on standardized inputs: m·sd(x). */
  standardizedM: number;
  /** y = σ(m·x + c) at each x. */
  y: Float64Array;
  /** ∂y/∂z = σ'(m·x + c) at each x: the chain-rule factor that vanishes when saturated. */
  dydz: Float64Array;
}

export interface SigmoidCurves {
  xMin: number;
  xMax: number;
  points: number;
  c: number;
  saturationThreshold: number;
  /** |z| beyond which a point is saturated. */
  saturationCutoff: number;
  /** Standard deviation (1/n) of the x grid. */
  xStandardDeviation: number;
  x: Float64Array;
  curves: SigmoidCurve[];
}

/** The 1/n standard deviation; past the doubles' range (±1e308) on values divided by their largest |x|. */
function standardDeviation(values: Float64Array): number {
  const plain = scaledStandardDeviation(values, 1);
  if (Number.isFinite(plain)) return plain;
  let size = 0;
  for (let i = 0; i < values.length; i++) size = Math.max(size, Math.abs(values[i]!));
  return size * scaledStandardDeviation(values, size);
}

/** The standard deviation of values / size. */
function scaledStandardDeviation(values: Float64Array, size: number): number {
  let mean = 0;
  for (let i = 0; i < values.length; i++) mean += values[i]! / size;
  mean /= values.length;
  let sumSquares = 0;
  for (let i = 0; i < values.length; i++) sumSquares += (values[i]! / size - mean) ** 2;
  return Math.sqrt(sumSquares / values.length);
}

export function sigmoidCurves(options: SigmoidCurvesOptions = {}): SigmoidCurves {
  const {
    slopes = ARTICLE_SLOPES,
    xMin = -10000,
    xMax = 10000,
    points = 1001,
    c = 0,
    saturationThreshold = 0.01,
  } = options;
  const x = linspace(xMin, xMax, points);
  const sd = standardDeviation(x);
  const curves = slopes.map((m): SigmoidCurve => {
    const y = new Float64Array(points);
    const dydz = new Float64Array(points);
    for (let i = 0; i < points; i++) {
      const z = m * x[i]! + c;
      y[i] = sigmoid(z);
      dydz[i] = sigmoidDerivative(z);
    }
    const zAtMin = m * xMin + c;
    const zAtMax = m * xMax + c;
    return {
      m,
      zMin: Math.min(zAtMin, zAtMax),
      zMax: Math.max(zAtMin, zAtMax),
      saturatedShare: saturatedShare(m, c, x, saturationThreshold),
      saturatedShareOfInterval: saturatedShareOfInterval(m, c, xMin, xMax, saturationThreshold),
      maxSlope: steepestSlope(m, c, xMin, xMax),
      standardizedM: m * sd,
      y,
      dydz,
    };
  });
  return {
    xMin,
    xMax,
    points,
    c,
    saturationThreshold,
    saturationCutoff: saturationCutoff(saturationThreshold),
    xStandardDeviation: sd,
    x,
    curves,
  };
}
