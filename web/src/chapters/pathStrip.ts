/**
 * The path chapter's strip of decision boundaries across λ (experiments/boundaryStrip, run in the
 * worker): its own controls (which 2-D data, which polynomial degree), the maps with training and
 * test accuracy under each, and their data table.
 */
import { DATASETS_2D, type Dataset2dName, dataset2d } from "../../../src/data/datasets2d.js";
import type { StripResult } from "../../../src/experiments/boundaryStrip.js";
import { formatNumber, formatShare } from "../../../src/i18n/format.js";
import type { LabKey } from "../../../src/i18n/lab.js";
import { Heatmap } from "../charts/heatmap.js";
import { controlGroup } from "../ui/chapter.js";
import { select, slider } from "../ui/controls.js";
import { h } from "../ui/dom.js";
import { t, tx } from "../ui/i18n.js";
import { nextRun, onWorkerMessage, sendToWorker } from "../worker/client.js";

const STRIP_PANELS = 6;
const STRIP_RESOLUTION = 40;

export function boundaryStripSection(
  alpha: () => number,
  showError: (key: string, params: Record<string, string | number>) => void,
) {
  let stripRun = 0;
  const stripRow = h("div", { class: "strip", "data-testid": "boundary-strip" });
  const stripStatus = h("p", { class: "small" });
  const stripTable = h("table", { class: "data-table" });
  const fitStrip = () => {
    stripRun = nextRun();
    const data = dataset2d(stripData.value(), { samples: 200, noise: 0.6, seed: 1 });
    // the test points: the same distribution, another seed
    const test = dataset2d(stripData.value(), { samples: 200, noise: 0.6, seed: 2 });
    stripStatus.textContent = t("path.fitting");
    sendToWorker({
      type: "path.strip",
      run: stripRun,
      points: { x: data.x, y: data.y },
      test: { x: test.x, y: test.y },
      degree: stripDegree.value(),
      alpha: alpha(),
      panels: STRIP_PANELS,
      resolution: STRIP_RESOLUTION,
    });
  };
  const drawStrip = (strip: StripResult) => {
    const data = dataset2d(stripData.value(), { samples: 200, noise: 0.6, seed: 1 });
    stripRow.replaceChildren(
      ...strip.panels.map((panel) => {
        const map = new Heatmap(
          150,
          t("path.stripPanel", { lambda: formatNumber(panel.lambda), nonzero: panel.nonzero }),
        );
        map.draw(panel.grid, strip.axis, { x: data.x, y: data.y });
        return h(
          "figure",
          { class: "strip-panel" },
          map.canvas,
          h("figcaption", {
            text: t("path.stripPanel", { lambda: formatNumber(panel.lambda), nonzero: panel.nonzero }),
          }),
          h("span", {
            class: "small",
            text: t("path.stripAccuracy", {
              accuracy: formatShare(panel.trainAccuracy),
              test: formatShare(panel.testAccuracy),
            }),
          }),
        );
      }),
    );
    stripTable.replaceChildren(
      h("caption", { text: t("path.stripTitle") }),
      h(
        "thead",
        {},
        h(
          "tr",
          {},
          ...[
            t("path.lambda"),
            t("path.stripTerms"),
            t("path.stripTrainAccuracy"),
            t("path.stripTestAccuracy"),
          ].map((text) => h("th", { scope: "col", text })),
        ),
      ),
      h(
        "tbody",
        {},
        ...strip.panels.map((panel) =>
          h(
            "tr",
            {},
            h("td", { text: formatNumber(panel.lambda) }),
            h("td", { text: String(panel.nonzero) }),
            h("td", { text: formatShare(panel.trainAccuracy) }),
            h("td", { text: formatShare(panel.testAccuracy) }),
          ),
        ),
      ),
    );
    stripStatus.textContent = t("path.stripSummary", {
      features: strip.features,
      degree: stripDegree.value(),
    });
  };

  const stripData = select<Dataset2dName>({
    key: "path.strip",
    label: "path.stripData",
    options: DATASETS_2D.map((name) => ({ value: name, label: `playground.dataset.${name}` as LabKey })),
    value: "circle",
    onChange: fitStrip,
  });
  const stripDegree = slider({
    key: "path.degree",
    label: "path.degree",
    min: 1,
    max: 8,
    step: 1,
    value: 5,
    onInput: fitStrip,
  });

  onWorkerMessage((message) => {
    if (message.type === "path.strip" && message.run === stripRun) drawStrip(message.result);
    else if (message.type === "error" && message.run === stripRun) showError(message.key, message.params);
  });
  return {
    fit: fitStrip,
    controls: controlGroup("path.stripControls", stripData.element, stripDegree.element),
    section: h(
      "section",
      { class: "strip-section", "aria-labelledby": "strip-title" },
      tx("h3", "path.stripTitle", undefined, { id: "strip-title" }),
      tx("p", "path.stripClaim"),
      stripStatus,
      stripRow,
      h("details", { class: "table-details" }, tx("summary", "lab.dataTable"), stripTable),
    ),
  };
}
