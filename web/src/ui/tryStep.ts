/**
 * A chapter's "Try this" step as data: the state it sets, what it then presses, and the outcome it
 * promises — both in words (a catalog key) and as checks on the page's data attributes, so one
 * browser test walks every step of every chapter and holds the page to its word. No DOM here: the
 * story tests import this module in Node.
 */
import type { LabKey } from "../../../src/i18n/lab.js";

export type ControlValue = number | string | boolean;

/** A comparison of an element's data attribute (the element found by its data-testid). */
export interface Check {
  testId: string;
  /** The attribute's name, e.g. "data-status". */
  attribute: string;
  op: "=" | "<" | "<=" | ">" | ">=";
  value: number | string;
}

export interface TryStep {
  /** Unique on the page: "stepper.stall". */
  id: string;
  /** The button's words. */
  label: LabKey;
  /** What the student should see: the promise, in words. */
  promise: LabKey;
  /** Controls it sets, by their URL key (the values a link would hold). */
  state: Readonly<Record<string, ControlValue>>;
  /** Then presses this button (by data-testid) so many times. */
  press?: { testId: string; times: number };
  /** The promise, as checks that must all hold. */
  outcome: readonly Check[];
  /** How long the outcome may take to appear, in ms (training takes a while); default 10 s. */
  within?: number;
}

export interface Chapter {
  /** The chapter's id (its section's id and its `only=` key). */
  id: string;
  steps: readonly TryStep[];
}

/** Does an attribute's text satisfy a check? Numbers compare as numbers; a missing value never does. */
export function holds(check: Check, text: string | null): boolean {
  if (text === null || text === "") return false;
  if (typeof check.value === "string") return check.op === "=" && text === check.value;
  const value = Number(text);
  if (!Number.isFinite(value)) return false;
  switch (check.op) {
    case "=":
      return value === check.value;
    case "<":
      return value < check.value;
    case "<=":
      return value <= check.value;
    case ">":
      return value > check.value;
    case ">=":
      return value >= check.value;
  }
}

/** Does a control's current value already equal what a step sets? (Numbers to 1e-9, relatively.) */
export function sameValue(current: ControlValue, wanted: ControlValue): boolean {
  if (typeof wanted === "number" && typeof current === "number")
    return Math.abs(current - wanted) <= 1e-9 * Math.max(Math.abs(current), Math.abs(wanted));
  if (typeof wanted === "boolean") return current === wanted || current === (wanted ? "1" : "0");
  return String(current) === String(wanted);
}

/**
 * Teacher mode: the hidden controls a step would change — the step's keys a lesson hides whose
 * value differs from what the step sets, and the key of the button it presses when that is hidden.
 * A hidden control holds what the lesson fixed, which a student can neither see nor undo, so a step
 * that moves it is left out of the lesson; a step that sets a hidden control to the value it already
 * holds changes nothing there and stays (hiding dropout at 0 keeps the "overfit" step).
 */
export function hiddenChanges(
  step: TryStep,
  isHidden: (key: string) => boolean,
  currentValue: (key: string) => ControlValue | undefined,
  /** The control key of the button the step presses, if it has one. */
  pressedControl?: string | null,
): string[] {
  const changed = Object.entries(step.state)
    .filter(([key, wanted]) => {
      if (!isHidden(key)) return false;
      const current = currentValue(key);
      return current === undefined || !sameValue(current, wanted);
    })
    .map(([key]) => key);
  if (pressedControl && isHidden(pressedControl)) changed.push(pressedControl);
  return changed;
}
