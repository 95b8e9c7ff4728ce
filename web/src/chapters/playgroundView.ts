/**
 * The playground's view: the decision map with its axes, the numbers of the latest epoch, the loss
 * curves, the per-layer norms and the divergence warning. It draws frames from the worker; the
 * wiring (playground.ts) decides when.
 */
import * as Plot from "@observablehq/plot";
import type { DivergenceExplanation } from "../../../src/diagnostics/divergence.js";
import { formatNumber, formatShare } from "../../../src/i18n/format.js";
import type { LabKey } from "../../../src/i18n/lab.js";
import type { EpochDiagnostics } from "../../../src/nn/trainer.js";
import { boundaryFigure } from "../../../src/plot/networkFigures.js";
import { Heatmap } from "../charts/heatmap.js";
import { mapAxes } from "../charts/mapAxes.js";
import { CHART_STYLE, seriesChart, toSvgString } from "../charts/smallCharts.js";
import { h } from "../ui/dom.js";
import { figureBlock } from "../ui/figure.js";
import { figureTranslator, t, tx } from "../ui/i18n.js";
import type { PlaygroundFrame, Points2d } from "../worker/protocol.js";

export interface LossPoint {
  epoch: number;
  train: number;
  test: number;
}

/** `current` gives the frame and points on screen (for saving the map as a figure). */
export function playgroundView(current: () => { frame: PlaygroundFrame | null; points: Points2d }) {
  const heatmap = new Heatmap(380, t("playground.heatmapLabel"));
  let lossSvg = "";
  let layersSvg = "";
  let framesDrawn = 0;
  const boundary = figureBlock("boundary", "playground.boundaryFigure", () => {
    const { frame, points } = current();
    if (!frame) return "";
    return boundaryFigure(
      { x1: frame.axis, x2: frame.axis, probability: frame.grid },
      Array.from(points.y, (label, i) => ({
        x1: points.x[2 * i]!,
        x2: points.x[2 * i + 1]!,
        label,
        test: frame.isTrain[i] === 0,
      })),
      figureTranslator(),
      document,
    );
  });
  const losses = figureBlock("losses", "playground.lossFigure", () => lossSvg);
  const layers = figureBlock("layers", "playground.layersFigure", () => layersSvg);
  const axes = mapAxes(heatmap.canvas, "x1", "x2");
  boundary.chart.replaceWith(h("div", { class: "chart" }, axes.element));
  const warning = h("div", { class: "warning", role: "alert", hidden: true, "data-testid": "divergence" });
  const stats = h("dl", { class: "stats", "data-testid": "playground-stats" });
  let statsLayout = "";

  const explain = (epoch: number, explanation: DivergenceExplanation) => {
    const factorKey = `playground.factor.${explanation.factor}` as LabKey;
    const fixes = explanation.fixes.map((fix) => t(`playground.fix.${fix}` as LabKey)).join(" · ");
    warning.replaceChildren(
      h("strong", { text: t("playground.diverged", { epoch }) }),
      " ",
      t("playground.divergedFactor", {
        factor: t(factorKey),
        layer: explanation.layer,
        growth: Number.isFinite(explanation.growth) ? formatNumber(explanation.growth) : "∞",
      }),
      h("br"),
      t("playground.tryFixes", { fixes }),
    );
    warning.dataset.factor = explanation.factor;
    warning.hidden = false;
  };

  const drawStats = (d: EpochDiagnostics, epoch: number) => {
    const entries: [LabKey, string, string][] = [
      ["playground.epoch", String(epoch), "epoch"],
      ["playground.trainLoss", formatNumber(d.trainLoss), "trainLoss"],
      ["playground.testLoss", formatNumber(d.testLoss), "testLoss"],
      ["playground.gap", formatNumber(d.gap), "gap"],
      ["playground.trainAccuracy", formatShare(d.trainAccuracy), "trainAccuracy"],
      ["playground.testAccuracy", formatShare(d.testAccuracy), "testAccuracy"],
      ["playground.sensitivity", formatNumber(d.sensitivity), "sensitivity"],
    ];
    const saturation = d.layers
      .slice(0, -1)
      .map((layer) => `${t("playground.layer", { layer: layer.layer })} ${formatShare(layer.saturatedShare)}`)
      .join(" · ");
    // the list is built once per language and layer count; every frame after that only changes
    // the numbers' text (this runs up to 60 times a second while training)
    const layout = `${t("playground.epoch")}|${d.layers.length}`;
    if (layout !== statsLayout) {
      statsLayout = layout;
      stats.replaceChildren(
        ...entries.map(([key, , id]) =>
          h("div", {}, h("dt", { text: t(key) }), h("dd", { "data-stat": id })),
        ),
        h(
          "div",
          { class: "wide" },
          h("dt", { text: t("playground.saturation") }),
          h("dd", { "data-stat": "saturation" }),
        ),
      );
    }
    for (const [, value, id] of [...entries, ["", saturation || "—", "saturation"] as const])
      stats.querySelector(`[data-stat="${id}"]`)!.textContent = value;
    stats.dataset.trainLoss = String(d.trainLoss);
    stats.dataset.testLoss = String(d.testLoss);
    stats.dataset.gap = String(d.testLoss - d.trainLoss);
    stats.dataset.epoch = String(epoch);
    stats.dataset.weightNorm = String(
      Math.sqrt(d.layers.reduce((sum, layer) => sum + layer.weightNorm ** 2, 0)),
    );
  };

  /** The decision map's text alternative: P(class 1) on every 5th grid point along each axis. */
  const drawBoundaryTable = (frame: PlaygroundFrame) => {
    if (frame.divergence) return;
    const { grid, axis } = frame;
    const R = axis.length;
    const rows: string[][] = [];
    for (let j = 0; j < R; j += 5)
      for (let i = 0; i < R; i += 5)
        rows.push([formatNumber(axis[i]!), formatNumber(axis[j]!), formatNumber(grid[j * R + i]!)]);
    boundary.setTable(["x1", "x2", t("playground.probability")], rows);
  };

  const drawCurves = (history: readonly LossPoint[], d: EpochDiagnostics) => {
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

  /** The map, every frame: cheap (a canvas, and axes that change only with the extent). */
  const drawMap = (frame: PlaygroundFrame, points: Points2d) => {
    heatmap.draw(frame.divergence ? null : frame.grid, frame.axis, { ...points, isTrain: frame.isTrain });
    axes.update(...heatmap.extent());
    framesDrawn++;
    heatmap.canvas.dataset.frames = String(framesDrawn);
  };

  return {
    heatmap,
    warning,
    elements: [warning, stats, boundary.element, losses.element, layers.element],
    explain,
    drawMap,
    drawStats,
    drawCurves,
    drawBoundaryTable,
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
