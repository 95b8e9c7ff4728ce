/**
 * Chapter 1 — the article's plot_sigmoid, live: its four slopes on one chart with the chosen m
 * highlighted (its saturated x shaded), σ′ beneath. The numbers are the ones `reglab sigmoid`
 * prints: both come from experiments/sigmoidCurves; the figure from plot/sigmoidCompareFigure.
 */
import { ARTICLE_SLOPES, sigmoidCurves } from "../../../src/experiments/sigmoidCurves.js";
import { formatNumber, formatShare } from "../../../src/i18n/format.js";
import { sigmoidCompareFigure } from "../../../src/plot/sigmoidCompareFigure.js";
import { chapterFrame, controlGroup } from "../ui/chapter.js";
import { buttonRow, slider } from "../ui/controls.js";
import { h } from "../ui/dom.js";
import { figureBlock } from "../ui/figure.js";
import { figureTranslator, onLanguageChange, t } from "../ui/i18n.js";
import { SIGMOID_STORY } from "./sigmoidStory.js";

const TABLE_ROWS = 21;

export function sigmoidExplorer(): HTMLElement {
  const frame = chapterFrame("sigmoid", "sigmoid.title", "sigmoid.claim", SIGMOID_STORY);
  let svg = "";
  const figure = figureBlock("sigmoid", "sigmoid.figure", () => svg);
  const share = h("strong", { class: "big-number", "data-testid": "saturated-share" });
  const details = h("p", { class: "small" });

  const update = () => {
    const range = xRange.value();
    // the article's four slopes, and the chosen m beside them when it is none of them
    const slopes = ARTICLE_SLOPES.includes(m.value()) ? ARTICLE_SLOPES : [...ARTICLE_SLOPES, m.value()];
    const selected = slopes.indexOf(m.value());
    const curves = sigmoidCurves({ slopes, c: c.value(), xMin: -range, xMax: range });
    const curve = curves.curves[selected]!;
    svg = sigmoidCompareFigure(curves, selected, figureTranslator(), document);
    for (const [slope, preset] of presetButtons)
      preset.setAttribute("aria-pressed", String(slope === m.value()));
    figure.setSvg(svg);
    share.textContent = formatShare(curve.saturatedShare);
    share.dataset.value = String(curve.saturatedShare);
    details.textContent = t("sigmoid.details", {
      cutoff: formatNumber(curves.saturationCutoff),
      slope: formatNumber(curve.maxSlope),
      standardized: formatNumber(curve.standardizedM),
    });
    frame.live.textContent = t("sigmoid.readout", {
      m: formatNumber(m.value()),
      share: formatShare(curve.saturatedShare),
    });
    const step = Math.max(1, Math.floor((curves.points - 1) / (TABLE_ROWS - 1)));
    const rows: string[][] = [];
    for (let i = 0; i < curves.points; i += step)
      rows.push([formatNumber(curves.x[i]!), formatNumber(curve.y[i]!), formatNumber(curve.dydz[i]!)]);
    figure.setTable(["x", "σ(m·x + c)", "σ′(m·x + c)"], rows);
  };

  const m = slider({
    key: "sig.m",
    label: "sigmoid.m",
    min: 1e-5,
    max: 1e-1,
    value: 0.001,
    scale: "log",
    onInput: update,
  });
  const c = slider({
    key: "sig.c",
    label: "sigmoid.c",
    min: -5,
    max: 5,
    step: 0.1,
    value: 0,
    onInput: update,
  });
  const xRange = slider({
    key: "sig.x",
    label: "sigmoid.range",
    min: 1,
    max: 1e5,
    value: 1e4,
    scale: "log",
    onInput: update,
  });
  const presetButtons = ARTICLE_SLOPES.map(
    (slope) =>
      [
        slope,
        h("button", {
          type: "button",
          class: "preset",
          "aria-pressed": "false",
          text: `m = ${formatNumber(slope)}`,
          onclick: () => m.set(slope, true),
        }),
      ] as const,
  );
  const presets = buttonRow("sig.presets", "sigmoid.presets", ...presetButtons.map(([, b]) => b));
  frame.controls.append(
    controlGroup("sigmoid.controls", m.element, c.element, xRange.element, presets),
    h(
      "div",
      { class: "result" },
      h("span", { "data-i18n": "sigmoid.share", text: t("sigmoid.share") }),
      share,
      details,
    ),
  );
  frame.figures.append(figure.element);
  onLanguageChange(update);
  update();
  return frame.section;
}
