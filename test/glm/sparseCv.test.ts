/**
 * Cross-validation of a sparse design (src/glm/sparseCv.ts) equals the dense one on the same rows:
 * a seeded 200 × 60 design with 15 % of its cells nonzero, as compressed columns and as a dense table,
 * with the same five mod folds — gaussian (deviance, mae) and binomial (deviance, class, auc).
 * Tall on purpose: every fold's lasso has one solution, so two exact solvers must agree on it (on a
 * wide design two optima of equal objective can predict the held-out rows differently).
 */
import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/core/random.js";
import type { Dataset } from "../../src/data/parseCsv.js";
import { fromDenseRows, takeSparseRows, toDenseRows } from "../../src/data/sparseMatrix.js";
import { type CvMeasure, crossValidate } from "../../src/glm/crossValidation.js";
import { crossValidateSparse } from "../../src/glm/sparseCv.js";

const n = 200;
const p = 60;
const random = createRandom(17);
const dense = new Float64Array(n * p);
for (let i = 0; i < n * p; i++) if (random.uniform() < 0.15) dense[i] = random.normal();
const x = fromDenseRows(dense, n, p);
const signal = Float64Array.from({ length: n }, (_, i) => {
  let eta = 0;
  for (let j = 0; j < 6; j++) eta += (j % 2 ? -1 : 1) * dense[i * p + j]!;
  return eta;
});
const targets = {
  gaussian: Float64Array.from(signal, (eta) => eta + 0.5 * random.normal()),
  binomial: Float64Array.from(signal, (eta) => (random.uniform() < 1 / (1 + Math.exp(-2 * eta)) ? 1 : 0)),
};
const featureNames = Array.from({ length: p }, (_, j) => `x${j + 1}`);
const foldId = Int32Array.from({ length: n }, (_, i) => (i % 5) + 1);
const grid = { nlambda: 30, tolerance: 1e-12 };

describe("cross-validation of a sparse design", () => {
  it("takes a fold's rows from the compressed columns exactly", () => {
    const rows = [0, 5, 7, n - 1];
    const taken = toDenseRows(takeSparseRows(x, rows));
    rows.forEach((row, r) => {
      for (let j = 0; j < p; j++) expect(taken[r * p + j]).toBe(dense[row * p + j]);
    });
  });

  const cases: ["gaussian" | "binomial", CvMeasure][] = [
    ["gaussian", "deviance"],
    ["gaussian", "mae"],
    ["binomial", "deviance"],
    ["binomial", "class"],
    ["binomial", "auc"],
  ];
  for (const [family, measure] of cases)
    it(`equals the dense cross-validation: ${family}, ${measure}`, () => {
      const y = targets[family];
      const sparse = crossValidateSparse(
        { x, y, featureNames, source: "generated.mtx", targetName: "y" },
        { family, foldId, measure, ...grid },
      );
      const table: Dataset = {
        source: "generated.csv",
        featureNames,
        targetName: "y",
        n,
        p,
        x: dense,
        y,
        droppedRows: 0,
        constantColumns: [],
      };
      const reference = crossValidate(table, { family, foldId, measure, ...grid });
      expect(sparse.lambda).toHaveLength(reference.lambda.length);
      for (let k = 0; k < reference.lambda.length; k++) {
        expect(Math.abs(sparse.lambda[k]! / reference.lambda[k]! - 1)).toBeLessThan(1e-12);
        expect(Math.abs(sparse.cvm[k]! - reference.cvm[k]!)).toBeLessThan(
          1e-8 * Math.abs(reference.cvm[k]!) + 1e-12,
        );
        expect(Math.abs(sparse.cvsd[k]! - reference.cvsd[k]!)).toBeLessThan(
          1e-7 * reference.cvsd[k]! + 1e-12,
        );
      }
      expect(sparse.indexMin).toBe(reference.indexMin);
      expect(sparse.indexOneSe).toBe(reference.indexOneSe);
    });
});
