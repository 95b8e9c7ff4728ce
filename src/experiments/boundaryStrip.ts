/**
 * Decision boundaries across λ: a binomial elastic net on polynomial features of 2-D points,
 * fitted along its whole path on the training points, drawn at `panels` λ evenly spaced (in log)
 * from one step below λ_max (the empty model) to the path's smallest λ — from simple and underfit
 * to wiggly and overfit. Each panel carries its accuracy on the training points and on held-out
 * test points drawn from the same distribution: the training accuracy only rises as λ falls, the
 * test accuracy does not.
 */
import type { Dataset } from "../data/parseCsv.js";
import { polynomialFeatures } from "../data/polynomialFeatures.js";
import { elasticNetPath } from "../glm/elasticNetPath.js";
import { predictPath } from "../glm/predict.js";
import { gridAxis } from "./decisionGrid.js";

export interface BoundaryStripOptions {
  /** Largest total degree of the polynomial features (≥ 1). */
  degree: number;
  /** Elastic-net mixing: 1 = lasso, 0 = ridge. */
  alpha: number;
  /** Number of panels (≥ 1). */
  panels: number;
  /** Grid points per axis of each panel's map. */
  resolution: number;
}

export interface StripPanel {
  lambda: number;
  /** P(class 1) on the grid (row j·R + i at (axis[i], axis[j])). */
  grid: Float64Array;
  nonzero: number;
  trainAccuracy: number;
  testAccuracy: number;
}

export interface StripResult {
  axis: Float64Array;
  features: number;
  panels: StripPanel[];
}

function accuracy(predicted: ArrayLike<number>, y: ArrayLike<number>): number {
  let correct = 0;
  for (let i = 0; i < y.length; i++) if (predicted[i] === y[i]) correct++;
  return correct / y.length;
}

/** `train` and `test`: 2-D points (p = 2) with a 0/1 target. */
export function boundaryStrip(train: Dataset, test: Dataset, options: BoundaryStripOptions): StripResult {
  const { degree, alpha, panels, resolution: R } = options;
  const expanded = polynomialFeatures(train, degree);
  const held = polynomialFeatures(test, degree);
  const path = elasticNetPath(expanded, { family: "binomial", alpha, nlambda: 60 });
  const axis = gridAxis(train.x, R);
  const gridPoints = new Float64Array(R * R * 2);
  for (let j = 0; j < R; j++)
    for (let i = 0; i < R; i++) {
      gridPoints[2 * (j * R + i)] = axis[i]!;
      gridPoints[2 * (j * R + i) + 1] = axis[j]!;
    }
  const grid = polynomialFeatures({ ...train, n: R * R, x: gridPoints, y: new Float64Array(R * R) }, degree);
  const last = path.lambda.length - 1;
  const first = Math.min(last, 1);
  return {
    axis,
    features: expanded.p,
    panels: Array.from({ length: panels }, (_, k) => {
      const index = Math.round(first + (k * (last - first)) / Math.max(1, panels - 1));
      const lambda = path.lambda[index]!;
      return {
        lambda,
        grid: predictPath(path, grid.x, R * R, lambda, "response"),
        nonzero: path.beta[index]!.filter((b) => b !== 0).length,
        trainAccuracy: accuracy(predictPath(path, expanded.x, expanded.n, lambda, "class"), train.y),
        testAccuracy: accuracy(predictPath(path, held.x, held.n, lambda, "class"), test.y),
      };
    }),
  };
}
