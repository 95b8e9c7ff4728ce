/**
 * The playground's view: the decision map with its axes (and its data table), the divergence
 * warning, the numbers of the latest epoch (playgroundStats) and the charts over training
 * (playgroundCharts). It draws the worker's frames; the wiring (playground.ts) decides when.
 */
import type { DivergenceExplanation } from "../../../src/diagnostics/divergence.js";
import { formatNumber } from "../../../src/i18n/format.js";
import type { LabKey } from "../../../src/i18n/lab.js";
import { boundaryFigure } from "../../../src/plot/networkFigures.js";
import { Heatmap } from "../charts/heatmap.js";
import { mapAxes } from "../charts/mapAxes.js";
import { h } from "../ui/dom.js";
import { figureBlock } from "../ui/figure.js";
import { figureTranslator, t } from "../ui/i18n.js";
import type { PlaygroundFrame, Points2d } from "../worker/protocol.js";
import { playgroundCharts } from "./playgroundCharts.js";
import { playgroundStats } from "./playgroundStats.js";

export type PlaygroundView = ReturnType<typeof playgroundView>;

/** `current` gives the frame and points on screen (for saving the map as a figure). */
export function playgroundView(current: () => { frame: PlaygroundFrame | null; points: Points2d }) {
  const heatmap = new Heatmap(380, t("playground.heatmapLabel"));
  let framesDrawn = 0;
  // the map on screen is a canvas (redrawn every frame); "save" draws the CLI's boundary figure
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
  const axes = mapAxes(heatmap.canvas, "x1", "x2");
  boundary.chart.replaceWith(h("div", { class: "chart" }, axes.element));
  const warning = h("div", { class: "warning", role: "alert", hidden: true, "data-testid": "divergence" });
  const stats = playgroundStats();
  const charts = playgroundCharts();

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
    elements: [warning, stats.element, boundary.element, ...charts.elements],
    explain,
    drawMap,
    drawStats: stats.draw,
    drawLosses: charts.drawLosses,
    drawLayers: charts.drawLayers,
    drawBoundaryTable,
  };
}
