/**
 * Chapter 2 — one gradient-descent step of the article's unit y = σ(m·x + c), taken apart by the
 * chain rule: ∂E/∂m = ∂E/∂σ · ∂σ/∂z · ∂z/∂m. Every number comes from the library (core/sigmoidUnit
 * for the factors, core/gradientDescent for the step), so the page and `reglab descend` agree.
 */
import { trainSigmoidUnit } from "../../../src/core/gradientDescent.js";
import { batchGradient, chainRule, emptyBatchGradient } from "../../../src/core/sigmoidUnit.js";
import { teacherData } from "../../../src/experiments/teacherData.js";
import { formatNumber } from "../../../src/i18n/format.js";
import type { LabKey } from "../../../src/i18n/lab.js";
import { barsOnLogScale, lossCurve } from "../charts/smallCharts.js";
import { chapterFrame, controlGroup } from "../ui/chapter.js";
import { button, buttonRow, checkbox, slider } from "../ui/controls.js";
import { h, prefersReducedMotion } from "../ui/dom.js";
import { figureBlock } from "../ui/figure.js";
import { onLanguageChange, t, tx } from "../ui/i18n.js";

const MAX_STEPS = 5000;
const LOSS_TARGET = 1e-3;

type Status = "start" | "learning" | "stalled" | "overshoot" | "reached" | "diverged";

export function chainRuleStepper(): HTMLElement {
  const frame = chapterFrame("stepper", 2, "stepper.title", "stepper.claim");
  const data = teacherData();
  const scratch = emptyBatchGradient();
  let m = 0;
  let c = 0;
  let losses: number[] = [];
  let lastUpdate = 0;
  let status: Status = "start";
  let playing = 0;
  let factorsSvg = "";
  let lossSvg = "";

  const factorsFigure = figureBlock("chain-rule", "stepper.factorsFigure", () => factorsSvg);
  const lossFigure = figureBlock("stepper-loss", "stepper.lossFigure", () => lossSvg);
  const numbers = h("dl", { class: "factor-list", "data-testid": "factors" });
  const statusLine = h("p", { class: "status", "data-testid": "stepper-status" });

  const penalty = () => ({ l2: l2.value() ? lambda.value() : 0, l1: 0 });

  const reset = () => {
    stop();
    m = m0.value();
    c = 0;
    losses = [];
    lastUpdate = 0;
    status = "start";
    render();
  };

  /** k steps of the library's gradient descent, from the current weights. */
  const advance = (k: number) => {
    for (let s = 0; s < k && losses.length < MAX_STEPS && status !== "diverged"; s++) {
      const result = trainSigmoidUnit(
        data.x,
        data.t,
        { m, c },
        { learningRate: eta.value(), steps: 1, penalty: penalty() },
      );
      const before = result.history.loss[0]!;
      if (result.diverged || !Number.isFinite(result.m)) {
        status = "diverged";
        break;
      }
      lastUpdate = result.m - m;
      m = result.m;
      c = result.c;
      const after = result.history.loss[1] ?? before;
      losses.push(before);
      if (!Number.isFinite(after)) status = "diverged";
      else if (after <= LOSS_TARGET) status = "reached";
      else if (after > before * (1 + 1e-9)) status = "overshoot";
      else if ((before - after) / before < 1e-4) status = "stalled";
      else status = "learning";
    }
  };

  const statusKey: Record<Status, LabKey> = {
    start: "stepper.status.start",
    learning: "stepper.status.learning",
    stalled: "stepper.status.stalled",
    overshoot: "stepper.status.overshoot",
    reached: "stepper.status.reached",
    diverged: "stepper.status.diverged",
  };

  const render = () => {
    const i = Math.min(sample.value(), data.x.length - 1);
    const f = chainRule(m, c, data.x[i]!, data.t[i]!);
    const batch = batchGradient(m, c, data.x, data.t, scratch);
    const meanGradient = batch.dEdm;
    const penaltyGradient = penalty().l2 * m;
    const update = -eta.value() * (meanGradient + penaltyGradient);
    const rows: [string, number, string][] = [
      ["∂E/∂σ = y − t", f.dEdy, "dEdy"],
      ["∂σ/∂z = σ′(z)", f.dydz, "dydz"],
      ["∂z/∂m = x", f.dzdm, "dzdm"],
      ["∂E/∂m", f.dEdm, "dEdm"],
    ];
    numbers.replaceChildren(
      ...rows.flatMap(([name, value, id]) => [
        h("dt", { text: name }),
        h("dd", { "data-factor": id, "data-value": String(value), text: formatNumber(value) }),
      ]),
      h("dt", { text: t("stepper.meanGradient") }),
      h("dd", {
        "data-factor": "meanGradient",
        "data-value": String(meanGradient),
        text: formatNumber(meanGradient),
      }),
      h("dt", { text: "λ·m" }),
      h("dd", {
        "data-factor": "penalty",
        "data-value": String(penaltyGradient),
        text: formatNumber(penaltyGradient),
      }),
      h("dt", { text: "Δm = −η·(∂E/∂m + λ·m)" }),
      h("dd", { "data-factor": "update", "data-value": String(update), text: formatNumber(update) }),
    );
    factorsSvg = barsOnLogScale(
      rows.map(([name, value]) => ({ name, value })),
      t("stepper.factorsAxis"),
    );
    factorsFigure.setSvg(factorsSvg);
    factorsFigure.setTable(
      [t("stepper.factor"), t("stepper.value")],
      rows.map(([name, value]) => [name, formatNumber(value)]),
    );
    lossSvg = lossCurve(losses, t("stepper.step"), t("stepper.loss"));
    lossFigure.setSvg(lossSvg);
    const tail = losses.slice(-20);
    lossFigure.setTable(
      [t("stepper.step"), t("stepper.loss")],
      tail.map((loss, k) => [losses.length - tail.length + k, formatNumber(loss)]),
    );
    const z = m * data.x[i]! + c;
    statusLine.textContent = t(statusKey[status], {
      steps: losses.length,
      dydz: formatNumber(batch.meanDydz),
      update: formatNumber(lastUpdate),
    });
    statusLine.dataset.status = status;
    numbers.dataset.m = String(m);
    numbers.dataset.c = String(c);
    numbers.dataset.steps = String(losses.length);
    frame.live.textContent = t("stepper.readout", {
      steps: losses.length,
      m: formatNumber(m),
      loss: formatNumber(batch.loss),
      z: formatNumber(z),
    });
  };

  // With reduced motion the run advances in visible jumps four times a second, not as an animation.
  const reduced = prefersReducedMotion();
  const schedule = (tick: () => void) =>
    reduced ? window.setTimeout(tick, 250) : requestAnimationFrame(tick);
  const cancel = (handle: number) => (reduced ? window.clearTimeout(handle) : cancelAnimationFrame(handle));

  const stop = () => {
    if (playing) cancel(playing);
    playing = 0;
    playButton.dataset.i18n = "stepper.play";
    playButton.textContent = t("stepper.play");
    playButton.setAttribute("aria-pressed", "false");
  };
  const play = () => {
    if (playing) return stop();
    playButton.dataset.i18n = "stepper.pause";
    playButton.textContent = t("stepper.pause");
    playButton.setAttribute("aria-pressed", "true");
    const tick = () => {
      advance(reduced ? 15 * speed.value() : speed.value());
      render();
      if (losses.length >= MAX_STEPS || status === "diverged" || status === "reached") return stop();
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
  const presets: [LabKey, number, number][] = [
    ["stepper.preset.stall", 100, 10],
    ["stepper.preset.learn", 0.1, 10],
    ["stepper.preset.overshoot", 100, 1000],
  ];
  frame.controls.append(
    controlGroup(
      "stepper.controls",
      m0.element,
      eta.element,
      l2.element,
      lambda.element,
      sample.element,
      speed.element,
    ),
    buttonRow(
      "cr.run",
      "stepper.run",
      button(
        "stepper.step1",
        () => {
          advance(1);
          render();
        },
        { "data-testid": "stepper-step" },
      ),
      playButton,
      button("stepper.reset", reset),
    ),
    buttonRow(
      "cr.presets",
      "stepper.presets",
      ...presets.map(([label, start, rate]) =>
        button(label, () => {
          m0.set(start);
          eta.set(rate);
          reset();
        }),
      ),
    ),
  );
  frame.figures.append(
    h("div", { class: "factor-panel" }, tx("h3", "stepper.factorsHeading"), numbers, statusLine),
    factorsFigure.element,
    lossFigure.element,
  );
  onLanguageChange(render);
  reset();
  return frame.section;
}
