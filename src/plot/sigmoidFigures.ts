/**
 * Figures of the sigmoid curves: one slope with its saturated tails shaded and σ' beneath it, all
 * slopes together, and the "scale" figure showing that every curve is the same σ(z).
 * Pure chart specs: they take the DOM `document` to build into (the browser's, or linkedom's in Node).
 */
import * as Plot from "@observablehq/plot";
import type { SigmoidCurves } from "../experiments/sigmoidCurves.js";
import { formatNumber, formatShare } from "../i18n/format.js";
import type { Translator } from "../i18n/translate.js";
import { composeFigure, FONT_FAMILY } from "./composeFigure.js";
import { saturatedIntervals } from "./sigmoidCompareFigure.js";

const WIDTH = 720;
const SATURATED_FILL = "#f4d6d6";
const CURVE_COLORS = ["#b2182b", "#ef8a62", "#67a9cf", "#2166ac", "#4d4d4d", "#1b7837"];

interface Point {
  x: number;
  y: number;
  m: string;
}

const curveColor = (index: number) => CURVE_COLORS[index % CURVE_COLORS.length]!;

/** One slope: σ(m·x + c) with the saturated x shaded, and σ'(z) with the threshold beneath. */
export function sigmoidFigure(
  curves: SigmoidCurves,
  index: number,
  t: Translator,
  document: Document,
): string {
  const curve = curves.curves[index]!;
  const { x, c, xMin, xMax, saturationCutoff, saturationThreshold } = curves;
  const shaded = saturatedIntervals(curve.m, c, saturationCutoff, xMin, xMax);
  const points = Array.from(x, (xi, i) => ({ x: xi, y: curve.y[i]!, dydz: curve.dydz[i]! }));
  const common = {
    document,
    width: WIDTH,
    style: { fontFamily: FONT_FAMILY, fontSize: "11px" },
    marginLeft: 56,
  };
  const top = Plot.plot({
    ...common,
    height: 300,
    x: { domain: [xMin, xMax], label: t("figure.axis.x") },
    y: { domain: [0, 1], label: t("figure.axis.y"), grid: true },
    marks: [
      Plot.rectX(shaded, { x1: "x1", x2: "x2", y1: 0, y2: 1, fill: SATURATED_FILL }),
      Plot.line(points, { x: "x", y: "y", stroke: curveColor(index), strokeWidth: 2.5 }),
    ],
  });
  const bottom = Plot.plot({
    ...common,
    height: 190,
    x: { domain: [xMin, xMax], label: t("figure.axis.x") },
    y: { domain: [0, 0.25], label: t("figure.axis.dydz"), grid: true },
    marks: [
      Plot.rectX(shaded, { x1: "x1", x2: "x2", y1: 0, y2: 0.25, fill: SATURATED_FILL }),
      Plot.ruleY([saturationThreshold], { stroke: "#b2182b", strokeDasharray: "4,3" }),
      Plot.line(points, { x: "x", y: "dydz", stroke: curveColor(index), strokeWidth: 2 }),
    ],
  });
  return composeFigure({
    title: t("figure.sigmoid.title", { m: formatNumber(curve.m) }),
    subtitle: t("figure.sigmoid.subtitle", {
      threshold: formatNumber(saturationThreshold),
      share: formatShare(curve.saturatedShare),
    }),
    panels: [top as Element, bottom as Element],
  });
}

/** All slopes on one chart, each labelled at its right end, with their σ' beneath. */
export function sigmoidOverlayFigure(curves: SigmoidCurves, t: Translator, document: Document): string {
  const { x, xMin, xMax, saturationThreshold } = curves;
  const points: (Point & { dydz: number })[] = [];
  const labels: Point[] = [];
  curves.curves.forEach((curve, k) => {
    const m = `m = ${formatNumber(curve.m)}`;
    for (let i = 0; i < x.length; i++) points.push({ x: x[i]!, y: curve.y[i]!, dydz: curve.dydz[i]!, m });
    const at = Math.round(0.62 * (x.length - 1));
    labels.push({ x: x[at]!, y: curve.y[at]! - 0.02 - 0.03 * k, m });
  });
  const names = curves.curves.map((curve) => `m = ${formatNumber(curve.m)}`);
  const color = { domain: names, range: names.map((_, k) => curveColor(k)) };
  const common = {
    document,
    width: WIDTH,
    style: { fontFamily: FONT_FAMILY, fontSize: "11px" },
    marginLeft: 56,
    color,
  };
  const top = Plot.plot({
    ...common,
    height: 320,
    x: { domain: [xMin, xMax], label: t("figure.axis.x") },
    y: { domain: [0, 1], label: t("figure.axis.y"), grid: true },
    marks: [
      Plot.line(points, { x: "x", y: "y", stroke: "m", strokeWidth: 2 }),
      Plot.text(labels, {
        x: "x",
        y: "y",
        text: "m",
        fill: "m",
        textAnchor: "start",
        dx: 6,
        fontWeight: "bold",
      }),
    ],
  });
  const bottom = Plot.plot({
    ...common,
    height: 190,
    x: { domain: [xMin, xMax], label: t("figure.axis.x") },
    y: { domain: [0, 0.25], label: t("figure.axis.dydz"), grid: true },
    marks: [
      Plot.ruleY([saturationThreshold], { stroke: "#b2182b", strokeDasharray: "4,3" }),
      Plot.line(points, { x: "x", y: "dydz", stroke: "m", strokeWidth: 1.8 }),
    ],
  });
  return composeFigure({
    title: t("figure.sigmoidAll.title"),
    subtitle: t("figure.sigmoidAll.subtitle"),
    panels: [top as Element, bottom as Element],
  });
}

/**
 * The scale figure: one row per slope, all on the same z axis. The grey curve is σ(z) everywhere;
 * the coloured part is the z range that m·x reaches for x in [xMin, xMax]. They are one function.
 */
export function scaleFigure(curves: SigmoidCurves, t: Translator, document: Document): string {
  const reach = Math.max(
    ...curves.curves.map((curve) => Math.max(Math.abs(curve.zMin), Math.abs(curve.zMax))),
  );
  const zLimit = Math.max(8, Math.ceil(reach * 1.1));
  const grid: { z: number; y: number; m: string }[] = [];
  const covered: { z: number; y: number; m: string }[] = [];
  const rows = curves.curves.map((curve) => `m = ${formatNumber(curve.m)}`);
  curves.curves.forEach((curve, k) => {
    const m = rows[k]!;
    for (let i = 0; i <= 400; i++) {
      const z = -zLimit + (2 * zLimit * i) / 400;
      const y = 1 / (1 + Math.exp(-z));
      grid.push({ z, y, m });
      if (z >= curve.zMin && z <= curve.zMax) covered.push({ z, y, m });
    }
  });
  const cutoff = curves.saturationCutoff;
  const shaded = rows.flatMap((m) => [
    { m, z1: -zLimit, z2: -cutoff },
    { m, z1: cutoff, z2: zLimit },
  ]);
  const panel = Plot.plot({
    document,
    width: WIDTH,
    height: 104 * rows.length + 50,
    marginLeft: 56,
    marginRight: 90,
    style: { fontFamily: FONT_FAMILY, fontSize: "11px" },
    x: { domain: [-zLimit, zLimit], label: t("figure.axis.z") },
    y: { domain: [0, 1], ticks: [0, 0.5, 1], label: "σ(z)" },
    // (a gap between the panels, so one panel's 0.0 does not sit on the next one's 1.0)
    fy: { domain: rows, label: null, padding: 0.14 },
    color: { domain: rows, range: rows.map((_, k) => curveColor(k)) },
    marks: [
      Plot.rectX(shaded, { x1: "z1", x2: "z2", y1: 0, y2: 1, fy: "m", fill: SATURATED_FILL }),
      Plot.line(grid, { x: "z", y: "y", fy: "m", stroke: "#bbb", strokeWidth: 1.2 }),
      Plot.line(covered, { x: "z", y: "y", fy: "m", stroke: "m", strokeWidth: 3.5 }),
      Plot.frame({ stroke: "#ddd" }),
    ],
  });
  return composeFigure({
    title: t("figure.scale.title"),
    subtitle: t("figure.scale.subtitle"),
    panels: [panel as Element],
  });
}
