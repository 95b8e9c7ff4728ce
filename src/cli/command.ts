/** What a command is: its option table, its help text keys and the function that runs it. */
import type { MessageKey } from "../i18n/en.js";
import type { Lang, Translator } from "../i18n/translate.js";
import { UsageError } from "./errors.js";
import type { OptionSpec, OptionValue } from "./optionTable.js";

export interface CommandContext {
  lang: Lang;
  t: Translator;
  /** --json: stdout gets one JSON document and nothing else. */
  json: boolean;
  /** Writes results (stdout). */
  out: (text: string) => void;
  /** Writes progress and warnings (stderr); silent under --json. */
  info: (text: string) => void;
  /** stderr is a terminal and --json is off: progress bars may be drawn. */
  interactive: boolean;
}

export interface CommandInput {
  /** Positional arguments, as typed. */
  args: string[];
  /** Normalized option values by camelCase name. */
  options: Record<string, OptionValue | undefined>;
  /** The options typed on the command line (camelCase), as opposed to those left at their defaults. */
  given: ReadonlySet<string>;
}

export interface CommandSpec {
  name: string;
  description: MessageKey;
  /** A variadic positional argument, if the command takes one. */
  argument?: { name: string; description: MessageKey };
  options: readonly OptionSpec[];
  examples: readonly { command: string; description: MessageKey }[];
  run(input: CommandInput, context: CommandContext): Promise<void>;
}

/**
 * Refuses `option` typed beside `other` when it would do nothing there (both camelCase names, as
 * in CommandInput.given): an option the user typed is never silently ignored.
 */
export function refuseTogether(given: ReadonlySet<string>, option: string, other: string): void {
  const flag = (name: string) => `--${name.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)}`;
  if (given.has(option) && given.has(other))
    throw new UsageError("error.ignoredOption", { option: flag(option), other: flag(other) });
}

/** Options every command has. */
export const COMMON_OPTIONS: readonly OptionSpec[] = [
  { name: "lang", kind: "choice", choices: ["en", "zh"], description: "option.lang" },
  { name: "json", kind: "flag", description: "option.json" },
  { name: "debug", kind: "flag", description: "option.debug" },
];

export const OUT_OPTION: OptionSpec = {
  name: "out",
  kind: "path",
  default: "reglab-out",
  description: "option.out",
};
export const FORCE_OPTION: OptionSpec = { name: "force", kind: "flag", description: "option.force" };
/** Where figures go, and whether files of an earlier run may be replaced. */
export const OUTPUT_OPTIONS: readonly OptionSpec[] = [OUT_OPTION, FORCE_OPTION];
/** The target column of a CSV file (train, path, cv). */
export const TARGET_OPTION: OptionSpec = {
  name: "target",
  kind: "path",
  valueName: "column",
  description: "train.option.target",
};
/** What to do with rows that have empty cells (train, path, cv). */
export const NA_OPTION: OptionSpec = {
  name: "na",
  kind: "choice",
  choices: ["error", "drop"],
  default: "error",
  description: "train.option.na",
};
/**
 * No progress bar on stderr. Shared by train, path and cv; kept here, not in a command's module, so
 * `path` and `cv` do not load the network trainer and its plotting (half a second of start-up).
 */
export const QUIET_OPTION: OptionSpec = { name: "quiet", kind: "flag", description: "train.option.quiet" };
export const SEED_OPTION: OptionSpec = {
  name: "seed",
  kind: "integer",
  default: 1,
  min: 0,
  description: "option.seed",
};
export const SATURATION_OPTION: OptionSpec = {
  name: "saturation",
  kind: "number",
  default: 0.01,
  min: 0,
  exclusiveMin: true,
  max: 0.25,
  description: "option.saturation",
};
