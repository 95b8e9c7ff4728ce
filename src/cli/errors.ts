/**
 * The CLI's two kinds of failure and their exit codes (0 success, 1 failure, 2 usage):
 * a UsageError is something the user can fix (bad option, unwritable folder) and is printed as one
 * translated line; anything else is unexpected and printed with a hint to rerun with --debug.
 */
import type { MessageKey } from "../i18n/en.js";
import type { MessageParams } from "../i18n/translate.js";

export const EXIT_SUCCESS = 0;
export const EXIT_FAILURE = 1;
export const EXIT_USAGE = 2;

export class UsageError extends Error {
  constructor(
    readonly key: MessageKey,
    readonly params: MessageParams = {},
    /** The command whose --help to point to, e.g. "reglab sigmoid". */
    public command = "reglab",
  ) {
    super(key);
    this.name = "UsageError";
  }
}
