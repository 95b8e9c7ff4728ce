/**
 * The sufficient statistics of a sparse design (a tall one's path runs on them): the means and the
 * covariance of [X, y] as the dense data's, and the row pass, taken in slabs of the matrix's rows
 * that the cache holds, summing every entry's products in the rows' order — the bits of the plain
 * row-by-row scatter, on a design wide enough for several slabs.
 */
import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/core/random.js";
import type { SparseDataset } from "../../src/data/sparseMatrix.js";
import { sparseStatistics } from "../../src/glm/sparsePath.js";
import { statisticsOf } from "../../src/glm/sufficientStatistics.js";

/** n × p at `density`, CSC, with a dense copy (row-major). */
function design(n: number, p: number, density: number, seed: number) {
  const random = createRandom(seed);
  const dense = new Float64Array(n * p);
  const colPtr = new Int32Array(p + 1);
  const rowIdx: number[] = [];
  const values: number[] = [];
  for (let j = 0; j < p; j++) {
    for (let i = 0; i < n; i++)
      if (random.uniform() < density) {
        const value = random.normal();
        rowIdx.push(i);
        values.push(value);
        dense[i * p + j] = value;
      }
    colPtr[j + 1] = rowIdx.length;
  }
  const y = Float64Array.from({ length: n }, () => random.normal());
  const featureNames = Array.from({ length: p }, (_, j) => `x${j + 1}`);
  const sparse: SparseDataset = {
    x: { n, p, colPtr, rowIdx: Int32Array.from(rowIdx), values: Float64Array.from(values) },
    y,
    featureNames,
    source: "test",
    targetName: "y",
  };
  return { sparse, dense, y, featureNames };
}

/** XᵀX's upper triangle by the plain scatter: each row's products, rows in order. */
function plainCrossProducts(data: SparseDataset): Float64Array {
  const { n, p, colPtr, rowIdx, values } = data.x;
  const m = p + 1;
  const rows: [number, number][][] = Array.from({ length: n }, () => []);
  for (let j = 0; j < p; j++)
    for (let a = colPtr[j]!; a < colPtr[j + 1]!; a++) rows[rowIdx[a]!]!.push([j, values[a]!]);
  const sums = new Float64Array(m * m);
  for (const row of rows)
    for (let f = 0; f < row.length; f++)
      for (let g = f; g < row.length; g++) sums[row[f]![0] * m + row[g]![0]]! += row[f]![1] * row[g]![1];
  return sums;
}

describe("sparseStatistics", () => {
  // p = 700: slabs of ⌊2¹⁷ / 701⌋ = 186 rows of the matrix, four of them
  const { sparse, dense, y, featureNames } = design(400, 700, 0.03, 5);

  it("gives the dense data's means and covariance", () => {
    const ours = sparseStatistics(sparse);
    const reference = statisticsOf({
      source: "test",
      featureNames,
      targetName: "y",
      n: 400,
      p: 700,
      x: dense,
      y,
      droppedRows: 0,
      constantColumns: [],
    });
    for (let j = 0; j <= 700; j++) expect(ours.mean[j]).toBeCloseTo(reference.mean[j]!, 12);
    let worst = 0;
    for (let a = 0; a < ours.covariance.length; a++)
      worst = Math.max(worst, Math.abs(ours.covariance[a]! - reference.covariance[a]!));
    expect(worst).toBeLessThan(1e-13);
  });

  it("sums each entry's products in the rows' order: the plain scatter's bits", () => {
    const m = 701;
    const plain = plainCrossProducts(sparse);
    const ours = sparseStatistics(sparse);
    // undo the last step (cov = sum/n − mean·mean) on the feature block to compare the sums
    for (let j = 0; j < 700; j++)
      for (let l = j; l < 700; l++) {
        const expected = plain[j * m + l]! / 400 - ours.mean[j]! * ours.mean[l]!;
        expect(Object.is(ours.covariance[j * m + l], expected)).toBe(true);
      }
  });
});
