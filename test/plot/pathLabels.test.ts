/**
 * `reglab path` on a data set with 60 features stays readable: the path figure labels the largest
 * coefficients at the end of the path, as many as fit, never two closer than the label gap.
 */
import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/core/random.js";
import type { Dataset } from "../../src/data/parseCsv.js";
import { elasticNetPath } from "../../src/glm/elasticNetPath.js";
import { endLabels, LABEL_GAP_PX } from "../../src/plot/glmFigures.js";

function wideData(n: number, p: number): Dataset {
  const random = createRandom(1);
  const x = new Float64Array(n * p);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) x[i * p + j] = random.normal();
    for (let j = 0; j < p; j += 3) y[i]! += ((j % 7) + 1) * 0.3 * x[i * p + j]! * (j % 2 ? 1 : -1);
    y[i]! += random.normal();
  }
  const featureNames = Array.from({ length: p }, (_, j) => `feature_${j + 1}`);
  return { source: "wide", featureNames, targetName: "y", n, p, x, y, droppedRows: 0, constantColumns: [] };
}

describe("direct labels on a path with 60 features", () => {
  const path = elasticNetPath(wideData(200, 60), { family: "gaussian", alpha: 1 });
  const last = path.beta.at(-1)!;
  let [low, high] = [0, 0];
  for (const row of path.beta) for (const b of row) [low, high] = [Math.min(low, b), Math.max(high, b)];
  const labels = endLabels(path, path.beta, { low, high, height: 440 });

  it("labels some but not all of the features in the model", () => {
    const inModel = last.filter((b) => b !== 0).length;
    expect(inModel).toBeGreaterThan(labels.length);
    expect(labels.length).toBeGreaterThan(10);
  });

  it("keeps every two labels at least the label gap apart", () => {
    const at = labels.map((label) => label.at).sort((a, b) => a - b);
    for (let k = 1; k < at.length; k++)
      expect(at[k]! - at[k - 1]!).toBeGreaterThanOrEqual(LABEL_GAP_PX - 1e-9);
  });

  it("labels the largest coefficients", () => {
    const largest = last
      .map((b, j) => ({ size: Math.abs(b), name: path.featureNames[j]! }))
      .sort((a, b) => b.size - a.size)
      .slice(0, 5)
      .map((entry) => entry.name);
    const labelled = new Set(labels.map((label) => label.feature));
    for (const name of largest) expect(labelled.has(name)).toBe(true);
  });
});
