/**
 * The path explorer's computations, run in the worker: the elastic-net path of a CSV with
 * cross-validated λ (the same solver and CV as `reglab path` / `reglab cv`), and a strip of
 * decision boundaries across λ for a 2-D data set with polynomial features.
 */

import { parseCsv } from "../../../src/data/parseCsv.js";
import { polynomialFeatures } from "../../../src/data/polynomialFeatures.js";
import { gridAxis } from "../../../src/experiments/decisionGrid.js";
import { binaryTarget } from "../../../src/glm/binaryTarget.js";
import { type CvResult, crossValidate } from "../../../src/glm/crossValidation.js";
import { elasticNetPath } from "../../../src/glm/elasticNetPath.js";
import type { GlmFamily } from "../../../src/glm/glmPath.js";
import { classIndices } from "../../../src/glm/multinomialPath.js";
import { predictPath } from "../../../src/glm/predict.js";
import { pointsDataset } from "./playgroundSession.js";
import type { PathRequest, PathStripRequest } from "./protocol.js";

export interface PathResult {
  cv: CvResult;
  classes: number[] | null;
  targetName: string;
  droppedRows: number;
  constantColumns: string[];
}

/**
 * "auto": two distinct target values make a binomial problem; 3 to 10 distinct whole numbers,
 * each at least 5 times, classes (multinomial); anything else a number (gaussian).
 */
export function guessFamily(y: Float64Array): GlmFamily {
  const counts = new Map<number, number>();
  for (const v of y) counts.set(v, (counts.get(v) ?? 0) + 1);
  if (counts.size === 2) return "binomial";
  const classes = [...counts.keys()].every(Number.isInteger) && counts.size >= 3 && counts.size <= 10;
  return classes && [...counts.values()].every((count) => count >= 5) ? "multinomial" : "gaussian";
}

export function fitPath(request: PathRequest): PathResult {
  const parsed = parseCsv(request.csv, request.source, { na: "error" });
  const family = request.family === "auto" ? guessFamily(parsed.y) : request.family;
  const { data, classes } =
    family === "binomial"
      ? binaryTarget(parsed)
      : family === "multinomial"
        ? { data: parsed, classes: classIndices(parsed).classes }
        : { data: parsed, classes: null };
  const cv = crossValidate(data, {
    family,
    alpha: request.alpha,
    folds: request.folds,
    foldRule: "random",
    seed: request.seed,
  });
  return {
    cv,
    classes,
    targetName: parsed.targetName,
    droppedRows: parsed.droppedRows,
    constantColumns: parsed.constantColumns,
  };
}

export interface StripPanel {
  lambda: number;
  /** P(class 1) on the grid (row j·R + i at (axis[i], axis[j])). */
  grid: Float64Array;
  nonzero: number;
  trainAccuracy: number;
}

export interface StripResult {
  axis: Float64Array;
  features: number;
  panels: StripPanel[];
}

/** Boundaries of a binomial elastic net on polynomial features, at λ evenly spaced (log) along its path. */
export function boundaryStrip(request: PathStripRequest): StripResult {
  const raw = pointsDataset(request.points);
  const expanded = polynomialFeatures(raw, request.degree);
  const path = elasticNetPath(expanded, { family: "binomial", alpha: request.alpha, nlambda: 60 });
  const R = request.resolution;
  const axis = gridAxis(raw.x, R);
  const gridPoints = new Float64Array(R * R * 2);
  for (let j = 0; j < R; j++)
    for (let i = 0; i < R; i++) {
      gridPoints[2 * (j * R + i)] = axis[i]!;
      gridPoints[2 * (j * R + i) + 1] = axis[j]!;
    }
  const grid = polynomialFeatures(
    pointsDataset({ x: gridPoints, y: new Float64Array(R * R) }),
    request.degree,
  );
  const last = path.lambda.length - 1;
  const panels: StripPanel[] = [];
  for (let k = 0; k < request.panels; k++) {
    // skip λ_max itself (the empty model): start one step in, end at the path's smallest λ
    const index = Math.round(
      Math.min(last, 1) + (k * (last - Math.min(last, 1))) / Math.max(1, request.panels - 1),
    );
    const lambda = path.lambda[index]!;
    const probability = predictPath(path, grid.x, R * R, lambda, "response");
    const fitted = predictPath(path, expanded.x, expanded.n, lambda, "class");
    let correct = 0;
    for (let i = 0; i < raw.n; i++) if (fitted[i] === raw.y[i]) correct++;
    panels.push({
      lambda,
      grid: probability,
      nonzero: path.beta[index]!.filter((b) => b !== 0).length,
      trainAccuracy: correct / raw.n,
    });
  }
  return { axis, features: expanded.p, panels };
}
