/**
 * Readers for the two sparse text formats practitioners keep designs in, each into CSC
 * (sparseMatrix.ts) without ever building the dense matrix:
 *
 * - svmlight / libsvm: one row per line, `label index:value index:value … # comment`. Indices are
 *   1-based as libsvm writes them; a file that uses index 0 anywhere is read as 0-based
 *   (scikit-learn's `load_svmlight_file(zero_based="auto")`). `qid:` tokens are skipped.
 * - Matrix Market coordinate files (`.mtx`, what R's Matrix::writeMM and SciPy's mmwrite write):
 *   a `%%MatrixMarket matrix coordinate real|integer|pattern general` banner, `%` comments, a size
 *   line `rows columns entries`, then one 1-based `row column value` per line. The target lives
 *   in another file (one number per line), as glmnet's y beside its sparse x.
 *
 * Every error is a DataError naming the file, the line and the token, and says what to do.
 */
import { DataError, displayName } from "./dataError.js";
import { fromTriplets, type SparseDataset, type SparseMatrix } from "./sparseMatrix.js";

/** Growable parallel arrays of triplets (row, column, value) and each entry's line. */
class Triplets {
  rows = new Int32Array(1024);
  columns = new Int32Array(1024);
  values = new Float64Array(1024);
  lines = new Int32Array(1024);
  size = 0;
  push(row: number, column: number, value: number, line: number) {
    if (this.size === this.rows.length) {
      const grow = <T extends Int32Array | Float64Array>(a: T): T => {
        const bigger = new (a.constructor as new (n: number) => T)(a.length * 2);
        bigger.set(a);
        return bigger;
      };
      this.rows = grow(this.rows);
      this.columns = grow(this.columns);
      this.values = grow(this.values);
      this.lines = grow(this.lines);
    }
    this.rows[this.size] = row;
    this.columns[this.size] = column;
    this.values[this.size] = value;
    this.lines[this.size++] = line;
  }
  matrix(n: number, p: number, file: string): SparseMatrix {
    const s = this.size;
    return fromTriplets(
      n,
      p,
      this.rows.subarray(0, s),
      this.columns.subarray(0, s),
      this.values.subarray(0, s),
      (first, second) =>
        new DataError("sparse.duplicate", {
          file,
          line: this.lines[second]!,
          first: this.lines[first]!,
          row: this.rows[second]! + 1,
          column: this.columns[second]! + 1,
        }),
    );
  }
}

/**
 * The most columns a sparse design may have: every path keeps a few numbers per column (and its
 * JSON p per λ), so an index of 5·10⁶ in a four-row file would take gigabytes. 2²¹ columns hold
 * a 2²⁰-bucket hashing vectorizer's output.
 */
export const MOST_SPARSE_COLUMNS = 2 ** 21;

const SPACE = 32;
const TAB = 9;
const CR = 13;
const NEWLINE = 10;
const COLON = 58;

/**
 * Whether text[from, to) is a finite decimal number written in full (Number("") is 0 and
 * Number("0x1") is 1: neither is data) — checked by its characters, without a regular expression.
 */
function isDecimal(text: string, from: number, to: number): boolean {
  const isDigit = (i: number) => {
    const code = text.charCodeAt(i);
    return code >= 48 && code <= 57;
  };
  const isSign = (i: number) => text[i] === "+" || text[i] === "-";
  let i = from;
  if (isSign(i)) i++;
  const start = i;
  while (i < to && isDigit(i)) i++;
  let digits = i - start;
  if (i < to && text[i] === ".") {
    i++;
    const fraction = i;
    while (i < to && isDigit(i)) i++;
    digits += i - fraction;
  }
  if (digits === 0) return false;
  if (i < to && (text[i] === "e" || text[i] === "E")) {
    i++;
    if (isSign(i)) i++;
    const exponent = i;
    while (i < to && isDigit(i)) i++;
    if (i === exponent) return false;
  }
  return i === to;
}

/** The number text[from, to) if it is a finite decimal, else NaN. */
function decimal(text: string, from: number, to: number): number {
  return from < to && isDecimal(text, from, to) ? Number(text.slice(from, to)) : Number.NaN;
}

/** The whole number text[from, to) (digits only), or −1. */
function whole(text: string, from: number, to: number): number {
  if (from >= to || to - from > 15) return -1;
  let value = 0;
  for (let i = from; i < to; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return -1;
    value = value * 10 + (code - 48);
  }
  return value;
}

/** The end of the token that starts at i (the next space, tab, CR or newline). */
function tokenEnd(text: string, i: number, end: number): number {
  while (i < end) {
    const code = text.charCodeAt(i);
    if (code === SPACE || code === TAB || code === CR || code === NEWLINE) break;
    i++;
  }
  return i;
}

/** The first position at or after i that is not a space, tab or CR (within the line). */
function skipBlanks(text: string, i: number, end: number): number {
  while (i < end) {
    const code = text.charCodeAt(i);
    if (code !== SPACE && code !== TAB && code !== CR) break;
    i++;
  }
  return i;
}

/** Calls visit(start, end, line) for each line of text from `from` on (line numbers from `line`). */
function eachLine(
  text: string,
  from: number,
  line: number,
  visit: (start: number, end: number, line: number) => void,
) {
  let start = from;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    visit(start, end, line++);
    start = end + 1;
  }
}

export function readSvmlight(text: string, source: string): SparseDataset {
  const file = displayName(source, 200);
  const triplets = new Triplets();
  const labels: number[] = [];
  let zeroBased = false;
  let largest = 0;
  eachLine(text, text.charCodeAt(0) === 0xfeff ? 1 : 0, 1, (start, lineEnd, line) => {
    const hash = text.indexOf("#", start);
    const end = hash >= 0 && hash < lineEnd ? hash : lineEnd;
    let i = skipBlanks(text, start, end);
    if (i >= end) return;
    let stop = tokenEnd(text, i, end);
    const label = decimal(text, i, stop);
    if (!Number.isFinite(label))
      throw new DataError("sparse.badLabel", { file, line, value: displayName(text.slice(i, stop), 40) });
    const row = labels.length;
    labels.push(label);
    for (i = skipBlanks(text, stop, end); i < end; i = skipBlanks(text, stop, end)) {
      stop = tokenEnd(text, i, end);
      let colon = i;
      while (colon < stop && text.charCodeAt(colon) !== COLON) colon++;
      if (colon - i === 3 && text.startsWith("qid", i)) continue;
      const digitsOnly = colon > i && /^\d+$/.test(text.slice(i, colon));
      if (digitsOnly && (colon - i > 15 || whole(text, i, colon) >= MOST_SPARSE_COLUMNS))
        throw new DataError("sparse.indexTooLarge", {
          file,
          line,
          index: displayName(text.slice(i, colon), 20),
          limit: MOST_SPARSE_COLUMNS,
        });
      const index = whole(text, i, colon);
      const value = decimal(text, colon + 1, stop);
      if (index < 0 || colon === stop || !Number.isFinite(value))
        throw new DataError("sparse.badPair", { file, line, token: displayName(text.slice(i, stop), 40) });
      if (index === 0) zeroBased = true;
      if (index > largest) largest = index;
      triplets.push(row, index, value, line);
    }
  });
  if (labels.length === 0) throw new DataError("sparse.empty", { file });
  // 1-based unless some index is 0: shift to 0-based columns
  if (!zeroBased) for (let e = 0; e < triplets.size; e++) triplets.columns[e]!--;
  const p = zeroBased ? largest + 1 : largest;
  if (p === 0) throw new DataError("sparse.noFeatures", { file });
  return {
    x: triplets.matrix(labels.length, p, file),
    y: Float64Array.from(labels),
    featureNames: Array.from({ length: p }, (_, j) => `x${zeroBased ? j : j + 1}`),
    source,
    targetName: "label",
  };
}

/** A Matrix Market coordinate file: the CSC matrix (its target comes from another file). */
export function readMatrixMarket(text: string, source: string): SparseMatrix {
  const file = displayName(source, 200);
  if (text.trim() === "") throw new DataError("mtx.empty", { file });
  // the banner, comments and the size line, as strings (a few lines)
  const from = text.charCodeAt(0) === 0xfeff ? 1 : 0;
  const firstEnd = text.indexOf("\n", from) < 0 ? text.length : text.indexOf("\n", from);
  const first = text.slice(from, firstEnd);
  const banner = first.trim().toLowerCase().split(/\s+/);
  if (banner[0] !== "%%matrixmarket" || banner[1] !== "matrix")
    throw new DataError("mtx.banner", { file, found: displayName(first, 60) });
  const [, , format, field, symmetry] = banner;
  if (
    format !== "coordinate" ||
    !["real", "integer", "pattern"].includes(field ?? "") ||
    symmetry !== "general"
  )
    throw new DataError("mtx.unsupported", { file, kind: displayName(banner.slice(2).join(" "), 60) });
  const pattern = field === "pattern";
  let position = firstEnd + 1;
  let line = 2;
  let sizeLine = "";
  while (position < text.length) {
    const end = text.indexOf("\n", position) < 0 ? text.length : text.indexOf("\n", position);
    const content = text.slice(position, end).trim();
    position = end + 1;
    if (content !== "" && !content.startsWith("%")) {
      sizeLine = content;
      break;
    }
    line++;
  }
  if (sizeLine === "") throw new DataError("mtx.empty", { file });
  const size = sizeLine.split(/\s+/).map(Number);
  if (size.length !== 3 || !size.every((v) => Number.isSafeInteger(v) && v >= 0))
    throw new DataError("mtx.size", { file, line, found: displayName(sizeLine, 60) });
  const [n, p, entries] = size as [number, number, number];
  if (n === 0 || p === 0 || entries === 0) throw new DataError("mtx.empty", { file });
  if (p > MOST_SPARSE_COLUMNS)
    throw new DataError("sparse.indexTooLarge", { file, line, index: String(p), limit: MOST_SPARSE_COLUMNS });
  const triplets = new Triplets();
  eachLine(text, position, line + 1, (start, end, at) => {
    let i = skipBlanks(text, start, end);
    if (i >= end || text.charCodeAt(i) === 37) return; // blank or a % comment
    const bad = () =>
      new DataError("mtx.entry", { file, line: at, found: displayName(text.slice(start, end).trim(), 60) });
    let stop = tokenEnd(text, i, end);
    const row = whole(text, i, stop);
    i = skipBlanks(text, stop, end);
    stop = tokenEnd(text, i, end);
    const column = whole(text, i, stop);
    let value = 1;
    if (!pattern) {
      i = skipBlanks(text, stop, end);
      stop = tokenEnd(text, i, end);
      value = decimal(text, i, stop);
    }
    if (row < 0 || column < 0 || !Number.isFinite(value) || skipBlanks(text, stop, end) < end) throw bad();
    if (row < 1 || row > n || column < 1 || column > p)
      throw new DataError("mtx.outOfRange", { file, line: at, row, column, n, p });
    if (triplets.size === entries)
      throw new DataError("mtx.count", { file, expected: entries, found: `> ${entries}` });
    triplets.push(row - 1, column - 1, value, at);
  });
  if (triplets.size !== entries)
    throw new DataError("mtx.count", { file, expected: entries, found: String(triplets.size) });
  return triplets.matrix(n, p, file);
}

/** Is this file one of the sparse formats (by its name)? */
export function sparseFormatOf(file: string): "svmlight" | "mtx" | null {
  const lower = file.toLowerCase();
  if (lower.endsWith(".mtx")) return "mtx";
  if (/\.(svm|svmlight|libsvm)$/.test(lower)) return "svmlight";
  return null;
}
