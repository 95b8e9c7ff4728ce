/**
 * CSV records → a numeric data set, one record at a time, so a reader can stream a file through it:
 * memory grows with the numbers kept (n·p doubles), never with the text. Pure: no I/O; the sync
 * parser (parseCsv) and the Node file reader (cli/readCsv) both feed it.
 *
 * Rules (the same for every reader): the first record is the header; every later record must have
 * as many cells; an empty cell is an error or drops the row (na: "drop"); a cell is a decimal or
 * exponent number — nothing else, and never ±Infinity. Rows are numbered as lines of the file.
 */
import { DataError, displayName } from "./dataError.js";
import type { Dataset, ParseCsvOptions } from "./parseCsv.js";

/** Numbers as written in CSV files: decimal or exponent notation, optional sign; nothing else. */
const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INFINITY = /^[+-]?(inf|infinity)$/i;

export class DatasetBuilder {
  private readonly file: string;
  private header: string[] | null = null;
  private targetIndex = -1;
  private featureIndices: Int32Array = new Int32Array(0);
  private targetName = "";
  private p = 0;
  private n = 0;
  private capacity = 0;
  private x = new Float64Array(0);
  private y = new Float64Array(0);
  private lines = new Int32Array(0);
  private first = new Float64Array(0);
  private varies = new Uint8Array(0);
  private used = new Uint8Array(0);
  private droppedRows = 0;
  private readonly droppedLines: number[] = [];
  /** With targetLabels: each row's target cell as written (numbers or not, decided at the end). */
  private readonly targetText: string[] = [];

  /**
   * @param source the file's name, for messages
   * @param expectedRows a guess of the row count (e.g. from the file's size), so the buffers are
   *   allocated once instead of doubling; the guess may be wrong either way
   */
  constructor(
    private readonly source: string,
    private readonly options: ParseCsvOptions = {},
    private expectedRows = 1024,
  ) {
    this.file = displayName(source, 200);
  }

  /** One record (its trimmed cells) from line `line` of the file. */
  add(record: readonly string[], line: number): void {
    if (this.header === null) {
      this.setHeader(record);
      return;
    }
    const { file } = this;
    const header = this.header;
    if (record.length !== header.length) {
      throw new DataError("data.ragged", { file, row: line, found: record.length, expected: header.length });
    }
    const empty = this.firstEmptyCell(record);
    if (empty >= 0) {
      if (this.options.na === "drop") {
        this.droppedRows++;
        this.droppedLines.push(line);
        return;
      }
      throw new DataError("data.emptyCell", {
        file,
        row: line,
        column: empty + 1,
        name: displayName(header[empty]!),
      });
    }
    if (this.n === this.capacity) this.grow();
    const row = this.n;
    const p = this.p;
    for (let j = 0; j < p; j++) {
      const value = this.cell(record, this.featureIndices[j]!, line);
      this.x[row * p + j] = value;
      if (row === 0) this.first[j] = value;
      else if (value !== this.first[j]) this.varies[j] = 1;
    }
    if (this.options.targetLabels && this.targetIndex >= 0) this.targetText.push(record[this.targetIndex]!);
    else this.y[row] = this.targetIndex < 0 ? 0 : this.cell(record, this.targetIndex, line);
    this.lines[row] = line;
    this.n++;
  }

  /** The data set read so far; throws if there is no header or no row. */
  finish(): Dataset {
    const { file } = this;
    if (this.header === null) throw new DataError("data.empty", { file });
    if (this.n === 0) {
      if (this.droppedRows > 0) throw new DataError("data.allDropped", { file, dropped: this.droppedRows });
      throw new DataError("data.noRows", { file });
    }
    const { n, p } = this;
    const featureNames = Array.from(this.featureIndices, (i) => this.header![i]!);
    const classLabels = this.options.targetLabels ? this.codeLabels() : undefined;
    return {
      ...(classLabels ? { classLabels } : {}),
      source: this.source,
      featureNames,
      targetName: this.targetName,
      n,
      p,
      // views, not copies: the spare capacity (at most a quarter) is the price of reading once
      x: this.x.subarray(0, n * p),
      y: this.y.subarray(0, n),
      droppedRows: this.droppedRows,
      droppedLines: Int32Array.from(this.droppedLines),
      constantColumns: featureNames.filter((_, j) => this.varies[j] === 0),
      lines: this.lines.subarray(0, n),
    };
  }

  /**
   * Class labels: numbers stay numbers in y (undefined returned) when every label is a finite
   * number; otherwise y gets codes 0 … K−1 in the labels' code-point order and the labels are
   * returned, so "M"/"R" are classes 0/1 as R's factor levels order them.
   */
  private codeLabels(): string[] | undefined {
    const texts = this.targetText;
    // U+FFFD is what a decoder leaves for bytes that are not UTF-8: not a label of its own
    const broken = texts.findIndex((text) => text.includes("\uFFFD"));
    if (broken >= 0) throw new DataError("file.notUtf8", { file: this.file, row: this.lines[broken]! });
    const numeric = texts.every((text) => NUMBER.test(text) && Number.isFinite(Number(text)));
    if (numeric) {
      for (let i = 0; i < texts.length; i++) this.y[i] = Number(texts[i]);
      return undefined;
    }
    const labels = [...new Set(texts)].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    const code = new Map(labels.map((label, c) => [label, c]));
    for (let i = 0; i < texts.length; i++) this.y[i] = code.get(texts[i]!)!;
    return labels;
  }

  private setHeader(header: readonly string[]): void {
    const { file } = this;
    // U+FFFD is what a decoder leaves for bytes that are not UTF-8
    if (header.some((name) => name.includes("\uFFFD"))) throw new DataError("file.notUtf8", { file, row: 1 });
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
    const noTarget = this.options.target === false;
    const targetName = noTarget
      ? ""
      : this.options.target || (seen.has("y") ? "y" : header[header.length - 1]!);
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
    this.header = [...header];
    this.targetName = targetName;
    this.targetIndex = targetIndex;
    // only the columns asked for (predict reads the model's features and nothing else)
    const wanted = this.options.columns;
    this.featureIndices = wanted
      ? Int32Array.from(wanted, (name) => {
          const index = seen.get(name);
          if (index === undefined)
            throw new DataError("data.missingColumn", { file, name: displayName(name) });
          return index;
        })
      : Int32Array.from(header.map((_, i) => i).filter((i) => i !== targetIndex));
    this.used = new Uint8Array(header.length);
    for (const index of this.featureIndices) this.used[index] = 1;
    if (targetIndex >= 0) this.used[targetIndex] = 1;
    this.p = this.featureIndices.length;
    this.first = new Float64Array(this.p);
    this.varies = new Uint8Array(this.p);
  }

  /** The first empty cell among the columns read, or −1. */
  private firstEmptyCell(record: readonly string[]): number {
    for (let column = 0; column < record.length; column++)
      if (record[column] === "" && this.used[column] === 1) return column;
    return -1;
  }

  private cell(record: readonly string[], column: number, line: number): number {
    const text = record[column]!;
    // Number() alone would take "0x1F", " ", "Infinity"; the pattern admits decimal numbers only
    if (NUMBER.test(text)) {
      const value = Number(text);
      // 1e-400 is not 0: a nonzero number too small for a double is an error, as 1e400 is
      if (Number.isFinite(value) && (value !== 0 || !/[1-9]/.test(text.replace(/[eE].*$/, "")))) return value;
      if (value === 0)
        throw new DataError("data.tooSmall", {
          file: this.file,
          row: line,
          column: column + 1,
          name: displayName(this.header![column]!),
          value: displayName(text, 40),
        });
    }
    const where = {
      file: this.file,
      row: line,
      column: column + 1,
      name: displayName(this.header![column]!),
      value: displayName(text, 40),
    };
    if (INFINITY.test(text) || NUMBER.test(text)) throw new DataError("data.infinite", where);
    // U+FFFD is what a decoder leaves for bytes that are not UTF-8: say so, not "not a number"
    if (text.includes("\uFFFD")) throw new DataError("file.notUtf8", { file: this.file, row: line });
    throw new DataError("data.notNumeric", where);
  }

  /** Makes room for `rows` rows in all (a streaming reader's estimate once it has seen some). */
  reserve(rows: number): void {
    if (this.capacity === 0) this.expectedRows = Math.max(16, Math.ceil(rows));
    else if (rows > this.capacity) this.resize(Math.ceil(rows));
  }

  /** Room for more rows: the expected count first, then a quarter more each time. */
  private grow(): void {
    this.resize(Math.max(this.expectedRows, Math.ceil(this.capacity * 1.25) + 16));
  }

  private resize(capacity: number): void {
    const x = new Float64Array(capacity * this.p);
    x.set(this.x);
    const y = new Float64Array(capacity);
    y.set(this.y);
    const lines = new Int32Array(capacity);
    lines.set(this.lines);
    this.x = x;
    this.y = y;
    this.lines = lines;
    this.capacity = capacity;
  }
}
