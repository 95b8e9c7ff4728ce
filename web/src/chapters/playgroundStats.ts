/**
 * The playground's numbers for the latest epoch — losses, their gap, accuracies, sensitivity and
 * each hidden layer's saturated share — as a definition list. Its data attributes carry the exact
 * values (the story tests and the "Try this" checks read them).
 */
import { formatNumber, formatShare } from "../../../src/i18n/format.js";
import type { LabKey } from "../../../src/i18n/lab.js";
import type { EpochDiagnostics } from "../../../src/nn/trainer.js";
import { h } from "../ui/dom.js";
import { t } from "../ui/i18n.js";

export interface PlaygroundStats {
  element: HTMLElement;
  /**
   * Shows an epoch's numbers. The data attributes are written every time; the text only when
   * `showText` (text that changes re-lays out and repaints the list: while training it is shown
   * ten times a second, which is all an eye can read — playgroundFrames decides).
   */
  draw(d: EpochDiagnostics, epoch: number, showText?: boolean): void;
}

export function playgroundStats(): PlaygroundStats {
  const element = h("dl", { class: "stats", "data-testid": "playground-stats" });
  let layout = "";
  const draw = (d: EpochDiagnostics, epoch: number, showText = true) => {
    element.dataset.trainLoss = String(d.trainLoss);
    element.dataset.testLoss = String(d.testLoss);
    element.dataset.gap = String(d.testLoss - d.trainLoss);
    element.dataset.epoch = String(epoch);
    element.dataset.weightNorm = String(
      Math.sqrt(d.layers.reduce((sum, layer) => sum + layer.weightNorm ** 2, 0)),
    );
    if (!showText) return;
    const entries: [LabKey, string, string][] = [
      ["playground.epoch", String(epoch), "epoch"],
      ["playground.trainLoss", formatNumber(d.trainLoss), "trainLoss"],
      ["playground.testLoss", formatNumber(d.testLoss), "testLoss"],
      ["playground.gap", formatNumber(d.gap), "gap"],
      ["playground.trainAccuracy", formatShare(d.trainAccuracy), "trainAccuracy"],
      ["playground.testAccuracy", formatShare(d.testAccuracy), "testAccuracy"],
      ["playground.sensitivity", formatNumber(d.sensitivity), "sensitivity"],
    ];
    const saturation = d.layers
      .slice(0, -1)
      .map((layer) => `${t("playground.layer", { layer: layer.layer })} ${formatShare(layer.saturatedShare)}`)
      .join(" · ");
    // the list is built once per language and layer count; every frame after that only changes
    // the numbers' text (this runs up to 60 times a second while training)
    const wanted = `${t("playground.epoch")}|${d.layers.length}`;
    if (wanted !== layout) {
      layout = wanted;
      element.replaceChildren(
        ...entries.map(([key, , id]) =>
          h("div", {}, h("dt", { text: t(key) }), h("dd", { "data-stat": id })),
        ),
        h(
          "div",
          { class: "wide" },
          h("dt", { text: t("playground.saturation") }),
          h("dd", { "data-stat": "saturation" }),
        ),
      );
    }
    for (const [, value, id] of [...entries, ["", saturation || "—", "saturation"] as const]) {
      const cell = element.querySelector(`[data-stat="${id}"]`)!;
      // an unchanged number is not written again: no layout for it
      if (cell.textContent !== value) cell.textContent = value;
    }
  };
  return { element, draw };
}
