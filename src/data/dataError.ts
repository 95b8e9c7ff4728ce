/**
 * An error in the user's data, carrying a message key and its parameters (file, row, column, what
 * to do) instead of a finished sentence: the shell translates it. The core never prints.
 */
import type { MessageKey } from "../i18n/en.js";
import type { MessageParams } from "../i18n/translate.js";

export class DataError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams,
  ) {
    super(`${key} ${JSON.stringify(params)}`);
    this.name = "DataError";
  }
}

/** A name from the user's file as it may appear in a message: no control characters, not endless. */
export function displayName(name: string, limit = 60): string {
  // biome-ignore lint/suspicious/noControlCharactersInRegex: control characters are what it removes
  const printable = name.replace(/[\u0000-\u001f\u007f]/g, "?");
  return printable.length > limit ? `${printable.slice(0, limit - 1)}…` : printable;
}
