/**
 * A CSV file → a data set, streamed: the file is read in chunks of 1 MiB and each record goes
 * straight into the DatasetBuilder, so memory holds the numbers (about n·p·8 bytes), never the text
 * — an 800 MB file reads in about the memory of its doubles. The same rules as the pure parseCsv
 * apply, and files that are not CSV text (compressed, UTF-16, binary, a folder) are named as such
 * before any parsing.
 */
import { closeSync, fstatSync, openSync, readSync, statSync } from "node:fs";
import { Parser } from "csv-parse";
import { csvParserError } from "../data/csvParserError.js";
import { DataError, displayName } from "../data/dataError.js";
import { DatasetBuilder } from "../data/datasetBuilder.js";
import { CSV_PARSER_OPTIONS, type Dataset, type ParseCsvOptions } from "../data/parseCsv.js";
import { formatBytes, memoryBudgetBytes } from "./memoryBudget.js";
import { rememberInput } from "./safeWrite.js";
import { sniffNotText } from "./sniffFile.js";

const CHUNK = 1 << 20;

/** csv-parse's incremental parser: each call parses one chunk and reports records through `push`. */
interface IncrementalParser {
  parse(chunk: Buffer | undefined, end: boolean, push: (record: unknown) => void, close: () => void): unknown;
}

/** Opens `file` for reading, or throws the DataError that says why it cannot be read. */
export function openInput(file: string): { fd: number; size: number } {
  const name = displayName(file, 200);
  let fd: number;
  try {
    // opening a FIFO blocks until something writes to it: look before opening
    const kind = statSync(file);
    if (!kind.isFile() && !kind.isDirectory()) throw new DataError("file.notRegular", { file: name });
    fd = openSync(file, "r");
  } catch (error) {
    if (error instanceof DataError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    if (code === "ENOENT") throw new DataError("data.notFound", { file: name });
    if (code === "EISDIR") throw new DataError("file.isDirectory", { file: name });
    throw new DataError("data.unreadable", { file: name, reason: code ?? String(error) });
  }
  const stats = fstatSync(fd);
  if (stats.isDirectory()) {
    closeSync(fd);
    throw new DataError("file.isDirectory", { file: name });
  }
  // a FIFO waits for a writer forever, /dev/zero never ends: only ordinary files are read
  if (!stats.isFile()) {
    closeSync(fd);
    throw new DataError("file.notRegular", { file: name });
  }
  rememberInput(stats);
  return { fd, size: stats.size };
}

export function readCsvDataset(file: string, options: ParseCsvOptions = {}): Dataset {
  const { fd, size } = openInput(file);
  try {
    const builder = new DatasetBuilder(file, options, 1024);
    const parser = (
      new Parser({
        ...CSV_PARSER_OPTIONS,
        record_delimiter: [...CSV_PARSER_OPTIONS.record_delimiter],
        on_record: (record: string[], info: { lines: number }) => {
          builder.add(record, info.lines);
          return null;
        },
      }) as unknown as { api: IncrementalParser }
    ).api;
    const ignore = () => {};
    let offset = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(CHUNK);
      const read = readChunk(fd, chunk, file);
      if (read === 0) break;
      if (offset === 0) {
        sniffNotText(chunk.subarray(0, read), file);
        // the first chunk's line ends estimate the rows: buffers sized once for the whole file —
        // unless the numbers alone would be over the memory budget, which is said before trying
        const rows = (countLineEnds(chunk, read) * Math.max(size, read) * 1.05) / read + 16;
        const firstLine = chunk.subarray(0, read).indexOf(0x0a);
        const columns = countByte(chunk, firstLine < 0 ? read : firstLine, 0x2c) + 1;
        const bytes = rows * (columns * 8 + 4);
        if (bytes > memoryBudgetBytes()) {
          throw new DataError("file.needsMemory", {
            file: displayName(file, 200),
            rows: Math.round(rows),
            columns,
            need: formatBytes(bytes),
            budget: formatBytes(memoryBudgetBytes()),
          });
        }
        builder.reserve(rows);
      }
      const failure = parser.parse(chunk.subarray(0, read), false, ignore, ignore);
      if (failure !== undefined) throw csvParserError(failure, file);
      offset += read;
    }
    const failure = parser.parse(undefined, true, ignore, ignore);
    if (failure !== undefined) throw csvParserError(failure, file);
    return builder.finish();
  } finally {
    closeSync(fd);
  }
}

function countByte(chunk: Buffer, length: number, byte: number): number {
  let count = 0;
  for (let i = 0; i < length; i++) if (chunk[i] === byte) count++;
  return count;
}

/** Line ends (LF, or CR not followed by LF) among the first `length` bytes. */
function countLineEnds(chunk: Buffer, length: number): number {
  let count = 0;
  for (let i = 0; i < length; i++) {
    const byte = chunk[i];
    if (byte === 0x0a || (byte === 0x0d && chunk[i + 1] !== 0x0a)) count++;
  }
  return count;
}

function readChunk(fd: number, chunk: Buffer, file: string): number {
  try {
    return readSync(fd, chunk, 0, chunk.length, null);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const name = displayName(file, 200);
    if (code === "EISDIR") throw new DataError("file.isDirectory", { file: name });
    throw new DataError("data.unreadable", { file: name, reason: code ?? String(error) });
  }
}
