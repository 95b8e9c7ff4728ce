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
  checkClassSizes(data.y, data.source);
  return { data: { ...data, y: data.y.map((v) => (v === classes[1] ? 1 : 0)) }, classes };
}

/**
 * Every class needs two rows at least: glmnet refuses a class of one ("one binomial class has 1 or
 * 0 observations; not allowed"), where its fit is all penalty and no information. For the
 * binomial and multinomial families, paths and each fold's training rows alike.
 */
export function checkClassSizes(y: ArrayLike<number>, source: string): void {
  const counts = new Map<number, number>();
  for (let i = 0; i < y.length; i++) counts.set(y[i]!, (counts.get(y[i]!) ?? 0) + 1);
  for (const [label, count] of counts)
    if (count < 2) throw new DataError("glm.classOfOne", { file: displayName(source, 200), label, count });
}
