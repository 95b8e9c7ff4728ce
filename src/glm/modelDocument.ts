/**
 * A fitted path as the plain JSON document `reglab predict` reads (reglab_model: 1). Written by
 * `reglab path|cv --save` and by the web lab's "export model", so a model found in the browser
 * predicts from the command line. Multinomial: a0[c][k] and beta[c][k][j], one block per class, in
 * the order of `classes`; mgaussian likewise per response (mgaussianModelDocument).
 */
import { type ClassLabel, classNames } from "./classLabels.js";
import type { GlmPath } from "./glmPath.js";
import type { MgaussianPath } from "./mgaussianPath.js";

export function modelDocument(
  path: GlmPath,
  targetName: string,
  classes: readonly ClassLabel[] | null,
  extra: Record<string, unknown> = {},
) {
  return {
    reglab_model: 1,
    family: path.family,
    alpha: path.alpha,
    objective_form: path.objectiveForm ?? "glmnet",
    feature_names: path.featureNames,
    target_name: targetName,
    classes:
      path.family === "multinomial"
        ? classNames(path.classes, path.classLabels)
        : classes && path.classLabels
          ? classNames(classes as number[], path.classLabels)
          : (classes ?? null),
    lambda: path.lambda,
    a0: path.a0,
    beta: path.beta,
    // the relaxed lasso's refits, for predictions at γ < 1
    ...(path.family !== "multinomial" && path.relaxed
      ? { relaxed: { lambda: path.relaxed.lambda, a0: path.relaxed.a0, beta: path.relaxed.beta } }
      : {}),
    ...extra,
  };
}

/**
 * An mgaussian path as a saved model: a0[k][l] and beta[k][l][j], one block per response, in the
 * order of `responses` (target_name lists them as --target took them).
 */
export function mgaussianModelDocument(path: MgaussianPath, extra: Record<string, unknown> = {}) {
  return {
    reglab_model: 1,
    family: path.family,
    alpha: path.alpha,
    objective_form: "glmnet",
    feature_names: path.featureNames,
    target_name: path.responses.join(","),
    responses: path.responses,
    classes: null,
    lambda: path.lambda,
    a0: path.a0,
    beta: path.beta,
    ...extra,
  };
}
