/**
 * Chapter 6 — scale matters. The article's slopes look steep only because x runs to ±10⁴: what
 * saturates is z = m·x, so the same unit on standardized inputs has slope m·sd(x). And stopping
 * gradient descent early acts like an L2 penalty: its iterates track the ridge path at
 * λ ≈ 1/(η·t) (experiments/earlyStoppingRidge).
 * This file is the wiring: the numbers come from scaleState, the view (scaleView) draws them, and
 * the two sliders — m, and the step t — redraw their half of the chapter.
 */
import type { EarlyStoppingResult } from "../../../src/experiments/earlyStoppingRidge.js";
import { builtInCsv } from "../ui/builtInData.js";
import { chapterFrame, controlGroup } from "../ui/chapter.js";
import { slider } from "../ui/controls.js";
import { onLanguageChange } from "../ui/i18n.js";
import {
  EARLY_STEPS,
  OPENING_STEP,
  RECORDED_STEPS,
  runEarlyStopping,
  SLOPE,
  unitOnTwoScales,
} from "./scaleState.js";
import { SCALE_STORY } from "./scaleStory.js";
import { scaleView } from "./scaleView.js";

export function scaleMatters(): HTMLElement {
  const frame = chapterFrame("scale", "scale.title", "scale.claim", SCALE_STORY);
  const view = scaleView();
  // null until the diabetes data has loaded and the experiment has run
  let experiment: EarlyStoppingResult | null = null;

  const renderScale = () => view.showUnit(unitOnTwoScales(m.value()));
  const renderEarly = () => {
    if (experiment) view.showEarly(experiment, step.value());
  };

  const m = slider({ key: "sc.m", label: "scale.m", ...SLOPE, scale: "log", onInput: renderScale });
  const step = slider({
    key: "sc.t",
    label: "scale.step",
    min: 1,
    max: EARLY_STEPS,
    value: OPENING_STEP,
    values: RECORDED_STEPS,
    format: String,
    onInput: renderEarly,
  });
  frame.controls.append(controlGroup("scale.controls", m.element, step.element));
  frame.figures.append(...view.elements);
  onLanguageChange(() => {
    renderScale();
    renderEarly();
  });
  renderScale();
  // the experiment waits for its data (fetched only when the chapter is shown)
  void builtInCsv("diabetes").then((text) => {
    experiment = runEarlyStopping(text);
    renderEarly();
  });
  return frame.section;
}
