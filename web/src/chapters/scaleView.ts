/**
 * The scale chapter's view: the unit on raw and on standardized x side by side (each with its data
 * table) under a status line whose data attributes carry m̃ and the saturated share, then the
 * early-stopping figure — the ridge path with the descent's steps on it — and its status line. It
 * draws what scaleState computed; the wiring (scaleMatters.ts) decides when.
 */
import * as Plot from "@observablehq/plot";
import type { EarlyStoppingResult } from "../../../src/experiments/earlyStoppingRidge.js";
import { CHART_STYLE, toSvgString } from "../charts/smallCharts.js";
import { h } from "../ui/dom.js";
import { figureBlock } from "../ui/figure.js";
import { t, tx } from "../ui/i18n.js";
import {
  coefficientPaths,
  earlyReadout,
  earlyRows,
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
      style: CHART_STYLE,
      x: { label },
      y: { label: "σ", domain: [0, 1], grid: true },
      marks: [Plot.line(data, { x: "x", y: "y", stroke: color, strokeWidth: 2.5 })],
    }),
  );
}

/** The ridge path (lines, labelled at their ends), the descent (dots) and a rule at the step chosen. */
function pathChart(experiment: EarlyStoppingResult, descentNorm: number): string {
  const paths = coefficientPaths(experiment);
  return toSvgString(
    Plot.plot({
      width: 700,
      height: 360,
      marginLeft: 56,
      marginRight: 80,
      style: CHART_STYLE,
      color: { scheme: "tableau10" },
      x: { label: t("scale.normAxis") },
      y: { label: t("scale.coefAxis"), grid: true },
      marks: [
        Plot.ruleY([0], { stroke: "#999" }),
        Plot.line(paths.ridge, { x: "norm", y: "coefficient", stroke: "feature", strokeWidth: 1.5 }),
        Plot.dot(paths.descent, { x: "norm", y: "coefficient", stroke: "feature", r: 2.5 }),
        Plot.text(
          paths.ridge,
          Plot.selectLast({
            x: "norm",
            y: "coefficient",
            z: "feature",
            text: "feature",
            fill: "feature",
            dx: 5,
            textAnchor: "start",
          }),
        ),
        Plot.ruleX([descentNorm], { stroke: "#e08214", strokeWidth: 2 }),
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
