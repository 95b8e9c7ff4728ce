/**
 * `reglab predict MODEL.json --type coefficients|nonzero`: the model itself at λ = s, as glmnet's
 * `coef(fit, s)` and `predict(fit, type = "nonzero")` — coefficients interpolated linearly in λ
 * between the path's points (glmnet's exact = FALSE), intercept first; the multinomial family one
 * column per class, mgaussian one per response. No data file is needed.
 */
import { coefficientsAt, relaxedCoefficientsAt } from "../glm/predict.js";
import type { Translator } from "../i18n/translate.js";
import type { SavedModel } from "./modelSchema.js";
import { formatTable } from "./table.js";

interface ClassCoefficients {
  label: number | string | null;
  intercept: number;
  beta: number[];
}

/** Each class's (or the one) intercept and coefficients at λ. */
export function modelCoefficientsAt(model: SavedModel, lambda: number, gamma = 1): ClassCoefficients[] {
  if (model.family === "mgaussian")
    return model.responses.map((label, k) => {
      const { intercept, beta } = coefficientsAt(
        { lambda: model.lambda, a0: model.a0[k]!, beta: model.beta[k]! },
        lambda,
      );
      return { label, intercept, beta };
    });
  if (model.family !== "multinomial") {
    const path = { lambda: model.lambda, a0: model.a0, beta: model.beta };
    const { intercept, beta } =
      gamma < 1 && model.relaxed
        ? relaxedCoefficientsAt(path, { ...model.relaxed, devRatio: [] }, lambda, gamma)
        : coefficientsAt(path, lambda);
    return [{ label: null, intercept, beta }];
  }
  return model.classes.map((label, c) => {
    const { intercept, beta } = coefficientsAt(
      { lambda: model.lambda, a0: model.a0[c]!, beta: model.beta[c]! },
      lambda,
    );
    return { label, intercept, beta };
  });
}

/** A block's column heading: its class, or (mgaussian) its response. */
function blockLabel(model: SavedModel, label: number | string, t: Translator): string {
  return model.family === "mgaussian"
    ? t("predict.responseLabel", { label })
    : t("predict.classLabel", { label });
}

/** The --json document of --type coefficients or nonzero. */
export function coefficientsJson(
  model: SavedModel,
  lambda: number,
  type: "coefficients" | "nonzero",
  gamma = 1,
) {
  const blocks = modelCoefficientsAt(model, lambda, gamma);
  const named = (beta: number[]) =>
    Object.fromEntries(model.feature_names.map((name, j) => [name, beta[j]!]));
  const nonzero = (beta: number[]) => model.feature_names.filter((_, j) => beta[j] !== 0);
  const single = blocks.length === 1;
  return {
    lambda,
    type,
    ...(type === "coefficients"
      ? {
          intercept: single ? blocks[0]!.intercept : blocks.map((b) => b.intercept),
          coefficients: single ? named(blocks[0]!.beta) : blocks.map((b) => named(b.beta)),
        }
      : {}),
    nonzero: single ? nonzero(blocks[0]!.beta) : blocks.map((b) => nonzero(b.beta)),
    ...(single
      ? {}
      : model.family === "mgaussian"
        ? { responses: model.responses }
        : { classes: blocks.map((b) => b.label) }),
  };
}

/** The text view: a table of names and coefficients (a column per class), or the nonzero names. */
export function coefficientsText(
  model: SavedModel,
  lambda: number,
  type: "coefficients" | "nonzero",
  t: Translator,
  gamma = 1,
) {
  const blocks = modelCoefficientsAt(model, lambda, gamma);
  if (type === "nonzero") {
    return blocks
      .map((b) => {
        const names = model.feature_names.filter((_, j) => b.beta[j] !== 0);
        const prefix = b.label === null ? "" : `${blockLabel(model, b.label, t)}: `;
        return `${prefix}${names.join(", ")}`;
      })
      .join("\n");
  }
  const header = [
    "",
    ...blocks.map((b) => (b.label === null ? t("predict.coefficient") : blockLabel(model, b.label, t))),
  ];
  const rows = [
    [t("predict.intercept"), ...blocks.map((b) => String(b.intercept))],
    ...model.feature_names.map((name, j) => [name, ...blocks.map((b) => String(b.beta[j]))]),
  ];
  return formatTable(
    header,
    rows,
    blocks.map((_, c) => c + 1),
  );
}
