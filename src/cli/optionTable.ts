/**
 * A declarative table of a command's options: one row drives the parser (commander), the
 * validation and the --help text, so the three cannot drift apart. Values arrive as strings and
 * are normalized here once; commands receive finished numbers, lists and paths.
 */
import type { MessageKey } from "../i18n/en.js";
import { formatNumber } from "../i18n/format.js";
import type { Translator } from "../i18n/translate.js";
import { UsageError } from "./errors.js";

export type OptionValue = number | string | boolean | number[];

interface BaseOption {
  /** Long name without dashes, e.g. "x-min"; the value is stored under its camelCase, "xMin". */
  name: string;
  description: MessageKey;
}

export interface NumberOption extends BaseOption {
  kind: "number" | "integer";
  default?: number;
  /** Inclusive bounds; `exclusiveMin` makes the lower one strict. */
  min?: number;
  max?: number;
  exclusiveMin?: boolean;
}

export interface ListOption extends BaseOption {
  kind: "numberList";
  default: readonly number[];
  min?: number;
  exclusiveMin?: boolean;
  /** Whole numbers only (e.g. layer widths). */
  integer?: boolean;
  /** Inclusive upper bound of every value. */
  max?: number;
}

export interface TextOption extends BaseOption {
  kind: "choice" | "path";
  default?: string;
  choices?: readonly string[];
  /** What the value names, shown in help: "file", "column" (default "dir"). */
  valueName?: string;
}

export interface FlagOption extends BaseOption {
  kind: "flag";
}

export type OptionSpec = NumberOption | ListOption | TextOption | FlagOption;

export const camelCase = (name: string) => name.replace(/-([a-z])/g, (_, ch: string) => ch.toUpperCase());

/** "--x-min <number>" as shown in help and given to commander. */
export function optionFlags(spec: OptionSpec): string {
  switch (spec.kind) {
    case "flag":
      return `--${spec.name}`;
    case "numberList":
      return `--${spec.name} <list>`;
    case "choice":
      return `--${spec.name} <${(spec.choices ?? []).join("|")}>`;
    case "path":
      return `--${spec.name} <${spec.valueName ?? "dir"}>`;
    default:
      return `--${spec.name} <${spec.kind === "integer" ? "n" : "number"}>`;
  }
}

export function defaultText(spec: OptionSpec): string | undefined {
  if (spec.kind === "flag" || spec.default === undefined) return undefined;
  if (Array.isArray(spec.default)) return spec.default.map((v) => formatNumber(v)).join(",");
  return typeof spec.default === "number" ? String(spec.default) : String(spec.default);
}

/** Parses one number, naming `what` in the error: rejects '', 'abc', '1e', NaN and ±Infinity. */
export function parseNumber(raw: string, what: string): number {
  const trimmed = raw.trim();
  // decimal notation only, as in a CSV: Number() alone would take 0x1F, 0b1 and 1_000
  const decimal = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$|^[+-]?inf(inity)?$/i.test(trimmed);
  const value = decimal ? Number(trimmed.replace(/^([+-]?)inf(inity)?$/i, "$1Infinity")) : Number.NaN;
  if (Number.isNaN(value)) throw new UsageError("error.notANumber", { what, value: raw });
  if (!Number.isFinite(value)) throw new UsageError("error.notFinite", { what, value: raw });
  return value;
}

function checkBounds(value: number, spec: NumberOption | ListOption, what: string, raw: string): void {
  const tooLow = spec.min !== undefined && (spec.exclusiveMin ? value <= spec.min : value < spec.min);
  const wholeNumbers = spec.kind === "integer" || (spec.kind === "numberList" && spec.integer === true);
  if (wholeNumbers && (!Number.isSafeInteger(value) || tooLow)) {
    throw new UsageError("error.notInteger", { what, value: raw, min: spec.min ?? 0 });
  }
  const max = spec.max;
  const tooHigh = max !== undefined && value > max;
  if (!tooLow && !tooHigh) return;
  if (spec.min === 0 && max === undefined) {
    throw new UsageError(spec.exclusiveMin ? "error.notPositive" : "error.notNonNegative", {
      what,
      value: raw,
    });
  }
  const key = spec.exclusiveMin ? "error.outOfRangeExclusive" : "error.outOfRange";
  throw new UsageError(key, { what, value: raw, min: spec.min ?? "−∞", max: max ?? "∞" });
}

/** Turns one raw option value into its typed value, or throws a UsageError that says what to do. */
export function normalizeOption(
  spec: OptionSpec,
  raw: string | boolean | undefined,
  t: Translator,
): OptionValue | undefined {
  const what = t("what.option", { option: `--${spec.name}` });
  if (spec.kind === "flag") return raw === true;
  if (raw === undefined || typeof raw === "boolean") {
    if (spec.default === undefined) return undefined;
    return spec.kind === "numberList" ? [...spec.default] : spec.default;
  }
  switch (spec.kind) {
    case "number":
    case "integer": {
      const value = parseNumber(raw, what);
      checkBounds(value, spec, what, raw);
      return value;
    }
    case "numberList": {
      const parts = raw.split(",");
      if (parts.every((part) => part.trim() === "")) throw new UsageError("error.emptyList", { what });
      // "8,,8" or "8,8,": refused, not read as 8,8 (a value silently lost changes the network)
      if (parts.some((part) => part.trim() === ""))
        throw new UsageError("error.emptyListItem", { what, value: raw });
      return parts.map((part) => {
        const value = parseNumber(part, what);
        checkBounds(value, spec, what, part);
        return value;
      });
    }
    case "choice":
      if (spec.choices && !spec.choices.includes(raw)) {
        throw new UsageError("error.badChoice", { what, value: raw, choices: spec.choices.join(", ") });
      }
      return raw;
    case "path":
      return raw;
  }
}
