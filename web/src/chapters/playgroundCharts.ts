/**
 * The playground's two charts over training: the training and test losses by epoch (the gap a
 * penalty closes) and each layer's weight and gradient norms at the latest epoch — each with its
 * data table. Redrawn a few times a second while the model trains (playground.ts says when).
 */
import * as Plot from "@observablehq/plot";
import { formatNumber, formatShare } from "../../../src/i18n/format.js";
import type { EpochDiagnostics } from "../../../src/nn/trainer.js";
import { CHART_STYLE, seriesChart, toSvgString } from "../charts/smallCharts.js";
import { figureBlock } from "../ui/figure.js";
import { t, tx } from "../ui/i18n.js";
import type { LossPoint } from "./playgroundState.js";

export interface PlaygroundCharts {
  elements: HTMLElement[];
  draw(history: readonly LossPoint[], d: EpochDiagnostics): void;
}

export function playgroundCharts(): PlaygroundCharts {
  let lossSvg = "";
  let layersSvg = "";
  const losses = figureBlock("losses", "playground.lossFigure", () => lossSvg);
  const layers = figureBlock("layers", "playground.layersFigure", () => layersSvg);

  const drawLosses = (history: readonly LossPoint[]) => {
    const train = t("playground.series.train");
    const test = t("playground.series.test");
    if (history.length < 2) {
      losses.chart.replaceChildren(tx("p", "playground.noCurveYet", undefined, { class: "small" }));
      lossSvg = "";
    } else {
      lossSvg = seriesChart(
        history.flatMap((row) => [
          { x: row.epoch, y: Math.max(1e-6, row.train), series: train },
          { x: row.epoch, y: Math.max(1e-6, row.test), series: test },
        ]),
        { xLabel: t("playground.epoch"), yLabel: t("playground.loss"), logY: true },
      );
      losses.setSvg(lossSvg);
    }
    losses.setTable(
      [t("playground.epoch"), train, test],
      history
        .filter((_, k) => k % Math.ceil(history.length / 20) === 0)
        .map((r) => [r.epoch, formatNumber(r.train), formatNumber(r.test)]),
    );
  };

  const drawLayers = (d: EpochDiagnostics) => {
    const layerName = (layer: number) => t("playground.layer", { layer });
    const rows = d.layers.flatMap((layer) => [
      { x: layer.weightNorm, series: t("playground.weightNorm"), layer: layerName(layer.layer) },
      { x: layer.gradientNorm, series: t("playground.gradientNorm"), layer: layerName(layer.layer) },
    ]);
    layersSvg = layerChart(rows, t("playground.norm"));
    layers.setSvg(layersSvg);
    layers.setTable(
      [
        t("playground.layerHeader"),
        t("playground.units"),
        t("playground.weightNorm"),
        t("playground.gradientNorm"),
        t("playground.saturated"),
        t("playground.meanSlope"),
      ],
      d.layers.map((layer) => [
        layer.layer,
        layer.units,
        formatNumber(layer.weightNorm),
        formatNumber(layer.gradientNorm),
        formatShare(layer.saturatedShare),
        formatNumber(layer.meanDadz),
      ]),
    );
  };

  return {
    elements: [losses.element, layers.element],
    draw(history, d) {
      drawLosses(history);
      drawLayers(d);
    },
  };
}

/** ‖W_l‖ and ‖∂E/∂W_l‖ per layer, on a log axis, side by side. */
function layerChart(rows: { x: number; series: string; layer: string }[], label: string): string {
  const data = rows.map((row) => ({ ...row, x: Math.max(1e-8, row.x) }));
  return toSvgString(
    Plot.plot({
      width: 460,
      height: 60 + 34 * new Set(rows.map((r) => r.layer)).size,
      marginLeft: 70,
      style: CHART_STYLE,
      color: {
        domain: [...new Set(rows.map((r) => r.series))],
        range: ["#2166ac", "#e08214"],
        legend: false,
      },
      x: { type: "log", label, grid: true, tickFormat: "~g" },
      y: { label: null },
      fy: { label: null },
      marks: [
        Plot.dot(data, { x: "x", y: "layer", fill: "series", r: 5, symbol: "series" }),
        Plot.text(data, { x: "x", y: "layer", text: "series", dy: -10, fontSize: 11, fill: "series" }),
      ],
    }),
  );
}
