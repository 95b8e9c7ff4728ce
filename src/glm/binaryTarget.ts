/**
 * The binomial family's target: exactly two distinct values, coded 0 (the smaller) and 1 (the
 * larger), as glmnet codes a two-level factor. Shared by the CLI and the web lab, so both refuse
 * the same files with the same message.
 */
import { DataError, displayName } from "../data/dataError.js";
import type { Dataset } from "../data/parseCsv.js";

export function binaryTarget(data: Dataset): { data: Dataset; classes: [number, number] } {
  const values = [...new Set(data.y)].sort((a, b) => a - b);
  if (values.length !== 2)
    throw new DataError("path.notBinary", {
      file: displayName(data.source, 200),
      target: displayName(data.targetName),
      count: values.length,
    });
  const classes: [number, number] = [values[0]!, values[1]!];
  return { data: { ...data, y: data.y.map((v) => (v === classes[1] ? 1 : 0)) }, classes };
}
