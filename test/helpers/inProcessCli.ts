/** The reglab command run in the test's own process, through main(), with its output captured. */
import { main } from "../../src/cli/main.js";
import type { MessageKey } from "../../src/i18n/en.js";
import { catalog, type Lang } from "../../src/i18n/translate.js";

export interface Outcome {
  status: number;
  stdout: string;
  stderr: string;
}

/** Runs `reglab …args` in this process, in a fresh folder's terms (--out inside it). */
export async function run(args: string[], lang: Lang = "en"): Promise<Outcome> {
  let stdout = "";
  let stderr = "";
  const status = await main([...args, "--lang", lang], {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
    env: {},
    stderrIsTerminal: false,
  });
  return { status, stdout, stderr };
}

/** The catalog's sentence for `key` as a pattern: its placeholders match anything. */
export function messagePattern(key: MessageKey, lang: Lang): RegExp {
  const parts = catalog(lang)[key].split(/\{\w+\}/);
  return new RegExp(parts.map((part) => part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")).join("[\\s\\S]*?"));
}

/**
 * Keys whose null means "not applicable" (the documented ones: no validation split, no a'(z) for a
 * softmax layer, no accuracy for a regression, no file saved, no class labels, a target never
 * reached); anywhere else a null would be a number that was lost (JSON writes NaN as null).
 */
const NULL_MEANS_NOT_APPLICABLE = new Set([
  "validation_loss",
  "mean_da_dz",
  "train_accuracy",
  "test_accuracy",
  "saved",
  "classes",
  "steps_to_target",
]);

/** The keys under which the document holds a null that does not mean "not applicable". */
export function lostNumbers(text: string, allowed: readonly string[] = []): string[] {
  const lost: string[] = [];
  JSON.parse(text, (key, value) => {
    if (value === null && !NULL_MEANS_NOT_APPLICABLE.has(key) && !allowed.includes(key)) lost.push(key);
    return value;
  });
  return lost;
}
