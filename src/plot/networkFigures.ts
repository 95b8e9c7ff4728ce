/**
 * Figures of neural-network training: curves over epochs, the decision boundary of a 2-D model,
 * and sweeps of a diagnostic against λ or the initial weight scale.
 */
import * as Plot from "@observablehq/plot";
import type { SweepRow } from "../experiments/networkSweeps.js";
import type { MessageKey } from "../i18n/en.js";
import { formatNumber } from "../i18n/format.js";
import type { Translator } from "../i18n/translate.js";
import type { EpochDiagnostics } from "../nn/train.js";
import { composeFigure, FONT_FAMILY } from "./composeFigure.js";

const WIDTH = 720;
const LAYER_COLORS = ["#2166ac", "#ef8a62", "#1b7837", "#762a83", "#b2182b", "#4d4d4d"];
/** Log axes need positive values: zeros are drawn at this floor. */
const FLOOR = 1e-12;

const style = { fontFamily: FONT_FAMILY, fontSize: "11px" };

export function trainingFigure(
  history: readonly EpochDiagnostics[],
  t: Translator,
  document: Document,
): string {
  const train = t("figure.series.train");
  const test = t("figure.series.test");
  const losses = history.flatMap((h) => [
    { epoch: h.epoch, loss: Math.max(FLOOR, h.trainLoss), series: train },
    { epoch: h.epoch, loss: Math.max(FLOOR, h.testLoss), series: test },
  ]);
  const layers = history.flatMap((h) =>
    h.layers.map((l) => ({
      epoch: h.epoch,
      layer: t("figure.series.layer", { layer: l.layer }),
      saturated: l.saturatedShare,
      gradient: Math.max(FLOOR, l.gradientNorm),
    })),
  );
  const layerNames = [...new Set(layers.map((d) => d.layer))];
  const layerColor = {
    domain: layerNames,
    range: layerNames.map((_, k) => LAYER_COLORS[k % LAYER_COLORS.length]!),
    legend: false,
  };
  const labelAtEnd = <T extends { epoch: number }>(rows: T[], key: keyof T) => {
    const last = new Map<unknown, T>();
    for (const row of rows) last.set(row[key], row);
    return [...last.values()];
  };
  const common = { document, width: WIDTH, style, marginLeft: 60, marginRight: 70 };
  const lossPanel = Plot.plot({
    ...common,
    height: 230,
    x: { label: t("figure.axis.epoch") },
    y: { type: "log", label: t("figure.axis.lossLog"), grid: true },
    color: { domain: [train, test], range: ["#2166ac", "#b2182b"] },
    marks: [
      Plot.line(losses, { x: "epoch", y: "loss", stroke: "series", strokeWidth: 1.8 }),
      Plot.text(labelAtEnd(losses, "series"), {
        x: "epoch",
        y: "loss",
        text: "series",
        fill: "series",
        textAnchor: "start",
        dx: 5,
      }),
    ],
  });
  /** One quantity per layer over the epochs, each line labelled at its end. */
  const layerPanel = (key: "saturated" | "gradient", y: Plot.ScaleOptions) =>
    Plot.plot({
      ...common,
      height: 170,
      x: { label: t("figure.axis.epoch") },
      y: { ...y, grid: true },
      color: layerColor,
      marks: [
        Plot.line(layers, { x: "epoch", y: key, stroke: "layer", strokeWidth: 1.6 }),
        Plot.text(labelAtEnd(layers, "layer"), {
          x: "epoch",
          y: key,
          text: "layer",
          fill: "layer",
          textAnchor: "start",
          dx: 5,
        }),
      ],
    });
  const saturationPanel = layerPanel("saturated", { domain: [0, 1], label: t("figure.axis.saturated") });
  const gradientPanel = layerPanel("gradient", { type: "log", label: t("figure.axis.gradientNorm") });
  return composeFigure({
    title: t("figure.training.title"),
    subtitle: t("figure.training.subtitle"),
    panels: [lossPanel as Element, saturationPanel as Element, gradientPanel as Element],
  });
}

export interface BoundaryGrid {
  /** Cell centres along x1 and x2 (original units) and the predicted probability at each (x2-major). */
  x1: Float64Array;
  x2: Float64Array;
  probability: Float64Array;
}

export interface LabelledPoint {
  x1: number;
  x2: number;
  label: number;
  test: boolean;
}

/** Dots a boundary figure draws at most: past it they hide the map and cost seconds to render. */
const MAX_BOUNDARY_POINTS = 2000;

export function boundaryFigure(
  grid: BoundaryGrid,
  allPoints: readonly LabelledPoint[],
  t: Translator,
  document: Document,
): string {
  // every k-th point (the rows are in the split's seeded random order, so this is a fair sample)
  const every = Math.ceil(allPoints.length / MAX_BOUNDARY_POINTS);
  const points = every > 1 ? allPoints.filter((_, i) => i % every === 0) : allPoints;
  const dx = (grid.x1[1]! - grid.x1[0]!) / 2;
  const dy = (grid.x2[1]! - grid.x2[0]!) / 2;
  const cells = Array.from(grid.probability, (p, index) => {
    const i = index % grid.x1.length;
    const j = Math.floor(index / grid.x1.length);
    return { x1: grid.x1[i]! - dx, x2: grid.x1[i]! + dx, y1: grid.x2[j]! - dy, y2: grid.x2[j]! + dy, p };
  });
  const panel = Plot.plot({
    document,
    width: 520,
    height: 480,
    style,
    x: { label: "x1", domain: [grid.x1[0]! - dx, grid.x1.at(-1)! + dx] },
    y: { label: "x2", domain: [grid.x2[0]! - dy, grid.x2.at(-1)! + dy] },
    color: { type: "diverging", scheme: "rdbu", domain: [0, 1], pivot: 0.5, reverse: true },
    marks: [
      Plot.rect(cells, { x1: "x1", x2: "x2", y1: "y1", y2: "y2", fill: "p", fillOpacity: 0.75 }),
      Plot.dot(
        points.filter((d) => !d.test),
        {
          x: "x1",
          y: "x2",
          fill: (d: LabelledPoint) => (d.label === 1 ? "#b2182b" : "#2166ac"),
          stroke: "white",
          r: 3.2,
        },
      ),
      Plot.dot(
        points.filter((d) => d.test),
        {
          x: "x1",
          y: "x2",
          stroke: (d: LabelledPoint) => (d.label === 1 ? "#b2182b" : "#2166ac"),
          strokeWidth: 1.4,
          r: 3.2,
        },
      ),
    ],
  });
  return composeFigure({
    title: t("figure.boundary.title"),
    subtitle:
      every > 1
        ? `${t("figure.boundary.subtitle")} ${t("figure.boundary.thinned", { shown: points.length, total: allPoints.length })}`
        : t("figure.boundary.subtitle"),
    panels: [panel as Element],
  });
}

export interface SweepMetric {
  key: keyof SweepRow;
  label: MessageKey;
  log?: boolean;
}

/**
 * One small panel per metric, against λ (0 and the decades, as evenly spaced labels) or against the
 * initial weight scale; with an initial-scale sweep, one line per λ.
 */
export function sweepFigure(
  rows: readonly SweepRow[],
  metrics: readonly SweepMetric[],
  along: "lambda" | "initScale",
  dataName: string,
  t: Translator,
  document: Document,
): string {
  const xValues = [...new Set(rows.map((r) => r[along]))];
  const xLabel = (v: number) => formatNumber(v);
  const series =
    along === "initScale" ? [...new Set(rows.map((r) => `λ = ${formatNumber(r.lambda)}`))] : ["—"];
  const panels = metrics.map((metric) => {
    const data = rows.map((r) => ({
      x: xLabel(r[along]),
      value: metric.log ? Math.max(FLOOR, r[metric.key] as number) : (r[metric.key] as number),
      series: along === "initScale" ? `λ = ${formatNumber(r.lambda)}` : "—",
    }));
    return Plot.plot({
      document,
      width: WIDTH,
      height: 150,
      style,
      marginLeft: 70,
      marginRight: 90,
      x: {
        type: "point",
        domain: xValues.map(xLabel),
        label: t(along === "lambda" ? "figure.axis.lambda" : "figure.axis.initScale"),
      },
      y: { type: metric.log ? "log" : "linear", label: t(metric.label), grid: true },
      color: { domain: series, range: LAYER_COLORS.slice(0, series.length) },
      marks: [
        Plot.line(data, { x: "x", y: "value", stroke: "series", strokeWidth: 1.8 }),
        Plot.dot(data, { x: "x", y: "value", fill: "series", r: 3 }),
        ...(series.length > 1
          ? [
              Plot.text(
                data.filter((d) => d.x === xLabel(xValues.at(-1)!)),
                { x: "x", y: "value", text: "series", fill: "series", textAnchor: "start", dx: 6 },
              ),
            ]
          : []),
      ],
    }) as Element;
  });
  const what = metrics.map((m) => t(m.label)).join(", ");
  return composeFigure({
    title: t(along === "lambda" ? "figure.sweep.title" : "figure.sweep.titleScale", { what }),
    subtitle: t("figure.sweep.subtitle", { data: dataName }),
    panels,
  });
}

/** What each experiment draws: overfit and sensitivity against λ, saturation against the initial scale. */
export const SWEEP_FIGURE_METRICS: Record<"overfit" | "sensitivity" | "saturation", SweepMetric[]> = {
  overfit: [
    { key: "trainLoss", label: "experiment.table.trainLoss", log: true },
    { key: "testLoss", label: "experiment.table.testLoss", log: true },
    { key: "gap", label: "experiment.table.gap" },
  ],
  sensitivity: [
    { key: "weightNorm", label: "experiment.table.weightNorm", log: true },
    { key: "sensitivity", label: "experiment.table.sensitivity", log: true },
    { key: "lipschitzBound", label: "experiment.table.lipschitz", log: true },
  ],
  saturation: [
    { key: "saturatedShare", label: "experiment.table.saturated" },
    { key: "trainLoss", label: "experiment.table.trainLoss", log: true },
    { key: "testLoss", label: "experiment.table.testLoss", log: true },
  ],
};
