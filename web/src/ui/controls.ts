/**
 * Form controls bound to the URL state: a labelled slider (linear or log scale) that shows and
 * announces its value, a select, a checkbox and a button. Every control is a native element
 * (keyboard and screen readers work out of the box) wrapped in `[data-control=key]`, which is what
 * teacher mode hides.
 */
import { formatNumber } from "../../../src/i18n/format.js";
import type { LabKey } from "../../../src/i18n/lab.js";
import { h, uniqueId } from "./dom.js";
import { t, tx } from "./i18n.js";
import { isHidden, readBoolean, readChoice, readNumber, write } from "./state.js";

type ControlValue = number | string | boolean;

/**
 * Every control by its URL key, so a "Try this" step can set controls as a link would (and teacher
 * mode can ask what a hidden control holds).
 */
const registry = new Map<string, { set(value: ControlValue): void; get(): ControlValue }>();

/** Sets controls by key, each running its own handler (as if the student had moved it). */
export function applyState(state: Readonly<Record<string, ControlValue>>): void {
  for (const [key, value] of Object.entries(state)) {
    const control = registry.get(key);
    if (!control) throw new Error(`no control with the key ${key}`);
    control.set(value);
  }
}

/** A control's current value by its key (undefined when no control has that key). */
export function controlValue(key: string): ControlValue | undefined {
  return registry.get(key)?.get();
}

function wrapper(key: string, ...children: Node[]): HTMLDivElement {
  const element = h("div", { class: "control", "data-control": key }, ...children);
  if (isHidden(key)) element.hidden = true;
  return element;
}

export interface Slider {
  element: HTMLDivElement;
  input: HTMLInputElement;
  value(): number;
  /** Sets the value (and the URL); `notify` also runs onInput. */
  set(value: number, notify?: boolean): void;
}

export interface SliderSpec {
  key: string;
  label: LabKey;
  min: number;
  max: number;
  value: number;
  scale?: "linear" | "log";
  /** Linear sliders: the step. */
  step?: number;
  /** A slider over a list of allowed values (ascending): its positions are the list's entries. */
  values?: readonly number[];
  format?: (value: number) => string;
  onInput: (value: number) => void;
}

const LOG_POSITIONS = 1000;

export function slider(spec: SliderSpec): Slider {
  const { key, min, max, scale = "linear", step = (max - min) / 100, format = formatNumber, values } = spec;
  const id = uniqueId(key.replace(/\W/g, "-"));
  const log = scale === "log";
  const [lowLog, highLog] = [Math.log10(min), Math.log10(max)];
  const nearest = (v: number) =>
    values!.reduce((best, value, k) => (Math.abs(value - v) < Math.abs(values![best]! - v) ? k : best), 0);
  const toPosition = (v: number) =>
    values
      ? nearest(v)
      : log
        ? Math.round(((Math.log10(v) - lowLog) / (highLog - lowLog)) * LOG_POSITIONS)
        : v;
  const fromPosition = (position: number) =>
    values
      ? values[position]!
      : log
        ? Number((10 ** (lowLog + (position / LOG_POSITIONS) * (highLog - lowLog))).toPrecision(3))
        : position;
  const snap = (v: number) => (values ? values[nearest(v)]! : v);
  let current = snap(readNumber(key, spec.value, min, max));
  const input = h("input", {
    id,
    type: "range",
    min: values || log ? 0 : min,
    max: values ? values.length - 1 : log ? LOG_POSITIONS : max,
    step: values || log ? 1 : step,
    value: toPosition(current),
  });
  const output = h("output", { for: id, text: format(current) });
  const show = () => {
    output.textContent = format(current);
    input.setAttribute("aria-valuetext", format(current));
  };
  show();
  input.addEventListener("input", () => {
    current = fromPosition(Number(input.value));
    write(key, current, spec.value);
    show();
    spec.onInput(current);
  });
  const label = tx("label", spec.label, undefined, { for: id });
  const element = wrapper(key, h("div", { class: "control-row" }, label, output), input);
  const result: Slider = {
    element,
    input,
    value: () => current,
    set(value, notify = false) {
      current = snap(Math.min(max, Math.max(min, value)));
      input.value = String(toPosition(current));
      write(key, current, spec.value);
      show();
      if (notify) spec.onInput(current);
    },
  };
  registry.set(key, { set: (value) => result.set(Number(value), true), get: result.value });
  return result;
}

export interface Choice<T extends string> {
  element: HTMLDivElement;
  value(): T;
  set(value: T, notify?: boolean): void;
}

export function select<T extends string>(spec: {
  key: string;
  label: LabKey;
  options: readonly { value: T; label: LabKey }[];
  value: T;
  onChange: (value: T) => void;
}): Choice<T> {
  const id = uniqueId(spec.key.replace(/\W/g, "-"));
  let current = readChoice(
    spec.key,
    spec.options.map((o) => o.value),
    spec.value,
  );
  const element = h(
    "select",
    { id },
    ...spec.options.map((option) =>
      h("option", { value: option.value, "data-i18n": option.label, text: t(option.label) }),
    ),
  );
  element.value = current;
  element.addEventListener("change", () => {
    current = element.value as T;
    write(spec.key, current, spec.value);
    spec.onChange(current);
  });
  const result: Choice<T> = {
    element: wrapper(spec.key, tx("label", spec.label, undefined, { for: id }), element),
    value: () => current,
    set(value, notify = false) {
      current = value;
      element.value = value;
      write(spec.key, current, spec.value);
      if (notify) spec.onChange(current);
    },
  };
  registry.set(spec.key, { set: (value) => result.set(String(value) as T, true), get: result.value });
  return result;
}

export interface Toggle {
  element: HTMLDivElement;
  value(): boolean;
  set(value: boolean, notify?: boolean): void;
}

export function checkbox(spec: {
  key: string;
  label: LabKey;
  value: boolean;
  onChange: (value: boolean) => void;
}): Toggle {
  const id = uniqueId(spec.key.replace(/\W/g, "-"));
  let current = readBoolean(spec.key, spec.value);
  const input = h("input", { id, type: "checkbox" });
  input.checked = current;
  input.addEventListener("change", () => {
    current = input.checked;
    write(spec.key, current, spec.value);
    spec.onChange(current);
  });
  const result: Toggle = {
    element: wrapper(
      spec.key,
      h("div", { class: "control-check" }, input, tx("label", spec.label, undefined, { for: id })),
    ),
    value: () => current,
    set(value, notify = false) {
      current = value;
      input.checked = value;
      write(spec.key, current, spec.value);
      if (notify) spec.onChange(current);
    },
  };
  registry.set(spec.key, {
    set: (value) => result.set(value === true || value === "1", true),
    get: result.value,
  });
  return result;
}

export function button(
  label: LabKey,
  onClick: () => void,
  props: Record<string, unknown> = {},
): HTMLButtonElement {
  return tx("button", label, undefined, { type: "button", ...props, onclick: onClick });
}

/** A row of buttons under one control key (hidden together in teacher mode). */
export function buttonRow(key: string, label: LabKey, ...buttons: HTMLButtonElement[]): HTMLDivElement {
  const group = h("div", { class: "button-row", role: "group" }, ...buttons);
  const heading = tx("span", label, undefined, { class: "control-label" });
  group.setAttribute("aria-label", heading.textContent ?? "");
  group.dataset.i18nLabel = label;
  return wrapper(key, heading, group);
}

/**
 * A file picker whose visible parts are ours (a translated button and the chosen file's name): the
 * browser's own "Choose File" text follows the browser's language, not the page's.
 */
export function filePicker(spec: {
  key: string;
  label: LabKey;
  button: LabKey;
  testId: string;
  onFile: (file: File) => void;
}): { element: HTMLDivElement; input: HTMLInputElement; showName(text: string): void } {
  const id = uniqueId(spec.key.replace(/\W/g, "-"));
  const input = h("input", {
    id,
    type: "file",
    accept: ".csv,text/csv",
    class: "visually-hidden",
    "data-testid": spec.testId,
  });
  const name = h("span", { class: "small file-name" });
  input.addEventListener("change", () => {
    const file = input.files?.[0];
    if (file) {
      name.textContent = file.name;
      spec.onFile(file);
    }
    input.value = ""; // the same file may be chosen again after it was fixed
  });
  const element = wrapper(
    spec.key,
    tx("span", spec.label, undefined, { class: "control-label-plain" }),
    h(
      "div",
      { class: "file-row" },
      tx("label", spec.button, undefined, { for: id, class: "file-button" }),
      name,
    ),
    input,
  );
  return { element, input, showName: (text) => (name.textContent = text) };
}
