/**
 * The lab's own small charts (Observable Plot, the same library the CLI's figures use), returned
 * as standalone SVG documents so the page shows exactly what "save as SVG" writes.
 */
import * as Plot from "@observablehq/plot";
import { FONT_FAMILY } from "../../../src/plot/composeFigure.js";

export const CHART_STYLE = {
  fontFamily: FONT_FAMILY,
  fontSize: "12px",
  background: "white",
  color: "#1a1a1a",
};

export function toSvgString(chart: Element): string {
  if (!chart.getAttribute("xmlns")) chart.setAttribute("xmlns", "http://www.w3.org/2000/svg");
  return chart.outerHTML;
}

/** |value| of each factor as a bar on a log axis (values of 1e-18 and 10 side by side). */
export function barsOnLogScale(rows: readonly { name: string; value: number }[], label: string): string {
  const floor = 1e-18;
  const data = rows.map((row) => ({ name: row.name, size: Math.max(floor, Math.abs(row.value)) }));
  const chart = Plot.plot({
    width: 460,
    height: 190,
    marginLeft: 130,
    style: CHART_STYLE,
    x: {
      type: "log",
      domain: [floor, 1e4],
      label,
      grid: true,
      ticks: [1e-18, 1e-12, 1e-6, 1],
      tickFormat: "~g",
    },
    y: { label: null, domain: data.map((d) => d.name) },
    marks: [
      Plot.barX(data, { x1: floor, x2: "size", y: "name", fill: "#2166ac" }),
      Plot.text(data, {
        x: "size",
        y: "name",
        text: (d: { size: number }) => d.size.toExponential(1),
        dx: 4,
        textAnchor: "start",
      }),
    ],
  });
  return toSvgString(chart);
}

/** A loss curve on a log axis (values floored at 1e-12 so zeros stay drawable). */
export function lossCurve(values: readonly number[], xLabel: string, yLabel: string): string {
  const data = values.map((loss, step) => ({ step, loss: Math.max(1e-12, loss) }));
  const chart = Plot.plot({
    width: 460,
    height: 220,
    marginLeft: 60,
    style: CHART_STYLE,
    x: { label: xLabel, domain: [0, Math.max(10, values.length)] },
    y: { type: "log", label: yLabel, grid: true, tickFormat: "~g" },
    marks: [Plot.line(data, { x: "step", y: "loss", stroke: "#b2182b", strokeWidth: 2 })],
  });
  return toSvgString(chart);
}

/** Several named series against a shared x (train/test losses, sensitivities), labelled at their ends. */
export function seriesChart(
  points: readonly { x: number; y: number; series: string }[],
  options: {
    xLabel: string;
    yLabel: string;
    logY?: boolean;
    logX?: boolean;
    width?: number;
    height?: number;
    marker?: number;
  },
): string {
  const series = [...new Set(points.map((p) => p.series))];
  const chart = Plot.plot({
    width: options.width ?? 460,
    height: options.height ?? 220,
    marginLeft: 60,
    marginRight: 110,
    style: CHART_STYLE,
    color: { scheme: "set1", domain: series },
    x: {
      label: options.xLabel,
      type: options.logX ? "log" : "linear",
      tickFormat: options.logX ? "~g" : undefined,
    },
    y: {
      label: options.yLabel,
      type: options.logY ? "log" : "linear",
      grid: true,
      tickFormat: options.logY ? "~g" : undefined,
    },
    marks: [
      Plot.line(points, { x: "x", y: "y", z: "series", stroke: "series", strokeWidth: 2 }),
      // one label per series at its end, staggered so labels of lines ending together stay apart
      ...series.map((name, k) =>
        Plot.text(
          points.filter((p) => p.series === name),
          Plot.selectLast({
            x: "x",
            y: "y",
            text: "series",
            fill: "series",
            dx: 5,
            dy: (k - (series.length - 1) / 2) * 13,
            textAnchor: "start",
          }),
        ),
      ),
      options.marker === undefined
        ? null
        : Plot.ruleX([options.marker], { stroke: "#555", strokeDasharray: "4,3" }),
    ],
  });
  return toSvgString(chart);
}
