/**
 * A table on disk read through DuckDB embedded (@duckdb/node-api: prebuilt, in-process, nothing to
 * start or download): Parquet files — one, a folder of them, or a glob — scanned by SQL aggregates
 * in parallel and out of core, so the memory a path needs does not grow with the rows.
 */
import { closeSync, existsSync, fstatSync, openSync, readdirSync, readSync, statSync } from "node:fs";
import { join, normalize } from "node:path";
import { DataError, displayName } from "../../data/dataError.js";
import { type Dataset, parseCsv } from "../../data/parseCsv.js";
import { aucFromRankSum } from "../../glm/crossValidation.js";
import type { WorkingPass, WorkingSums } from "../../glm/streamedLogistic.js";
import { rememberInput } from "../safeWrite.js";
import {
  aucStatement,
  type HeldOutFamily,
  type HeldOutMeasure,
  type HeldOutModel,
  heldOutStatement,
} from "./heldOutQuery.js";
import {
  quoteIdentifier,
  quoteString,
  rowConditions,
  type StatisticsQuery,
  statisticsStatement,
} from "./statisticsQuery.js";
import { statisticsFromRow } from "./statisticsRow.js";
import { workingPassStatement } from "./workingPassQuery.js";

/**
 * Whether a path names a Parquet table for DuckDB: a .parquet file, a glob, or a folder holding
 * .parquet files (another folder is the CSV reader's to refuse, as it always was).
 */
export function isParquetInput(file: string): boolean {
  if (/\.parquet$/i.test(file)) return true;
  if (/[*?[]/.test(file)) return !namesArrowFiles(file);
  return isFolderHolding(file, /\.parquet$/i);
}

/**
 * Whether a glob names Arrow files: by its own extension, or — a glob such as `events/*` — by
 * its matches, every one an Arrow file (DuckDB would read them as Parquet and fail on each).
 */
function namesArrowFiles(glob: string): boolean {
  if (ARROW_FILE.test(glob)) return true;
  if (/\.parquet$/i.test(glob)) return false;
  const files = globFiles(glob);
  return files.length > 0 && files.every((path) => ARROW_FILE.test(path));
}

/** The name in SQL of reglab's table function over an Arrow file (arrowScan.ts). */
export const ARROW_FUNCTION = "reglab_arrow";

/** An Arrow IPC file's extensions. */
const ARROW_FILE = /\.(arrow|arrows|ipc|feather)$/i;

function isFolderHolding(file: string, pattern: RegExp): boolean {
  if (/[*?[]/.test(file) || !existsSync(file) || !statSync(file).isDirectory()) return false;
  return filesUnder(file).some((path) => pattern.test(path));
}

/**
 * The files under a folder, at any depth, sorted. A link to a folder is not followed (a link to
 * its own parent would list the files again and again); a link to a file is listed, and one whose
 * target is missing is refused by name when the file is read.
 */
function filesUnder(folder: string): string[] {
  const found: string[] = [];
  const walk = (at: string) => {
    for (const entry of readdirSync(at, { withFileTypes: true })) {
      const path = join(at, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() || entry.isSymbolicLink()) {
        if (entry.isSymbolicLink() && statSync(path, { throwIfNoEntry: false })?.isDirectory()) continue;
        found.push(path);
      }
    }
  };
  walk(folder);
  return found.sort();
}

/** Whether a folder holds both Parquet and Arrow files (which of them is the table is not clear). */
export function holdsParquetAndArrow(file: string): boolean {
  return isFolderHolding(file, /\.parquet$/i) && isFolderHolding(file, ARROW_FILE);
}

/**
 * Whether a path names Arrow IPC: a file by its extension (.arrow, .arrows, .ipc, .feather), a glob
 * of such files, or a folder holding them and no Parquet file — read by reglab's own table
 * function (arrowScan.ts), loaded only then, one file after another as one table.
 */
export function isArrowInput(file: string): boolean {
  if (/[*?[]/.test(file)) return namesArrowFiles(file);
  return (
    ARROW_FILE.test(file) || (isFolderHolding(file, ARROW_FILE) && !isFolderHolding(file, /\.parquet$/i))
  );
}

/**
 * The Arrow files an input names, in the order of their paths: the file itself, a glob's matches
 * (`*`, `?`, `[…]` and `[!…]` within a name, `**` across folders, as a shell's), or every Arrow
 * file under a folder.
 */
export function arrowFilesOf(file: string): string[] {
  if (/[*?[]/.test(file)) return globFiles(file).filter((path) => ARROW_FILE.test(path));
  if (existsSync(file) && statSync(file).isDirectory() && isFolderHolding(file, ARROW_FILE))
    return filesUnder(file).filter((path) => ARROW_FILE.test(path));
  return [file];
}

/** A glob's segment (no "/") as a regular expression: * and ? within a name, [...] and [!...] as sets. */
function segmentPattern(part: string): RegExp {
  let source = "";
  for (let k = 0; k < part.length; k++) {
    const c = part[k]!;
    if (c === "*") source += "[^/]*";
    else if (c === "?") source += "[^/]";
    else if (c === "[" && part.indexOf("]", k + 2) > k) {
      const end = part.indexOf("]", k + 2);
      let set = part.slice(k + 1, end);
      const negated = set.startsWith("!") || set.startsWith("^");
      if (negated) set = set.slice(1);
      source += `[${negated ? "^" : ""}${set.replace(/[\\\]^]/g, "\\$&")}]`;
      k = end;
    } else source += c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${source}$`);
}

/** The files a glob matches, sorted (walked from the folders before its first wildcard). */
function globFiles(pattern: string): string[] {
  const parts = pattern.split("/");
  const first = parts.findIndex((part) => /[*?[]/.test(part));
  const base = parts.slice(0, first).join("/") || (pattern.startsWith("/") ? "/" : ".");
  const rest = parts.slice(first);
  const found: string[] = [];
  const walk = (folder: string, index: number) => {
    const part = rest[index]!;
    let entries: import("node:fs").Dirent[];
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return; // not a folder, or not readable: nothing matches under it
    }
    // (links to folders are not followed: one to a parent would match its files again and again)
    const folders = entries.filter((entry) => entry.isDirectory());
    if (part === "**") {
      if (index + 1 < rest.length) walk(folder, index + 1);
      for (const entry of folders) walk(join(folder, entry.name), index);
      return;
    }
    const matches = segmentPattern(part);
    for (const entry of entries) {
      if (!matches.test(entry.name)) continue;
      const path = join(folder, entry.name);
      if (index === rest.length - 1) {
        if (
          entry.isFile() ||
          (entry.isSymbolicLink() && !statSync(path, { throwIfNoEntry: false })?.isDirectory())
        )
          found.push(path);
      } else if (entry.isDirectory()) walk(path, index + 1);
    }
  };
  walk(base, 0);
  return [...new Set(found)].sort();
}

/**
 * Whether a path names CSV text (a .csv or .tsv file, gzipped or not, or a glob of them): with
 * --stream it is read through DuckDB too, a chunk at a time, instead of into memory.
 */
export function isCsvTable(file: string): boolean {
  return /\.(csv|tsv)(\.gz)?$/i.test(file);
}

/**
 * DuckDB's CSV reader over the file, its call left open for more options: a header row, and the
 * delimiter the extension names (a comma, or a tab for .tsv) rather than sniffed — a short file with
 * a ragged row otherwise reads as one column, where the reader should name the row.
 */
function csvReader(file: string): string {
  const delimiter = /\.tsv(\.gz)?$/i.test(file) ? "\t" : ",";
  return `read_csv(${quoteString(file)}, header = true, delim = ${quoteString(delimiter)}`;
}

/** The files the input names, as a quoted SQL pattern: the file, the glob, or a folder's files. */
function parquetPattern(file: string): string {
  const folder = !/[*?[]/.test(file) && existsSync(file) && statSync(file).isDirectory();
  return quoteString(folder ? join(file, "**", "*.parquet") : file);
}

/**
 * The FROM item for the input: read_parquet over its files; with `rowKeys`, each row's file and
 * position in it too (the columns filename and file_row_number, what folds are made of).
 */
export function parquetSource(file: string, rowKeys = false): string {
  if (isArrowInput(file)) {
    // reglab's own table function (arrowScan.ts), which numbers the rows itself; several files one
    // after another (prepare has checked that they hold the same columns)
    const files = arrowFilesOf(file);
    const scan = (path: string) =>
      rowKeys
        ? `SELECT *, ${quoteString(path)} AS filename FROM ${ARROW_FUNCTION}(${quoteString(path)}, row_numbers = true)`
        : `SELECT * FROM ${ARROW_FUNCTION}(${quoteString(path)})`;
    if (files.length === 1 && !rowKeys) return `${ARROW_FUNCTION}(${quoteString(files[0]!)})`;
    return `(${files.map(scan).join(" UNION ALL BY NAME ")})`;
  }
  if (isCsvTable(file)) {
    // a header row, types sniffed by DuckDB (a column of text is then refused by name); CSV has no
    // file_row_number, so a row's position is its ordinality (DuckDB keeps the file's order)
    const csv = `${csvReader(file)}${rowKeys ? ", filename = true" : ""})`;
    return rowKeys ? `(SELECT *, ordinality - 1 AS file_row_number FROM ${csv} WITH ORDINALITY)` : csv;
  }
  return `read_parquet(${parquetPattern(file)}${rowKeys ? ", file_row_number = true, filename = true" : ""})`;
}

export interface TableSelection {
  target?: string;
  weights?: string;
  where?: string;
  na: "error" | "drop";
  /**
   * Whether the statements read each row's key (file and position) beside its columns: what a
   * fold's condition in `where` is written in (foldExpression).
   */
  keyed?: boolean;
  /** --columns: the features, in this order (the other columns are not read). */
  columns?: readonly string[];
  exclude?: readonly string[];
  /** An offset column (binomial and poisson passes): not a feature, added to η. */
  offset?: string;
  /** Called while the statistics' scans run (a terminal's progress bar). */
  onProgress?: ScanProgress;
}

/** DuckDB's column types that are numbers (cast to DOUBLE for the sums). */
const NUMERIC =
  /^(TINYINT|SMALLINT|INTEGER|BIGINT|HUGEINT|UTINYINT|USMALLINT|UINTEGER|UBIGINT|UHUGEINT|FLOAT|DOUBLE|DECIMAL.*|BOOLEAN)$/;

type Connection = Awaited<ReturnType<Awaited<ReturnType<typeof openDuckDb>>["connect"]>>;

async function openDuckDb() {
  const { DuckDBInstance } = await import("@duckdb/node-api");
  // a bounded memory for DuckDB's own work (it spills to a temporary folder beyond it); no cache
  // of the file's bytes in it, which grew with the file (peak RSS over 1, 10 and 50 million rows
  // 189 → 243 MB with it, 170 → 201 MB without, and the scans no slower: the OS caches the file)
  return DuckDBInstance.create(":memory:", { memory_limit: "512MB", enable_external_file_cache: "false" });
}

/**
 * A connection whose queries report their progress (read by `rows`), without DuckDB printing it;
 * for an Arrow IPC file, with the table function that reads it.
 */
async function openConnection(file: string): Promise<Connection> {
  const connection = await (await openDuckDb()).connect();
  if (isArrowInput(file)) (await import("./arrowScan.js")).registerArrowScan(connection);
  await connection.run("SET enable_progress_bar = true");
  await connection.run("SET enable_progress_bar_print = false");
  return connection;
}

/** How far a long scan has come: DuckDB's own count of rows processed, and its percentage. */
export type ScanProgress = (rowsProcessed: number, percentage: number) => void;

async function rows(connection: Connection, sql: string, file: string, onProgress?: ScanProgress) {
  // the query runs on DuckDB's threads; the event loop is free to read its progress meanwhile
  const timer = onProgress
    ? setInterval(() => {
        const progress = connection.progress;
        if (progress.percentage >= 0) onProgress(Number(progress.rows_processed), progress.percentage);
      }, 250)
    : undefined;
  try {
    return (await connection.runAndReadAll(sql)).getRowObjects();
  } catch (error) {
    const message = String((error as Error).message ?? error);
    // a CSV cell past the rows DuckDB sampled for the column's type: its line and column, named
    // as the in-memory reader names a cell that is not a number
    const line = /CSV Error on Line: (\d+)/.exec(message);
    const cell = /converting column "([^"]*)"\. Could not convert string "([^"]*)"/.exec(message);
    const cells = /Expected Number of Columns: (\d+) Found: (\d+)/.exec(message);
    if (line && cells)
      throw new DataError("data.ragged", {
        file: displayName(file, 200),
        row: Number(line[1]),
        found: Number(cells[2]),
        expected: Number(cells[1]),
      });
    if (line && cell)
      throw new DataError("table.csvNotNumber", {
        file: displayName(file, 200),
        row: Number(line[1]),
        name: displayName(cell[1]!, 80),
        value: displayName(cell[2]!, 40),
      });
    // DuckDB could not make out the dialect: the file's head read as the in-memory reader reads
    // it, whose error names the row (a ragged one, say)
    if (/Error when sniffing file/.test(message) && /\.csv$/i.test(file)) refuseCsvHead(file);
    const text = message.split("\n")[0]!;
    // a record batch of an Arrow file that apache-arrow could not decode (arrowScan.ts)
    const arrow = /Arrow IPC: (.*)/.exec(text);
    if (arrow)
      throw new DataError("table.arrowUnreadable", {
        file: displayName(file, 200),
        reason: displayName(arrow[1]!.replace(/\.+$/, ""), 200),
      });
    throw new DataError("table.queryFailed", {
      file: displayName(file, 200),
      reason: displayName(text, 300),
    });
  } finally {
    clearInterval(timer);
  }
}

/** Parses the first 4 MB of a CSV (whole lines) as the in-memory reader does; its DataError names the row. */
function refuseCsvHead(file: string): void {
  const handle = openSync(file, "r");
  try {
    const head = Buffer.alloc(Math.min(4 << 20, fstatSync(handle).size));
    const length = readSync(handle, head, 0, head.length, 0);
    const text = head.subarray(0, length).toString("utf8");
    const whole =
      length === head.length && length < fstatSync(handle).size
        ? text.slice(0, text.lastIndexOf("\n") + 1)
        : text;
    parseCsv(whole, file);
  } finally {
    closeSync(handle);
  }
}

/** The statement for the file (for --explain), after checking its columns. */
export async function tableStatement(file: string, selection: TableSelection) {
  const connection = await openConnection(file);
  try {
    return await prepare(connection, file, selection);
  } finally {
    connection.closeSync();
  }
}

/** Every file the input names (a glob or a folder expanded by DuckDB), kept safe from this run's writes. */
async function rememberInputs(connection: Connection, file: string): Promise<void> {
  if (isArrowInput(file)) {
    for (const path of arrowFilesOf(file)) {
      const stats = statSync(path, { throwIfNoEntry: false });
      if (stats) rememberInput(stats);
    }
    return;
  }
  for (const row of await rows(connection, `SELECT file FROM glob(${parquetPattern(file)})`, file)) {
    const stats = statSync(String(row["file"]), { throwIfNoEntry: false });
    if (stats) rememberInput(stats);
  }
}

async function prepare(connection: Connection, file: string, selection: TableSelection) {
  const name = displayName(file, 200);
  const from = parquetSource(file);
  // an empty CSV, or one with a header only: the in-memory reader's messages (DuckDB would
  // describe a column of text named column0)
  if (isCsvTable(file) && !/[*?[]/.test(file) && existsSync(file) && statSync(file).size === 0)
    throw new DataError("data.empty", { file: name });
  // an Arrow file is opened here first, so that a file apache-arrow cannot read is named as such,
  // and a column's type in a message is its Arrow type (List<Float64>), not the VARCHAR it reaches
  // DuckDB as
  const arrowTypes = isArrowInput(file) ? await arrowCollectionTypes(file, selection) : undefined;
  await rememberInputs(connection, file);
  const described = await rows(connection, `DESCRIBE SELECT * FROM ${from}`, file);
  const columns = described.map((row) => ({
    name: String(row["column_name"]),
    type: arrowTypes?.get(String(row["column_name"])) ?? String(row["column_type"]),
  }));
  const duckTypes = new Map(described.map((row) => [String(row["column_name"]), String(row["column_type"])]));
  const isNumeric = (column: { name: string }) => NUMERIC.test(duckTypes.get(column.name)!);
  if (
    (isCsvTable(file) || arrowTypes !== undefined) &&
    (await rows(connection, `SELECT 1 AS one FROM ${from} LIMIT 1`, file)).length === 0
  )
    throw new DataError(arrowTypes ? "table.arrowNoRows" : "data.noRows", { file: name });
  const known = new Set(columns.map((column) => column.name));
  // the row keys folds are made of, read beside the columns: a column of the same name would clash
  if (selection.keyed)
    for (const key of ["file_row_number", "filename"])
      if (known.has(key)) throw new DataError("table.keyColumn", { file: name, column: key });
  // the target as the CSV reader chooses it: --target, else a column named y, else the last one
  const target = selection.target ?? (known.has("y") ? "y" : columns.at(-1)?.name);
  for (const [option, column] of [
    ["--target", target],
    ["--weights", selection.weights],
    ["--offset", selection.offset],
  ] as const)
    if (column !== undefined && !known.has(column))
      throw new DataError("table.noColumn", { file: name, option, column: displayName(column, 80) });
  if (selection.weights !== undefined && selection.weights === target)
    throw new DataError("table.weightsIsTarget", { file: name, column: displayName(target!, 80) });
  // the candidate features: every column but the target and the weights, in the table's order;
  // --exclude names them, or gives their positions among them (1-based), as for a CSV
  for (const column of selection.columns ?? [])
    if (!known.has(column))
      throw new DataError("table.noColumn", {
        file: name,
        option: "--columns",
        column: displayName(column, 80),
      });
  if (target !== undefined && selection.columns?.includes(target))
    throw new DataError("glm.columnsHasTarget", { file: name, column: displayName(target, 80) });
  const candidates = selection.columns
    ? selection.columns.map((chosen) => columns.find((column) => column.name === chosen)!)
    : columns.filter(
        (column) =>
          column.name !== target && column.name !== selection.weights && column.name !== selection.offset,
      );
  const excluded = new Set<string>();
  for (const item of selection.exclude ?? []) {
    const position = Number(item);
    // a feature by name, or by its position among the features (the target, the weights and the
    // offset are not features: naming them is refused, as the CSV path refuses it)
    const column = candidates.some((candidate) => candidate.name === item)
      ? item
      : Number.isInteger(position) && position >= 1 && position <= candidates.length
        ? candidates[position - 1]!.name
        : undefined;
    if (column === undefined)
      throw new DataError("glm.badExclude", {
        item: displayName(item, 40),
        p: candidates.length,
        columns: candidates.map((candidate) => displayName(candidate.name, 30)).join(", "),
      });
    excluded.add(column);
  }
  const targetColumn = columns.find((column) => column.name === target)!;
  const targetType = targetColumn.type;
  if (!isNumeric(targetColumn)) {
    // a CSV's target with a word in it: its first such cell, by row, as the in-memory reader says
    // (a target of words throughout — class labels — keeps the message that says to recode it)
    if (isCsvTable(file)) {
      const column = quoteIdentifier(target!);
      const [counted] = await rows(
        connection,
        `SELECT COUNT(*) FILTER (WHERE TRY_CAST(${column} AS DOUBLE) IS NOT NULL) AS numbers FROM ${from}`,
        file,
      );
      if (Number(counted?.["numbers"] ?? 0) > 0) await refuseTextCell(connection, file, columns, target!);
    }
    throw new DataError("table.targetNotNumeric", {
      file: name,
      column: displayName(target!, 80),
      type: displayName(targetType, 60),
    });
  }
  for (const column of columns)
    if (
      (column.name === selection.weights ||
        column.name === selection.offset ||
        (candidates.includes(column) && !excluded.has(column.name))) &&
      !isNumeric(column)
    ) {
      // a CSV's column of text: the first cell that is not a number, named as the CSV reader does
      if (isCsvTable(file)) await refuseTextCell(connection, file, columns, column.name);
      // the weights' or the offset's column: --exclude would not help, another column would
      const role =
        column.name === selection.weights
          ? "--weights"
          : column.name === selection.offset
            ? "--offset"
            : null;
      if (role)
        throw new DataError("table.roleNotNumeric", {
          file: name,
          option: role,
          column: displayName(column.name, 80),
          type: displayName(column.type, 60),
        });
      throw new DataError("table.notNumeric", {
        file: name,
        column: displayName(column.name, 80),
        type: displayName(column.type, 60),
      });
    }
  const features = candidates.map((column) => column.name).filter((column) => !excluded.has(column));
  if (features.length === 0) throw new DataError("stats.noFeatures", { file: name });
  // the features of the output: an excluded column stays there, at 0, when it is a number (as
  // glmnet's exclude, and the CSV path); a column of text can only be left out
  const outputFeatures = candidates
    .filter((column) => !excluded.has(column.name) || isNumeric(column))
    .map((column) => column.name);
  const query: StatisticsQuery = {
    // (the columns were read without the row keys, which are not features)
    from: selection.keyed ? parquetSource(file, true) : from,
    features,
    target: target!,
    weights: selection.weights,
    offset: selection.offset,
    where: selection.where,
    dropEmpty: selection.na === "drop",
  };
  return {
    from: query.from,
    features,
    outputFeatures,
    target: target!,
    query,
    statement: statisticsStatement(query),
  };
}

/**
 * The column types of the Arrow files an input names (arrowFilesOf): each file opened, and a file
 * whose used columns differ from the first's — one missing, one more, or another type — refused by
 * name, as is a glob or folder that names no Arrow file. With --columns only the columns read are
 * compared (the others are never read, as for one file).
 */
async function arrowCollectionTypes(file: string, selection: TableSelection): Promise<Map<string, string>> {
  const files = arrowFilesOf(file);
  if (files.length === 0) throw new DataError("table.arrowNoFiles", { file: displayName(file, 200) });
  const first = await arrowColumnTypesOf(files[0]!);
  const names = [...first.keys()];
  const used = selection.columns
    ? new Set(
        [
          ...selection.columns,
          selection.target ?? (first.has("y") ? "y" : names.at(-1)),
          selection.weights,
          selection.offset,
        ].filter((name): name is string => name !== undefined),
      )
    : null;
  for (const path of files.slice(1)) {
    const types = await arrowColumnTypesOf(path);
    const where = { file: displayName(path, 200), first: displayName(files[0]!, 200) };
    for (const column of new Set([...names, ...types.keys()])) {
      if (used && !used.has(column)) continue;
      const mine = types.get(column);
      const theirs = first.get(column);
      if (mine === theirs) continue;
      if (mine === undefined)
        throw new DataError("table.arrowMissingColumn", { ...where, column: displayName(column) });
      if (theirs === undefined)
        throw new DataError("table.arrowExtraColumn", { ...where, column: displayName(column) });
      throw new DataError("table.arrowSchemas", {
        ...where,
        column: displayName(column),
        type: mine,
        firstType: theirs,
      });
    }
  }
  return first;
}

/** An Arrow file's column types by name; a file apache-arrow cannot open is refused by name. */
async function arrowColumnTypesOf(file: string): Promise<Map<string, string>> {
  const name = displayName(file, 200);
  if (!existsSync(file)) throw new DataError("data.notFound", { file: name });
  if (statSync(file).isDirectory()) throw new DataError("file.isDirectory", { file: name });
  if (statSync(file).size === 0) throw new DataError("table.arrowEmpty", { file: name });
  const { openArrowBatches, otherFormat } = await import("./arrowFile.js");
  let schema: ReturnType<typeof openArrowBatches>["schema"];
  try {
    // another format under the extension (a Parquet file, a CSV renamed): named, not decoded
    const other = otherFormat(file);
    if (other) throw new DataError("table.arrowIsOther", { file: name, format: other });
    schema = openArrowBatches(file).schema;
  } catch (error) {
    if (error instanceof DataError) throw error;
    const code = (error as NodeJS.ErrnoException)?.code;
    if (code === "EACCES" || code === "EPERM" || code === "EISDIR")
      throw new DataError("data.unreadable", { file: name, reason: code });
    throw new DataError("table.arrowUnreadable", {
      file: name,
      reason: displayName(String((error as Error)?.message ?? error).replace(/\.+$/, ""), 200),
    });
  }
  if (schema.fields.length === 0) throw new DataError("stats.noFeatures", { file: name });
  // two columns of one name: DuckDB would refuse the scan in its own words
  const seen = new Map<string, number>();
  schema.fields.forEach((field, index) => {
    const first = seen.get(field.name);
    if (first !== undefined)
      throw new DataError("data.duplicateColumn", {
        file: name,
        column: index + 1,
        first: first + 1,
        name: displayName(field.name),
      });
    seen.set(field.name, index);
  });
  return new Map(schema.fields.map((field) => [field.name, String(field.type)]));
}

/**
 * A CSV's line (1 = the header, as the CSV reader counts) and column position of its first cell
 * matching `condition` in column `name`, or undefined: one more scan, only when refusing the file.
 */
async function firstCsvCell(
  connection: Connection,
  file: string,
  name: string,
  condition: string,
  where = "",
) {
  const column = quoteIdentifier(name);
  const [found] = await rows(
    connection,
    `SELECT ordinality, CAST(${column} AS VARCHAR) AS cell FROM ${csvReader(file)}) WITH ORDINALITY${where ? `${where} AND` : " WHERE"} ${condition} ORDER BY ordinality LIMIT 1`,
    file,
  );
  return found ? { row: Number(found["ordinality"]) + 1, value: String(found["cell"] ?? "") } : undefined;
}

async function refuseTextCell(
  connection: Connection,
  file: string,
  columns: readonly { name: string }[],
  name: string,
): Promise<void> {
  const column = quoteIdentifier(name);
  const found = await firstCsvCell(
    connection,
    file,
    name,
    `${column} IS NOT NULL AND TRY_CAST(${column} AS DOUBLE) IS NULL`,
  );
  if (found)
    throw new DataError("data.notNumeric", {
      file: displayName(file, 200),
      row: found.row,
      column: columns.findIndex((c) => c.name === name) + 1,
      name: displayName(name, 80),
      value: displayName(found.value, 40),
    });
}

async function refuseEmptyCell(
  connection: Connection,
  file: string,
  name: string,
  where: string,
): Promise<void> {
  const described = await rows(connection, `DESCRIBE SELECT * FROM ${csvReader(file)})`, file);
  const found = await firstCsvCell(connection, file, name, `${quoteIdentifier(name)} IS NULL`, where);
  if (found)
    throw new DataError("data.emptyCell", {
      file: displayName(file, 200),
      row: found.row,
      column: described.findIndex((row) => String(row["column_name"]) === name) + 1,
      name: displayName(name, 80),
    });
}

/** The table opened: its columns checked, empty cells refused unless --na drop, its statistics. */
async function openTable(file: string, selection: TableSelection) {
  const connection = await openConnection(file);
  try {
    const prepared = await prepare(connection, file, selection);
    const { from, features, target } = prepared;
    const used = [
      ...features,
      target,
      ...(selection.weights ? [selection.weights] : []),
      ...(selection.offset ? [selection.offset] : []),
    ];
    const where = selection.where ? ` WHERE (${selection.where})` : "";
    if (selection.na === "error") {
      const counts = used.map(
        (column, k) => `COUNT(*) FILTER (WHERE ${quoteIdentifier(column)} IS NULL) AS e${k}`,
      );
      const [empty] = await rows(connection, `SELECT ${counts.join(", ")} FROM ${from}${where}`, file);
      const k = used.findIndex((_, k) => Number(empty?.[`e${k}`] ?? 0) > 0);
      if (k >= 0 && isCsvTable(file)) await refuseEmptyCell(connection, file, used[k]!, where);
      if (k >= 0)
        throw new DataError("table.emptyCells", {
          file: displayName(file, 200),
          column: displayName(used[k]!, 80),
          count: Number(empty![`e${k}`]),
        });
    }
    if (selection.weights !== undefined) {
      const w = quoteIdentifier(selection.weights);
      const where = selection.where ? ` WHERE (${selection.where})` : "";
      const [check] = await rows(connection, `SELECT MIN(${w}) AS low FROM ${from}${where}`, file);
      const low = Number(check?.["low"]);
      if (low < 0)
        throw new DataError("table.negativeWeight", {
          file: displayName(file, 200),
          column: displayName(selection.weights, 80),
          value: low,
        });
    }
    const [row] = await rows(connection, prepared.statement, file, selection.onProgress);
    // a sum that is not finite: NaN or ±∞ in a used column (a Parquet or Arrow column of doubles
    // can hold them; --na drop leaves out empty cells, not these), named with its count by one more
    // scan — only then, so a clean table pays nothing (counting them up front cost 1.2 s of a
    // 10-million-row path)
    if (Object.values(row ?? {}).some((value) => typeof value === "number" && !Number.isFinite(value))) {
      const counts = used.map(
        (column, k) =>
          `COUNT(*) FILTER (WHERE NOT isfinite(CAST(${quoteIdentifier(column)} AS DOUBLE))) AS f${k}`,
      );
      const [found] = await rows(connection, `SELECT ${counts.join(", ")} FROM ${from}${where}`, file);
      const f = used.findIndex((_, k) => Number(found?.[`f${k}`] ?? 0) > 0);
      if (f >= 0)
        throw new DataError("table.notFiniteCells", {
          file: displayName(file, 200),
          column: displayName(used[f]!, 80),
          count: Number(found![`f${f}`]),
        });
    }
    if (Number(row?.["n"] ?? 0) > 0 && !(Number(row?.["weight_total"]) > 0))
      throw new DataError("table.zeroWeights", {
        file: displayName(file, 200),
        column: displayName(selection.weights ?? "", 80),
      });
    // a sum past the doubles' range (a value near 1e300, or NaN/∞ in the file): name its column
    const order = [...features, target];
    for (const [key, value] of Object.entries(row ?? {})) {
      if (typeof value !== "number" || Number.isFinite(value)) continue;
      const match = /^cov__(\d+)__(\d+)$/.exec(key);
      const column = key.startsWith("mean__") ? key.slice(6) : match ? order[Number(match[1])]! : key;
      throw new DataError("table.notFinite", {
        file: displayName(file, 200),
        column: displayName(column, 80),
      });
    }
    const statistics = statisticsFromRow(row ?? {}, file, target);
    return { connection, prepared, statistics };
  } catch (error) {
    connection.closeSync();
    throw error;
  }
}

/**
 * The gaussian statistics of the table: its columns checked (numbers only), empty cells refused
 * unless --na drop (one counting scan), then the statement run — two scans, in DuckDB's threads.
 */
export async function tableStatistics(file: string, selection: TableSelection) {
  const { connection, statistics, prepared } = await openTable(file, selection);
  connection.closeSync();
  return { statistics, outputFeatures: prepared.outputFeatures };
}

/**
 * The table for a streamed binomial or poisson path: its statistics, a 0/1 target checked, and the pass
 * (one SQL scan per call) that glm/streamedLogistic.ts drives. Close it when the path is done.
 */
export async function tableGlmPasses(
  file: string,
  selection: TableSelection,
  family: "binomial" | "poisson" = "binomial",
) {
  const { connection, prepared, statistics } = await openTable(file, selection);
  const name = displayName(file, 200);
  try {
    const y = quoteIdentifier(prepared.target);
    const conditions = [
      ...(selection.where ? [`(${selection.where})`] : []),
      ...(selection.na === "drop" ? [`${y} IS NOT NULL`] : []),
    ];
    const where = conditions.length ? ` WHERE ${conditions.join(" AND ")}` : "";
    // binomial: 0 and 1 only, both present; poisson: counts, ≥ 0, not all 0
    const wrong = family === "binomial" ? `${y} <> 0 AND ${y} <> 1` : `${y} < 0`;
    const [check] = await rows(
      connection,
      `SELECT COUNT(*) FILTER (WHERE ${wrong}) AS other, MIN(${y}) AS low, MAX(${y}) AS high, COUNT(*) FILTER (WHERE ${y} = 1) AS ones, COUNT(*) FILTER (WHERE ${y} = 0) AS zeros FROM ${prepared.from}${where}`,
      file,
    );
    const other = Number(check?.["other"] ?? 0) > 0;
    if (family === "binomial" && (other || Number(check?.["low"]) === Number(check?.["high"])))
      throw new DataError("table.notBinary", { file: name, target: displayName(prepared.target, 80) });
    // a class of one row, refused as glmnet (and the in-memory path) refuse it
    for (const [label, key] of [
      [0, "zeros"],
      [1, "ones"],
    ] as const)
      if (family === "binomial" && Number(check?.[key] ?? 0) < 2)
        throw new DataError("glm.classOfOne", { file: name, label, count: Number(check?.[key] ?? 0) });
    if (family === "poisson" && (other || !(Number(check?.["high"]) > 0)))
      throw new DataError("table.notCounts", { file: name, target: displayName(prepared.target, 80) });
  } catch (error) {
    connection.closeSync();
    throw error;
  }
  const p = prepared.features.length;
  const mean = statistics.mean.subarray(0, p);
  // two statements, planned once: the full pass (gradient and second-order sums) and the light one
  let full: Awaited<ReturnType<Connection["prepare"]>>;
  let light: Awaited<ReturnType<Connection["prepare"]>>;
  try {
    full = await connection.prepare(workingPassStatement(prepared.query, mean, family, selection.offset));
    light = await connection.prepare(
      workingPassStatement(prepared.query, mean, family, selection.offset, false),
    );
  } catch (error) {
    connection.closeSync();
    throw error;
  }
  const pass: WorkingPass = async (intercept, beta, _mean, secondOrder) => {
    if (!Number.isFinite(intercept) || !beta.every(Number.isFinite))
      throw new DataError("table.diverged", { file: name });
    const statement = secondOrder ? full : light;
    let centre = intercept;
    for (let j = 0; j < p; j++) centre += beta[j]! * mean[j]!;
    statement.bindDouble(1, centre);
    for (let j = 0; j < p; j++) statement.bindDouble(j + 2, beta[j]!);
    let row: Record<string, unknown> | undefined;
    try {
      [row] = (await statement.runAndReadAll()).getRowObjects();
    } catch (error) {
      const text = String((error as Error).message ?? error).split("\n")[0]!;
      throw new DataError("table.queryFailed", { file: name, reason: displayName(text, 300) });
    }
    const value = (key: string) => {
      const raw = row?.[key];
      const number = typeof raw === "bigint" ? Number(raw) : Number(raw);
      if (!Number.isFinite(number)) throw new DataError("table.diverged", { file: name });
      return number;
    };
    const m = p + 1;
    let model: WorkingSums["model"] = null;
    if (secondOrder) {
      const second = new Float64Array(m * m);
      for (let a = 0; a < m; a++)
        for (let b = a; b < m; b++) {
          second[a * m + b] = value(`q_${a}_${b}`);
          second[b * m + a] = second[a * m + b]!;
        }
      model = {
        vTotal: value("v_total"),
        first: Float64Array.from({ length: m }, (_, a) => value(`s_${a}`)),
        second,
      };
    }
    return {
      n: value("n"),
      loss: value("loss"),
      saturated: value("saturated"),
      gradientIntercept: value("g_int"),
      gradient: Float64Array.from({ length: p }, (_, j) => value(`g_${j}`)),
      residualSquares: secondOrder ? null : value("r2"),
      model,
    };
  };
  /**
   * The rows the passes read, held in memory (features row-major, the target, the weights and the
   * offset): for a table small enough that passes — a statement each — cost more than the fit.
   */
  const heldRows = async (extra?: string) => {
    const q = prepared.query;
    const select = [
      // (an expression of the row read beside its columns: its fold, say)
      ...(extra ? [`CAST(${extra} AS DOUBLE)`] : []),
      ...q.features.map((column) => `CAST(${quoteIdentifier(column)} AS DOUBLE)`),
      `CAST(${quoteIdentifier(q.target)} AS DOUBLE)`,
      ...(q.weights ? [`CAST(${quoteIdentifier(q.weights)} AS DOUBLE)`] : []),
      ...(q.offset ? [`CAST(${quoteIdentifier(q.offset)} AS DOUBLE)`] : []),
    ];
    const conditions = rowConditions(q);
    const sql = `SELECT ${select.join(", ")} FROM ${q.from}${conditions.length ? ` WHERE ${conditions.join(" AND ")}` : ""}`;
    let columns: unknown[][];
    try {
      columns = (await connection.runAndReadAll(sql)).getColumns();
    } catch (error) {
      const text = String((error as Error).message ?? error).split("\n")[0]!;
      throw new DataError("table.queryFailed", { file: name, reason: displayName(text, 300) });
    }
    const extraColumn = extra ? columns.shift() : undefined;
    const n = columns[0]?.length ?? 0;
    const x = new Float64Array(n * p);
    for (let j = 0; j < p; j++) {
      const column = columns[j]!;
      for (let i = 0; i < n; i++) x[i * p + j] = Number(column[i]);
    }
    const asArray = (k: number) => Float64Array.from(columns[k]!, Number);
    const data: Dataset = {
      source: file,
      featureNames: [...q.features],
      targetName: q.target,
      n,
      p,
      x,
      y: asArray(p),
      droppedRows: 0,
      constantColumns: [],
    };
    return {
      data,
      extra: extraColumn ? Float64Array.from(extraColumn, Number) : undefined,
      weights: q.weights ? asArray(p + 1) : undefined,
      offset: q.offset ? asArray(p + (q.weights ? 2 : 1)) : undefined,
    };
  };
  return {
    statistics,
    outputFeatures: prepared.outputFeatures,
    pass,
    heldRows,
    close: () => connection.closeSync(),
  };
}

/** A fold's held-out rows scored at each model (heldOutQuery.ts): their count, weight and mean losses. */
export async function tableHeldOutErrors(
  file: string,
  selection: TableSelection,
  family: HeldOutFamily,
  measure: HeldOutMeasure,
  models: readonly HeldOutModel[],
) {
  const { connection, prepared } = await openTable(file, selection);
  try {
    const { query, outputFeatures } = prepared;
    const statement =
      measure === "auc"
        ? aucStatement(query, outputFeatures, models)
        : heldOutStatement(query, outputFeatures, family, measure, models);
    const [row] = await rows(connection, statement, file, selection.onProgress);
    const n = Number(row?.["n"] ?? 0);
    const weightTotal = Number(row?.["weight_total"] ?? 0);
    if (measure === "auc") {
      const positives = Number(row?.["positives"] ?? 0);
      return {
        n,
        weightTotal,
        // the class the fold lacks, if it lacks one (its AUC undefined)
        missingClass: n === 0 ? null : positives === 0 ? 1 : positives === n ? 0 : null,
        errors: models.map((_, l) => aucFromRankSum(Number(row?.[`s${l}`]), positives, n)),
      };
    }
    return {
      n,
      weightTotal,
      missingClass: null,
      errors: models.map((_, l) => Number(row?.[`e${l}`]) / weightTotal),
    };
  } finally {
    connection.closeSync();
  }
}

export interface TableFolds {
  folds: number;
  /** mod: by the row's position in its file (one file only); hash: by a seeded hash of its key. */
  rule: "mod" | "hash";
  seed: number;
  /** The input (a file, a folder, a glob): what a row's file is named relative to, for its key. */
  file?: string;
}

/** Whether the input names a folder or a glob (its files one table), rather than one file. */
export function namesSeveralFiles(file: string): boolean {
  return /[*?[]/.test(file) || (existsSync(file) && statSync(file).isDirectory());
}

/**
 * A row's file in its fold key. One file: its name alone, so the folds do not depend on where the
 * file lies or how its path is spelled. Several (a folder, a glob): the path below the folder or
 * the glob's fixed start — a Hive-partitioned table's files share their names (y=2023/part-0,
 * y=2024/part-0), and keyed by name alone the same row of each fell in the same fold.
 */
function fileKey(file: string | undefined): string {
  if (file === undefined || !namesSeveralFiles(file)) return "parse_filename(filename)";
  const parts = file.split("/");
  const fixed = /[*?[]/.test(file)
    ? parts
        .slice(
          0,
          parts.findIndex((part) => /[*?[]/.test(part)),
        )
        .join("/")
    : file;
  // the start as given and as the readers write it (normalized: no ./, no //)
  const starts = [...new Set([fixed, normalize(fixed)])]
    .filter((start) => start !== "" && start !== ".")
    .map((start) => `${start.replace(/\/+$/, "")}/`);
  if (starts.length === 0) return "filename";
  const cases = starts.map(
    (start) => `WHEN starts_with(filename, ${quoteString(start)}) THEN substr(filename, ${start.length + 1})`,
  );
  return `CASE ${cases.join(" ")} ELSE filename END`;
}

/** The SQL expression of a row's fold, 1 … K, over read_parquet's row keys. */
export function foldExpression({ folds, rule, seed, file }: TableFolds): string {
  return rule === "mod"
    ? `(file_row_number % ${folds}) + 1`
    : `(hash(${fileKey(file)}, file_row_number, ${Math.trunc(seed)}) % ${folds}) + 1`;
}

/** The fold rule's conditions: mod numbers the rows of one file, before any filter. */
export function checkFoldRule(file: string, selection: TableSelection, folds: TableFolds): void {
  const name = displayName(file, 200);
  if (
    folds.rule === "mod" &&
    ((!/\.parquet$/i.test(file) && !isCsvTable(file) && !ARROW_FILE.test(file)) || namesSeveralFiles(file))
  )
    throw new DataError("table.modNeedsFile", { file: name });
  // mod numbers the rows of the file, before --where or --na drop leave some out: a CSV of the rows
  // kept would number them anew, so the pair is refused rather than cross-validated differently
  if (folds.rule === "mod" && (selection.where !== undefined || selection.na === "drop"))
    throw new DataError("table.modFiltered", { file: name });
}

/**
 * Each fold's gaussian statistics, from one grouped statement (two scans): the rows' folds by
 * `foldExpression`, the columns checked as for a path.
 */
export async function tableFoldStatistics(file: string, selection: TableSelection, folds: TableFolds) {
  const name = displayName(file, 200);
  checkFoldRule(file, selection, folds);
  const { connection, prepared, statistics } = await openTable(file, { ...selection, keyed: true });
  try {
    const keyed = parquetSource(file, true);
    const statement = statisticsStatement({ ...prepared.query, from: keyed }, foldExpression(folds));
    const found = await rows(connection, statement, file, selection.onProgress);
    const byFold = new Map(found.map((row) => [Number(row["fold"]), row]));
    const perFold = Array.from({ length: folds.folds }, (_, k) => {
      const row = byFold.get(k + 1);
      if (!row) throw new DataError("table.emptyFold", { file: name, fold: k + 1, folds: folds.folds });
      if (!(Number(row["weight_total"]) > 0))
        throw new DataError("table.zeroWeightFold", { file: name, fold: k + 1 });
      const { fold: _fold, ...rest } = row;
      return statisticsFromRow(rest, file, prepared.target, 1);
    });
    return { statistics, perFold, outputFeatures: prepared.outputFeatures, statement };
  } finally {
    connection.closeSync();
  }
}
