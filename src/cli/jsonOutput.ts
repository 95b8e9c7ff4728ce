/**
 * JSON documents for stdout and files, with the promise every reglab number keeps: finite. Plain
 * JSON.stringify turns NaN and ±Infinity into null without a word; here they are an error that
 * names the field (exit 2), so a script never reads a null where a number was promised. Null itself
 * stays allowed: it is how a document says "not applicable" (the accuracy of a regression).
 */
import { DataError } from "../data/dataError.js";

/** The path of the first non-finite number in `value` ("predictions[3]"), or null. */
function firstNonFinite(value: unknown, path: string): { path: string; value: number } | null {
  if (typeof value === "number") return Number.isFinite(value) ? null : { path, value };
  if (Array.isArray(value) || ArrayBuffer.isView(value)) {
    const items = value as ArrayLike<unknown>;
    for (let i = 0; i < items.length; i++) {
      const found = firstNonFinite(items[i], `${path}[${i}]`);
      if (found) return found;
    }
    return null;
  }
  if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) {
      const found = firstNonFinite(item, path ? `${path}.${key}` : key);
      if (found) return found;
    }
  }
  return null;
}

/** Throws DataError("result.notFinite"), naming the field, for the first non-finite number. */
export function checkFinite(value: unknown): void {
  const found = firstNonFinite(value, "");
  if (found)
    throw new DataError("result.notFinite", { field: found.path || "(top)", value: String(found.value) });
}

/** JSON text of `value` after checkFinite. */
export function finiteJson(value: unknown, indent?: number): string {
  checkFinite(value);
  return JSON.stringify(value, null, indent);
}
