/**
 * The article's figure as `plot_sigmoid` compares it: every slope on one chart — σ(m·x + c) above,
 * σ′ beneath — with one of them highlighted (drawn thick, its saturated x shaded) and the others
 * kept thin for comparison. Each curve is labelled at its right end, the labels kept apart by
 * placeLabels.
 */
import * as Plot from "@observablehq/plot";
import type { SigmoidCurves } from "../experiments/sigmoidCurves.js";
import { formatNumber, formatShare } from "../i18n/format.js";
import type { Translator } from "../i18n/translate.js";
import { composeFigure, FONT_FAMILY } from "./composeFigure.js";
import { envelopeIndices } from "./downsample.js";
import { placeLabels } from "./placeLabels.js";

const WIDTH = 720;
const TOP_HEIGHT = 300;
const MARGIN = { top: 20, bottom: 40, left: 56, right: 104 };
const LABEL_GAP_PX = 15;
/** Runs of x each curve is thinned to for drawing (3 points a run at most: ≤ 240 of 1001 points). */
const BUCKETS = 80;
const SATURATED_FILL = "#f4d6d6";
const COLORS = ["#b2182b", "#ef8a62", "#67a9cf", "#2166ac", "#1b7837", "#762a83"];

export function sigmoidCompareFigure(
  curves: SigmoidCurves,
  selected: number,
  t: Translator,
  document: Document,
): string {
  const { x, xMin, xMax, c, saturationCutoff, saturationThreshold } = curves;
  const names = curves.curves.map((curve) => `m = ${formatNumber(curve.m)}`);
  const color = { domain: names, range: names.map((_, k) => COLORS[k % COLORS.length]!) };
  // each curve thinned for drawing, keeping the envelope of σ and σ′ (a steep σ′ keeps its spike)
  const points = curves.curves.flatMap((curve, k) => {
    const kept = new Set([...envelopeIndices(curve.y, BUCKETS), ...envelopeIndices(curve.dydz, BUCKETS)]);
    return [...kept]
      .sort((a, b) => a - b)
      .map((i) => ({ x: x[i]!, y: curve.y[i]!, dydz: curve.dydz[i]!, m: names[k]!, on: k === selected }));
  });
  const chosen = curves.curves[selected]!;
  const shaded = saturatedIntervals(chosen.m, c, saturationCutoff, xMin, xMax);
  // labels at the right ends, in pixels of the top panel, kept 15 px apart
  const inner = TOP_HEIGHT - MARGIN.top - MARGIN.bottom;
  const ends = curves.curves.map((curve) => MARGIN.top + (1 - curve.y[x.length - 1]!) * inner);
  const labels = placeLabels(ends, LABEL_GAP_PX, MARGIN.top, TOP_HEIGHT - MARGIN.bottom).map((p) => ({
    x: xMax,
    y: 1 - (p.at - MARGIN.top) / inner,
    m: names[p.index]!,
    on: p.index === selected,
  }));
  const common = {
    document,
    width: WIDTH,
    marginLeft: MARGIN.left,
    marginRight: MARGIN.right,
    style: { fontFamily: FONT_FAMILY, fontSize: "12px" },
    color,
  };
  const line = (y: "y" | "dydz", on: boolean) =>
    Plot.line(
      points.filter((p) => p.on === on),
      { x: "x", y, z: "m", stroke: "m", strokeWidth: on ? 3.5 : 1.5, strokeOpacity: on ? 1 : 0.55 },
    );
  const top = Plot.plot({
    ...common,
    height: TOP_HEIGHT,
    marginTop: MARGIN.top,
    marginBottom: MARGIN.bottom,
    x: { domain: [xMin, xMax], label: t("figure.axis.x") },
    y: { domain: [0, 1], label: t("figure.axis.y"), grid: true },
    marks: [
      Plot.rectX(shaded, { x1: "x1", x2: "x2", y1: 0, y2: 1, fill: SATURATED_FILL }),
      line("y", false),
      line("y", true),
      ...[false, true].map((on) =>
        Plot.text(
          labels.filter((label) => label.on === on),
          {
            x: "x",
            y: "y",
            text: "m",
            fill: "m",
            dx: 8,
            textAnchor: "start",
            fontWeight: on ? "bold" : "normal",
          },
        ),
      ),
    ],
  });
  const bottom = Plot.plot({
    ...common,
    height: 190,
    x: { domain: [xMin, xMax], label: t("figure.axis.x") },
    y: { label: t("figure.axis.dydz"), grid: true, domain: [0, 0.25] },
    marks: [
      Plot.rectX(shaded, { x1: "x1", x2: "x2", y1: 0, y2: 0.25, fill: SATURATED_FILL }),
      Plot.ruleY([saturationThreshold], { stroke: "#b2182b", strokeDasharray: "4,3" }),
      line("dydz", false),
      line("dydz", true),
    ],
  });
  return composeFigure({
    title: t("figure.sigmoid.title", { m: formatNumber(chosen.m) }),
    subtitle: t("figure.sigmoid.subtitle", {
      threshold: formatNumber(saturationThreshold),
      share: formatShare(chosen.saturatedShare),
    }),
    panels: [top as Element, bottom as Element],
  });
}

/** The x intervals where |m·x + c| > cutoff, inside [xMin, xMax]. */
export function saturatedIntervals(m: number, c: number, cutoff: number, xMin: number, xMax: number) {
  if (m === 0) return Math.abs(c) > cutoff ? [{ x1: xMin, x2: xMax }] : [];
  const a = Math.min((-cutoff - c) / m, (cutoff - c) / m);
  const b = Math.max((-cutoff - c) / m, (cutoff - c) / m);
  const intervals: { x1: number; x2: number }[] = [];
  if (a > xMin) intervals.push({ x1: xMin, x2: Math.min(a, xMax) });
  if (b < xMax) intervals.push({ x1: Math.max(b, xMin), x2: xMax });
  return intervals;
}
