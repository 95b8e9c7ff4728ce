/**
 * The SQL that computes a gaussian path's sufficient statistics over a table (glm/
 * sufficientStatistics.ts): one statement, two scans — the weighted means, then the centred
 * cross-products (centring first keeps the sums accurate where the means are large). Plain SQL
 * aggregates, so the same statement runs where the data already live (DuckDB here; a warehouse,
 * Spark SQL, MotherDuck) and returns one row:
 *
 *   n, weight_total, "mean__<column>" for each feature then the target,
 *   "cov__<a>__<b>" for each pair of positions a ≤ b among those means (the weighted covariance,
 *   divisor Σw; positions, not names, so no column name can make two keys alike)
 *
 * which `reglab path --stats ROW.json` turns back into a path (statisticsRow.ts).
 */

/** An SQL identifier, quoted (a column name may hold anything). */
export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** An SQL string literal. */
export function quoteString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A number as an SQL literal (finite: the caller checks), parenthesized so a sign is safe. */
export function sqlNumber(value: number): string {
  return `(${value.toPrecision(17)})`;
}

export interface StatisticsQuery {
  /** The table: a FROM item, e.g. read_parquet('big/*.parquet'). */
  from: string;
  features: readonly string[];
  target: string;
  /** A weights column (default: every row weighs 1). */
  weights?: string;
  /** An offset column (the streamed binomial and poisson passes add it to η). */
  offset?: string;
  /** The user's filter, an SQL condition. */
  where?: string;
  /** Leave out rows with an empty cell (else the caller has checked that there are none). */
  dropEmpty: boolean;
}

/** The rows a statement reads: the user's filter, and no empty cell in a used column under --na drop. */
export function rowConditions(query: StatisticsQuery): string[] {
  const conditions: string[] = [];
  if (query.where) conditions.push(`(${query.where})`);
  if (query.dropEmpty) {
    const used = [
      ...query.features,
      query.target,
      ...(query.weights ? [query.weights] : []),
      ...(query.offset ? [query.offset] : []),
    ];
    for (const name of used) conditions.push(`${quoteIdentifier(name)} IS NOT NULL`);
  }
  return conditions;
}

/**
 * The statement (see the module's note). Column aliases: n, weight_total, mean__…, cov__…__…; with
 * a fold expression (an SQL expression of the row's key, 1 … K), one row per fold, led by its
 * column fold — every fold's statistics from the same two scans.
 */
export function statisticsStatement(query: StatisticsQuery, fold?: string): string {
  const columns = [...query.features, query.target];
  const value = (k: number) => `c${k}`;
  const conditions = rowConditions(query);
  const select = [
    ...columns.map((name, k) => `CAST(${quoteIdentifier(name)} AS DOUBLE) AS ${value(k)}`),
    `${query.weights ? `CAST(${quoteIdentifier(query.weights)} AS DOUBLE)` : "CAST(1 AS DOUBLE)"} AS w`,
    ...(fold ? [`${fold} AS fold`] : []),
  ];
  const means = columns.map((_, k) => `SUM(w * ${value(k)}) / SUM(w) AS m${k}`);
  const products: string[] = [];
  for (let a = 0; a < columns.length; a++)
    for (let b = a; b < columns.length; b++)
      products.push(
        `SUM(w * (${value(a)} - m${a}) * (${value(b)} - m${b})) / MAX(weight_total) AS cov__${a}__${b}`,
      );
  // the rows' query is written twice, once per scan: a WITH clause named twice is materialized by
  // some engines (DuckDB: 2.7× slower and 3.4× the memory on 10 million rows), a subquery is not
  const data = [
    `SELECT ${select.join(", ")}`,
    `  FROM ${query.from}${conditions.length ? `\n  WHERE ${conditions.join(" AND ")}` : ""}`,
  ].join("\n");
  return [
    "SELECT",
    `  ${fold ? "fold, " : ""}MAX(n) AS n, MAX(weight_total) AS weight_total,`,
    `  ${columns.map((name, k) => `MAX(m${k}) AS ${quoteIdentifier(`mean__${name}`)}`).join(", ")},`,
    `  ${products.join(",\n  ")}`,
    "FROM (",
    `  ${data}`,
    `) AS rows_once ${fold ? "JOIN" : "CROSS JOIN"} (`,
    `  SELECT ${fold ? "fold AS fold_of_moments, " : ""}COUNT(*) AS n, SUM(w) AS weight_total, ${means.join(", ")}`,
    "  FROM (",
    `    ${data}`,
    "  ) AS rows_twice",
    ...(fold
      ? ["  GROUP BY fold", ") AS moments ON fold = fold_of_moments", "GROUP BY fold", "ORDER BY fold"]
      : [") AS moments"]),
  ].join("\n");
}
