/**
 * A gaussian path from the data's sufficient statistics alone (n, Σw, means, covariance) equals
 * the path fitted on the rows: the same λ grid, coefficients, deviance explained and certificates —
 * what the out-of-core path (DuckDB's SQL aggregates over a file) relies on.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/core/random.js";
import { parseCsv } from "../../src/data/parseCsv.js";
import { semidefiniteCholesky } from "../../src/glm/cholesky.js";
import type { ElasticNetPath } from "../../src/glm/elasticNetPath.js";
import { glmPath } from "../../src/glm/glmPath.js";
import {
  gaussianPathFromStatistics,
  representativeRows,
  statisticsOf,
} from "../../src/glm/sufficientStatistics.js";

const diabetes = parseCsv(
  readFileSync(new URL("../../data/diabetes.csv", import.meta.url), "utf8"),
  "data/diabetes.csv",
);

/** The largest |a − b| over two paths' coefficients, relative to the largest coefficient. */
function coefficientGap(a: ElasticNetPath, b: ElasticNetPath): number {
  let gap = 0;
  let size = 0;
  for (let k = 0; k < a.lambda.length; k++)
    for (let j = 0; j < a.p; j++) {
      gap = Math.max(gap, Math.abs(a.beta[k]![j]! - b.beta[k]![j]!));
      size = Math.max(size, Math.abs(b.beta[k]![j]!));
    }
  return gap / size;
}

describe("representative rows", () => {
  it("have exactly the statistics' means and covariance, in p + 2 rows", () => {
    const statistics = statisticsOf(diabetes);
    const rows = representativeRows(statistics);
    expect(rows.n).toBe(diabetes.p + 2);
    const again = statisticsOf(rows);
    for (let j = 0; j < statistics.mean.length; j++)
      expect(again.mean[j]).toBeCloseTo(statistics.mean[j]!, 10);
    const m = diabetes.p + 1;
    for (let a = 0; a < m * m; a++)
      expect(Math.abs(again.covariance[a]! - statistics.covariance[a]!)).toBeLessThan(
        1e-12 * Math.abs(statistics.covariance[(a % m) * m + (a % m)]!) + 1e-9,
      );
  });

  it("factor a semi-definite covariance (a constant column, a repeated one) without NaN", () => {
    // columns: a, 2a (dependent), constant 0, b
    const c = Float64Array.from([1, 2, 0, 0.5, 2, 4, 0, 1, 0, 0, 0, 0, 0.5, 1, 0, 2]);
    const r = semidefiniteCholesky(c, 4);
    for (const v of r) expect(Number.isFinite(v)).toBe(true);
    for (let i = 0; i < 4; i++)
      for (let j = 0; j < 4; j++) {
        let sum = 0;
        for (let k = 0; k < 4; k++) sum += r[k * 4 + i]! * r[k * 4 + j]!;
        expect(sum).toBeCloseTo(c[i * 4 + j]!, 12);
      }
  });
});

describe("the gaussian path from statistics", () => {
  for (const alpha of [1, 0.5, 0])
    it(`equals the path on the rows (diabetes, α = ${alpha})`, () => {
      const rows = glmPath(diabetes, { alpha }) as ElasticNetPath;
      const fromStatistics = gaussianPathFromStatistics(statisticsOf(diabetes), { alpha });
      expect(fromStatistics.n).toBe(442);
      expect(fromStatistics.lambda.length).toBe(rows.lambda.length);
      for (let k = 0; k < rows.lambda.length; k++) {
        expect(fromStatistics.lambda[k]! / rows.lambda[k]!).toBeCloseTo(1, 12);
        expect(fromStatistics.devRatio[k]).toBeCloseTo(rows.devRatio[k]!, 9);
        expect(fromStatistics.a0[k]).toBeCloseTo(rows.a0[k]!, 6);
      }
      expect(coefficientGap(fromStatistics, rows)).toBeLessThan(1e-9);
      expect(fromStatistics.nullDeviance).toBeCloseTo(rows.nullDeviance, 6);
    });

  it("with weights: the weighted statistics give the weighted path", () => {
    const random = createRandom(3);
    const weights = Float64Array.from({ length: diabetes.n }, () => 0.5 + random.uniform());
    const rows = glmPath(diabetes, { alpha: 0.7, weights }) as ElasticNetPath;
    const fromStatistics = gaussianPathFromStatistics(statisticsOf(diabetes, weights), { alpha: 0.7 });
    expect(fromStatistics.lambda.length).toBe(rows.lambda.length);
    expect(fromStatistics.lambda[0]! / rows.lambda[0]!).toBeCloseTo(1, 12);
    expect(coefficientGap(fromStatistics, rows)).toBeLessThan(1e-9);
    expect(fromStatistics.weightTotal).toBeCloseTo(rows.weightTotal!, 9);
  });

  it("takes glmnet's λ_min ratio from the data's n, not from the representative rows", () => {
    const wide = { ...statisticsOf(diabetes), n: 5 }; // as if 5 rows had these statistics: n < p
    const path = gaussianPathFromStatistics(wide, { earlyStop: false });
    expect(path.lambda.at(-1)! / path.lambda[0]!).toBeCloseTo(1e-2, 10);
  });
});
