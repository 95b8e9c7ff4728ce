/**
 * The chain-rule stepper's view: m and E in large type, the status of the last step, the factors of
 * ∂E/∂m for one sample as numbers and as bars on a linear axis, and the loss curve with every
 * overshoot ringed. It draws a StepperRun; it changes nothing.
 */
import { batchGradient, chainRule, emptyBatchGradient } from "../../../src/core/sigmoidUnit.js";
import type { StepStatus } from "../../../src/experiments/stepStatus.js";
import { formatNumber } from "../../../src/i18n/format.js";
import type { LabKey } from "../../../src/i18n/lab.js";
import { factorBars, lossCurve } from "../charts/smallCharts.js";
import { h } from "../ui/dom.js";
import { figureBlock } from "../ui/figure.js";
import { t, tx } from "../ui/i18n.js";
import { lastStatus, type StepperData, type StepperRun, type StepperSettings } from "./stepperState.js";

const STATUS_KEY: Record<StepStatus | "start", LabKey> = {
  start: "stepper.status.start",
  learning: "stepper.status.learning",
  stalled: "stepper.status.stalled",
  overshoot: "stepper.status.overshoot",
  reached: "stepper.status.reached",
  diverged: "stepper.status.diverged",
};
const VERDICTS: readonly StepStatus[] = ["learning", "stalled", "overshoot", "reached", "diverged"];

export function stepperView(live: HTMLElement) {
  let factorsSvg = "";
  let lossSvg = "";
  const scratch = emptyBatchGradient();
  const factorsFigure = figureBlock("chain-rule", "stepper.factorsFigure", () => factorsSvg);
  const lossFigure = figureBlock("stepper-loss", "stepper.lossFigure", () => lossSvg);
  lossFigure.chart.dataset.testid = "stepper-loss-chart";
  const numbers = h("dl", { class: "factor-list", "data-testid": "factors" });
  const statusLine = h("p", { class: "status", "data-testid": "stepper-status" });
  const bigM = h("strong", { class: "big-number", "data-testid": "stepper-m" });
  const bigE = h("strong", { class: "big-number", "data-testid": "stepper-loss" });
  const bigSteps = h("strong", { class: "big-number" });
  const headline = h(
    "div",
    { class: "stepper-headline" },
    h("div", {}, tx("span", "stepper.stepsTaken"), bigSteps),
    h("div", {}, h("span", { text: "m" }), bigM),
    h("div", {}, tx("span", "stepper.loss"), bigE),
  );

  const render = (run: StepperRun, data: StepperData, i: number, settings: StepperSettings) => {
    const f = chainRule(run.m, run.c, data.x[i]!, data.t[i]!);
    const batch = batchGradient(run.m, run.c, data.x, data.t, scratch);
    const penaltyGradient = settings.penalty.l2 * run.m;
    const update = -settings.learningRate * (batch.dEdm + penaltyGradient);
    const steps = run.statuses.length;
    const rows: [string, number, string][] = [
      ["∂E/∂σ = y − t", f.dEdy, "dEdy"],
      ["∂σ/∂z = σ′(z)", f.dydz, "dydz"],
      ["∂z/∂m = x", f.dzdm, "dzdm"],
      ["∂E/∂m", f.dEdm, "dEdm"],
    ];
    const entry = (name: string, id: string, value: number) => [
      h("dt", { text: name }),
      h("dd", { "data-factor": id, "data-value": String(value), text: formatNumber(value) }),
    ];
    numbers.replaceChildren(
      ...rows.flatMap(([name, value, id]) => entry(name, id, value)),
      ...entry(t("stepper.meanGradient"), "meanGradient", batch.dEdm),
      ...entry("λ·m", "penalty", penaltyGradient),
      ...entry("Δm = −η·(∂E/∂m + λ·m)", "update", update),
    );
    numbers.dataset.m = String(run.m);
    numbers.dataset.c = String(run.c);
    numbers.dataset.steps = String(steps);
    bigSteps.textContent = String(steps);
    bigM.textContent = formatNumber(run.m);
    bigM.dataset.value = String(run.m);
    bigE.textContent = formatNumber(batch.loss);
    bigE.dataset.value = String(batch.loss);

    factorsSvg = factorBars(
      rows.map(([name, value]) => ({ name, value })),
      t("stepper.factorsAxis"),
    );
    factorsFigure.setSvg(factorsSvg);
    factorsFigure.setTable(
      [t("stepper.factor"), t("stepper.value")],
      rows.map(([name, value]) => [name, formatNumber(value)]),
    );
    const overshoots = run.statuses.flatMap((status, k) => (status === "overshoot" ? [k + 1] : []));
    lossSvg = lossCurve(run.losses, t("stepper.step"), t("stepper.loss"), overshoots);
    lossFigure.setSvg(lossSvg);
    lossFigure.chart.dataset.rings = String(overshoots.length);
    const tail = run.losses.slice(-20);
    lossFigure.setTable(
      [t("stepper.step"), t("stepper.loss")],
      tail.map((loss, k) => [run.losses.length - tail.length + k, formatNumber(loss)]),
    );

    const status = lastStatus(run);
    statusLine.textContent = t(STATUS_KEY[status], {
      steps,
      dydz: formatNumber(batch.meanDydz),
      update: formatNumber(run.lastUpdate),
    });
    statusLine.dataset.status = status;
    statusLine.dataset.steps = String(steps);
    statusLine.dataset.m = String(run.m);
    statusLine.dataset.meanDydz = String(batch.meanDydz);
    for (const verdict of VERDICTS) {
      statusLine.dataset[`first${verdict[0]!.toUpperCase()}${verdict.slice(1)}`] = String(
        run.first[verdict] ?? "",
      );
      statusLine.dataset[`count${verdict[0]!.toUpperCase()}${verdict.slice(1)}`] = String(
        run.statuses.filter((s) => s === verdict).length,
      );
    }
    live.textContent = t("stepper.readout", {
      steps,
      m: formatNumber(run.m),
      loss: formatNumber(batch.loss),
      z: formatNumber(run.m * data.x[i]! + run.c),
    });
  };

  const elements = [
    h("div", { class: "factor-panel" }, headline, statusLine, tx("h3", "stepper.factorsHeading"), numbers),
    factorsFigure.element,
    lossFigure.element,
  ];
  return { elements, render };
}
