/**
 * Chapter 2 — one gradient-descent step of the article's unit y = σ(m·x + c), taken apart by the
 * chain rule: ∂E/∂m = ∂E/∂σ · ∂σ/∂z · ∂z/∂m. The wiring of the chapter: its state (stepperState:
 * the library's own steps and verdicts), its view (stepperView) and the controls that drive them.
 */
import { teacherData } from "../../../src/experiments/teacherData.js";
import type { LabKey } from "../../../src/i18n/lab.js";
import { chapterFrame, controlGroup } from "../ui/chapter.js";
import { button, buttonRow, checkbox, slider } from "../ui/controls.js";
import { prefersReducedMotion } from "../ui/dom.js";
import { onLanguageChange, t } from "../ui/i18n.js";
import { advance, isFinished, startRun } from "./stepperState.js";
import { STEPPER_STORY } from "./stepperStory.js";
import { stepperView } from "./stepperView.js";

export function chainRuleStepper(): HTMLElement {
  const frame = chapterFrame("stepper", "stepper.title", "stepper.claim", STEPPER_STORY);
  const data = teacherData();
  let run = startRun(data, 100);
  let playing = 0;
  const view = stepperView(frame.live);

  const penalty = () => ({ l2: l2.value() ? lambda.value() : 0, l1: 0 });
  const settings = () => ({ learningRate: eta.value(), penalty: penalty() });
  const render = () => view.render(run, data, Math.min(sample.value(), data.x.length - 1), settings());

  const reset = () => {
    stop();
    run = startRun(data, m0.value());
    render();
  };

  // With reduced motion the run advances in visible jumps four times a second, not as an animation.
  const reduced = prefersReducedMotion();
  const schedule = (tick: () => void) =>
    reduced ? window.setTimeout(tick, 250) : requestAnimationFrame(tick);
  const cancel = (handle: number) => (reduced ? window.clearTimeout(handle) : cancelAnimationFrame(handle));

  const showPlaying = (on: boolean) => {
    const key: LabKey = on ? "stepper.pause" : "stepper.play";
    playButton.dataset.i18n = key;
    playButton.textContent = t(key);
    playButton.setAttribute("aria-pressed", String(on));
  };
  const stop = () => {
    if (playing) cancel(playing);
    playing = 0;
    showPlaying(false);
  };
  const play = () => {
    if (playing) return stop();
    showPlaying(true);
    const tick = () => {
      advance(run, data, settings(), reduced ? 15 * speed.value() : speed.value());
      render();
      if (isFinished(run)) return stop();
      playing = schedule(tick);
    };
    playing = schedule(tick);
  };

  const m0 = slider({
    key: "cr.m0",
    label: "stepper.m0",
    min: 0.01,
    max: 1000,
    value: 100,
    scale: "log",
    onInput: reset,
  });
  const eta = slider({
    key: "cr.eta",
    label: "stepper.eta",
    min: 0.01,
    max: 10000,
    value: 10,
    scale: "log",
    onInput: render,
  });
  const l2 = checkbox({ key: "cr.l2", label: "stepper.l2", value: false, onChange: render });
  const lambda = slider({
    key: "cr.lambda",
    label: "stepper.lambda",
    min: 1e-5,
    max: 1,
    value: 0.001,
    scale: "log",
    onInput: render,
  });
  const sample = slider({
    key: "cr.i",
    label: "stepper.sample",
    min: 0,
    max: data.x.length - 1,
    step: 1,
    value: 0,
    onInput: render,
  });
  const speed = slider({
    key: "cr.speed",
    label: "stepper.speed",
    min: 1,
    max: 100,
    step: 1,
    value: 5,
    onInput: () => {},
  });
  const playButton = button("stepper.play", play, { "data-testid": "stepper-play" });
  const stepButton = button(
    "stepper.step1",
    () => {
      advance(run, data, settings(), 1);
      render();
    },
    { "data-testid": "stepper-step" },
  );
  frame.controls.append(
    buttonRow("cr.run", "stepper.run", stepButton, playButton, button("stepper.reset", reset)),
    controlGroup(
      "stepper.controls",
      m0.element,
      eta.element,
      l2.element,
      lambda.element,
      sample.element,
      speed.element,
    ),
  );
  frame.figures.append(...view.elements);
  onLanguageChange(render);
  reset();
  return frame.section;
}
