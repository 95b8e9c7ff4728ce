/**
 * `reglab path` and `reglab cv` over Arrow IPC files (the file format — Feather v2 — and the stream
 * format), read a record batch at a time by reglab's own DuckDB table function: the same path as
 * the in-memory CSV path of the same rows (λ grid, coefficients to 1e-9), whatever the batches'
 * sizes and the columns' Arrow types; and every file it cannot fit a clear error, exit 2, in
 * English and in Chinese.
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import {
  Field as ArrowField,
  Bool,
  CompressionType,
  compressionRegistry,
  DateDay,
  Float64,
  Int32,
  List,
  makeData,
  RecordBatch,
  RecordBatchFileWriter,
  RecordBatchStreamWriter,
  Schema,
  Struct,
  Table,
  TimestampMillisecond,
  tableFromArrays,
  tableToIPC,
  Utf8,
  vectorFromArray,
} from "apache-arrow";
import { compress } from "lz4js";
import { beforeAll, describe, expect, it } from "vitest";
import type { MessageKey } from "../../src/i18n/en.js";
import { messagePattern, run } from "../helpers/inProcessCli.js";
import { freshFolder } from "../helpers/runCli.js";
import { expectSamePath, json } from "../helpers/samePath.js";

const DIABETES = resolve(import.meta.dirname, "../../data/diabetes.csv");
const BREAST = resolve(import.meta.dirname, "../../data/breast_cancer.csv");
const folder = freshFolder();
const at = (name: string) => join(folder, name);

/** A numeric CSV's columns by name (the data sets here have no quotes and no empty cells). */
function readColumns(file: string): Record<string, Float64Array> {
  const [header, ...lines] = readFileSync(file, "utf8").trim().split("\n");
  const names = header!.split(",");
  const cells = lines.map((line) => line.split(","));
  return Object.fromEntries(
    names.map((name, j) => [name, Float64Array.from(cells, (row) => Number(row[j]))]),
  );
}

function writeCsv(file: string, columns: Record<string, ArrayLike<number | string>>): void {
  const names = Object.keys(columns);
  const n = columns[names[0]!]!.length;
  const lines = [names.join(",")];
  for (let i = 0; i < n; i++) lines.push(names.map((name) => String(columns[name]![i])).join(","));
  writeFileSync(file, `${lines.join("\n")}\n`);
}

/** The table written in the IPC file or stream format, in record batches of `batchRows` rows. */
function writeArrow(
  file: string,
  table: Table,
  format: "file" | "stream",
  batchRows: number,
  compressionType: CompressionType | null = null,
): void {
  const writer =
    format === "file"
      ? new RecordBatchFileWriter({ compressionType })
      : new RecordBatchStreamWriter({ compressionType });
  for (let start = 0; start < table.numRows; start += batchRows)
    for (const batch of table.slice(start, Math.min(table.numRows, start + batchRows)).batches)
      writer.write(batch);
  writer.finish();
  writeFileSync(file, writer.toUint8Array(true));
}

/** A seeded tall design: 5000 rows × 20 columns, y linear in five of them plus noise. */
function tallColumns(): Record<string, Float64Array> {
  let state = 12345;
  const uniform = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 2 ** 32;
  };
  const n = 5000;
  const columns: Record<string, Float64Array> = {};
  for (let j = 1; j <= 20; j++) columns[`x${j}`] = Float64Array.from({ length: n }, () => uniform() * 2 - 1);
  columns["y"] = Float64Array.from(
    { length: n },
    (_, i) => 3 * columns["x1"]![i]! - 2 * columns["x2"]![i]! + columns["x5"]![i]! + uniform() - 0.5,
  );
  return columns;
}

beforeAll(() => {
  const diabetes = readColumns(DIABETES);
  const n = diabetes["y"]!.length;
  writeArrow(at("diabetes.arrow"), tableFromArrays(diabetes), "file", 100);
  writeArrow(at("diabetes.arrows"), tableFromArrays(diabetes), "stream", 64);
  // the same rows in two files: a folder (one of them a level down, in the stream format), a glob;
  // and a folder whose second file has a column more
  const rowsOf = (from: number, to: number) =>
    Object.fromEntries(Object.entries(diabetes).map(([name, values]) => [name, values.slice(from, to)]));
  mkdirSync(at("parts/more"), { recursive: true });
  writeArrow(at("parts/a.arrow"), tableFromArrays(rowsOf(0, 200)), "file", 100);
  writeArrow(at("parts/more/b.arrows"), tableFromArrays(rowsOf(200, n)), "stream", 64);
  mkdirSync(at("globbed"));
  writeArrow(at("globbed/split-1.arrow"), tableFromArrays(rowsOf(0, 300)), "file", 100);
  writeArrow(at("globbed/split-2.arrow"), tableFromArrays(rowsOf(300, n)), "file", 100);
  mkdirSync(at("mixed"));
  writeArrow(at("mixed/a.arrow"), tableFromArrays(rowsOf(0, 200)), "file", 100);
  const extra = rowsOf(200, n);
  writeArrow(at("mixed/b.arrow"), tableFromArrays({ ...extra, z: extra["bmi"]! }), "file", 100);
  mkdirSync(at("lacking"));
  writeArrow(at("lacking/a.arrow"), tableFromArrays(rowsOf(0, 200)), "file", 100);
  const { s6: _, ...withoutS6 } = rowsOf(200, n);
  writeArrow(at("lacking/b.arrow"), tableFromArrays(withoutS6), "file", 100);
  mkdirSync(at("typed"));
  writeArrow(at("typed/a.arrow"), tableFromArrays(rowsOf(0, 200)), "file", 100);
  const rest = rowsOf(200, n);
  writeArrow(
    at("typed/b.arrow"),
    tableFromArrays({ ...rest, age: Int32Array.from(rest["age"]!) }),
    "file",
    100,
  );
  // a link to the folder's own parent (followed, it would list the files again and again), and
  // one to a file that is not there
  mkdirSync(at("looped/d"), { recursive: true });
  writeArrow(at("looped/d/a.arrow"), tableFromArrays(rowsOf(0, 200)), "file", 100);
  symlinkSync("..", at("looped/d/up"));
  // a Hive-style table: files of one name in folders of their own, holding the same rows
  for (const part of ["year=2023", "year=2024"]) {
    mkdirSync(at(`hive/${part}`), { recursive: true });
    writeArrow(at(`hive/${part}/part-0.arrow`), tableFromArrays(rowsOf(0, 221)), "file", 100);
  }
  mkdirSync(at("both"));
  writeArrow(at("both/a.arrow"), tableFromArrays(rowsOf(0, 200)), "file", 100);
  writeFileSync(at("both/b.parquet"), "PAR1");
  mkdirSync(at("dangling"));
  writeArrow(at("dangling/a.arrow"), tableFromArrays(rowsOf(0, 200)), "file", 100);
  symlinkSync(at("nowhere/x.arrow"), at("dangling/b.arrow"));
  // LZ4 frames, as pyarrow's Feather writes them by default (apache-arrow's writer, lz4js's encoder)
  compressionRegistry.set(CompressionType.LZ4_FRAME, { encode: (bytes) => compress(bytes) });
  writeArrow(at("lz4.arrow"), tableFromArrays(diabetes), "file", 100, CompressionType.LZ4_FRAME);
  // batches larger than DuckDB's 2048-row chunk and than the reused body buffer's threshold,
  // the last one shorter: a chunk split inside a batch, a body read into the last one's buffer
  const tall = tallColumns();
  writeArrow(at("tall.arrow"), tableFromArrays(tall), "file", 3000);
  writeCsv(at("tall.csv"), tall);
  // integers, int64, float32 and booleans: numbers in DuckDB, as a CSV of the same values
  const { age, sex, bmi, s1, y } = diabetes;
  const typed = {
    age: Int32Array.from(age!, (v) => Math.round(v * 1000)),
    big: BigInt64Array.from(s1!, (v) => BigInt(Math.round(v * 1e6))),
    bmi: Float32Array.from(bmi!),
    y: y!,
  };
  const male = Array.from(sex!, (v) => v > 0);
  writeArrow(
    at("typed.arrow"),
    new Table({
      age: vectorFromArray(Array.from(typed.age), new Int32()),
      big: vectorFromArray(typed.big),
      bmi: vectorFromArray(typed.bmi),
      male: vectorFromArray(male, new Bool()),
      y: vectorFromArray(Array.from(y!), new Float64()),
    }),
    "file",
    150,
  );
  writeCsv(at("typed.csv"), {
    age: typed.age,
    big: Array.from(typed.big, Number),
    bmi: Array.from(typed.bmi),
    male: male.map(Number),
    y: y!,
  });
  // text: a dictionary column (tableFromArrays's choice for strings) and a plain Utf8 one
  const region = Array.from({ length: n }, (_, i) => (i % 3 === 0 ? "US" : "EU"));
  writeArrow(at("strings.arrow"), tableFromArrays({ ...diabetes, region }), "file", 200);
  const eu = region.map((r, i) => (r === "EU" ? i : -1)).filter((i) => i >= 0);
  writeCsv(
    at("eu.csv"),
    Object.fromEntries(Object.entries(diabetes).map(([name, v]) => [name, eu.map((i) => v[i]!)])),
  );
  writeArrow(
    at("utf8.arrow"),
    new Table({
      age: vectorFromArray(Array.from(age!)),
      note: vectorFromArray(region, new Utf8()),
      y: vectorFromArray(Array.from(y!)),
    }),
    "stream",
    100,
  );
  const pairs = Array.from({ length: n }, (_, i) => [bmi![i]!, s1![i]!]);
  writeArrow(
    at("list.arrow"),
    new Table({
      age: vectorFromArray(Array.from(age!)),
      pair: vectorFromArray(pairs, new List(new ArrowField("item", new Float64()))),
      y: vectorFromArray(Array.from(y!)),
    }),
    "file",
    442,
  );
  const holes = Array.from(bmi!, (v, i) => (i === 6 ? null : v));
  writeArrow(
    at("holes.arrow"),
    new Table({
      age: vectorFromArray(Array.from(age!)),
      bmi: vectorFromArray(holes, new Float64()),
      y: vectorFromArray(Array.from(y!)),
    }),
    "file",
    100,
  );
  writeCsv(at("holes.csv"), { age: age!, bmi: holes.map((v) => (v === null ? "" : v)), y: y! });
  const cancer = readColumns(BREAST);
  writeArrow(at("cancer.arrow"), tableFromArrays(cancer), "stream", 128);
  writeFileSync(at("empty.arrow"), "");
  // (a writer given no batch writes nothing; tableToIPC writes an empty table's schema)
  writeFileSync(
    at("norows.arrow"),
    tableToIPC(tableFromArrays({ a: new Float64Array(0), y: new Float64Array(0) }), "file"),
  );
  writeFileSync(at("garbage.arrow"), "age,y\n1,2\n");
  // a date and a timestamp column, 2020-01-01 on: row i is day i, minute i
  const day = Array.from({ length: n }, (_, i) => new Date(Date.UTC(2020, 0, 1 + i)));
  const minute = Array.from({ length: n }, (_, i) => new Date(Date.UTC(2020, 0, 1, 0, i)));
  writeArrow(
    at("dated.arrow"),
    new Table({
      d: vectorFromArray(day, new DateDay()),
      ts: vectorFromArray(minute, new TimestampMillisecond()),
      age: vectorFromArray(Array.from(age!)),
      bmi: vectorFromArray(Array.from(bmi!)),
      y: vectorFromArray(Array.from(y!)),
    }),
    "file",
    100,
  );
  // two fields named age (a Table built from columns cannot hold them: a record batch can)
  const twice = [
    new ArrowField("age", new Float64()),
    new ArrowField("age", new Float64()),
    new ArrowField("y", new Float64()),
  ];
  const children = [age!, bmi!, y!].map(
    (column) => vectorFromArray(Array.from(column), new Float64()).data[0]!,
  );
  writeArrow(
    at("duplicate.arrow"),
    new Table(new RecordBatch(new Schema(twice), makeData({ type: new Struct(twice), length: n, children }))),
    "file",
    442,
  );
  const withNaN = Float64Array.from(bmi!, (v, i) => (i === 3 ? Number.NaN : v));
  writeFileSync(at("nan.arrow"), tableToIPC(tableFromArrays({ age: age!, bmi: withNaN, y: y! }), "file"));
  writeFileSync(at("frn.arrow"), tableToIPC(tableFromArrays({ file_row_number: age!, y: y! }), "file"));
  const file = readFileSync(at("diabetes.arrow"));
  writeFileSync(at("cut.arrow"), file.subarray(0, Math.floor(file.length * 0.7)));
  writeFileSync(at("parquet-named.arrow"), Buffer.concat([Buffer.from("PAR1"), Buffer.alloc(64)]));
  mkdirSync(at("folder.arrow"));
  const whole = readFileSync(at("diabetes.arrows"));
  // every batch, but not the end-of-stream marker (8 bytes) a writer adds when it closes
  writeFileSync(at("unended.arrows"), whole.subarray(0, whole.length - 8));
  writeFileSync(at("truncated.arrows"), whole.subarray(0, Math.floor(whole.length * 0.6)));
});

describe("reglab path over an Arrow IPC file", () => {
  it("gives the CSV path of the same rows, in the file format and in the stream format", async () => {
    const rows = await json(["path", DIABETES, "--alpha", "0.5"]);
    expectSamePath(await json(["path", at("diabetes.arrow"), "--alpha", "0.5"]), rows);
    expectSamePath(await json(["path", at("diabetes.arrows"), "--alpha", "0.5"]), rows);
  });

  it("reads a folder or a glob of Arrow files as one table: the CSV path of all their rows", async () => {
    const rows = await json(["path", DIABETES, "--alpha", "0.5"]);
    expectSamePath(await json(["path", at("parts"), "--alpha", "0.5"]), rows);
    expectSamePath(await json(["path", at("globbed/split-*.arrow"), "--alpha", "0.5"]), rows);
    // a link to its parent is not followed: the 200 rows once
    expect((await json(["path", at("looped")])).n).toBe(200);
    expect((await json(["path", at("looped/**/*.arrow")])).n).toBe(200);
    // a glob without an extension whose matches are all Arrow files: read as Arrow, not Parquet
    expectSamePath(await json(["path", at("globbed/*"), "--alpha", "0.5"]), rows);
    // a set negated as a shell's [!…]: split-2 alone
    expect((await json(["path", at("globbed/split-[!1].arrow")])).n).toBe(142);
    // with --columns only the columns read must agree (s6 is missing from one file)
    const chosen = await json(["path", at("lacking"), "--columns", "age,bmi,bp"]);
    expectSamePath(chosen, await json(["path", DIABETES, "--columns", "age,bmi,bp"]));
    // a CV: each row's fold by a hash of its file and its place in it
    const outcome = await run(["cv", at("parts"), "--folds", "4", "--json"]);
    expect(outcome.status, outcome.stderr).toBe(0);
    const cv = JSON.parse(outcome.stdout);
    expect(cv.fold_sizes.reduce((a: number, b: number) => a + b, 0)).toBe(442);
    expect(Math.min(...cv.fold_sizes)).toBeGreaterThan(80);
    // files of one name in two folders: each keyed by its path below the folder, not by its name
    // (by name, row i of both fell in one fold: every fold's size even)
    const hive = await run(["cv", at("hive"), "--json"]);
    expect(hive.status, hive.stderr).toBe(0);
    const sizes: number[] = JSON.parse(hive.stdout).fold_sizes;
    expect(sizes.some((size) => size % 2 === 1)).toBe(true);
    // the same folds however the folder is spelled
    const spelled = await run(["cv", `${at("hive")}/./`, "--json"]);
    expect(JSON.parse(spelled.stdout).fold_sizes).toEqual(sizes);
  });

  it("decodes LZ4-compressed bodies (pyarrow's Feather default): the same path", async () => {
    expect(readFileSync(at("lz4.arrow")).length).toBeLessThan(readFileSync(at("diabetes.arrow")).length);
    expectSamePath(await json(["path", at("lz4.arrow")]), await json(["path", DIABETES]));
  });

  it("reads batches larger than DuckDB's chunk, the last one short, as the CSV's rows", async () => {
    expectSamePath(await json(["path", at("tall.arrow")]), await json(["path", at("tall.csv")]));
  });

  it("takes integers, int64, float32 and booleans as numbers (the CSV of the same values)", async () => {
    expectSamePath(await json(["path", at("typed.arrow")]), await json(["path", at("typed.csv")]));
  });

  it("fits a stream without its end-of-stream marker, saying on stderr that it may be cut short", async () => {
    const outcome = await run(["path", at("unended.arrows"), "--out", at("unended-figures")]);
    expect(outcome.status, outcome.stderr).toBe(0);
    expect(outcome.stderr).toMatch(messagePattern("warning.arrowNoEnd", "en"));
    const ended = await run(["path", at("diabetes.arrows"), "--out", at("ended-figures")]);
    expect(ended.stderr).not.toMatch(messagePattern("warning.arrowNoEnd", "en"));
    // with --json too: stdout the document alone, the warning on stderr for a script to see
    const scripted = await run(["path", at("unended.arrows"), "--json"]);
    expect(scripted.status).toBe(0);
    expect(JSON.parse(scripted.stdout).n).toBeGreaterThan(0);
    expect(scripted.stderr).toMatch(messagePattern("warning.arrowNoEnd", "en"));
  });

  it("passes dates and timestamps to DuckDB as such: --where compares them as dates", async () => {
    const byDay = await json(["path", at("dated.arrow"), "--exclude", "d,ts", "--where", "d < '2020-03-01'"]);
    expect(byDay.n).toBe(60); // January and February 2020
    const byMinute = await json([
      "path",
      at("dated.arrow"),
      "--exclude",
      "d,ts",
      "--where",
      "ts < '2020-01-01 00:05:00'",
    ]);
    expect(byMinute.n).toBe(5);
    const cast = await json([
      "path",
      at("dated.arrow"),
      "--exclude",
      "d,ts",
      "--where",
      "d >= DATE '2020-12-31'",
    ]);
    expect(cast.n).toBe(442 - 365);
  });

  it("filters on a text column with --where (left out of the features)", async () => {
    const table = await json([
      "path",
      at("strings.arrow"),
      "--exclude",
      "region",
      "--where",
      "region = 'EU'",
    ]);
    expectSamePath(table, await json(["path", at("eu.csv")]));
    expect(table.n).toBe(294);
  });

  it("drops a row with an empty cell under --na drop, as the CSV path does", async () => {
    expectSamePath(
      await json(["path", at("holes.arrow"), "--na", "drop"]),
      await json(["path", at("holes.csv"), "--na", "drop"]),
    );
  });

  it("fits a binomial path by passes over the batches: the CSV path's", async () => {
    const table = await json([
      "path",
      at("cancer.arrow"),
      "--stream",
      "--family",
      "binomial",
      "--nlambda",
      "8",
    ]);
    expect(table.passes).toBeGreaterThan(0);
    const rows = await json(["path", BREAST, "--family", "binomial", "--nlambda", "8"]);
    expect(table.lambdas.length).toBe(rows.lambdas.length);
    for (let k = 0; k < rows.lambdas.length; k++) {
      expect(table.lambdas[k]! / rows.lambdas[k]!).toBeCloseTo(1, 12);
      expect(Math.abs(table.objective![k]! - rows.objective![k]!)).toBeLessThan(1e-9);
    }
  });

  it("cross-validates with mod folds by the row's position in the file, as the CSV's", async () => {
    const cv = async (args: string[]) => {
      const outcome = await run(["cv", ...args, "--fold-rule", "mod", "--json"]);
      expect(outcome.status, outcome.stderr).toBe(0);
      return JSON.parse(outcome.stdout);
    };
    const table = await cv([at("diabetes.arrows")]);
    const rows = await cv([DIABETES]);
    for (let k = 0; k < rows.cvm.length; k++) expect(table.cvm[k] / rows.cvm[k]).toBeCloseTo(1, 9);
    expect(table.lambda_min / rows.lambda_min).toBeCloseTo(1, 12);
    // several chunks, handed to DuckDB's threads in any order: the rows keep the file's numbers
    const tall = await cv([at("tall.arrow")]);
    const tallRows = await cv([at("tall.csv")]);
    expect(tall.fold_sizes).toEqual([500, 500, 500, 500, 500, 500, 500, 500, 500, 500]);
    for (let k = 0; k < tallRows.cvm.length; k++) expect(tall.cvm[k] / tallRows.cvm[k]).toBeCloseTo(1, 9);
  });

  it("prints a statement over reglab_arrow with --explain, and never writes over its input", async () => {
    const explained = await run(["path", at("diabetes.arrow"), "--explain"]);
    expect(explained.status).toBe(0);
    expect(explained.stdout).toMatch(/FROM reglab_arrow\('/);
    const before = readFileSync(at("diabetes.arrow"));
    const overwrite = await run([
      "path",
      at("diabetes.arrow"),
      "--save-stats",
      at("diabetes.arrow"),
      "--force",
    ]);
    expect(overwrite.status).toBe(2);
    expect(readFileSync(at("diabetes.arrow")).equals(before)).toBe(true);
  });

  const refusals: [string, string[], MessageKey, RegExp?][] = [
    [
      "a dictionary column of text",
      ["path", at("strings.arrow")],
      "table.notNumeric",
      /Dictionary<Int32, Utf8>/,
    ],
    ["a Utf8 column", ["path", at("utf8.arrow")], "table.notNumeric", /'note'.*Utf8/],
    ["weights of text", ["path", at("utf8.arrow"), "--weights", "note"], "table.roleNotNumeric", /--weights/],
    ["a list column", ["path", at("list.arrow")], "table.notNumeric", /List<Float64>/],
    ["an empty cell", ["path", at("holes.arrow")], "table.emptyCells", /'bmi'\D*1\D/],
    ["a file of 0 bytes", ["path", at("empty.arrow")], "table.arrowEmpty"],
    ["a schema without rows", ["path", at("norows.arrow")], "table.arrowNoRows"],
    ["a CSV named .arrow", ["path", at("garbage.arrow")], "table.arrowIsOther"],
    ["a stream cut in the middle of a batch", ["path", at("truncated.arrows")], "table.arrowUnreadable"],
    ["a file that is not there", ["path", at("missing.arrow")], "data.notFound"],
    ["a --where that selects no row", ["path", at("diabetes.arrow"), "--where", "age > 100"], "stats.noRows"],
    ["a second file beside the table", ["path", at("diabetes.arrow"), DIABETES], "error.extraFile"],
    ["a NaN in a feature", ["path", at("nan.arrow")], "table.notFiniteCells"],
    [
      "a NaN under --na drop (not an empty cell)",
      ["path", at("nan.arrow"), "--na", "drop"],
      "table.notFiniteCells",
    ],
    ["a glob that matches no Arrow file", ["path", at("nothing-*.arrow")], "table.arrowNoFiles"],
    [
      "a file with a column more",
      ["path", at("mixed")],
      "table.arrowExtraColumn",
      /b\.arrow.*['“]z['”].*a\.arrow/,
    ],
    [
      "a file with a column less",
      ["path", at("lacking")],
      "table.arrowMissingColumn",
      /b\.arrow.*['“]s6['”].*a\.arrow/,
    ],
    ["a column of another type", ["path", at("typed")], "table.arrowSchemas", /['“]age['”].*Int32.*Float64/],
    ["a folder's link to a file not there", ["path", at("dangling")], "data.notFound", /b\.arrow/],
    ["a folder of Parquet and Arrow files", ["path", at("both")], "table.mixedFolder"],
    ["mod folds over a folder of files", ["cv", at("parts"), "--fold-rule", "mod"], "table.modNeedsFile"],
    [
      "a --where drawing random numbers",
      ["path", at("diabetes.arrow"), "--where", "random() < 0.5"],
      "table.randomWhere",
    ],
    [
      "a CV's --where drawing random numbers",
      ["cv", at("diabetes.arrow"), "--where", "RANDOM () < 0.5"],
      "table.randomWhere",
    ],
    ["--exclude naming the target", ["path", at("diabetes.arrow"), "--exclude", "y"], "glm.badExclude"],
    ["--exclude past the features", ["path", at("diabetes.arrow"), "--exclude", "11"], "glm.badExclude"],
    ["a file cut before its footer", ["path", at("cut.arrow")], "table.arrowUnreadable"],
    ["a Parquet file named .arrow", ["path", at("parquet-named.arrow")], "table.arrowIsOther"],
    ["a folder named .arrow", ["path", at("folder.arrow")], "file.isDirectory"],
    ["two columns of one name", ["path", at("duplicate.arrow")], "data.duplicateColumn"],
    ["a column named file_row_number in a CV", ["cv", at("frn.arrow")], "table.keyColumn"],
  ];
  for (const lang of ["en", "zh"] as const)
    for (const [what, args, key, detail] of refusals)
      it(`refuses ${what} (${lang}): one line, exit 2`, async () => {
        const outcome = await run(args, lang);
        expect(outcome.status).toBe(2);
        expect(outcome.stderr).toMatch(messagePattern(key, lang));
        if (detail) expect(outcome.stderr).toMatch(detail);
        expect(outcome.stderr.trim().split("\n")).toHaveLength(1);
      });
});
