/**
 * An Arrow IPC file read one record batch at a time, synchronously (DuckDB asks for its rows from
 * a synchronous callback), in memory that does not grow with the file: the IPC file format (Feather
 * v2, "ARROW1" at both ends) by random access — its footer lists the batches — and the IPC stream
 * format front to back. apache-arrow decodes the messages; this module only feeds it the bytes.
 */
import { closeSync, openSync, readSync, statSync } from "node:fs";
import {
  CompressionType,
  compressionRegistry,
  type RecordBatch,
  RecordBatchFileReader,
  RecordBatchReader,
  type Schema,
  tableFromArrays,
  tableToIPC,
} from "apache-arrow";
import { RandomAccessFile } from "apache-arrow/io/file";
import { decompress as zstdDecompress } from "fzstd";
import { decompressBound, decompressFrame } from "lz4js";

/**
 * An LZ4 frame decoded into a buffer kept for the next one, then copied out at its size: lz4js's
 * decompress allocates the frame's bound — 4 MB when the frame does not state its size, as
 * Arrow's writers leave it — for every buffer of every batch (1 ms each in first-touched memory:
 * 210 ms to read breast cancer's 569 rows in batches of 100, against 5 ms uncompressed).
 */
let lz4Scratch = new Uint8Array(0);
function lz4Decode(bytes: Uint8Array): Uint8Array {
  const bound = decompressBound(bytes);
  if (lz4Scratch.length < bound) lz4Scratch = new Uint8Array(bound);
  const size = decompressFrame(bytes, lz4Scratch);
  return lz4Scratch.slice(0, size);
}

/**
 * The codecs of compressed IPC bodies (pyarrow's Feather writes LZ4 frames by default), which
 * apache-arrow leaves to its user: LZ4 by lz4js, ZSTD by fzstd, both decoders in plain JavaScript.
 */
function registerCodecs(): void {
  const decoders = [
    [CompressionType.LZ4_FRAME, lz4Decode],
    [CompressionType.ZSTD, (bytes: Uint8Array) => zstdDecompress(bytes)],
  ] as const;
  // a codec registered already (by a program using the library, perhaps to write) keeps its encoder
  for (const [type, decode] of decoders) {
    const registered = compressionRegistry.get(type);
    if (registered?.decode === undefined) compressionRegistry.set(type, { ...registered, decode });
  }
}

const MAGIC = "ARROW1";

/** Reads `length` bytes at `position` into `into` (from 0), opening the file for this read only. */
function readBytes(file: string, into: Uint8Array, length: number, position: number): number {
  // one open per read: a scan that DuckDB stops early (LIMIT) leaves no descriptor behind
  const handle = openSync(file, "r");
  try {
    let done = 0;
    while (done < length) {
      const read = readSync(handle, into, done, length - done, position + done);
      if (read === 0) break;
      done += read;
    }
    return done;
  } finally {
    closeSync(handle);
  }
}

function fileSize(file: string): number {
  return statSync(file).size;
}

/** Whether the six bytes at `position` are "ARROW1": the file format's first and last. */
function magicAt(file: string, position: number): boolean {
  const bytes = new Uint8Array(MAGIC.length);
  return (
    position >= 0 &&
    readBytes(file, bytes, bytes.length, position) === bytes.length &&
    new TextDecoder().decode(bytes) === MAGIC
  );
}

/** Bodies larger than this are read into one buffer reused batch after batch. */
const REUSED_READ_BYTES = 1 << 16;

/**
 * apache-arrow's random-access file, over a file on disk instead of a buffer holding all of it.
 * Once `reuseBodies` is set (after the footer and dictionaries are read, which must stay), a
 * large read lands in the same buffer as the last one: a record batch's columns are views of its
 * body, and the scan is done with a batch before it asks for the next. Memory written for the
 * first time costs ~10 µs per 4 KB page on this machine — a fresh buffer per batch was half of a
 * pass.
 */
class DiskRandomAccessFile extends RandomAccessFile {
  reuseBodies = false;
  private reused = new Uint8Array(0);

  constructor(private readonly file: string) {
    super(new Uint8Array(0));
    this.size = fileSize(file);
    this.position = 0;
  }

  override read(bytes?: number): Uint8Array | null {
    if (this.position >= this.size) return null;
    const length = Math.min(this.size - this.position, bytes ?? Number.POSITIVE_INFINITY);
    const buffer = this.readAt(this.position, length);
    this.position += length;
    return buffer;
  }

  override readAt(position: number, bytes: number): Uint8Array {
    const length = Math.max(0, Math.min(this.size, position + bytes) - position);
    let into: Uint8Array;
    if (this.reuseBodies && length > REUSED_READ_BYTES) {
      if (this.reused.length < length) this.reused = new Uint8Array(length);
      into = this.reused.subarray(0, length);
    } else into = new Uint8Array(length);
    const read = readBytes(this.file, into, length, position);
    return into.subarray(0, read);
  }

  override close(): void {}
}

/**
 * apache-arrow builds a file reader's inner part only from a buffer holding the whole file, and
 * does not export its class: it is taken from a reader of a one-row file, made here, and given
 * the disk-backed file instead.
 */
let fileReaderPart: (new (file: RandomAccessFile) => object) | undefined;
function fileReaderOver(file: RandomAccessFile): RecordBatchFileReader {
  if (fileReaderPart === undefined) {
    const probe = RecordBatchReader.from(tableToIPC(tableFromArrays({ probe: new Float64Array(1) }), "file"));
    fileReaderPart = (probe as unknown as { _impl: { constructor: new (file: RandomAccessFile) => object } })
      ._impl.constructor;
  }
  const Reader = RecordBatchFileReader as unknown as new (part: object) => RecordBatchFileReader;
  return new Reader(new fileReaderPart(file));
}

/** The stream format's bytes, 1 MB at a time (apache-arrow joins a message split between chunks). */
function* streamChunks(file: string): Generator<Uint8Array> {
  const size = fileSize(file);
  for (let position = 0; position < size; ) {
    const chunk = new Uint8Array(Math.min(1 << 20, size - position));
    const read = readBytes(file, chunk, chunk.length, position);
    if (read === 0) return;
    position += read;
    yield chunk.subarray(0, read);
  }
}

/** Formats a file named .arrow may be instead, by their first bytes. */
const OTHER_FORMATS: readonly { format: string; magic: readonly number[] }[] = [
  { format: "Parquet", magic: [0x50, 0x41, 0x52, 0x31] },
  { format: "gzip", magic: [0x1f, 0x8b] },
  { format: "zip", magic: [0x50, 0x4b, 0x03, 0x04] },
  { format: "zstd", magic: [0x28, 0xb5, 0x2f, 0xfd] },
];

/**
 * The format a file is instead of Arrow IPC, told by its first bytes (text for printable ASCII at
 * the start, a CSV most likely), or null when it may be Arrow (the file format's "ARROW1", the
 * stream format's first message).
 */
export function otherFormat(file: string): string | null {
  const head = new Uint8Array(8);
  const read = readBytes(file, head, 8, 0);
  for (const { format, magic } of OTHER_FORMATS)
    if (read >= magic.length && magic.every((byte, i) => head[i] === byte)) return format;
  const text = head
    .subarray(0, read)
    .every((byte) => byte === 0x09 || byte === 0x0a || byte === 0x0d || (byte >= 0x20 && byte < 0x7f));
  if (read > 0 && text && !magicAt(file, 0)) return "text";
  return null;
}

/**
 * Whether a stream-format file ends without the end-of-stream marker (four zero bytes last). The
 * format allows a stream to end by closing, but Arrow's writers write the marker when they close
 * a file: one without it was most likely cut short — at a batch's end, where nothing else shows.
 */
export function streamWithoutEnd(file: string): boolean {
  if (magicAt(file, 0)) return false;
  const size = fileSize(file);
  const tail = new Uint8Array(4);
  return size < 4 || readBytes(file, tail, 4, size - 4) !== 4 || tail.some((byte) => byte !== 0);
}

export interface ArrowBatches {
  schema: Schema;
  /** The record batches in the file's order, each decoded when asked for. */
  batches: Iterator<RecordBatch>;
  format: "file" | "stream";
}

/** Opens an Arrow IPC file (either format, told by its first bytes); throws apache-arrow's error. */
export function openArrowBatches(file: string): ArrowBatches {
  registerCodecs();
  if (magicAt(file, 0)) {
    // the footer the file format ends with (and its magic): without it, a file cut short
    const size = fileSize(file);
    if (size < 2 * MAGIC.length || !magicAt(file, size - MAGIC.length))
      throw new Error("the file ends before its footer: it is cut short");
    const disk = new DiskRandomAccessFile(file);
    const reader = fileReaderOver(disk);
    reader.open();
    disk.reuseBodies = true;
    return { schema: reader.schema, batches: reader[Symbol.iterator](), format: "file" };
  }
  const reader = RecordBatchReader.from(streamChunks(file));
  reader.open();
  if (reader.schema === undefined || reader.schema === null) throw new Error("no Arrow schema at its start");
  return { schema: reader.schema, batches: reader[Symbol.iterator](), format: "stream" };
}
