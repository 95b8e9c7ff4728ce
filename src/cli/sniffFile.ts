/**
 * Is the start of a file CSV text? Compressed archives, UTF-16 text and binary files are told apart
 * by their first bytes and named in the error, instead of a parser failing on them with a row of
 * raw bytes in the message.
 */
import { DataError, displayName } from "../data/dataError.js";

/** Magic numbers of the compressed formats a data file most often arrives in. */
const ARCHIVES: readonly { format: string; magic: readonly number[] }[] = [
  { format: "gzip", magic: [0x1f, 0x8b] },
  { format: "zip", magic: [0x50, 0x4b, 0x03, 0x04] },
  { format: "bzip2", magic: [0x42, 0x5a, 0x68] },
  { format: "xz", magic: [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00] },
  { format: "zstd", magic: [0x28, 0xb5, 0x2f, 0xfd] },
  { format: "Parquet", magic: [0x50, 0x41, 0x52, 0x31] },
  { format: "Arrow", magic: [0x41, 0x52, 0x52, 0x4f, 0x57, 0x31] },
  // the stream format: its first message's continuation marker, then a little-endian length
  { format: "Arrow", magic: [0xff, 0xff, 0xff, 0xff] },
];

/** The tables reglab path and cv read through DuckDB, each named in its own message. */
const TABLE_KEYS = { Parquet: "file.parquet", Arrow: "file.arrow" } as const;

/** Throws a DataError if `start` (the file's first bytes) is not UTF-8 text. */
export function sniffNotText(start: Uint8Array, file: string): void {
  const name = displayName(file, 200);
  for (const { format, magic } of ARCHIVES) {
    if (magic.every((byte, i) => start[i] === byte))
      throw new DataError(TABLE_KEYS[format as keyof typeof TABLE_KEYS] ?? "file.compressed", {
        file: name,
        format,
      });
  }
  const utf16Bom = (start[0] === 0xff && start[1] === 0xfe) || (start[0] === 0xfe && start[1] === 0xff);
  if (utf16Bom) throw new DataError("file.utf16", { file: name });
  const zero = start.indexOf(0);
  if (zero < 0) return;
  // UTF-16 without a byte-order mark: ASCII text with a zero byte beside every character
  let zerosAtOneParity = 0;
  const sample = Math.min(start.length, 512);
  for (let i = zero % 2; i < sample; i += 2) if (start[i] === 0) zerosAtOneParity++;
  if (zerosAtOneParity > sample / 4) throw new DataError("file.utf16", { file: name });
  throw new DataError("file.binary", { file: name, offset: zero });
}
