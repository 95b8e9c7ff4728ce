/**
 * JSON documents for stdout and files, with the promise every reglab number keeps: finite. Plain
 * JSON.stringify turns NaN and ±Infinity into null without a word; here they are an error that
 * names the field (exit 2), so a script never reads a null where a number was promised. Null itself
 * stays allowed: it is how a document says "not applicable" (the accuracy of a regression).
 */
import { DataError } from "../data/dataError.js";

/** Throws DataError("result.notFinite") for the first non-finite number in `value`. */
export function checkFinite(value: unknown, source = "reglab"): void {
  JSON.stringify(value, (key, item) => {
    if (typeof item === "number" && !Number.isFinite(item))
      throw new DataError("result.notFinite", { field: key || "(top)", value: String(item), source });
    return item;
  });
}

/** JSON text of `value` after checkFinite. */
export function finiteJson(value: unknown, indent?: number): string {
  checkFinite(value);
  return JSON.stringify(value, null, indent);
}
