/**
 * Chapter 5 — instability: a network trained without a penalty and one with L2 weight decay, on
 * the same data; nudge the test inputs by noise of ε feature standard deviations and see how far
 * each output moves (the library's input sensitivity, claim C4), beside each network's test loss
 * and accuracy. The verdict (instabilityState) decides what the page may claim; the view
 * (instabilityView) draws it; this file wires the controls and the worker.
 */
import { DATASETS_2D, type Dataset2dName, dataset2d } from "../../../src/data/datasets2d.js";
import type { LabKey } from "../../../src/i18n/lab.js";
import { chapterFrame, controlGroup } from "../ui/chapter.js";
import { select, slider } from "../ui/controls.js";
import { anyMessage, onLanguageChange, t } from "../ui/i18n.js";
import { nextRun, onWorkerMessage, sendToWorker } from "../worker/client.js";
import type { InstabilityResult } from "../worker/protocol.js";
import { INSTABILITY_STORY } from "./instabilityStory.js";
import { instabilityView } from "./instabilityView.js";

const EPOCHS = 600;

/** The defaults: on every data set the logit moves less with the penalty (test/web/instability.test.ts). */
export const INSTABILITY_DEFAULTS = { dataset: "spiral" as Dataset2dName, lambda: 0.002, epsilon: 0.05 };

export function instability(): HTMLElement {
  const frame = chapterFrame("instability", "instability.title", "instability.claim", INSTABILITY_STORY);
  let result: InstabilityResult | null = null;
  let run = 0;
  const view = instabilityView(frame.live);
  const render = () => {
    if (result) view.render(result, noise.value());
  };

  const fitModels = () => {
    run = nextRun();
    result = null;
    view.waiting(t("instability.training"));
    const data = dataset2d(dataset.value(), { samples: 300, noise: 0.5, seed: 1 });
    sendToWorker({
      type: "instability.fit",
      run,
      points: { x: data.x, y: data.y },
      lambda: lambda.value(),
      epochs: EPOCHS,
      seed: 1,
    });
  };

  onWorkerMessage((message) => {
    if (message.type === "instability.result" && message.run === run) {
      result = message.result;
      render();
    } else if (message.type === "error" && message.run === run)
      view.waiting(anyMessage(message.key, message.params));
  });

  const dataset = select<Dataset2dName>({
    key: "in.data",
    label: "instability.dataset",
    options: DATASETS_2D.map((name) => ({ value: name, label: `playground.dataset.${name}` as LabKey })),
    value: INSTABILITY_DEFAULTS.dataset,
    onChange: fitModels,
  });
  const lambda = slider({
    key: "in.lambda",
    label: "instability.lambda",
    min: 1e-4,
    max: 0.3,
    value: INSTABILITY_DEFAULTS.lambda,
    scale: "log",
    onInput: fitModels,
  });
  const noise = slider({
    key: "in.eps",
    label: "instability.noise",
    min: 0.001,
    max: 0.5,
    value: INSTABILITY_DEFAULTS.epsilon,
    scale: "log",
    onInput: render,
  });
  frame.controls.append(controlGroup("instability.controls", dataset.element, lambda.element, noise.element));
  frame.figures.append(...view.elements);
  onLanguageChange(render);
  fitModels();
  return frame.section;
}
