/**
 * One entry for every family: a path of the gaussian or binomial family (elasticNetPath) or of the
 * multinomial one (multinomialPath), and predictions from either. Predictions are row-major with
 * `columns` values per row: 1, or K for the multinomial family's link and response.
 */
import type { Dataset } from "../data/parseCsv.js";
import { type ElasticNetPath, elasticNetPath, type Family, type PathOptions } from "./elasticNetPath.js";
import { type MultinomialPath, multinomialPath } from "./multinomialPath.js";
import { predictMultinomial } from "./multinomialPredict.js";
import { type PredictionType, predictPath } from "./predict.js";

export const GLM_FAMILIES = ["gaussian", "binomial", "multinomial"] as const;
export type GlmFamily = (typeof GLM_FAMILIES)[number];
export type GlmPath = ElasticNetPath | MultinomialPath;

export interface GlmPathOptions extends Omit<PathOptions, "family"> {
  family?: GlmFamily;
}

export function glmPath(data: Dataset, options: GlmPathOptions = {}): GlmPath {
  if (options.family === "multinomial") return multinomialPath(data, { ...options, family: undefined });
  return elasticNetPath(data, { ...options, family: options.family as Family | undefined });
}

export function predictGlm(
  path: GlmPath,
  x: Float64Array,
  n: number,
  lambda: number,
  type: PredictionType = "response",
): { values: Float64Array; columns: number } {
  if (path.family === "multinomial") {
    const values = predictMultinomial(path, x, n, lambda, type);
    return { values, columns: type === "class" ? 1 : path.classes.length };
  }
  return { values: predictPath(path, x, n, lambda, type), columns: 1 };
}
