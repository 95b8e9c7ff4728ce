/**
 * The "Try this" panel of a chapter: one button per step, which sets the step's state (as a link
 * would), presses what the step presses, and says what the student should see. The page then
 * watches its own promise: when every check holds it says so (✓), and if the time runs out first it
 * says that too, rather than pretending.
 *
 * In teacher mode a step that would change a control the lesson hides is left out (see
 * tryStep.hiddenChanges for why), and the panel says which settings the lesson keeps fixed.
 */
import { applyState, controlValue } from "./controls.js";
import { h } from "./dom.js";
import { tx } from "./i18n.js";
import { isHidden, teacherMode } from "./state.js";
import { hiddenChanges, holds, type TryStep } from "./tryStep.js";

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

/** Every panel built, with its steps, for teacher mode to look at once the controls exist. */
const panels: { panel: HTMLElement; note: HTMLElement; steps: { step: TryStep; item: HTMLElement }[] }[] = [];

export function tryThisPanel(steps: readonly TryStep[]): HTMLElement {
  const built = steps.map((step, index) => ({ step, item: tryStep(step, index) }));
  const note = h("p", { class: "small try-left-out", "data-testid": "try-left-out", hidden: true });
  const panel = h(
    "div",
    { class: "try-this" },
    tx("h3", "lab.tryThis"),
    h("ol", {}, ...built.map(({ item }) => item)),
    note,
  );
  panels.push({ panel, note, steps: built });
  return panel;
}

/**
 * Teacher mode, once every chapter is built (a step's controls must exist to be read): leaves out
 * the steps that would change a hidden control, numbers the others 1, 2, …, names the fixed settings
 * under the steps that remain, and hides a panel with no step left.
 */
export function leaveOutStepsBeyondTheLesson(): void {
  if (!teacherMode()) return;
  for (const { panel, note, steps } of panels) {
    const fixed = new Set<string>();
    let shown = 0;
    for (const { step, item } of steps) {
      const pressed = step.press
        ? document
            .querySelector(`[data-testid="${step.press.testId}"]`)
            ?.closest("[data-control]")
            ?.getAttribute("data-control")
        : null;
      const changes = hiddenChanges(step, isHidden, controlValue, pressed);
      for (const key of changes) fixed.add(key);
      // a hidden <li> is not counted: the list numbers the steps shown 1, 2, …
      item.hidden = changes.length > 0;
      if (!item.hidden) shown++;
    }
    if (fixed.size === 0) continue;
    note.replaceChildren(tx("span", "lab.try.leftOut", { keys: [...fixed].join(", ") }));
    note.hidden = false;
    panel.hidden = shown === 0;
  }
}
