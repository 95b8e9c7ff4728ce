/** --help text, in the user's language, generated from the same option tables that drive parsing. */
import type { Translator } from "../i18n/translate.js";
import { COMMON_OPTIONS, type CommandSpec } from "./command.js";
import { defaultText, type OptionSpec, optionFlags } from "./optionTable.js";
import { padEnd } from "./table.js";

function optionLines(options: readonly OptionSpec[], t: Translator): string[] {
  const rows = options.map((spec) => {
    const fallback = defaultText(spec);
    const description =
      t(spec.description) + (fallback === undefined ? "" : ` (${t("help.default")}: ${fallback})`);
    return [optionFlags(spec), description] as const;
  });
  rows.push(["-h, --help", t("option.help")]);
  const width = rows.reduce((widest, [flags]) => Math.max(widest, flags.length), 0) + 2;
  return rows.map(([flags, description]) => `  ${padEnd(flags, width)}${description}`);
}

export function commandHelp(command: CommandSpec, t: Translator): string {
  const argument = command.argument ? ` [${command.argument.name}...]` : "";
  const lines = [
    `${t("help.usage")}: reglab ${command.name}${argument} [options]`,
    "",
    t(command.description),
    "",
  ];
  if (command.argument) {
    lines.push(
      `${t("help.arguments")}:`,
      `  ${command.argument.name}...  ${t(command.argument.description)}`,
      "",
    );
  }
  lines.push(`${t("help.options")}:`, ...optionLines([...command.options, ...COMMON_OPTIONS], t), "");
  lines.push(`${t("help.examples")}:`);
  for (const example of command.examples)
    lines.push(`  $ ${example.command}`, `      ${t(example.description)}`);
  return `${lines.join("\n")}\n`;
}

export function programHelp(
  commands: readonly Pick<CommandSpec, "name" | "description">[],
  t: Translator,
): string {
  const width = commands.reduce((widest, command) => Math.max(widest, command.name.length), 0) + 2;
  const lines = [
    `${t("help.usage")}: reglab <command> [options]`,
    "",
    t("program.description"),
    "",
    `${t("help.commands")}:`,
    ...commands.map((command) => `  ${padEnd(command.name, width)}${t(command.description)}`),
    "",
    `${t("help.options")}:`,
    `  --version   ${t("option.version")}`,
    `  --lang      ${t("option.lang")}`,
    `  -h, --help  ${t("option.help")}`,
    "",
    t("help.moreHelp"),
  ];
  return `${lines.join("\n")}\n`;
}
