/**
 * Cross-validation from the folds' sufficient statistics alone (what a grouped SQL scan computes
 * over a table) equals the cross-validation on the rows: the same cvm, cvsd, λ.min and λ.1se.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/data/parseCsv.js";
import { takeRows } from "../../src/data/split.js";
import { crossValidate, foldIds } from "../../src/glm/crossValidation.js";
import {
  crossValidateFromStatistics,
  meanSquaredError,
  mergeStatistics,
} from "../../src/glm/statisticsCv.js";
import { statisticsOf } from "../../src/glm/sufficientStatistics.js";

const diabetes = parseCsv(
  readFileSync(new URL("../../data/diabetes.csv", import.meta.url), "utf8"),
  "data/diabetes.csv",
);

function foldStatistics(folds: number) {
  const id = foldIds(diabetes.n, folds, "mod", 1);
  return Array.from({ length: folds }, (_, k) => {
    const rows = [...id.keys()].filter((i) => id[i] === k + 1);
    return statisticsOf(takeRows(diabetes, rows));
  });
}

describe("statistics of groups", () => {
  it("merge into the statistics of their union", () => {
    const merged = mergeStatistics(foldStatistics(5));
    const whole = statisticsOf(diabetes);
    expect(merged.n).toBe(442);
    for (let a = 0; a < whole.mean.length; a++) expect(merged.mean[a]).toBeCloseTo(whole.mean[a]!, 9);
    for (let a = 0; a < whole.covariance.length; a++)
      expect(Math.abs(merged.covariance[a]! - whole.covariance[a]!)).toBeLessThan(
        1e-9 * Math.abs(whole.covariance[0]!) + 1e-9,
      );
  });

  it("give a model's mean squared error on their rows exactly", () => {
    const beta = [1, -200, 500, 300, -100, 50, -250, 100, 600, 60];
    const direct =
      [...Array(diabetes.n).keys()].reduce((sum, i) => {
        let fit = 150;
        for (let j = 0; j < 10; j++) fit += beta[j]! * diabetes.x[i * 10 + j]!;
        return sum + (diabetes.y[i]! - fit) ** 2;
      }, 0) / diabetes.n;
    expect(meanSquaredError(statisticsOf(diabetes), 150, beta) / direct).toBeCloseTo(1, 12);
  });
});

describe("cross-validation from the folds' statistics", () => {
  for (const alpha of [1, 0.5])
    it(`equals the CV on the rows (diabetes, mod folds, α = ${alpha})`, () => {
      const rows = crossValidate(diabetes, { alpha, folds: 10, foldRule: "mod" });
      const fromStatistics = crossValidateFromStatistics(foldStatistics(10), { alpha });
      expect(fromStatistics.lambda.length).toBe(rows.lambda.length);
      for (let l = 0; l < rows.lambda.length; l++) {
        expect(fromStatistics.cvm[l]! / rows.cvm[l]!).toBeCloseTo(1, 9);
        expect(fromStatistics.cvsd[l]! / rows.cvsd[l]!).toBeCloseTo(1, 7);
      }
      expect(fromStatistics.indexMin).toBe(rows.indexMin);
      expect(fromStatistics.indexOneSe).toBe(rows.indexOneSe);
      expect(fromStatistics.lambdaOneSe / rows.lambdaOneSe).toBeCloseTo(1, 12);
      expect(fromStatistics.foldSizes.reduce((a, b) => a + b, 0)).toBe(442);
    });
});
