/**
 * CSV text → a numeric data set, with errors that name the file, the row and the column and say
 * how to fix the input. Pure: it takes the text and a name for messages; reading files is the
 * shell's job (cli/readCsv.ts streams them through the same rules), so the same parser serves the
 * CLI and the browser.
 *
 * Accepted: a header row; numeric cells (with a '.' decimal point); a UTF-8 byte-order mark; quoted
 * fields; CRLF, LF or CR line ends, mixed; blank lines (skipped). Rows are numbered as lines of the
 * file, the header being row 1. Column names are data: they are never interpreted.
 */
import { parse } from "csv-parse/sync";
import { csvParserError } from "./csvParserError.js";
import { DatasetBuilder } from "./datasetBuilder.js";

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
  /**
   * With the option targetLabels, when some class label is not a number ("M", "R"): the label of
   * each code, y holding codes 0 … K−1 in the labels' sorted order (as R's factor levels).
   */
  classLabels?: string[];
  /** Rows dropped for empty cells under na: "drop". */
  droppedRows: number;
  /** The file lines of the dropped rows (readers of files only). */
  droppedLines?: Int32Array;
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
  /** Read only these feature columns (by name), ignoring the others whatever they hold. */
  columns?: readonly string[];
  /**
   * The target holds class labels (a classification): text is allowed there. If every label is a
   * number, y holds the numbers as usual; otherwise y holds codes and classLabels their labels.
   */
  targetLabels?: boolean;
}

/** csv-parse's settings for every reader: records of trimmed strings, any line end, no casting. */
export const CSV_PARSER_OPTIONS = {
  bom: true,
  relax_column_count: true,
  skip_empty_lines: true,
  trim: true,
  record_delimiter: ["\r\n", "\n", "\r"],
} as const;

export function parseCsv(text: string, source: string, options: ParseCsvOptions = {}): Dataset {
  const builder = new DatasetBuilder(source, options, Math.max(16, Math.ceil(text.length / 64)));
  try {
    parse(text, {
      ...CSV_PARSER_OPTIONS,
      record_delimiter: [...CSV_PARSER_OPTIONS.record_delimiter],
      // each record goes straight into the builder; returning null keeps none of them as strings
      on_record: (record: string[], info: { lines: number }) => {
        builder.add(record, info.lines);
        return null;
      },
    });
  } catch (error) {
    throw csvParserError(error, source);
  }
  return builder.finish();
}
