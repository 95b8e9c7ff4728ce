/**
 * Chapter 6 — scale matters. The article's slopes look steep only because x runs to ±10⁴: what
 * saturates is z = m·x, so the same unit on standardized inputs has slope m·sd(x). And stopping
 * gradient descent early acts like an L2 penalty: its iterates track the ridge path at
 * λ ≈ 1/(η·t) (experiments/earlyStoppingRidge).
 */
import * as Plot from "@observablehq/plot";
import { linspace } from "../../../src/core/linspace.js";
import { sigmoid } from "../../../src/core/sigmoid.js";
import { parseCsv } from "../../../src/data/parseCsv.js";
import {
  checkpointSteps,
  type EarlyStoppingResult,
  earlyStoppingVsRidge,
} from "../../../src/experiments/earlyStoppingRidge.js";
import { sigmoidCurves } from "../../../src/experiments/sigmoidCurves.js";
import { formatNumber } from "../../../src/i18n/format.js";
import { CHART_STYLE, toSvgString } from "../charts/smallCharts.js";
import { builtInCsv } from "../ui/builtInData.js";
import { chapterFrame, controlGroup } from "../ui/chapter.js";
import { slider } from "../ui/controls.js";
import { h } from "../ui/dom.js";
import { figureBlock } from "../ui/figure.js";
import { onLanguageChange, t, tx } from "../ui/i18n.js";
import { SCALE_STORY } from "./scaleStory.js";

const STEPS = 5000;
const CHECKPOINTS = 40;
/** The slider offers exactly the steps the experiment records: integers, and what the text reports. */
const RECORDED = checkpointSteps(STEPS, CHECKPOINTS);

function curveChart(x: Float64Array, y: Float64Array, label: string, color: string): string {
  const data = Array.from(x, (xi, i) => ({ x: xi, y: y[i]! }));
  return toSvgString(
    Plot.plot({
      width: 340,
      height: 200,
      marginLeft: 44,
      style: CHART_STYLE,
      x: { label },
      y: { label: "σ", domain: [0, 1], grid: true },
      marks: [Plot.line(data, { x: "x", y: "y", stroke: color, strokeWidth: 2.5 })],
    }),
  );
}

export function scaleMatters(): HTMLElement {
  const frame = chapterFrame("scale", "scale.title", "scale.claim", SCALE_STORY);
  let rawSvg = "";
  let standardSvg = "";
  let pathSvg = "";
  const raw = figureBlock("scale-raw", "scale.rawFigure", () => rawSvg);
  const standardized = figureBlock("scale-standardized", "scale.standardizedFigure", () => standardSvg);
  const early = figureBlock("early-stopping", "scale.earlyFigure", () => pathSvg);
  const scaleText = h("p", { class: "status", "data-testid": "scale-status" });
  const earlyText = h("p", { class: "status", "data-testid": "early-status" });
  let experiment: EarlyStoppingResult | null = null;

  const renderScale = () => {
    // the grid of chapter 1 at its defaults (x from −10⁴ to 10⁴, 1001 points): the same unit gets
    // the same standardized weight m·sd(x) in both chapters
    const range = 10000;
    const curves = sigmoidCurves({ slopes: [m.value()], xMin: -range, xMax: range });
    const curve = curves.curves[0]!;
    rawSvg = curveChart(curves.x, curve.y, t("scale.rawAxis"), "#b2182b");
    raw.setSvg(rawSvg);
    // the same points, standardized: x̃ = x / sd(x), slope m̃ = m·sd(x)
    const sd = curves.xStandardDeviation;
    const standardX = curves.x.map((x) => x / sd);
    standardSvg = curveChart(
      standardX,
      standardX.map((x) => sigmoid(curve.standardizedM * x)),
      t("scale.standardAxis"),
      "#2166ac",
    );
    standardized.setSvg(standardSvg);
    const rows = linspace(-range, range, 11);
    raw.setTable(
      ["x", "σ(m·x)"],
      Array.from(rows, (x) => [formatNumber(x), formatNumber(sigmoid(m.value() * x))]),
    );
    standardized.setTable(
      ["x̃", "σ(m̃·x̃)"],
      Array.from(rows, (x) => [formatNumber(x / sd), formatNumber(sigmoid(curve.standardizedM * (x / sd)))]),
    );
    scaleText.textContent = t("scale.readout", {
      m: formatNumber(m.value()),
      sd: formatNumber(sd),
      standardized: formatNumber(curve.standardizedM),
    });
    scaleText.dataset.standardizedM = String(curve.standardizedM);
    scaleText.dataset.share = String(curve.saturatedShare);
  };

  const renderEarly = () => {
    if (!experiment) return;
    const names = experiment.featureNames;
    const point = experiment.points.find((p) => p.step === step.value())!;
    const scale = Math.sqrt(experiment.leastSquares.reduce((sum, b) => sum + b * b, 0));
    const ridgeLines = experiment.points.flatMap((p) =>
      names.map((name, j) => ({ norm: p.ridgeNorm, coefficient: p.ridge[j]! / scale, feature: name })),
    );
    const descentDots = experiment.points.flatMap((p) =>
      names.map((name, j) => ({ norm: p.descentNorm, coefficient: p.descent[j]! / scale, feature: name })),
    );
    pathSvg = toSvgString(
      Plot.plot({
        width: 700,
        height: 360,
        marginLeft: 56,
        marginRight: 80,
        style: CHART_STYLE,
        color: { scheme: "tableau10" },
        x: { label: t("scale.normAxis") },
        y: { label: t("scale.coefAxis"), grid: true },
        marks: [
          Plot.ruleY([0], { stroke: "#999" }),
          Plot.line(ridgeLines, { x: "norm", y: "coefficient", stroke: "feature", strokeWidth: 1.5 }),
          Plot.dot(descentDots, { x: "norm", y: "coefficient", stroke: "feature", r: 2.5 }),
          Plot.text(
            ridgeLines,
            Plot.selectLast({
              x: "norm",
              y: "coefficient",
              z: "feature",
              text: "feature",
              fill: "feature",
              dx: 5,
              textAnchor: "start",
            }),
          ),
          Plot.ruleX([point.descentNorm], { stroke: "#e08214", strokeWidth: 2 }),
        ],
      }),
    );
    early.setSvg(pathSvg);
    early.setTable(
      [
        t("scale.feature"),
        t("scale.descentCoef", { step: point.step }),
        t("scale.ridgeCoef", { lambda: formatNumber(point.matchedLambda) }),
      ],
      names.map((name, j) => [name, formatNumber(point.descent[j]!), formatNumber(point.ridge[j]!)]),
    );
    earlyText.textContent = t("scale.earlyReadout", {
      step: point.step,
      lambda: formatNumber(point.matchedLambda),
      distance: formatNumber(point.relativeDistance, 2),
      max: formatNumber(experiment.maxRelativeDistance, 2),
    });
    earlyText.dataset.distance = String(point.relativeDistance);
    earlyText.dataset.step = String(point.step);
    earlyText.dataset.norm = String(point.descentNorm);
  };

  const m = slider({
    key: "sc.m",
    label: "scale.m",
    min: 1e-5,
    max: 1e-1,
    value: 0.001,
    scale: "log",
    onInput: renderScale,
  });
  const step = slider({
    key: "sc.t",
    label: "scale.step",
    min: 1,
    max: STEPS,
    value: 51,
    values: RECORDED,
    format: String,
    onInput: renderEarly,
  });
  frame.controls.append(controlGroup("scale.controls", m.element, step.element));
  frame.figures.append(
    scaleText,
    h("div", { class: "side-by-side" }, raw.element, standardized.element),
    tx("h3", "scale.earlyTitle"),
    tx("p", "scale.earlyClaim"),
    earlyText,
    early.element,
  );
  onLanguageChange(() => {
    renderScale();
    renderEarly();
  });
  renderScale();
  void builtInCsv("diabetes").then((text) => {
    experiment = earlyStoppingVsRidge(parseCsv(text, "data/diabetes.csv"), {
      steps: STEPS,
      checkpoints: CHECKPOINTS,
    });
    renderEarly();
  });
  return frame.section;
}
