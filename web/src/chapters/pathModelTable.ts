/**
 * The path chapter's model at the chosen λ, as a table: one row per feature (zeros greyed), one
 * column of coefficients per class (one in all for gaussian and binomial).
 */
import type { GlmPath } from "../../../src/glm/glmPath.js";
import { multinomialCoefficientsAt } from "../../../src/glm/multinomialPredict.js";
import { coefficientsAt } from "../../../src/glm/predict.js";
import { formatNumber } from "../../../src/i18n/format.js";
import { h } from "../ui/dom.js";
import { t } from "../ui/i18n.js";

/** Fills `table` with the model at λ; returns how many features are in it (non-zero in some class). */
export function drawModelTable(table: HTMLTableElement, path: GlmPath, lambda: number): number {
  const multinomial = path.family === "multinomial";
  const columns = multinomial ? multinomialCoefficientsAt(path, lambda) : [coefficientsAt(path, lambda)];
  const headers = multinomial
    ? path.classes.map((label) => t("path.classColumn", { label: formatNumber(label) }))
    : [t("path.coefficient")];
  const nonzero = path.featureNames.filter((_, j) => columns.some((c) => c.beta[j] !== 0)).length;
  table.replaceChildren(
    h("caption", { text: t("path.modelAt", { lambda: formatNumber(lambda), nonzero, p: path.p }) }),
    h(
      "thead",
      {},
      h(
        "tr",
        {},
        h("th", { scope: "col", text: t("path.feature") }),
        ...headers.map((text) => h("th", { scope: "col", text })),
      ),
    ),
    h(
      "tbody",
      {},
      h(
        "tr",
        {},
        h("td", { text: t("path.intercept") }),
        ...columns.map((c) => h("td", { text: formatNumber(c.intercept) })),
      ),
      ...path.featureNames.map((name, j) =>
        h(
          "tr",
          { class: columns.every((c) => c.beta[j] === 0) ? "zero" : "" },
          h("td", { text: name }),
          ...columns.map((c) => h("td", { text: formatNumber(c.beta[j]!) })),
        ),
      ),
    ),
  );
  return nonzero;
}
