/**
 * The "Try this" panel of a chapter: one button per step, which sets the step's state (as a link
 * would), presses what the step presses, and says what the student should see. The page then
 * watches its own promise: when every check holds it says so (✓), and if the time runs out first it
 * says that too, rather than pretending.
 */
import { applyState } from "./controls.js";
import { h } from "./dom.js";
import { tx } from "./i18n.js";
import { holds, type TryStep } from "./tryStep.js";

const POLL_MS = 150;
const DEFAULT_WITHIN_MS = 10_000;

function outcomeHolds(step: TryStep): boolean {
  return step.outcome.every((check) =>
    holds(
      check,
      document.querySelector(`[data-testid="${check.testId}"]`)?.getAttribute(check.attribute) ?? null,
    ),
  );
}

function tryStep(step: TryStep, index: number): HTMLLIElement {
  const verdict = h("span", { class: "try-verdict", "aria-live": "polite" });
  const item = h(
    "li",
    { class: "try-step", "data-step": step.id },
    tx("button", step.label, undefined, {
      type: "button",
      class: "try-button",
      "data-testid": `try-${step.id}`,
      onclick: () => run(),
    }),
    tx("p", step.promise, undefined, { class: "try-promise" }),
    verdict,
  );
  let watch = 0;
  const run = () => {
    window.clearInterval(watch);
    item.dataset.state = "watching";
    verdict.replaceChildren();
    applyState(step.state);
    if (step.press) {
      const target = document.querySelector<HTMLButtonElement>(`[data-testid="${step.press.testId}"]`);
      // a toggle that is already on stays on: the step wants it running, not paused
      const on = target?.getAttribute("aria-pressed") === "true";
      for (let k = 0; k < step.press.times && !on; k++) target?.click();
    }
    const deadline = performance.now() + (step.within ?? DEFAULT_WITHIN_MS);
    const check = () => {
      const held = outcomeHolds(step);
      if (!held && performance.now() < deadline) return;
      window.clearInterval(watch);
      item.dataset.state = held ? "held" : "not-yet";
      verdict.replaceChildren(tx("span", held ? "lab.try.held" : "lab.try.notYet"));
    };
    watch = window.setInterval(check, POLL_MS);
    check();
  };
  item.style.setProperty("--step", String(index + 1));
  return item;
}

export function tryThisPanel(steps: readonly TryStep[]): HTMLElement {
  return h(
    "div",
    { class: "try-this" },
    tx("h3", "lab.tryThis"),
    h("ol", {}, ...steps.map((step, index) => tryStep(step, index))),
  );
}
