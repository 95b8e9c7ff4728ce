/**
 * JSON documents for stdout and files, with the promise every reglab number keeps: finite. Plain
 * JSON.stringify turns NaN and ±Infinity into null without a word; here they are an error that
 * names the field (exit 2), so a script never reads a null where a number was promised. Null itself
 * stays allowed: it is how a document says "not applicable" (the accuracy of a regression).
 */
import { DataError } from "../data/dataError.js";

/** The end of the run of finite numbers in `items` from `start` (at a non-number or a non-finite one). */
function finiteRun(items: readonly unknown[], start: number): number {
  let i = start;
  for (; i < items.length; i++) {
    const item = items[i];
    if (typeof item !== "number" || !Number.isFinite(item)) break;
  }
  return i;
}

/**
 * The path of the first non-finite number in `value` ("predictions[3]"), or null. The path is
 * written only for the number found, on the way back up: a path's coefficients are millions of
 * numbers, and a string per number was most of the check's time (0.31 s of 0.71 on 10⁷ numbers).
 */
function firstNonFinite(value: unknown): { path: string; value: number } | null {
  if (typeof value === "number") return Number.isFinite(value) ? null : { path: "", value };
  if (ArrayBuffer.isView(value)) {
    const items = value as unknown as ArrayLike<number>;
    for (let i = 0; i < items.length; i++)
      if (!Number.isFinite(items[i])) return { path: `[${i}]`, value: items[i]! };
    return null;
  }
  if (Array.isArray(value)) {
    for (let i = 0; i < value.length; i++) {
      const item: unknown = value[i];
      if (typeof item === "number") {
        // a run of numbers (a row of coefficients) in a loop of its own, which the engine
        // optimizes at once (in this loop's body, 10⁷ numbers took 0.8 s before it did)
        const end = finiteRun(value, i);
        if (end < value.length && typeof value[end] === "number")
          return { path: `[${end}]`, value: value[end] as number };
        i = end - 1;
        continue;
      }
      const found = firstNonFinite(item);
      if (found) return { path: `[${i}]${found.path}`, value: found.value };
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = firstNonFinite(item);
      if (found) return { path: `.${key}${found.path}`, value: found.value };
    }
  }
  return null;
}

/** Throws DataError("result.notFinite"), naming the field, for the first non-finite number. */
export function checkFinite(value: unknown): void {
  const found = firstNonFinite(value);
  if (found)
    throw new DataError("result.notFinite", {
      field: found.path.replace(/^\./, "") || "(top)",
      value: String(found.value),
    });
}

/** JSON text of `value` after checkFinite. */
export function finiteJson(value: unknown, indent?: number): string {
  checkFinite(value);
  return JSON.stringify(value, null, indent);
}
