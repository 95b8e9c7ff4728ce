/**
 * The statistics statement's one row (statisticsQuery.ts) — from DuckDB here, or exported as JSON
 * from another engine — read back into the statistics a gaussian path needs. The row names its
 * columns itself (mean__<column>, cov__<a>__<b>); the target is the last mean unless named.
 */
import { DataError, displayName } from "../../data/dataError.js";
import type { GaussianStatistics } from "../../glm/sufficientStatistics.js";

export function statisticsFromRow(
  row: Record<string, unknown>,
  source: string,
  target?: string,
): GaussianStatistics {
  const file = displayName(source, 200);
  const number = (key: string): number => {
    const raw = row[key];
    const value = typeof raw === "bigint" ? Number(raw) : raw;
    if (typeof value !== "number" || !Number.isFinite(value))
      throw new DataError("stats.badField", { file, field: displayName(key, 80) });
    return value;
  };
  if (row["n"] === null || row["n"] === undefined || number("n") === 0)
    throw new DataError("stats.noRows", { file });
  const columns = Object.keys(row)
    .filter((key) => key.startsWith("mean__"))
    .map((key) => key.slice("mean__".length));
  const targetName = target ?? columns.at(-1);
  if (targetName === undefined || !columns.includes(targetName))
    throw new DataError("stats.noTarget", { file, target: displayName(targetName ?? "", 80) });
  const featureNames = columns.filter((name) => name !== targetName);
  if (featureNames.length === 0) throw new DataError("stats.noFeatures", { file });
  const order = [...featureNames, targetName];
  const m = order.length;
  const mean = Float64Array.from(order, (name) => number(`mean__${name}`));
  const covariance = new Float64Array(m * m);
  const position = new Map(columns.map((name, k) => [name, k]));
  for (let a = 0; a < m; a++)
    for (let b = a; b < m; b++) {
      // the statement lists each pair once, in its own column order
      const [first, second] =
        position.get(order[a]!)! <= position.get(order[b]!)!
          ? [order[a]!, order[b]!]
          : [order[b]!, order[a]!];
      const value = number(`cov__${first}__${second}`);
      covariance[a * m + b] = value;
      covariance[b * m + a] = value;
    }
  return {
    n: number("n"),
    weightTotal: number("weight_total"),
    featureNames,
    targetName,
    mean,
    covariance,
    source,
  };
}
