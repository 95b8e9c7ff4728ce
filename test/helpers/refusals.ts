/**
 * The shape of every refusal test: a command that cannot work ends in exactly one line — the
 * catalog's message for its key, in the language asked for — and exit code 2. Each case is run in
 * English and in Chinese.
 */
import { expect, it } from "vitest";
import type { MessageKey } from "../../src/i18n/en.js";
import { messagePattern } from "./inProcessCli.js";
import { runCli } from "./runCli.js";

/** [what is wrong, the command's arguments, the message key it must answer with]. */
export type Refusal = [string, string[], MessageKey];

export function itRefuses(cases: readonly Refusal[], cwd: string): void {
  for (const lang of ["en", "zh"] as const)
    for (const [what, args, key] of cases)
      it(`${what} (${lang}): one clear line, exit code 2`, async () => {
        const result = await runCli([...args, "--lang", lang], { cwd });
        expect(result.status).toBe(2);
        expect(result.stderr).toMatch(messagePattern(key, lang));
        expect(result.stderr.trim().split("\n")).toHaveLength(1);
      });
}
