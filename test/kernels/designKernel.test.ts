import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/core/random.js";
import { designSweeps } from "../../src/kernels/designKernel.js";

/** A row-major design with columns of different means and scales (one of them constant). */
function design(n: number, p: number, seed: number) {
  const random = createRandom(seed);
  const x = new Float64Array(n * p);
  for (let i = 0; i < n; i++)
    for (let j = 0; j < p; j++) x[i * p + j] = j === 3 ? 7 : 100 * (j % 5) + (1 + j) * random.normal();
  const w = Float64Array.from({ length: n }, () => 0.5 + random.uniform());
  const total = w.reduce((a, b) => a + b, 0);
  for (let i = 0; i < n; i++) w[i]! /= total;
  return { x, w };
}

describe("the design sweeps: moments and standardization, whole or a block of rows at a time", () => {
  // 300 × 50 goes through the module whole; 11001 × 97 (above 2^20 cells, the last block
  // partial) a block of rows at a time; 53 × 20000 in two blocks, of 52 rows and of one
  for (const [n, p] of [
    [300, 50],
    [11001, 97],
    [53, 20000],
  ] as const) {
    it(`${n} × ${p}: the weighted moments and both layouts, as plain loops compute them`, () => {
      const { x, w } = design(n, p, n + p);
      const sweeps = designSweeps(x, n, p, w);
      const mean = new Float64Array(p);
      const squares = new Float64Array(p);
      sweeps.moments(true, mean, squares);
      for (let j = 0; j < p; j += Math.max(1, Math.floor(p / 60))) {
        let m = 0;
        for (let i = 0; i < n; i++) m += w[i]! * x[i * p + j]!;
        let s = 0;
        for (let i = 0; i < n; i++) s += w[i]! * (x[i * p + j]! - m) ** 2;
        expect(mean[j]!).toBeCloseTo(m, 9);
        expect(Math.abs(squares[j]! - s)).toBeLessThanOrEqual(1e-10 * Math.max(1, s));
      }
      const inverse = Float64Array.from({ length: p }, (_, j) => 1 / (1 + j));
      const columns = new Float64Array(n * p);
      const rows = new Float64Array(n * p);
      sweeps.toColumns(mean, inverse, columns);
      sweeps.toRows(mean, inverse, rows);
      for (let i = 0; i < n; i += Math.max(1, Math.floor(n / 50)))
        for (let j = 0; j < p; j += Math.max(1, Math.floor(p / 50))) {
          const expected = (x[i * p + j]! - mean[j]!) * inverse[j]!;
          expect(columns[j * n + i]).toBe(expected);
          expect(rows[i * p + j]).toBe(expected);
        }
      // the last row and column too (a partial block's end)
      const last = (x[n * p - 1]! - mean[p - 1]!) * inverse[p - 1]!;
      expect(columns[n * p - 1]).toBe(last);
      expect(rows[n * p - 1]).toBe(last);
    });
  }
});
