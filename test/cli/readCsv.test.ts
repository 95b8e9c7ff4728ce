import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { readCsvDataset } from "../../src/cli/readCsv.js";
import { DataError } from "../../src/data/dataError.js";
import { parseCsv } from "../../src/data/parseCsv.js";
import { translate } from "../../src/i18n/translate.js";
import { freshFolder } from "../helpers/runCli.js";

function fileWith(content: string | Uint8Array, name = "data.csv"): string {
  const path = join(freshFolder(), name);
  writeFileSync(path, content);
  return path;
}

function errorOf(action: () => unknown): string {
  try {
    action();
  } catch (error) {
    if (error instanceof DataError) return translate("en", error.key, error.params);
    return (error as Error).message;
  }
  throw new Error("expected an error");
}

describe("readCsvDataset (the streamed reader)", () => {
  it("reads a file of several chunks exactly as the text parser reads its text", () => {
    const rows = ["a,b,y"];
    // ~3 MiB: the 1 MiB chunks split records, quoted cells and CRLF pairs anywhere
    for (let i = 0; rows.length < 90_000; i++) {
      const end = i % 3 === 0 ? "\r\n" : i % 3 === 1 ? "\n" : "\r";
      rows.push(`${(i * 0.37).toFixed(6)},"${-i}",${(i % 7) / 3}${end}`);
    }
    const text = `${rows[0]}\n${rows.slice(1).join("")}`;
    const streamed = readCsvDataset(fileWith(text));
    const whole = parseCsv(text, streamed.source);
    expect(streamed.n).toBe(89_999);
    expect(streamed.n).toBe(whole.n);
    expect([...streamed.x]).toEqual([...whole.x]);
    expect([...streamed.y]).toEqual([...whole.y]);
    expect([...streamed.lines!]).toEqual([...whole.lines!]);
  });

  it("agrees with the text parser on random small tables, blank lines and empty cells", () => {
    const cell = fc.oneof(
      fc.integer({ min: -999, max: 999 }).map(String),
      fc.constant(""),
      fc.constant("1e-3"),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(cell, cell), { minLength: 1, maxLength: 30 }),
        fc.boolean(),
        (cells, crlf) => {
          const end = crlf ? "\r\n" : "\n";
          const text = `x,y${end}${cells.map(([a, b]) => `${a},${b}`).join(end)}${end}`;
          const outcome = (read: () => unknown) => {
            try {
              return JSON.stringify(read(), (_, v) => (ArrayBuffer.isView(v) ? [...(v as Float64Array)] : v));
            } catch (error) {
              return (error as Error).message;
            }
          };
          const path = fileWith(text);
          expect(outcome(() => readCsvDataset(path, { na: "drop" }))).toBe(
            outcome(() => parseCsv(text, path, { na: "drop" })),
          );
        },
      ),
      { numRuns: 60, seed: 7 },
    );
  });

  it("keeps memory near the numbers: the buffers are sized once from the file's bytes per row", () => {
    const rows = ["a,y"];
    for (let i = 0; i < 50_000; i++) rows.push(`${i},${i % 2}`);
    const data = readCsvDataset(fileWith(`${rows.join("\n")}\n`));
    // at most a twentieth more room than rows (plus a few) was reserved
    expect(data.x.buffer.byteLength / 8).toBeLessThan(50_000 * 1.06 + 64);
  });

  const notCsv: [string, Uint8Array | string, RegExp][] = [
    ["a gzip file", gzipSync("a,y\n1,2\n"), /is a gzip archive, not a CSV text file/],
    ["a zip file", Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]), /is a zip archive/],
    ["a Parquet file", "PAR1\u0000\u0001", /is a Parquet file: reglab path and reglab cv read it/],
    ["an Arrow IPC file", "ARROW1\u0000\u0000", /is an Arrow IPC file: reglab path and reglab cv read it/],
    [
      "UTF-16 with a byte-order mark",
      Buffer.from("\ufeffa,y\n1,2\n", "utf16le"),
      /is UTF-16 text; reglab reads UTF-8/,
    ],
    ["UTF-16 without one", Buffer.from("a,y\n1,2\n3,4\n", "utf16le"), /is UTF-16 text/],
    [
      "a binary file",
      Uint8Array.from([0x61, 0x2c, 0x79, 0x0a, 0x00, 0x07, 0x31]),
      /binary file \(byte 4 is not text\)/,
    ],
    [
      "bytes that are not UTF-8",
      Buffer.from([0x61, 0x2c, 0x79, 0x0a, 0x31, 0xff, 0x2c, 0x32, 0x0a]),
      /row 2: the text is not valid UTF-8/,
    ],
    ["a quote never closed", 'a,y\n"1,2\n', /row \d: a quoted cell is never closed/],
  ];
  for (const [what, content, message] of notCsv) {
    it(`names ${what} as such`, () => {
      expect(errorOf(() => readCsvDataset(fileWith(content)))).toMatch(message);
    });
  }

  it("names a folder and a missing file", () => {
    const folder = freshFolder();
    expect(errorOf(() => readCsvDataset(folder))).toMatch(/is a folder, not a file/);
    expect(errorOf(() => readCsvDataset(join(folder, "nope.csv")))).toMatch(/no such file/);
  });
});
