/**
 * Two runs of `reglab path` that must give the same path: a table read through DuckDB (Parquet,
 * Arrow, a streamed CSV) against the in-memory CSV path of the same rows.
 */
import { expect } from "vitest";
import { run } from "./inProcessCli.js";

/** The keys of a path's --json that the comparisons read. */
export interface PathDocument {
  n: number;
  p: number;
  lambdas: number[];
  intercepts: number[];
  coefs: number[][];
  null_deviance: number;
  objective?: number[];
  certificate?: number[];
  passes?: number;
  light_passes?: number;
  feature_names?: string[];
}

/** `reglab …args --json`, which must exit 0. */
export async function json(args: string[]): Promise<PathDocument> {
  const outcome = await run([...args, "--json"]);
  expect(outcome.status, outcome.stderr).toBe(0);
  return JSON.parse(outcome.stdout);
}

/** λ grids equal, coefficients to 1e-9 of the largest, intercepts and n as the CSV path's. */
export function expectSamePath(table: PathDocument, rows: PathDocument) {
  expect(table.n).toBe(rows.n);
  expect(table.lambdas.length).toBe(rows.lambdas.length);
  let size = 0;
  for (const row of rows.coefs) for (const b of row) size = Math.max(size, Math.abs(b));
  for (let k = 0; k < rows.lambdas.length; k++) {
    expect(table.lambdas[k]! / rows.lambdas[k]!).toBeCloseTo(1, 12);
    expect(Math.abs(table.intercepts[k]! - rows.intercepts[k]!)).toBeLessThan(
      1e-9 * Math.abs(rows.intercepts[k]!),
    );
    for (let j = 0; j < rows.p; j++)
      expect(Math.abs(table.coefs[k]![j]! - rows.coefs[k]![j]!)).toBeLessThanOrEqual(1e-9 * size);
  }
  expect(table.null_deviance / rows.null_deviance).toBeCloseTo(1, 12);
}
