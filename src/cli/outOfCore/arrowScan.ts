/**
 * `reglab_arrow('file')`: an Arrow IPC file as a DuckDB table function, so that every statement a
 * Parquet table runs — the statistics, the IRLS passes, the folds, --where — runs on it unchanged.
 * DuckDB's own Arrow reader is an extension it downloads, which a run may not do; here apache-arrow
 * decodes one record batch at a time and its columns are copied into DuckDB's vectors.
 *
 * Numbers (integers and floats of any width) reach DuckDB as DOUBLE and booleans as BOOLEAN; text
 * and dictionary-encoded columns as VARCHAR (for --where); any other type as VARCHAR too, its
 * Arrow type kept for the message that refuses it as a feature.
 */

import { statSync } from "node:fs";
import {
  BIGINT,
  BOOLEAN,
  DATE,
  DOUBLE,
  type DuckDBConnection,
  type DuckDBDataChunk,
  DuckDBDateValue,
  DuckDBTableFunction,
  type DuckDBTableFunctionInfo,
  DuckDBTimestampValue,
  type DuckDBType,
  TIMESTAMP,
  VARCHAR,
} from "@duckdb/node-api";
import duckdb from "@duckdb/node-bindings";
import { DataType, type Field, type RecordBatch, type Vector } from "apache-arrow";
import { openArrowBatches } from "./arrowFile.js";
import { ARROW_FUNCTION } from "./duckdbTable.js";

/** How a column's values reach DuckDB. */
type ColumnKind = "number" | "boolean" | "date" | "timestamp" | "text";

function columnKind(field: Field): ColumnKind {
  if (DataType.isFloat(field.type) || DataType.isInt(field.type)) return "number";
  if (DataType.isBool(field.type)) return "boolean";
  // dates and times as DuckDB's own types, so that --where compares them as dates, not as text
  if (DataType.isDate(field.type)) return "date";
  if (DataType.isTimestamp(field.type)) return "timestamp";
  return "text";
}

const DUCKDB_TYPE: Record<ColumnKind, DuckDBType> = {
  number: DOUBLE,
  boolean: BOOLEAN,
  date: DATE,
  timestamp: TIMESTAMP,
  text: VARCHAR,
};

const DAY_MS = 86_400_000;

/**
 * The extra column `row_numbers = true` adds: each row's position in the file from 0, as
 * read_parquet's file_row_number. The scan hands chunks to several DuckDB threads, so a position
 * counted by DuckDB (WITH ORDINALITY) would depend on which thread took which chunk; this one is
 * the file's.
 */
export const ROW_NUMBER_COLUMN = "file_row_number";

/** DuckDB's chunk: 2048 rows (its STANDARD_VECTOR_SIZE). */
const CHUNK_ROWS = 2048;

interface ScanState {
  batches: Iterator<RecordBatch>;
  batch: RecordBatch | null;
  /** The file's rows before `batch`. */
  rowsBefore: number;
  /** The next row of `batch` to hand to DuckDB. */
  row: number;
  /** The columns DuckDB asked for (projection pushdown), as positions in the schema; the row
   * number column, past the schema's, as -1. */
  columns: number[];
  kinds: ColumnKind[];
  /** Each asked-for column of `batch` that is float64 without nulls, as it is (else null). */
  plain: (Float64Array | null)[];
  /** A chunk's numbers converted to doubles, before they are copied into DuckDB's vector. */
  scratch: Float64Array;
  rowNumbers: BigInt64Array;
}

/** A float64 column without nulls, whose values are copied into DuckDB's vector as they are. */
function plainDoubles(vector: Vector): Float64Array | null {
  if (vector.nullCount > 0 || vector.data.length !== 1) return null;
  const values = vector.toArray();
  return values instanceof Float64Array ? values : null;
}

function textOf(value: unknown): string {
  if (typeof value === "string") return value;
  if (value !== null && typeof value === "object" && "toJSON" in value)
    return JSON.stringify((value as { toJSON(): unknown }).toJSON(), (_, item) =>
      typeof item === "bigint" ? Number(item) : item,
    );
  return String(value);
}

/** `values` copied into the chunk's vector `slot` as they are (8-byte numbers), one copy. */
function copyToVector(output: DuckDBDataChunk, slot: number, values: Float64Array | BigInt64Array): void {
  duckdb.copy_data_to_vector(
    duckdb.data_chunk_get_vector(output.chunk, slot),
    0,
    values.buffer as ArrayBuffer,
    values.byteOffset,
    values.byteLength,
  );
}

function writeRowNumbers(state: ScanState, output: DuckDBDataChunk, slot: number, count: number): void {
  const numbers = state.rowNumbers;
  const first = state.rowsBefore + state.row;
  for (let i = 0; i < count; i++) numbers[i] = BigInt(first + i);
  copyToVector(output, slot, numbers.subarray(0, count));
}

function writeColumn(state: ScanState, output: DuckDBDataChunk, slot: number, count: number): void {
  const start = state.row;
  const plain = state.plain[slot];
  if (plain) {
    // the common case: DuckDB's vector filled straight from the batch's bytes, one copy
    copyToVector(output, slot, plain.subarray(start, start + count));
    return;
  }
  const vector = state.batch!.getChildAt(state.columns[slot]!)!;
  const kind = state.kinds[slot]!;
  if (kind === "number" && vector.nullCount === 0) {
    // integers, float32, int64 (bigint): converted to doubles in a scratch row, then one copy
    const scratch = state.scratch;
    for (let i = 0; i < count; i++) scratch[i] = Number(vector.get(start + i));
    copyToVector(output, slot, scratch.subarray(0, count));
    return;
  }
  const target = output.getColumnVector(slot);
  for (let i = 0; i < count; i++) {
    const value = vector.get(start + i);
    if (value === null || value === undefined) target.setItem(i, null);
    else if (kind === "number") target.setItem(i, Number(value));
    else if (kind === "boolean") target.setItem(i, Boolean(value));
    // (apache-arrow reads both as milliseconds since 1970, whatever the unit stored)
    else if (kind === "date") target.setItem(i, new DuckDBDateValue(Math.floor(Number(value) / DAY_MS)));
    else if (kind === "timestamp")
      target.setItem(i, new DuckDBTimestampValue(BigInt(Math.round(Number(value) * 1000))));
    else target.setItem(i, textOf(value));
  }
  target.flush();
}

function nextChunk(info: DuckDBTableFunctionInfo, output: DuckDBDataChunk): void {
  const state = info.initData as ScanState;
  while (state.batch === null || state.row >= state.batch.numRows) {
    const next = state.batches.next();
    if (next.done) {
      output.rowCount = 0;
      return;
    }
    if (state.batch !== null) state.rowsBefore += state.batch.numRows;
    const batch = next.value;
    state.batch = batch;
    state.row = 0;
    // (once a batch, not once a chunk)
    state.plain = state.columns.map((column, slot) =>
      column >= 0 && state.kinds[slot] === "number" ? plainDoubles(batch.getChildAt(column)!) : null,
    );
  }
  const count = Math.min(CHUNK_ROWS, state.batch.numRows - state.row);
  output.rowCount = count;
  for (let slot = 0; slot < state.columns.length; slot++)
    if (state.columns[slot] === -1) writeRowNumbers(state, output, slot, count);
    else writeColumn(state, output, slot, count);
  state.row += count;
}

function errorText(error: unknown): string {
  return String((error as Error)?.message ?? error);
}

/** Registers `reglab_arrow(file)` on the connection. */
export function registerArrowScan(connection: DuckDBConnection): void {
  connection.registerTableFunction(
    DuckDBTableFunction.create({
      name: ARROW_FUNCTION,
      parameterTypes: [VARCHAR],
      namedParameterTypes: { row_numbers: BOOLEAN },
      supportsProjectionPushdown: true,
      bindFunction: (info) => {
        const file = String(info.getParameter(0));
        try {
          const { schema } = openArrowBatches(file);
          for (const field of schema.fields) info.addResultColumn(field.name, DUCKDB_TYPE[columnKind(field)]);
          if (info.getNamedParameter("row_numbers") === true) info.addResultColumn(ROW_NUMBER_COLUMN, BIGINT);
          info.setBindData({ file, kinds: schema.fields.map(columnKind) });
          // an estimate of the rows, 8 bytes per cell: without one DuckDB's planner takes the
          // scan for a small table and keeps all of it in memory to join it with one row of means
          const cells = statSync(file).size / 8;
          info.setCardinality(Math.max(1, Math.floor(cells / Math.max(1, schema.fields.length))), false);
        } catch (error) {
          info.setError(`Arrow IPC: ${errorText(error)}`);
        }
      },
      initFunction: (info) => {
        const { file, kinds } = info.bindData as { file: string; kinds: ColumnKind[] };
        // one reader, front to back, shared by DuckDB's threads (their calls come to this thread
        // one at a time); each thread then sums its chunks in parallel with the reading: a
        // gaussian path over 10 million rows 10.1 s on one thread, 6.3 s on two
        info.setMaxThreads(1 << 10);
        try {
          const columns = info.getColumnIndexes().map((column) => (column < kinds.length ? column : -1));
          const state: ScanState = {
            batches: openArrowBatches(file).batches,
            batch: null,
            rowsBefore: 0,
            row: 0,
            columns,
            kinds: columns.map((column) => kinds[column] ?? "number"),
            plain: [],
            scratch: new Float64Array(CHUNK_ROWS),
            rowNumbers: new BigInt64Array(CHUNK_ROWS),
          };
          info.setInitData(state);
        } catch (error) {
          info.setError(`Arrow IPC: ${errorText(error)}`);
        }
      },
      mainFunction: (info, output) => {
        try {
          nextChunk(info, output);
        } catch (error) {
          output.rowCount = 0;
          info.setError(`Arrow IPC: ${errorText(error)}`);
        }
      },
    }),
  );
}
