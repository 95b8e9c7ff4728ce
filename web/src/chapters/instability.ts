/**
 * Chapter 5 — instability: a network trained without a penalty and one with L2 weight decay, on
 * the same data; nudge the test inputs by noise of ε feature standard deviations and see how far
 * each output moves (the library's input sensitivity, claim C4).
 */
import { DATASETS_2D, type Dataset2dName, dataset2d } from "../../../src/data/datasets2d.js";
import { inputSensitivity, perturbInputs } from "../../../src/diagnostics/sensitivity.js";
import { formatNumber } from "../../../src/i18n/format.js";
import type { LabKey } from "../../../src/i18n/lab.js";
import { seriesChart } from "../charts/smallCharts.js";
import { chapterFrame, controlGroup } from "../ui/chapter.js";
import { select, slider } from "../ui/controls.js";
import { h } from "../ui/dom.js";
import { figureBlock } from "../ui/figure.js";
import { anyMessage, onLanguageChange, t } from "../ui/i18n.js";
import { nextRun, onWorkerMessage, sendToWorker } from "../worker/client.js";
import type { InstabilityResult } from "../worker/instabilityJob.js";

const EPSILONS = [0.005, 0.01, 0.02, 0.05, 0.1, 0.2, 0.3, 0.5];
const EPOCHS = 600;
const PERTURBATION_SEED = 7;

export function instability(): HTMLElement {
  const frame = chapterFrame("instability", 5, "instability.title", "instability.claim");
  let result: InstabilityResult | null = null;
  let run = 0;
  let svg = "";
  const figure = figureBlock("instability", "instability.figure", () => svg);
  const status = h("p", { class: "status", "data-testid": "instability-status" });
  const comparison = h("table", { class: "data-table" });

  const sensitivityAt = (epsilon: number) => {
    if (!result) return [0, 0];
    const { test } = result;
    const perturbation = perturbInputs(test.x, test.n, test.p, epsilon, PERTURBATION_SEED);
    return result.models.map((model) => inputSensitivity(model.network, test.x, perturbation, test.n).output);
  };

  const render = () => {
    if (!result) return;
    const epsilon = noise.value();
    const [plain, regularized] = sensitivityAt(epsilon) as [number, number];
    const names = [
      t("instability.plain"),
      t("instability.regularized", { lambda: formatNumber(result.models[1].lambda) }),
    ];
    const grid = [...new Set([...EPSILONS, epsilon])].sort((a, b) => a - b);
    const curves = grid.map((e) => ({ e, s: sensitivityAt(e) }));
    svg = seriesChart(
      curves.flatMap(({ e, s }) => [
        { x: e, y: Math.max(1e-9, s[0]!), series: names[0]! },
        { x: e, y: Math.max(1e-9, s[1]!), series: names[1]! },
      ]),
      {
        xLabel: t("instability.epsilon"),
        yLabel: t("instability.sensitivity"),
        logX: true,
        logY: true,
        marker: epsilon,
      },
    );
    figure.setSvg(svg);
    figure.setTable(
      [t("instability.epsilon"), ...names],
      curves.map(({ e, s }) => [formatNumber(e), formatNumber(s[0]!), formatNumber(s[1]!)]),
    );
    const text = t("instability.readout", {
      epsilon: formatNumber(epsilon),
      plain: formatNumber(plain),
      regularized: formatNumber(regularized),
      ratio: formatNumber(plain / regularized, 3),
    });
    status.textContent = text;
    status.dataset.plain = String(plain);
    status.dataset.regularized = String(regularized);
    frame.live.textContent = text;
    comparison.replaceChildren(
      h("caption", { text: t("instability.tableCaption") }),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ...[
            "",
            t("instability.weightNorm"),
            t("instability.lipschitz"),
            t("instability.trainLoss"),
            t("instability.testLoss"),
          ].map((text) => h("th", { scope: "col", text })),
        ),
      ),
      h(
        "tbody",
        {},
        ...result.models.map((model, k) =>
          h(
            "tr",
            {},
            h("th", { scope: "row", text: names[k]! }),
            ...[model.weightNorm, model.lipschitzBound, model.trainLoss, model.testLoss].map((v) =>
              h("td", { text: formatNumber(v) }),
            ),
          ),
        ),
      ),
    );
  };

  const fitModels = () => {
    run = nextRun();
    result = null;
    status.textContent = t("instability.training");
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
      status.textContent = anyMessage(message.key, message.params);
  });

  const dataset = select<Dataset2dName>({
    key: "in.data",
    label: "instability.dataset",
    options: DATASETS_2D.map((name) => ({ value: name, label: `playground.dataset.${name}` as LabKey })),
    value: "spiral",
    onChange: fitModels,
  });
  const lambda = slider({
    key: "in.lambda",
    label: "instability.lambda",
    min: 1e-4,
    max: 0.3,
    value: 0.001,
    scale: "log",
    onInput: fitModels,
  });
  const noise = slider({
    key: "in.eps",
    label: "instability.noise",
    min: 0.001,
    max: 0.5,
    value: 0.05,
    scale: "log",
    onInput: render,
  });
  frame.controls.append(controlGroup("instability.controls", dataset.element, lambda.element, noise.element));
  frame.figures.append(status, figure.element, h("div", { class: "model-table" }, comparison));
  onLanguageChange(render);
  fitModels();
  return frame.section;
}
