/**
 * The path chapter's λ cursor: a slider over the path's λ values (keyboard), and dragging on the
 * path figure (its panel's x scale maps pixels to ln λ). Every move is written to the URL as λ and
 * reported to the chapter, which redraws.
 */
import { formatNumber } from "../../../src/i18n/format.js";
import { h, uniqueId } from "../ui/dom.js";
import { tx } from "../ui/i18n.js";
import { isHidden, write } from "../ui/state.js";
import { nearestIndex } from "./pathState.js";

/** A Plot panel: an <svg> that knows its scales. */
export type ScaledPanel = SVGSVGElement & { scale: (name: string) => { invert: (v: number) => number } };

export function lambdaCursor(onMove: () => void) {
  const id = uniqueId("lambda-cursor");
  const input = h("input", {
    id,
    type: "range",
    min: 0,
    max: 99,
    step: 1,
    value: 0,
    "data-testid": "lambda-cursor",
  });
  const output = h("output", { for: id });
  const control = h(
    "div",
    { class: "control", "data-control": "path.k" },
    h("div", { class: "control-row" }, tx("label", "path.cursor", undefined, { for: id }), output),
    input,
  );
  if (isHidden("path.k")) control.hidden = true;
  let lambdas: readonly number[] = [];
  let panel: ScaledPanel | null = null;

  const moveTo = (index: number) => {
    if (lambdas.length === 0) return;
    input.value = String(Math.max(0, Math.min(lambdas.length - 1, index)));
    write("path.lambda", formatNumber(lambdas[Number(input.value)]!), "");
    onMove();
  };
  input.addEventListener("input", () => moveTo(Number(input.value)));

  const dragTo = (event: PointerEvent) => {
    if (!panel || lambdas.length === 0) return;
    const rect = panel.getBoundingClientRect();
    const width = Number(panel.getAttribute("width")) || rect.width;
    const logLambda = panel.scale("x").invert(((event.clientX - rect.left) * width) / rect.width);
    const best = nearestIndex(lambdas, Math.exp(logLambda));
    if (String(best) !== input.value) moveTo(best);
  };

  return {
    control,
    index: () => Number(input.value),
    /** A new path: its λ values, the cursor at `index` (not written to the URL: nothing moved). */
    setPath(values: readonly number[], index: number) {
      lambdas = values;
      input.max = String(values.length - 1);
      input.value = String(index);
    },
    /** Shows λ beside the slider and to screen readers. */
    show(lambda: number) {
      output.textContent = `λ = ${formatNumber(lambda)}`;
      input.setAttribute("aria-valuetext", `λ = ${formatNumber(lambda)}`);
    },
    moveTo,
    /** The panel now drawn (its scale is what a drag inverts). */
    setPanel(current: ScaledPanel) {
      panel = current;
    },
    /**
     * Dragging on `container` moves the cursor. The listeners sit on the figure's container, which
     * stays while the panel inside is redrawn.
     */
    dragOn(container: HTMLElement) {
      container.style.cursor = "ew-resize";
      container.style.touchAction = "none";
      container.addEventListener("pointerdown", (event) => {
        container.setPointerCapture(event.pointerId);
        dragTo(event);
        container.addEventListener("pointermove", dragTo);
        container.addEventListener("pointerup", () => container.removeEventListener("pointermove", dragTo), {
          once: true,
        });
      });
    },
  };
}
