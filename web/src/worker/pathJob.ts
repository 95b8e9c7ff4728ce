/**
 * The path explorer's computations, run in the worker: the elastic-net path of a CSV with
 * cross-validated λ (the same solver and CV as `reglab path` / `reglab cv`), and a strip of
 * decision boundaries across λ for a 2-D data set with polynomial features.
 */

import { parseCsv } from "../../../src/data/parseCsv.js";
import { boundaryStrip, type StripResult } from "../../../src/experiments/boundaryStrip.js";
import { binaryTarget } from "../../../src/glm/binaryTarget.js";
import { crossValidate } from "../../../src/glm/crossValidation.js";
import type { GlmFamily } from "../../../src/glm/glmPath.js";
import { classIndices } from "../../../src/glm/multinomialPath.js";
import { pointsDataset } from "./playgroundSession.js";
import type { PathRequest, PathResult, PathStripRequest } from "./protocol.js";

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

/** Boundaries across λ (experiments/boundaryStrip), for the points and a test set drawn alike. */
export function fitBoundaryStrip(request: PathStripRequest): StripResult {
  return boundaryStrip(pointsDataset(request.points), pointsDataset(request.test), request);
}
