/**
 * CSV text → a numeric data set, with errors that name the file, the row and the column and say
 * how to fix the input. Pure: it takes the text and a name for messages; reading files is the
 * shell's job, so the same parser serves the CLI and the browser.
 *
 * Accepted: a header row; numeric cells (with a '.' decimal point); a UTF-8 byte-order mark; quoted
 * fields; CRLF or LF line ends; blank lines (skipped). Rows are numbered as lines of the file, the
 * header being row 1. Column names are data: they are never interpreted.
 */
import { parse } from "csv-parse/sync";
import { DataError, displayName } from "./dataError.js";

export interface Dataset {
  /** The name used in messages (the file's path). */
  source: string;
  featureNames: string[];
  targetName: string;
  /** Rows kept. */
  n: number;
  /** Features. */
  p: number;
  /** Features, row-major: x[i·p + j] is feature j of row i. */
  x: Float64Array;
  y: Float64Array;
  /** Rows dropped for empty cells under na: "drop". */
  droppedRows: number;
  /** Feature columns whose values are all equal. */
  constantColumns: string[];
  /** The file line of each kept row (for messages about a row); absent for generated data. */
  lines?: Int32Array;
}

export interface ParseCsvOptions {
  /** The target column; default "y" if there is one, else the last column; false: no target (y all 0). */
  target?: string | false;
  /** What to do with empty cells: "error" (default) or "drop" the row. */
  na?: "error" | "drop";
}

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

/** Numbers as written in CSV files: decimal or exponent notation, optional sign; nothing else. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INFINITY = /^[+-]?(inf|infinity)$/i;

export function parseCsv(text: string, source: string, options: ParseCsvOptions = {}): Dataset {
  const file = displayName(source, 200);
  let records: CsvRecord[];
  try {
    records = parse(text, {
      bom: true,
      relax_column_count: true,
      skip_empty_lines: true,
      info: true,
      trim: true,
    }) as unknown as CsvRecord[];
  } catch (error) {
    const line = (error as { lines?: number }).lines ?? "?";
    throw new DataError("data.malformed", { file, row: line, reason: (error as Error).message });
  }
  if (records.length === 0) throw new DataError("data.empty", { file });
  const header = records[0]!.record;
  const seen = new Map<string, number>();
  header.forEach((name, index) => {
    const first = seen.get(name);
    if (first !== undefined) {
      throw new DataError("data.duplicateColumn", {
        file,
        column: index + 1,
        first: first + 1,
        name: displayName(name),
      });
    }
    seen.set(name, index);
  });
  if (records.length === 1) throw new DataError("data.noRows", { file });

  const noTarget = options.target === false;
  const targetName = noTarget ? "" : options.target || (seen.has("y") ? "y" : header[header.length - 1]!);
  const targetIndex = noTarget ? -1 : seen.get(targetName);
  if (targetIndex === undefined) {
    throw new DataError("data.noTarget", {
      file,
      target: displayName(targetName),
      columns: header.map((name) => displayName(name, 30)).join(", "),
    });
  }
  if (header.length < (noTarget ? 1 : 2))
    throw new DataError("data.noFeatures", { file, target: displayName(targetName) });
  const featureIndices = header.map((_, i) => i).filter((i) => i !== targetIndex);
  const p = featureIndices.length;

  const rows: number[][] = [];
  const lines: number[] = [];
  let droppedRows = 0;
  for (const { record, info } of records.slice(1)) {
    const row = info.lines;
    if (record.length !== header.length) {
      throw new DataError("data.ragged", { file, row, found: record.length, expected: header.length });
    }
    if (record.some((cell) => cell === "")) {
      if (options.na === "drop") {
        droppedRows++;
        continue;
      }
      const column = record.indexOf("") + 1;
      throw new DataError("data.emptyCell", { file, row, column, name: displayName(header[column - 1]!) });
    }
    lines.push(row);
    rows.push(
      record.map((cell, index) => {
        const where = {
          file,
          row,
          column: index + 1,
          name: displayName(header[index]!),
          value: displayName(cell, 40),
        };
        if (INFINITY.test(cell)) throw new DataError("data.infinite", where);
        if (!NUMBER.test(cell)) throw new DataError("data.notNumeric", where);
        const value = Number(cell);
        if (!Number.isFinite(value)) throw new DataError("data.infinite", where);
        return value;
      }),
    );
  }
  if (rows.length === 0) throw new DataError("data.allDropped", { file, dropped: droppedRows });

  const n = rows.length;
  const x = new Float64Array(n * p);
  const y = new Float64Array(n);
  rows.forEach((values, i) => {
    featureIndices.forEach((column, j) => {
      x[i * p + j] = values[column]!;
    });
    y[i] = noTarget ? 0 : values[targetIndex]!;
  });
  const constantColumns = featureIndices
    .filter((column) => rows.every((values) => values[column] === rows[0]![column]))
    .map((column) => header[column]!);
  return {
    source,
    featureNames: featureIndices.map((i) => header[i]!),
    targetName,
    n,
    p,
    x,
    y,
    droppedRows,
    constantColumns,
    lines: Int32Array.from(lines),
  };
}
