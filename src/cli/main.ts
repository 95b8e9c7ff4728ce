/**
 * The reglab command line: picks the language, parses argv against the commands' option tables
 * (with commander), runs the command, and turns every failure into an exit code and one clear line.
 * Exit codes: 0 success, 1 unexpected failure, 2 usage error (the user can fix it).
 */
import type { CommanderError } from "commander";
import { DataError } from "../data/dataError.js";
import type { MessageKey } from "../i18n/en.js";
import { type Lang, langFromLocale, type Translator, translator } from "../i18n/translate.js";
import { COMMON_OPTIONS, type CommandContext, type CommandSpec } from "./command.js";
import { EXIT_FAILURE, EXIT_SUCCESS, EXIT_USAGE, UsageError } from "./errors.js";
import { commandHelp, programHelp } from "./help.js";
import { camelCase, normalizeOption, type OptionValue, optionFlags } from "./optionTable.js";
import { forgetInputs } from "./safeWrite.js";
import { reglabVersion } from "./version.js";

/**
 * The commands, each loaded only when it runs (its module brings the plotting, fonts and kernels it
 * needs): `reglab --version`, `--help` and a usage error start without any of them.
 */
export interface CommandEntry {
  name: string;
  description: MessageKey;
  load: () => Promise<CommandSpec>;
}

export const COMMANDS: readonly CommandEntry[] = [
  {
    name: "sigmoid",
    description: "sigmoid.description",
    load: async () => (await import("./commands/sigmoid.js")).sigmoidCommand,
  },
  {
    name: "descend",
    description: "descend.description",
    load: async () => (await import("./commands/descend.js")).descendCommand,
  },
  {
    name: "train",
    description: "train.description",
    load: async () => (await import("./commands/train.js")).trainCommand,
  },
  {
    name: "experiment",
    description: "experiment.description",
    load: async () => (await import("./commands/experiment.js")).experimentCommand,
  },
  {
    name: "path",
    description: "path.description",
    load: async () => (await import("./commands/path.js")).pathCommand,
  },
  {
    name: "cv",
    description: "cv.description",
    load: async () => (await import("./commands/cv.js")).cvCommand,
  },
  {
    name: "predict",
    description: "predict.description",
    load: async () => (await import("./commands/predict.js")).predictCommand,
  },
  {
    name: "article",
    description: "article.description",
    load: async () => (await import("./commands/article.js")).articleCommand,
  },
];

export interface Streams {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  env: Record<string, string | undefined>;
  stderrIsTerminal: boolean;
}

const processStreams: Streams = {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  env: process.env,
  stderrIsTerminal: Boolean(process.stderr.isTTY),
};

/** The language: --lang if given (and valid), else REGLAB_LANG, LC_ALL, LC_MESSAGES or LANG. */
function chooseLang(argv: readonly string[], env: Streams["env"]): Lang {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const value = arg.startsWith("--lang=") ? arg.slice(7) : arg === "--lang" ? argv[i + 1] : undefined;
    if (value === "en" || value === "zh") return value;
  }
  return langFromLocale(env.REGLAB_LANG || env.LC_ALL || env.LC_MESSAGES || env.LANG);
}

/** Maps commander's parse errors onto our translated messages. */
function usageErrorFrom(
  error: CommanderError,
  command: string,
  t: Translator,
  operands: readonly string[] = [],
): UsageError {
  const quoted = /'([^']*)'/.exec(error.message)?.[1] ?? "";
  switch (error.code) {
    case "commander.unknownOption":
      return new UsageError("error.unknownOption", { option: quoted }, command);
    case "commander.optionMissingArgument":
      return new UsageError("error.missingValue", { option: quoted.split(" ")[0] ?? quoted }, command);
    case "commander.excessArguments":
      // (commander's message names the command, not the argument: the parsed operands do)
      return new UsageError("error.tooManyArguments", { command, argument: operands[0] ?? quoted }, command);
    case "commander.unknownCommand":
      return new UsageError(
        "error.unknownCommand",
        { command: quoted, commands: COMMANDS.map((c) => c.name).join(", ") },
        "reglab",
      );
    default:
      return new UsageError("error.internal", { message: t("error.hint", { command }) }, command);
  }
}

async function parseCommand(spec: CommandSpec, argv: string[], t: Translator) {
  const { Command, CommanderError } = await import("commander");
  const parser = new Command(spec.name)
    .exitOverride()
    .helpOption(false)
    .allowExcessArguments(false)
    .configureOutput({ writeOut: () => {}, writeErr: () => {}, outputError: () => {} });
  if (spec.argument) parser.argument(`[${spec.argument.name}...]`);
  const options = [...spec.options, ...COMMON_OPTIONS];
  for (const option of options) parser.option(optionFlags(option));
  // an option given twice: commander keeps the last, the language chooser the first — refuse it
  const seen = new Set<string>();
  for (const arg of argv) {
    if (!arg.startsWith("--")) continue;
    const flag = arg.split("=")[0]!;
    if (seen.has(flag) && options.some((option) => `--${option.name}` === flag))
      throw new UsageError("error.repeatedOption", { option: flag }, `reglab ${spec.name}`);
    seen.add(flag);
  }
  try {
    parser.parse(argv, { from: "user" });
  } catch (error) {
    if (error instanceof CommanderError) throw usageErrorFrom(error, `reglab ${spec.name}`, t, parser.args);
    throw error;
  }
  const raw = parser.opts() as Record<string, string | boolean | undefined>;
  const values: Record<string, OptionValue | undefined> = {};
  const given = new Set<string>();
  for (const option of options) {
    // commander turns --no-x into x = false (default true)
    const negated = option.kind === "flag" && option.name.startsWith("no-");
    const value = negated ? raw[camelCase(option.name.slice(3))] === false : raw[camelCase(option.name)];
    values[camelCase(option.name)] = normalizeOption(option, value, t);
    // (a --no-x flag was given when commander's x is false: x is true by default, typed or not)
    if (negated ? value === true : raw[camelCase(option.name)] !== undefined)
      given.add(camelCase(option.name));
  }
  return { args: parser.args, options: values, given };
}

/**
 * Runs `work` with console.warn routed into the command's (translated, buffered) warnings: a
 * library's English remark (Observable Plot's, say) is framed in the user's language and kept
 * off stdout and out of a --json run.
 */
async function withLibraryWarnings(context: CommandContext, work: () => Promise<void>): Promise<void> {
  const original = console.warn;
  console.warn = (...parts: unknown[]) =>
    context.info(`${context.t("warning.library", { message: parts.map(String).join(" ") })}\n`);
  try {
    await work();
  } finally {
    console.warn = original;
  }
}

export async function main(argv: string[], streams: Streams = processStreams): Promise<number> {
  const lang = chooseLang(argv, streams.env);
  const t = translator(lang);
  const debug = argv.includes("--debug");
  const wantsHelp = argv.includes("--help") || argv.includes("-h");
  const [name, ...rest] = argv;
  let commandName = "reglab";
  const warnings: string[] = [];
  forgetInputs();
  try {
    if (name === "--version" || name === "-V") {
      streams.stdout(`${reglabVersion()}\n`);
      return EXIT_SUCCESS;
    }
    if (name === undefined || name.startsWith("-")) {
      if (name === undefined || wantsHelp || name.startsWith("--lang")) {
        streams.stdout(programHelp(COMMANDS, t));
        return EXIT_SUCCESS;
      }
      throw new UsageError("error.unknownOption", { option: name });
    }
    const entry = COMMANDS.find((command) => command.name === name);
    if (!entry) {
      throw new UsageError("error.unknownCommand", {
        command: name,
        commands: COMMANDS.map((c) => c.name).join(", "),
      });
    }
    commandName = `reglab ${entry.name}`;
    const spec = await entry.load();
    if (wantsHelp) {
      streams.stdout(commandHelp(spec, t));
      return EXIT_SUCCESS;
    }
    const input = await parseCommand(spec, rest, t);
    const json = input.options["json"] === true;
    const context: CommandContext = {
      lang,
      t,
      json,
      out: streams.stdout,
      // warnings wait for the run to succeed: a failing run prints its error as its one line. With
      // --json they go to stderr too (stdout holds the document alone): an Arrow stream cut short,
      // rows dropped or a λ left uncertified is not for a script to miss
      info: (text) => warnings.push(text),
      interactive: !json && streams.stderrIsTerminal,
    };
    await withLibraryWarnings(context, () => spec.run(input, context));
    for (const warning of warnings) streams.stderr(warning);
    return EXIT_SUCCESS;
  } catch (error) {
    if (error instanceof DataError) {
      streams.stderr(`${t("error.prefix")} ${t(error.key, error.params)}\n`);
      return EXIT_USAGE;
    }
    if (error instanceof UsageError) {
      const command = error.command === "reglab" ? commandName : error.command;
      streams.stderr(`${t("error.prefix")} ${t(error.key, error.params)} ${t("error.hint", { command })}\n`);
      return EXIT_USAGE;
    }
    const message = error instanceof Error ? error.message : String(error);
    streams.stderr(`${t("error.prefix")} ${t("error.internal", { message })}\n`);
    if (debug && error instanceof Error && error.stack) streams.stderr(`${error.stack}\n`);
    return EXIT_FAILURE;
  }
}
