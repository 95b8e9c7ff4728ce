/**
 * The path chapter's choices as plain data: the built-in data sets and the GLM family each is fitted
 * with, where the λ cursor opens on a new path, and what the status says about the λ chosen. Pure
 * functions, no DOM: tested in Node.
 */
import type { CvResult } from "../../../src/glm/crossValidation.js";
import type { GlmFamily } from "../../../src/glm/glmPath.js";

export const BUILT_IN = ["diabetes", "breast_cancer", "wine", "iris"] as const;
export type BuiltIn = (typeof BUILT_IN)[number];
/** The data source: a built-in set, or the student's CSV (which a link cannot carry). */
export type PathSource = BuiltIn | "upload";

/** Each built-in set's target: a measurement (gaussian), two classes, or three. */
export const FAMILY_OF: Record<BuiltIn, GlmFamily> = {
  diabetes: "gaussian",
  breast_cancer: "binomial",
  wine: "multinomial",
  iris: "multinomial",
};

/**
 * The family to fit: the one the student chose, else the built-in set's own; an upload's family
 * is left to the library ("auto" reads it off the target column).
 */
export function familyToFit(source: PathSource, chosen: GlmFamily | "auto"): GlmFamily | "auto" {
  return chosen !== "auto" || source === "upload" ? chosen : FAMILY_OF[source];
}

/** The index of the λ nearest `lambda` on a log scale. */
export function nearestIndex(lambdas: readonly number[], lambda: number): number {
  let best = 0;
  lambdas.forEach((l, i) => {
    if (Math.abs(Math.log(l / lambda)) < Math.abs(Math.log(lambdas[best]! / lambda))) best = i;
  });
  return best;
}

/**
 * Where the cursor opens on a new path: at the λ of the link (the nearest on the path, NaN when
 * the link names none), else at the path's own λ.1se — the sparsest model within one standard
 * error of the best.
 */
export function openingIndex(cv: Pick<CvResult, "lambda" | "indexOneSe">, linked: number): number {
  return Number.isFinite(linked) ? nearestIndex(cv.lambda, linked) : cv.indexOneSe;
}

/** Which of cross-validation's two choices the cursor is on, if either ("" when neither). */
export function cursorAt(cv: Pick<CvResult, "indexMin" | "indexOneSe">, index: number): "1se" | "min" | "" {
  return index === cv.indexOneSe ? "1se" : index === cv.indexMin ? "min" : "";
}
