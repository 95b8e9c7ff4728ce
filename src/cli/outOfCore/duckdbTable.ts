/**
 * A table on disk read through DuckDB embedded (@duckdb/node-api: prebuilt, in-process, nothing to
 * start or download): Parquet files — one, a folder of them, or a glob — scanned by SQL aggregates
 * in parallel and out of core, so the memory a path needs does not grow with the rows.
 */
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { DataError, displayName } from "../../data/dataError.js";
import type { GaussianStatistics } from "../../glm/sufficientStatistics.js";
import { quoteIdentifier, quoteString, statisticsStatement } from "./statisticsQuery.js";
import { statisticsFromRow } from "./statisticsRow.js";

/**
 * Whether a path names a table for DuckDB: a .parquet file, a glob, or a folder holding .parquet
 * files (another folder is the CSV reader's to refuse, as it always was).
 */
export function isParquetInput(file: string): boolean {
  if (/\.parquet$/i.test(file) || /[*?[]/.test(file)) return true;
  if (!existsSync(file) || !statSync(file).isDirectory()) return false;
  return readdirSync(file, { recursive: true }).some((name) => /\.parquet$/i.test(String(name)));
}

/** The FROM item for the input: read_parquet over the file, the glob, or a folder's files. */
export function parquetSource(file: string): string {
  const folder = !/[*?[]/.test(file) && existsSync(file) && statSync(file).isDirectory();
  return `read_parquet(${quoteString(folder ? join(file, "**", "*.parquet") : file)})`;
}

export interface TableSelection {
  target?: string;
  weights?: string;
  where?: string;
  na: "error" | "drop";
  exclude?: readonly string[];
}

/** DuckDB's column types that are numbers (cast to DOUBLE for the sums). */
const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*|BOOLEAN)$/;

type Connection = Awaited<ReturnType<Awaited<ReturnType<typeof openDuckDb>>["connect"]>>;

async function openDuckDb() {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  // a bounded memory for DuckDB's own work (it spills to a temporary folder beyond it)
  return DuckDBInstance.create(":memory:", { memory_limit: "512MB" });
}

async function rows(connection: Connection, sql: string, file: string) {
  try {
    return (await connection.runAndReadAll(sql)).getRowObjects();
  } catch (error) {
    const text = String((error as Error).message ?? error).split("\n")[0]!;
    throw new DataError("table.queryFailed", {
      file: displayName(file, 200),
      reason: displayName(text, 300),
    });
  }
}

/** The statement for the file (for --explain), after checking its columns. */
export async function tableStatement(file: string, selection: TableSelection) {
  const instance = await openDuckDb();
  const connection = await instance.connect();
  try {
    return await prepare(connection, file, selection);
  } finally {
    connection.closeSync();
  }
}

async function prepare(connection: Connection, file: string, selection: TableSelection) {
  const name = displayName(file, 200);
  const from = parquetSource(file);
  const described = await rows(connection, `DESCRIBE SELECT * FROM ${from}`, file);
  const columns = described.map((row) => ({
    name: String(row["column_name"]),
    type: String(row["column_type"]),
  }));
  const target = selection.target ?? columns.at(-1)?.name;
  const known = new Set(columns.map((column) => column.name));
  for (const [option, column] of [
    ["--target", target],
    ["--weights", selection.weights],
  ] as const)
    if (column !== undefined && !known.has(column))
      throw new DataError("table.noColumn", { file: name, option, column: displayName(column, 80) });
  const excluded = new Set(selection.exclude ?? []);
  for (const column of excluded)
    if (!known.has(column))
      throw new DataError("table.noColumn", {
        file: name,
        option: "--exclude",
        column: displayName(column, 80),
      });
  const used = columns.filter(
    (column) => column.name === target || column.name === selection.weights || !excluded.has(column.name),
  );
  for (const column of used)
    if (!NUMERIC.test(column.type))
      throw new DataError("table.notNumeric", {
        file: name,
        column: displayName(column.name, 80),
        type: displayName(column.type, 60),
      });
  const features = used
    .map((column) => column.name)
    .filter((column) => column !== target && column !== selection.weights);
  if (features.length === 0) throw new DataError("stats.noFeatures", { file: name });
  return {
    from,
    features,
    target: target!,
    statement: statisticsStatement({
      from,
      features,
      target: target!,
      weights: selection.weights,
      where: selection.where,
      dropEmpty: selection.na === "drop",
    }),
  };
}

/**
 * The gaussian statistics of the table: its columns checked (numbers only), empty cells refused
 * unless --na drop (one counting scan), then the statement run — two scans, in DuckDB's threads.
 */
export async function tableStatistics(file: string, selection: TableSelection): Promise<GaussianStatistics> {
  const instance = await openDuckDb();
  const connection = await instance.connect();
  try {
    const { from, features, target, statement } = await prepare(connection, file, selection);
    if (selection.na === "error") {
      const used = selection.weights ? [...features, target, selection.weights] : [...features, target];
      const counts = used.map(
        (column, k) => `COUNT(*) FILTER (WHERE ${quoteIdentifier(column)} IS NULL) AS e${k}`,
      );
      const where = selection.where ? ` WHERE (${selection.where})` : "";
      const [empty] = await rows(connection, `SELECT ${counts.join(", ")} FROM ${from}${where}`, file);
      const k = used.findIndex((_, k) => Number(empty?.[`e${k}`] ?? 0) > 0);
      if (k >= 0)
        throw new DataError("table.emptyCells", {
          file: displayName(file, 200),
          column: displayName(used[k]!, 80),
          count: Number(empty![`e${k}`]),
        });
    }
    const [row] = await rows(connection, statement, file);
    return statisticsFromRow(row ?? {}, file, target);
  } finally {
    connection.closeSync();
  }
}
