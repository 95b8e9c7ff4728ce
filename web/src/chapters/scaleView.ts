/**
 * The scale chapter's view: the unit on raw and on standardized x side by side (each with its data
 * table) under a status line whose data attributes carry m̃ and the saturated share, then the
 * early-stopping figure — the ridge path with the descent's steps on it — and its status line. It
 * draws what scaleState computed; the wiring (scaleMatters.ts) decides when.
 */
import * as Plot from "@observablehq/plot";
import type { EarlyStoppingResult } from "../../../src/experiments/earlyStoppingRidge.js";
import { CHART_STYLE, MARGIN_BOTTOM_FOR_TITLE, toSvgString, X_TITLE_BELOW } from "../charts/smallCharts.js";
import { h } from "../ui/dom.js";
import { figureBlock } from "../ui/figure.js";
import { t, tx } from "../ui/i18n.js";
import {
  coefficientDomain,
  coefficientPaths,
  earlyReadout,
  earlyRows,
  PATH_CHART,
  pathEndLabels,
  pointAtStep,
  type UnitOnTwoScales,
} from "./scaleState.js";

export type ScaleView = ReturnType<typeof scaleView>;

/** One σ curve over its x, as a small chart (both sides of the comparison use it). */
function curveChart(x: Float64Array, y: Float64Array, label: string, color: string): string {
  const data = Array.from(x, (xi, i) => ({ x: xi, y: y[i]! }));
  return toSvgString(
    Plot.plot({
      width: 340,
      height: 200,
      marginLeft: 44,
      marginBottom: MARGIN_BOTTOM_FOR_TITLE,
      style: CHART_STYLE,
      x: { label, ...X_TITLE_BELOW },
      y: { label: "σ", domain: [0, 1], grid: true },
      marks: [Plot.line(data, { x: "x", y: "y", stroke: color, strokeWidth: 2.5 })],
    }),
  );
}

/**
 * The ridge path (lines), the descent (dots) and a rule at the step chosen. Each line is labelled in
 * the right margin, the labels kept apart (pathEndLabels), so neither the cursor nor a neighbour
 * covers one; the x title sits centred under the ticks, clear of them.
 */
function pathChart(experiment: EarlyStoppingResult, descentNorm: number): string {
  const paths = coefficientPaths(experiment);
  const domain = coefficientDomain(paths);
  const right = [...paths.ridge, ...paths.descent].reduce((most, m) => Math.max(most, m.norm), descentNorm);
  const labels = pathEndLabels(paths, domain);
  return toSvgString(
    Plot.plot({
      ...PATH_CHART,
      style: CHART_STYLE,
      color: { scheme: "tableau10", domain: experiment.featureNames },
      x: { label: t("scale.normAxis"), domain: [0, right], ...X_TITLE_BELOW },
      y: { label: t("scale.coefAxis"), grid: true, domain, nice: false },
      marks: [
        Plot.ruleY([0], { stroke: "#999" }),
        Plot.line(paths.ridge, { x: "norm", y: "coefficient", stroke: "feature", strokeWidth: 1.5 }),
        Plot.dot(paths.descent, { x: "norm", y: "coefficient", stroke: "feature", r: 2.5 }),
        Plot.ruleX([descentNorm], { stroke: "#e08214", strokeWidth: 2 }),
        Plot.text(labels, {
          x: () => right,
          y: "at",
          text: "feature",
          fill: "feature",
          dx: 10,
          textAnchor: "start",
          clip: false,
        }),
      ],
    }),
  );
}

export function scaleView() {
  // the SVG on screen, kept for the figures' "save" buttons
  let rawSvg = "";
  let standardSvg = "";
  let pathSvg = "";
  const raw = figureBlock("scale-raw", "scale.rawFigure", () => rawSvg);
  const standardized = figureBlock("scale-standardized", "scale.standardizedFigure", () => standardSvg);
  const early = figureBlock("early-stopping", "scale.earlyFigure", () => pathSvg);
  const scaleText = h("p", { class: "status", "data-testid": "scale-status" });
  const earlyText = h("p", { class: "status", "data-testid": "early-status" });

  return {
    /** The chapter's figures in page order (the heading and claim follow the language themselves). */
    elements: [
      scaleText,
      h("div", { class: "side-by-side" }, raw.element, standardized.element),
      tx("h3", "scale.earlyTitle"),
      tx("p", "scale.earlyClaim"),
      earlyText,
      early.element,
    ],
    /** Draws the unit on both scales, with its tables and status line. */
    showUnit(unit: UnitOnTwoScales) {
      rawSvg = curveChart(unit.x, unit.y, t("scale.rawAxis"), "#b2182b");
      raw.setSvg(rawSvg);
      standardSvg = curveChart(unit.standardX, unit.standardY, t("scale.standardAxis"), "#2166ac");
      standardized.setSvg(standardSvg);
      raw.setTable(["x", "σ(m·x)"], unit.rawRows);
      standardized.setTable(["x̃", "σ(m̃·x̃)"], unit.standardRows);
      scaleText.textContent = t("scale.readout", unit.readout);
      scaleText.dataset.standardizedM = String(unit.standardizedM);
      scaleText.dataset.share = String(unit.saturatedShare);
    },
    /** Draws the experiment read at recorded step `step`. */
    showEarly(experiment: EarlyStoppingResult, step: number) {
      const point = pointAtStep(experiment, step);
      const readout = earlyReadout(experiment, point);
      pathSvg = pathChart(experiment, point.descentNorm);
      early.setSvg(pathSvg);
      early.setTable(
        [
          t("scale.feature"),
          t("scale.descentCoef", { step: readout.step }),
          t("scale.ridgeCoef", { lambda: readout.lambda }),
        ],
        earlyRows(experiment, point),
      );
      earlyText.textContent = t("scale.earlyReadout", readout);
      earlyText.dataset.distance = String(point.relativeDistance);
      earlyText.dataset.step = String(point.step);
      earlyText.dataset.norm = String(point.descentNorm);
    },
  };
}
