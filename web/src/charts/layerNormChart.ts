/**
 * Each layer's weight norm ‖W_l‖ and gradient norm ‖∂E/∂W_l‖ on one log axis, a row per layer.
 * The two series are told apart by colour and symbol, and named once, by direct labels over the
 * top row: placed with the lab's one label helper (placeLabels) so they never overlap each other,
 * the layers' names on the left, or the chart's edge — whether the two norms sit decades apart or
 * on top of each other, at phone width or desktop width. The text is the chart's own size (12 px),
 * which the figure keeps at ≥ 10 CSS px on a phone.
 */
import * as Plot from "@observablehq/plot";
import { maxOf, minOf } from "../../../src/core/extent.js";
import { placeLabels } from "../../../src/plot/placeLabels.js";
import { CHART_STYLE } from "./smallCharts.js";

export interface LayerNorms {
  /** "layer 1", "第 1 层"… */
  layer: string;
  weightNorm: number;
  gradientNorm: number;
}

const WIDTH = 460;
const MARGIN = { top: 34, right: 24, bottom: 36, left: 70 };
const ROW_PX = 30;
const FONT_PX = 12;
/** Norms below this are drawn at it (a log axis has no 0). */
const FLOOR = 1e-8;
const COLORS = ["#2166ac", "#e08214"] as const;

/**
 * A label's width in px, estimated: wide characters one em, others 0.62 em — generous for the
 * chart's sans-serif, so an estimate errs towards more room, never towards overlap. Wide: CJK, and
 * the general punctuation the CJK font sets full-width (the ‖ of ‖W‖ is one em in Noto Sans SC).
 */
export function labelWidth(text: string, fontPx = FONT_PX): number {
  let em = 0;
  for (const char of text) em += /[\u2000-\u206f\u2e80-\u9fff\uff00-\uffef]/u.test(char) ? 1 : 0.62;
  return em * fontPx;
}

/** 10^k exactly as written (10 ** -4 is 0.00009999999999999999). */
const decade = (k: number): number => Number(`1e${k}`);

/** The log axis's domain: whole decades around every norm drawn. */
export function decadeDomain(values: readonly number[]): [number, number] {
  const logs = values.map((v) => Math.log10(Math.max(FLOOR, v)));
  const low = Math.floor(minOf(logs));
  const high = Math.ceil(maxOf(logs));
  return [decade(low), decade(Math.max(high, low + 1))];
}

/** Tick values: the decades of the domain, every other one (or sparser) past five. */
export function decadeTicks([low, high]: readonly [number, number]): number[] {
  const [from, to] = [Math.round(Math.log10(low)), Math.round(Math.log10(high))];
  const step = Math.max(1, Math.ceil((to - from) / 5));
  const ticks: number[] = [];
  for (let k = from; k <= to; k += step) ticks.push(decade(k));
  return ticks;
}

/**
 * The top row's two labels, each centred over its dot unless the other needs the room: placed in
 * pixels on the log axis (the scale Plot draws with, by hand) by placeLabels, inside the plot's
 * width less half a label at each end, and returned at the data value of the pixel chosen.
 */
export function topRowLabels<T extends { x: number; series: string }>(
  top: readonly T[],
  domain: readonly [number, number],
  range: readonly [number, number],
): (T & { at: number })[] {
  const [logLow, logHigh] = [Math.log10(domain[0]), Math.log10(domain[1])];
  const toPixel = (v: number) =>
    range[0] + ((Math.log10(v) - logLow) / (logHigh - logLow)) * (range[1] - range[0]);
  const fromPixel = (px: number) =>
    10 ** (logLow + ((px - range[0]) / (range[1] - range[0])) * (logHigh - logLow));
  const widths = top.map((d) => labelWidth(d.series));
  // neighbours' centres apart by half of each width, plus half an em of air
  const gap = Math.max(0, maxOf(widths.slice(1).map((w, k) => (w + widths[k]!) / 2))) + FONT_PX / 2;
  const half = maxOf(widths) / 2;
  const placed = placeLabels(
    top.map((d) => toPixel(d.x)),
    gap,
    range[0] + half,
    range[1] - half,
  );
  return placed.map((p) => ({ ...top[p.index]!, x: fromPixel(p.at), at: p.at }));
}

export function layerNormChart(
  rows: readonly LayerNorms[],
  names: { weight: string; gradient: string; axis: string },
): SVGSVGElement {
  const data = rows.flatMap((row) => [
    { layer: row.layer, x: Math.max(FLOOR, row.weightNorm), series: names.weight },
    { layer: row.layer, x: Math.max(FLOOR, row.gradientNorm), series: names.gradient },
  ]);
  const domain = decadeDomain(data.map((d) => d.x));
  const range: [number, number] = [MARGIN.left, WIDTH - MARGIN.right];
  const labels = topRowLabels(data.slice(0, 2), domain, range);
  const chart = Plot.plot({
    width: WIDTH,
    height: MARGIN.top + MARGIN.bottom + ROW_PX * rows.length,
    marginTop: MARGIN.top,
    marginRight: MARGIN.right,
    marginBottom: MARGIN.bottom,
    marginLeft: MARGIN.left,
    style: CHART_STYLE,
    color: { domain: [names.weight, names.gradient], range: [...COLORS], legend: false },
    symbol: { domain: [names.weight, names.gradient], range: ["circle", "cross"] },
    // grid lines at the labelled decades only (Plot's own log ticks add 2…9 within each decade)
    x: {
      type: "log",
      domain,
      range,
      label: names.axis,
      grid: true,
      tickFormat: "~g",
      ticks: decadeTicks(domain),
    },
    y: { label: null, domain: rows.map((row) => row.layer), padding: 0.3 },
    marks: [
      Plot.axisY({ className: "layer-names", tickSize: 0 }),
      Plot.dot(data, { x: "x", y: "layer", fill: "series", r: 5, symbol: "series" }),
      // over the top row's dots, in the top margin: a line of text (≈ 16 px with its ascent and
      // descent) above the row's name, clear of the symbols (r = 5)
      Plot.text(labels, {
        x: "x",
        y: "layer",
        text: "series",
        fill: "series",
        dy: -20,
        fontSize: FONT_PX,
        fontWeight: 600,
        className: "norm-labels",
      }),
    ],
  });
  return chart as SVGSVGElement;
}
