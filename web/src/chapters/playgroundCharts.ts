/**
 * The playground's two charts over training: the training and test losses by epoch (the gap a
 * penalty closes) and each layer's weight and gradient norms at the latest epoch — each with its
 * data table. Redrawn a few times a second while the model trains (playgroundFrames says when),
 * so each chart goes on the page as the element Plot built: the SVG text a "save" writes is made
 * from the same data only when asked for (serializing and parsing it again on every redraw cost
 * as much as drawing it).
 */
import { formatNumber, formatShare } from "../../../src/i18n/format.js";
import type { EpochDiagnostics } from "../../../src/nn/trainer.js";
import { layerNormChart } from "../charts/layerNormChart.js";
import { seriesChartElement, toSvgString } from "../charts/smallCharts.js";
import { figureBlock } from "../ui/figure.js";
import { t, tx } from "../ui/i18n.js";
import type { LossPoint } from "./playgroundState.js";

export interface PlaygroundCharts {
  elements: HTMLElement[];
  drawLosses(history: readonly LossPoint[]): void;
  drawLayers(d: EpochDiagnostics): void;
}

/** The loss curves (null before two epochs: a curve needs two points). */
function lossChart(history: readonly LossPoint[]): SVGSVGElement | null {
  if (history.length < 2) return null;
  const train = t("playground.series.train");
  const test = t("playground.series.test");
  return seriesChartElement(
    history.flatMap((row) => [
      { x: row.epoch, y: Math.max(1e-6, row.train), series: train },
      { x: row.epoch, y: Math.max(1e-6, row.test), series: test },
    ]),
    { xLabel: t("playground.epoch"), yLabel: t("playground.loss"), logY: true },
  );
}

function layersChart(d: EpochDiagnostics): SVGSVGElement {
  return layerNormChart(
    d.layers.map((layer) => ({
      layer: t("playground.layer", { layer: layer.layer }),
      weightNorm: layer.weightNorm,
      gradientNorm: layer.gradientNorm,
    })),
    {
      weight: t("playground.weightNorm"),
      gradient: t("playground.gradientNorm"),
      axis: t("playground.norm"),
    },
  );
}

export function playgroundCharts(): PlaygroundCharts {
  let history: readonly LossPoint[] = [];
  let latest: EpochDiagnostics | null = null;
  const saved = (chart: SVGSVGElement | null) => (chart ? toSvgString(chart) : "");
  const losses = figureBlock("losses", "playground.lossFigure", () => saved(lossChart(history)));
  const layers = figureBlock("layers", "playground.layersFigure", () => saved(latest && layersChart(latest)));

  return {
    elements: [losses.element, layers.element],
    drawLosses(current) {
      // a copy: the history goes on growing, the saved figure is the one on screen
      history = current.slice();
      const chart = lossChart(history);
      if (chart) losses.setSvg(chart);
      else losses.chart.replaceChildren(tx("p", "playground.noCurveYet", undefined, { class: "small" }));
      losses.setTable(
        [t("playground.epoch"), t("playground.series.train"), t("playground.series.test")],
        history
          .filter((_, k) => k % Math.ceil(history.length / 20) === 0)
          .map((r) => [r.epoch, formatNumber(r.train), formatNumber(r.test)]),
      );
    },
    drawLayers(d) {
      latest = d;
      layers.setSvg(layersChart(d));
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
    },
  };
}
