/**
 * The lab's own small charts (Observable Plot, the same library the CLI's figures use), returned
 * as standalone SVG documents so the page shows exactly what "save as SVG" writes.
 */
import * as Plot from "@observablehq/plot";
import { formatNumber } from "../../../src/i18n/format.js";
import { FONT_FAMILY } from "../../../src/plot/composeFigure.js";
import { placeLabelsOnScale } from "../../../src/plot/placeLabels.js";

export const CHART_STYLE = {
  fontFamily: FONT_FAMILY,
  fontSize: "12px",
  background: "white",
  color: "#1a1a1a",
};

/**
 * An x title centred under the tick labels instead of Plot's default at the right end, where it
 * runs into the last tick label; the chart's bottom margin must make room for it.
 */
export const X_TITLE_BELOW = { labelAnchor: "center", labelOffset: 34 } as const;
export const MARGIN_BOTTOM_FOR_TITLE = 40;

export function toSvgString(chart: Element): string {
  if (!chart.getAttribute("xmlns")) chart.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  return chart.outerHTML;
}

/**
 * |value| of each factor as a bar on a linear axis from 0, its signed value written beside it: a
 * factor of 5e-8 next to one of 0.5 draws as no bar at all — small looks small, as it acts in the
 * product. (A log axis made 5e-8 look 60 % as long as 0.5.)
 */
export function factorBars(rows: readonly { name: string; value: number }[], label: string): string {
  const data = rows.map((row) => ({ name: row.name, size: Math.abs(row.value), value: row.value }));
  const largest = Math.max(0.25, ...data.map((d) => (Number.isFinite(d.size) ? d.size : 0)));
  const chart = Plot.plot({
    width: 460,
    height: 190,
    marginLeft: 130,
    marginRight: 70,
    style: CHART_STYLE,
    x: { domain: [0, largest], label, grid: true, ticks: 4, tickFormat: "~g" },
    y: { label: null, domain: data.map((d) => d.name) },
    marks: [
      Plot.barX(data, { x1: 0, x2: "size", y: "name", fill: "#2166ac" }),
      Plot.text(data, {
        x: "size",
        y: "name",
        text: (d: { value: number }) => formatNumber(d.value),
        dx: 4,
        textAnchor: "start",
      }),
    ],
  });
  return toSvgString(chart);
}

/**
 * A loss curve on a linear axis from 0 (an axis fitted to the data, or a log axis, would blow a
 * stall's 0.1 % change up into a steep fall), with the steps listed in `marked` (the overshoots)
 * drawn as rings on the curve.
 */
export function lossCurve(
  values: readonly number[],
  xLabel: string,
  yLabel: string,
  marked: readonly number[] = [],
): string {
  const data = values.map((loss, step) => ({ step, loss }));
  const rings = marked.filter((step) => step < data.length).map((step) => data[step]!);
  const chart = Plot.plot({
    width: 460,
    height: 220,
    marginLeft: 60,
    marginBottom: MARGIN_BOTTOM_FOR_TITLE,
    style: CHART_STYLE,
    x: { label: xLabel, domain: [0, Math.max(10, values.length - 1)], ...X_TITLE_BELOW },
    y: { label: yLabel, grid: true, zero: true, tickFormat: "~g" },
    marks: [
      Plot.line(data, { x: "step", y: "loss", stroke: "#b2182b", strokeWidth: 2 }),
      Plot.dot(rings, { x: "step", y: "loss", r: 5, stroke: "#e08214", strokeWidth: 2.5 }),
    ],
  });
  return toSvgString(chart);
}

/** Several named series against a shared x (train/test losses, sensitivities), labelled at their ends. */
export function seriesChart(
  points: readonly { x: number; y: number; series: string }[],
  options: SeriesChartOptions,
): string {
  return toSvgString(seriesChartElement(points, options));
}

export interface SeriesChartOptions {
  xLabel: string;
  yLabel: string;
  logY?: boolean;
  logX?: boolean;
  width?: number;
  height?: number;
  marker?: number;
}

/**
 * The series chart as an element, for a chart redrawn while the page runs: put on the page as it
 * is, not serialized and parsed again (the string is built only when the figure is saved).
 */
export function seriesChartElement(
  points: readonly { x: number; y: number; series: string }[],
  options: SeriesChartOptions,
): SVGSVGElement {
  const series = [...new Set(points.map((p) => p.series))];
  const frame = { width: options.width ?? 460, height: options.height ?? 220 };
  const yDomain = extentOf(points.map((p) => p.y));
  const labels = seriesEndLabels(points, series, yDomain, options.logY ?? false, frame.height);
  const chart = Plot.plot({
    ...frame,
    marginLeft: 60,
    marginRight: 110,
    marginTop: SERIES_MARGIN.top,
    marginBottom: SERIES_MARGIN.bottom,
    style: CHART_STYLE,
    color: { scheme: "set1", domain: series },
    x: {
      label: options.xLabel,
      type: options.logX ? "log" : "linear",
      tickFormat: options.logX ? "~g" : undefined,
      ...X_TITLE_BELOW,
    },
    y: {
      label: options.yLabel,
      type: options.logY ? "log" : "linear",
      domain: yDomain,
      grid: true,
      tickFormat: options.logY ? "~g" : undefined,
    },
    marks: [
      Plot.line(points, { x: "x", y: "y", z: "series", stroke: "series", strokeWidth: 2 }),
      // one label per series at its end, kept apart by the lab's label helper (placeLabels)
      Plot.text(labels, { x: "x", y: "at", text: "series", fill: "series", dx: 5, textAnchor: "start" }),
      options.marker === undefined
        ? null
        : Plot.ruleX([options.marker], { stroke: "#555", strokeDasharray: "4,3" }),
    ],
  });
  return chart as SVGSVGElement;
}

/** The series chart's vertical margins (the bottom one holds the x title under the ticks). */
const SERIES_MARGIN = { top: 20, bottom: MARGIN_BOTTOM_FOR_TITLE } as const;
/** Direct labels closer than this (px) would overlap at the charts' 12 px type. */
export const SERIES_LABEL_GAP = 14;

function extentOf(values: readonly number[]): [number, number] {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    low = Math.min(low, v);
    high = Math.max(high, v);
  }
  return low <= high ? [low, high] : [0, 1];
}

/**
 * Each series' label at its last point, moved apart where lines end close together — in the order
 * of the lines' ends, so a label never swaps places with its neighbour's line. `at` is its y.
 */
export function seriesEndLabels(
  points: readonly { x: number; y: number; series: string }[],
  series: readonly string[],
  domain: readonly [number, number],
  log: boolean,
  height: number,
): { x: number; y: number; series: string; at: number }[] {
  const last = new Map<string, { x: number; y: number; series: string }>();
  for (const point of points) last.set(point.series, point);
  const ends = series.flatMap((name) => last.get(name) ?? []);
  const at = placeLabelsOnScale(
    ends.map((end) => end.y),
    { domain, log },
    { top: SERIES_MARGIN.top, bottom: height - SERIES_MARGIN.bottom },
    SERIES_LABEL_GAP,
  );
  return ends.map((end, k) => ({ ...end, at: at[k]! }));
}
