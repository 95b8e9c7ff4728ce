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

/** A finite number written in full (Number("") is 0, Number("0x1") is 1: neither is data). */
function parseValue(text: string): number {
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(text)) return Number.NaN;
  return Number(text);
}

export function readSvmlight(text: string, source: string): SparseDataset {
  const file = displayName(source, 200);
  const triplets = new Triplets();
  const labels: number[] = [];
  let zeroBased = false;
  let largest = 0;
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  for (let l = 0; l < lines.length; l++) {
    const line = l + 1;
    const hash = lines[l]!.indexOf("#");
    const body = (hash >= 0 ? lines[l]!.slice(0, hash) : lines[l]!).trim();
    if (body === "") continue;
    const tokens = body.split(/\s+/);
    const label = parseValue(tokens[0]!);
    if (!Number.isFinite(label))
      throw new DataError("sparse.badLabel", { file, line, value: displayName(tokens[0]!, 40) });
    const row = labels.length;
    labels.push(label);
    for (let t = 1; t < tokens.length; t++) {
      const token = tokens[t]!;
      const colon = token.indexOf(":");
      const key = colon > 0 ? token.slice(0, colon) : "";
      if (key === "qid") continue;
      const value = colon > 0 ? parseValue(token.slice(colon + 1)) : Number.NaN;
      if (!/^\d+$/.test(key) || !Number.isFinite(value))
        throw new DataError("sparse.badPair", { file, line, token: displayName(token, 40) });
      const index = Number(key);
      if (!Number.isSafeInteger(index) || index > 2 ** 31 - 2)
        throw new DataError("sparse.badPair", { file, line, token: displayName(token, 40) });
      if (index === 0) zeroBased = true;
      largest = Math.max(largest, index);
      triplets.push(row, index, value, line);
    }
  }
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
  const lines = text.replace(/^\uFEFF/, "").split(/\r?\n/);
  const banner = lines[0]?.trim().toLowerCase().split(/\s+/) ?? [];
  if (lines.length === 0 || text.trim() === "") throw new DataError("mtx.empty", { file });
  if (banner[0] !== "%%matrixmarket" || banner[1] !== "matrix")
    throw new DataError("mtx.banner", { file, found: displayName(lines[0]!, 60) });
  const [, , format, field, symmetry] = banner;
  if (
    format !== "coordinate" ||
    !["real", "integer", "pattern"].includes(field ?? "") ||
    symmetry !== "general"
  )
    throw new DataError("mtx.unsupported", { file, kind: displayName(banner.slice(2).join(" "), 60) });
  const pattern = field === "pattern";
  let l = 1;
  while (l < lines.length && (lines[l]!.trim() === "" || lines[l]!.trimStart().startsWith("%"))) l++;
  if (l >= lines.length) throw new DataError("mtx.empty", { file });
  const size = lines[l]!.trim().split(/\s+/).map(Number);
  if (size.length !== 3 || !size.every((v) => Number.isSafeInteger(v) && v >= 0))
    throw new DataError("mtx.size", { file, line: l + 1, found: displayName(lines[l]!.trim(), 60) });
  const [n, p, entries] = size as [number, number, number];
  if (n === 0 || p === 0 || entries === 0) throw new DataError("mtx.empty", { file });
  const triplets = new Triplets();
  for (l++; l < lines.length; l++) {
    const body = lines[l]!.trim();
    if (body === "" || body.startsWith("%")) continue;
    const tokens = body.split(/\s+/);
    const row = Number(tokens[0]);
    const column = Number(tokens[1]);
    const value = pattern ? 1 : parseValue(tokens[2] ?? "");
    if (
      tokens.length !== (pattern ? 2 : 3) ||
      !Number.isSafeInteger(row) ||
      !Number.isSafeInteger(column) ||
      !Number.isFinite(value)
    )
      throw new DataError("mtx.entry", { file, line: l + 1, found: displayName(body, 60) });
    if (row < 1 || row > n || column < 1 || column > p)
      throw new DataError("mtx.outOfRange", { file, line: l + 1, row, column, n, p });
    if (triplets.size === entries)
      throw new DataError("mtx.count", { file, expected: entries, found: `> ${entries}` });
    triplets.push(row - 1, column - 1, value, l + 1);
  }
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
