/**
 * The path chapter's view: the coefficient path and the cross-validation curve (each with its data
 * table), the status line whose data attributes carry λ.min, λ.1se and the model's size, the model
 * table at the chosen λ, the class menu of a multinomial path, and the error box. It draws a fitted
 * path at a cursor position; the wiring (pathExplorer.ts) decides which and when.
 */
import type { GlmPath } from "../../../src/glm/glmPath.js";
import { formatNumber, formatShare } from "../../../src/i18n/format.js";
import { cvFigure, cvPanel, pathFigure, pathPanel } from "../../../src/plot/glmFigures.js";
import { h, uniqueId } from "../ui/dom.js";
import { figureBlock } from "../ui/figure.js";
import { anyMessage, figureTranslator, t, tx } from "../ui/i18n.js";
import { isHidden, readString, write } from "../ui/state.js";
import type { PathResult } from "../worker/protocol.js";
import type { ScaledPanel } from "./lambdaCursor.js";
import { drawModelTable } from "./pathModelTable.js";
import { cursorAt } from "./pathState.js";

export type PathView = ReturnType<typeof pathView>;

export function pathView(
  /** The result on screen and the λ chosen (for saving the figures). */
  current: () => { result: PathResult | null; lambda: number },
  /** Another class chosen for the figure of a multinomial path. */
  onClassChange: () => void,
) {
  const pathBlock = figureBlock("path", "path.pathFigure", () => {
    const { result, lambda } = current();
    return result ? pathFigure(result.cv.path, figureTranslator(), document, lambda) : "";
  });
  const cvBlock = figureBlock("cv", "path.cvFigure", () => {
    const { result, lambda } = current();
    return result ? cvFigure(result.cv, figureTranslator(), document, lambda) : "";
  });
  const status = h("p", { class: "status", "data-testid": "path-status" });
  const errorBox = h("div", { class: "error", role: "alert", hidden: true, "data-testid": "path-error" });
  const modelTable = h("table", { class: "data-table coefficients", "data-testid": "path-model" });

  /** Multinomial paths: which class's coefficients the figure draws (the table shows them all). */
  const classSelect = h("select", { id: uniqueId("path-class"), "data-testid": "path-class" });
  const classControl = h(
    "div",
    { class: "control", "data-control": "path.class", hidden: true },
    tx("label", "path.class", undefined, { for: classSelect.id }),
    classSelect,
  );
  classSelect.addEventListener("change", () => {
    write("path.class", classSelect.value, "0");
    onClassChange();
  });

  return {
    classControl,
    /** The path figure's box (the λ cursor is dragged on it). */
    pathChart: pathBlock.chart,
    elements: [
      errorBox,
      status,
      pathBlock.element,
      cvBlock.element,
      h("div", { class: "model-table" }, modelTable),
    ],
    fitting() {
      errorBox.hidden = true;
      status.textContent = t("path.fitting");
      status.dataset.state = "fitting";
    },
    showError(key: string, params: Record<string, string | number>) {
      errorBox.textContent = anyMessage(key, params);
      errorBox.hidden = false;
      status.textContent = "";
      status.dataset.state = "error";
    },
    /** A new path: the class menu offers its classes (multinomial only), the link's class chosen. */
    showClasses(path: GlmPath) {
      classControl.hidden = path.family !== "multinomial" || isHidden("path.class");
      if (path.family !== "multinomial") return;
      const wanted = readString("path.class") ?? "0";
      classSelect.replaceChildren(
        ...path.classes.map((label, c) =>
          h("option", { value: String(c), text: t("path.classColumn", { label: formatNumber(label) }) }),
        ),
      );
      classSelect.value = Number(wanted) < path.classes.length ? wanted : "0";
    },
    /** Draws the path at cursor position `k`; returns the summary and the path panel drawn. */
    render(result: PathResult, k: number): { summary: string; panel: ScaledPanel } {
      const { cv } = result;
      const path = cv.path;
      const lambda = cv.lambda[k]!;
      const translate = figureTranslator();
      const multinomial = path.family === "multinomial";
      const classIndex = multinomial ? Math.min(Number(classSelect.value) || 0, path.classes.length - 1) : 0;
      const panel = pathPanel(path, translate, document, lambda, classIndex);
      pathBlock.setSvg(panel as Element);
      cvBlock.setSvg(cvPanel(cv, translate, document, lambda) as Element);
      const nonzero = drawModelTable(modelTable, path, lambda);
      const nearest = path.lambda.findIndex((l) => l <= lambda);
      const summary = t("path.summary", {
        lambda: formatNumber(lambda),
        nonzero,
        dev: formatShare(path.devRatio[Math.max(0, nearest)] ?? 0),
        cvm: formatNumber(cv.cvm[k]!),
        min: formatNumber(cv.lambdaMin),
        oneSe: formatNumber(cv.lambdaOneSe),
      });
      status.textContent = summary;
      status.dataset.state = "done";
      status.dataset.family = path.family;
      status.dataset.lambdaMin = String(cv.lambdaMin);
      status.dataset.lambdaOneSe = String(cv.lambdaOneSe);
      status.dataset.nonzero = String(nonzero);
      status.dataset.at = cursorAt(cv, k);
      const drawn = multinomial ? path.beta[classIndex]! : path.beta;
      pathBlock.setTable(
        [t("path.lambda"), ...path.featureNames],
        path.lambda
          .map((l, i) => [formatNumber(l), ...drawn[i]!.map((b) => formatNumber(b))])
          .filter((_, i) => i % 10 === 0),
      );
      cvBlock.setTable(
        [t("path.lambda"), t("path.cvm"), t("path.cvsd")],
        cv.lambda.map((l, i) => [formatNumber(l), formatNumber(cv.cvm[i]!), formatNumber(cv.cvsd[i]!)]),
      );
      return { summary, panel: panel as ScaledPanel };
    },
  };
}
