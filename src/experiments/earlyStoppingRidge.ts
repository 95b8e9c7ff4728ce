/**
 * "Early stopping behaves like an L2 penalty", measured. Gradient descent on least squares from
 * β = 0 with step η, in the eigenbasis of the Gram matrix G = X̃ᵀWX̃ (eigenvalues s_k), shrinks
 * each component of the least-squares solution by
 *
 *   after t steps:        1 − (1 − η·s_k)^t
 *   ridge at λ:           s_k / (s_k + λ)
 *
 * — two filters that both pass the strong directions and hold back the weak ones, close to each
 * other when λ ≈ 1/(η·t). This experiment runs both on the same standardized data and reports how
 * close the two coefficient paths are at matched λ = 1/(η·t).
 */
import { maxOf } from "../core/extent.js";
import type { Dataset } from "../data/parseCsv.js";
import { type RidgeFit, ridgeFits, ridgeProblem } from "../glm/ridge.js";

export interface EarlyStoppingOptions {
  /** Gradient-descent steps recorded, log-spaced from 1 to `steps`; default 2000. */
  steps?: number;
  /** Recorded checkpoints (default 40). */
  checkpoints?: number;
}

export interface EarlyStoppingPoint {
  step: number;
  /** λ = 1/(η·t), the ridge penalty this many steps stand for. */
  matchedLambda: number;
  /** GD's standardized coefficients after `step` steps. */
  descent: Float64Array;
  /** Ridge's standardized coefficients at matchedLambda. */
  ridge: Float64Array;
  /** ‖descent − ridge‖₂ / ‖β_least-squares‖₂. */
  relativeDistance: number;
  /** ‖descent‖₂ / ‖β_least-squares‖₂. */
  descentNorm: number;
  ridgeNorm: number;
}

export interface EarlyStoppingResult {
  featureNames: string[];
  learningRate: number;
  /** Largest eigenvalue of the Gram matrix (so η = 1/s_max). */
  largestEigenvalue: number;
  leastSquares: Float64Array;
  points: EarlyStoppingPoint[];
  /** The largest relativeDistance over the checkpoints. */
  maxRelativeDistance: number;
}

/** Largest eigenvalue of a symmetric positive semi-definite p × p matrix, by power iteration. */
export function largestEigenvalue(matrix: Float64Array, p: number, iterations = 500): number {
  let v = new Float64Array(p).fill(1 / Math.sqrt(p));
  let next = new Float64Array(p);
  let value = 0;
  for (let iteration = 0; iteration < iterations; iteration++) {
    let norm = 0;
    for (let i = 0; i < p; i++) {
      let sum = 0;
      for (let k = 0; k < p; k++) sum += matrix[i * p + k]! * v[k]!;
      next[i] = sum;
      norm += sum * sum;
    }
    norm = Math.sqrt(norm);
    if (norm === 0) return 0;
    for (let i = 0; i < p; i++) next[i]! /= norm;
    [v, next] = [next, v];
    if (Math.abs(norm - value) <= 1e-14 * norm) return norm;
    value = norm;
  }
  return value;
}

const norm2 = (v: Float64Array) => Math.sqrt(v.reduce((sum, x) => sum + x * x, 0));

/** The steps at which the descent is recorded: log-spaced integers from 1 to `steps`, each once. */
export function checkpointSteps(steps: number, checkpoints: number): number[] {
  const at = new Set<number>();
  for (let k = 0; k < checkpoints; k++)
    at.add(Math.max(1, Math.round(Math.exp((Math.log(steps) * k) / (checkpoints - 1)))));
  return [...at].sort((a, b) => a - b);
}

export function earlyStoppingVsRidge(data: Dataset, options: EarlyStoppingOptions = {}): EarlyStoppingResult {
  const { steps = 2000, checkpoints = 40 } = options;
  const problem = ridgeProblem(data);
  const { gram, xty } = problem;
  const p = problem.design.p;
  const sMax = largestEigenvalue(gram, p);
  const learningRate = 1 / sMax;
  const [leastSquaresFit] = ridgeFits(problem, [1e-12 * sMax]) as [RidgeFit];
  const leastSquares = leastSquaresFit.standardizedCoefs;
  const scale = norm2(leastSquares) || 1;

  const recordAt = new Set(checkpointSteps(steps, checkpoints));
  const beta = new Float64Array(p);
  const gradient = new Float64Array(p);
  const points: EarlyStoppingPoint[] = [];
  for (let step = 1; step <= steps; step++) {
    // ∇ ½ Σ w (y − x̃β)² = Gβ − X̃ᵀW y
    for (let j = 0; j < p; j++) {
      let sum = -xty[j]!;
      for (let k = 0; k < p; k++) sum += gram[j * p + k]! * beta[k]!;
      gradient[j] = sum;
    }
    for (let j = 0; j < p; j++) beta[j]! -= learningRate * gradient[j]!;
    if (!recordAt.has(step)) continue;
    const matchedLambda = 1 / (learningRate * step);
    const ridge = ridgeFits(problem, [matchedLambda])[0]!.standardizedCoefs;
    const difference = Float64Array.from(beta, (b, j) => b - ridge[j]!);
    points.push({
      step,
      matchedLambda,
      descent: beta.slice(),
      ridge,
      relativeDistance: norm2(difference) / scale,
      descentNorm: norm2(beta) / scale,
      ridgeNorm: norm2(ridge) / scale,
    });
  }
  return {
    featureNames: data.featureNames,
    learningRate,
    largestEigenvalue: sMax,
    leastSquares,
    points,
    maxRelativeDistance: maxOf(points.map((point) => point.relativeDistance)),
  };
}
