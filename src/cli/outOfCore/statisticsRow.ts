/**
 * The statistics statement's one row (statisticsQuery.ts) — from DuckDB here, or exported as JSON
 * from another engine — read back into the statistics a gaussian path needs, and checked: a row
 * no data set can have (n < 2, a negative variance, a correlation past ±1) is refused, not fitted.
 * The row names its columns itself (mean__<column>, in order; cov__<a>__<b> by those positions);
 * the target is the last mean unless named.
 */
import { DataError, displayName } from "../../data/dataError.js";
import type { GaussianStatistics } from "../../glm/sufficientStatistics.js";

export function statisticsFromRow(
  row: Record<string, unknown>,
  source: string,
  target?: string,
  /** The fewest rows the statistics may summarize: 2 for a path, 1 for one fold of a CV. */
  minimumRows = 2,
): GaussianStatistics {
  const file = displayName(source, 200);
  const number = (key: string): number => {
    const raw = row[key];
    const value = typeof raw === "bigint" ? Number(raw) : raw;
    if (typeof value !== "number" || !Number.isFinite(value))
      throw new DataError("stats.badField", { file, field: displayName(key, 80) });
    return value;
  };
  if (row["n"] === null || number("n") === 0) throw new DataError("stats.noRows", { file });
  const columns = Object.keys(row)
    .filter((key) => key.startsWith("mean__"))
    .map((key) => key.slice("mean__".length));
  if (columns.length === 0) throw new DataError("stats.badField", { file, field: "mean__…" });
  const targetName = target ?? columns.at(-1)!;
  const targetAt = columns.indexOf(targetName);
  if (targetAt < 0) throw new DataError("stats.noTarget", { file, target: displayName(targetName, 80) });
  // the model's order: the features as the row lists them, then the target
  const order = [...columns.keys()].filter((k) => k !== targetAt);
  order.push(targetAt);
  if (order.length < 2) throw new DataError("stats.noFeatures", { file });
  const m = order.length;
  const n = number("n");
  const weightTotal = number("weight_total");
  if (!Number.isInteger(n) || n < minimumRows) throw new DataError("stats.impossible", { file, field: "n" });
  if (!(weightTotal > 0)) throw new DataError("stats.impossible", { file, field: "weight_total" });
  const mean = Float64Array.from(order, (k) => number(`mean__${columns[k]}`));
  const covariance = new Float64Array(m * m);
  for (let a = 0; a < m; a++)
    for (let b = a; b < m; b++) {
      const [first, second] = order[a]! <= order[b]! ? [order[a]!, order[b]!] : [order[b]!, order[a]!];
      const key = `cov__${first}__${second}`;
      const value = number(key);
      covariance[a * m + b] = value;
      covariance[b * m + a] = value;
    }
  // what a covariance must be: variances ≥ 0, |cov(a, b)| ≤ sd(a)·sd(b) (to rounding)
  for (let a = 0; a < m; a++) {
    if (covariance[a * m + a]! < 0)
      throw new DataError("stats.impossible", { file, field: `cov__${order[a]}__${order[a]}` });
    for (let b = a + 1; b < m; b++) {
      const bound = Math.sqrt(covariance[a * m + a]! * covariance[b * m + b]!);
      if (Math.abs(covariance[a * m + b]!) > bound * (1 + 1e-9) + 1e-300)
        throw new DataError("stats.impossible", {
          file,
          field: `cov__${Math.min(order[a]!, order[b]!)}__${Math.max(order[a]!, order[b]!)}`,
        });
    }
  }
  return {
    n,
    weightTotal,
    featureNames: order.slice(0, -1).map((k) => columns[k]!),
    targetName,
    mean,
    covariance,
    source,
  };
}
