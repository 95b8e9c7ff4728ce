/**
 * The instability chapter's view: the verdict in words (never a ratio for a constant model), the
 * sensitivity of the probability and of the logit against ε for both networks, and a table with
 * each network's test loss and accuracy beside its sensitivity.
 */
import { formatNumber, formatShare } from "../../../src/i18n/format.js";
import type { LabKey } from "../../../src/i18n/lab.js";
import { seriesChart } from "../charts/smallCharts.js";
import { h } from "../ui/dom.js";
import { figureBlock } from "../ui/figure.js";
import { t } from "../ui/i18n.js";
import type { InstabilityResult } from "../worker/protocol.js";
import { type Comparison, compare, type Verdict } from "./instabilityState.js";

const EPSILONS = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5];

const VERDICT_KEY: Record<Verdict, LabKey> = {
  holds: "instability.verdict.holds",
  saturationHides: "instability.verdict.saturationHides",
  constant: "instability.verdict.constant",
  fails: "instability.verdict.fails",
};

export function instabilityView(live: HTMLElement) {
  let outputSvg = "";
  let logitSvg = "";
  const outputFigure = figureBlock("instability", "instability.figure", () => outputSvg);
  const logitFigure = figureBlock("instability-logit", "instability.logitFigure", () => logitSvg);
  const status = h("p", { class: "status", "data-testid": "instability-status" });
  const note = h("p", { class: "note", "data-testid": "instability-note" });
  const table = h("table", { class: "data-table", "data-testid": "instability-table" });

  const waiting = (text: string) => {
    status.textContent = text;
    note.textContent = "";
    // stale numbers must not satisfy a "Try this" check while the new networks train
    for (const name of ["verdict", "plain", "regularized", "outputRatio", "logitRatio", "testLossRatio"])
      delete status.dataset[name];
    delete note.dataset.clean;
  };

  const chart = (curves: Comparison[], names: string[], which: "output" | "logit", marker: number) =>
    seriesChart(
      curves.flatMap((c) => [
        { x: c.epsilon, y: Math.max(1e-9, c.plain[which]), series: names[0]! },
        { x: c.epsilon, y: Math.max(1e-9, c.regularized[which]), series: names[1]! },
      ]),
      {
        xLabel: t("instability.epsilon"),
        yLabel: t(which === "output" ? "instability.sensitivity" : "instability.logitSensitivity"),
        logX: true,
        logY: true,
        marker,
      },
    );

  const render = (result: InstabilityResult, epsilon: number) => {
    const [plainModel, regularizedModel] = result.models;
    const now = compare(result, epsilon);
    const names = [
      t("instability.plain"),
      t("instability.regularized", { lambda: formatNumber(regularizedModel.lambda) }),
    ];
    const text = t(VERDICT_KEY[now.verdict], {
      epsilon: formatNumber(epsilon),
      outputRatio: now.outputRatio === null ? "" : formatNumber(now.outputRatio, 3),
      logitRatio: now.logitRatio === null ? "" : formatNumber(now.logitRatio, 3),
      inverse: now.logitRatio === null ? "" : formatNumber(1 / now.logitRatio, 3),
      mean: formatNumber(regularizedModel.meanPrediction, 3),
      lambda: formatNumber(regularizedModel.lambda),
      accuracy: formatShare(regularizedModel.testAccuracy),
    });
    status.textContent = text;
    Object.assign(status.dataset, {
      verdict: now.verdict,
      plain: String(now.plain.output),
      regularized: String(now.regularized.output),
      outputRatio: now.outputRatio === null ? "" : String(now.outputRatio),
      logitRatio: now.logitRatio === null ? "" : String(now.logitRatio),
      testLossRatio: String(plainModel.testLoss / regularizedModel.testLoss),
    });
    // where the penalty costs test loss, the data had little noise to overfit: say so
    const clean = now.verdict !== "constant" && plainModel.testLoss <= regularizedModel.testLoss;
    note.textContent = clean
      ? t("instability.cleanData", {
          plain: formatNumber(plainModel.testLoss, 3),
          regularized: formatNumber(regularizedModel.testLoss, 3),
        })
      : "";
    note.dataset.clean = clean ? "1" : "0";
    live.textContent = text;

    const grid = [...new Set([...EPSILONS, epsilon])].sort((a, b) => a - b);
    const curves = grid.map((e) => compare(result, e));
    outputSvg = chart(curves, names, "output", epsilon);
    logitSvg = chart(curves, names, "logit", epsilon);
    outputFigure.setSvg(outputSvg);
    logitFigure.setSvg(logitSvg);
    const rows = curves.map((c) =>
      [c.epsilon, c.plain.output, c.regularized.output, c.plain.logit, c.regularized.logit].map((v) =>
        formatNumber(v),
      ),
    );
    const headers = [
      t("instability.epsilon"),
      ...names.map((n) => `${n}: P`),
      ...names.map((n) => `${n}: z`),
    ];
    outputFigure.setTable(headers, rows);
    logitFigure.setTable(headers, rows);

    const columns: LabKey[] = [
      "instability.testLoss",
      "instability.testAccuracy",
      "instability.sensitivityShort",
      "instability.logitShort",
      "instability.weightNorm",
      "instability.lipschitz",
    ];
    table.replaceChildren(
      h("caption", { text: t("instability.tableCaption", { epsilon: formatNumber(epsilon) }) }),
      h(
        "thead",
        {},
        h("tr", {}, h("th", {}), ...columns.map((key) => h("th", { scope: "col", text: t(key) }))),
      ),
      h(
        "tbody",
        {},
        ...result.models.map((model, k) => {
          const s = k === 0 ? now.plain : now.regularized;
          const cells = [
            formatNumber(model.testLoss, 3),
            formatShare(model.testAccuracy),
            formatNumber(s.output, 3),
            formatNumber(s.logit, 3),
            formatNumber(model.weightNorm, 3),
            formatNumber(model.lipschitzBound, 3),
          ];
          return h(
            "tr",
            {},
            h("th", { scope: "row", text: names[k]! }),
            ...cells.map((text) => h("td", { text })),
          );
        }),
      ),
    );
  };

  const elements = [
    status,
    note,
    h("div", { class: "model-table" }, table),
    h("div", { class: "side-by-side" }, outputFigure.element, logitFigure.element),
  ];
  return { elements, render, waiting };
}
