/**
 * Figures of the gradient-descent experiment: loss curves per (λ, η) with one line per initial
 * weight, and the grid of outcomes that shows which starts learn cleanly.
 */
import * as Plot from "@observablehq/plot";
import type { DescendResult } from "../experiments/descend.js";
import { formatNumber } from "../i18n/format.js";
import type { Translator } from "../i18n/translate.js";
import { composeFigure, FONT_FAMILY } from "./composeFigure.js";
import { envelopeIndices } from "./downsample.js";

/** Losses at or below this are drawn at this floor, so that a loss of exactly 0 stays on a log axis. */
const LOSS_FLOOR = 1e-12;
const START_COLORS = ["#2166ac", "#67a9cf", "#ef8a62", "#b2182b", "#4d4d4d", "#1b7837"];
const OUTCOME_COLORS = {
  reached: "#cfe8cf",
  stalled: "#f1e3b5",
  oscillating: "#f4c2b8",
  diverged: "#d9a0a0",
};

const lambdaLabel = (l2: number) => `λ = ${formatNumber(l2)}`;
const etaLabel = (eta: number) => `η = ${formatNumber(eta)}`;
const startLabel = (m: number) => `m0 = ${formatNumber(m)}`;

export function lossFigure(result: DescendResult, t: Translator, document: Document): string {
  const { settings, runs } = result;
  const points: { step: number; loss: number; start: string; eta: string; lambda: string }[] = [];
  for (const run of runs) {
    const start = startLabel(run.initialM);
    const eta = etaLabel(run.learningRate);
    const lambda = lambdaLabel(run.l2);
    for (const i of envelopeIndices(run.lossCurve, 150)) {
      points.push({ step: i, loss: Math.max(LOSS_FLOOR, run.lossCurve[i]!), start, eta, lambda });
    }
  }
  const starts = settings.initialWeights.map(startLabel);
  const width = Math.max(720, 190 * settings.learningRates.length + 80);
  const panel = Plot.plot({
    document,
    width,
    height: 190 * settings.l2.length + 80,
    marginLeft: 60,
    marginRight: 70,
    style: { fontFamily: FONT_FAMILY, fontSize: "10.5px" },
    x: { domain: [0, settings.steps], label: t("figure.axis.step"), ticks: 3 },
    y: { type: "log", domain: [LOSS_FLOOR, 1], label: t("figure.axis.loss"), grid: true, ticks: 4 },
    fx: { domain: settings.learningRates.map(etaLabel), label: null },
    fy: { domain: settings.l2.map(lambdaLabel), label: null },
    color: {
      domain: starts,
      range: starts.map((_, k) => START_COLORS[k % START_COLORS.length]!),
      legend: false,
    },
    marks: [
      Plot.frame({ stroke: "#ddd" }),
      Plot.ruleY([settings.lossTarget], { stroke: "#888", strokeDasharray: "3,3" }),
      Plot.line(points, {
        x: "step",
        y: "loss",
        z: "start",
        stroke: "start",
        fx: "eta",
        fy: "lambda",
        strokeWidth: 1.6,
      }),
    ],
  });
  // A legend as plain SVG swatches under the title (Plot's swatch legend is HTML, not SVG).
  const swatches = starts.map((label, k) => ({ label, k }));
  const legend = Plot.plot({
    document,
    width: 160 * starts.length + 60,
    height: 34,
    margin: 0,
    marginLeft: 60,
    style: { fontFamily: FONT_FAMILY, fontSize: "11px" },
    x: { domain: [0, starts.length], axis: null },
    y: { domain: [0, 1], axis: null },
    color: { domain: starts, range: starts.map((_, k) => START_COLORS[k % START_COLORS.length]!) },
    marks: [
      Plot.dot(swatches, { x: "k", y: 0.5, fill: "label", r: 5 }),
      Plot.text(swatches, { x: "k", y: 0.5, text: "label", textAnchor: "start", dx: 10 }),
    ],
  });
  return composeFigure({
    title: t("figure.loss.title"),
    subtitle: t("figure.loss.subtitle"),
    panels: [legend as Element, panel as Element],
  });
}

export function outcomeFigure(result: DescendResult, t: Translator, document: Document): string {
  const { settings, runs } = result;
  const cells = runs.map((run) => ({
    eta: etaLabel(run.learningRate),
    start: startLabel(run.initialM),
    lambda: lambdaLabel(run.l2),
    outcome: run.outcome,
    label: `${run.stepsToTarget ?? t("descend.never")}\n${t(`descend.outcome.${run.outcome}`)}`,
  }));
  const outcomes = Object.keys(OUTCOME_COLORS) as (keyof typeof OUTCOME_COLORS)[];
  const panel = Plot.plot({
    document,
    width: Math.max(720, 120 * settings.learningRates.length * settings.l2.length + 100),
    height: 56 * settings.initialWeights.length + 70,
    marginLeft: 90,
    style: { fontFamily: FONT_FAMILY, fontSize: "11px" },
    x: { domain: settings.learningRates.map(etaLabel), label: t("figure.axis.learningRate"), padding: 0.04 },
    y: { domain: settings.initialWeights.map(startLabel), label: t("figure.axis.initialM"), padding: 0.06 },
    fx: { domain: settings.l2.map(lambdaLabel), label: null },
    color: { domain: outcomes, range: outcomes.map((o) => OUTCOME_COLORS[o]) },
    marks: [
      Plot.cell(cells, { x: "eta", y: "start", fx: "lambda", fill: "outcome", inset: 1 }),
      Plot.text(cells, { x: "eta", y: "start", fx: "lambda", text: "label", lineHeight: 1.25 }),
    ],
  });
  return composeFigure({
    title: t("figure.outcomes.title"),
    subtitle: t("figure.outcomes.subtitle"),
    panels: [panel as Element],
  });
}
