/**
 * The Arrow IPC reader under the table function: record batches in the file's order, decoded one
 * at a time, a batch's body read into the last one's buffer (the file format), and the codecs of
 * compressed bodies registered.
 */
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import {
  CompressionType,
  compressionRegistry,
  RecordBatchFileWriter,
  RecordBatchStreamWriter,
  tableFromArrays,
} from "apache-arrow";
import { describe, expect, it } from "vitest";
import { openArrowBatches } from "../../src/cli/outOfCore/arrowFile.js";
import { freshFolder } from "../helpers/runCli.js";

const folder = freshFolder();

/** 3 batches of 20000 rows (a body of 320 KB each, past the reused-buffer threshold), x = row, y = 2·row. */
function writeBatches(file: string, format: "file" | "stream"): void {
  const writer = format === "file" ? new RecordBatchFileWriter() : new RecordBatchStreamWriter();
  for (let b = 0; b < 3; b++) {
    const x = Float64Array.from({ length: 20000 }, (_, i) => b * 20000 + i);
    writer.write(tableFromArrays({ x, y: x.map((v) => 2 * v) }).batches[0]!);
  }
  writer.finish();
  writeFileSync(file, writer.toUint8Array(true));
}

describe("openArrowBatches", () => {
  for (const format of ["file", "stream"] as const)
    it(`reads the ${format} format's batches in order, each whole when it is read`, () => {
      const file = join(folder, `batches-${format}.arrow`);
      writeBatches(file, format);
      const opened = openArrowBatches(file);
      expect(opened.format).toBe(format);
      expect(opened.schema.fields.map((field) => field.name)).toEqual(["x", "y"]);
      const bodies: ArrayBufferLike[] = [];
      let row = 0;
      for (let next = opened.batches.next(); !next.done; next = opened.batches.next()) {
        const x = next.value.getChild("x")!.toArray() as Float64Array;
        const y = next.value.getChild("y")!.toArray() as Float64Array;
        for (let i = 0; i < x.length; i++, row++) {
          expect(x[i]).toBe(row);
          expect(y[i]).toBe(2 * row);
        }
        bodies.push(x.buffer);
      }
      expect(row).toBe(60000);
      // the file format reads every batch's body into one buffer, reused (a fresh one per batch
      // was half of a pass: memory written for the first time); the stream format cannot
      if (format === "file") expect(new Set(bodies).size).toBe(1);
    });

  it("registers a ZSTD decoder (fzstd) beside LZ4's", () => {
    const file = join(folder, "batches-file.arrow");
    writeBatches(file, "file");
    openArrowBatches(file);
    // a ZSTD frame of one raw block: magic, a single-segment header with an 8-byte content size,
    // a last raw block of 5 bytes
    const content = [104, 101, 108, 108, 111];
    const frame = Uint8Array.from([
      0x28,
      0xb5,
      0x2f,
      0xfd,
      0xe0,
      content.length,
      0,
      0,
      0,
      0,
      0,
      0,
      0,
      1 | (content.length << 3),
      0,
      0,
      ...content,
    ]);
    const zstd = compressionRegistry.get(CompressionType.ZSTD);
    expect(Array.from(zstd!.decode!(frame))).toEqual(content);
    expect(compressionRegistry.get(CompressionType.LZ4_FRAME)?.decode).toBeTypeOf("function");
  });

  it("throws apache-arrow's error for bytes that are not Arrow", () => {
    const file = join(folder, "not.arrow");
    writeFileSync(file, "x,y\n1,2\n");
    expect(() => openArrowBatches(file)).toThrow();
  });
});
