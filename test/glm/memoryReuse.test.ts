/**
 * Paths that write into memory an earlier path touched: the standardized design's numbers
 * (design.ts, releaseDesign) and the factor workspace's module instance (factorKernel.ts), handed
 * on because memory touched for the first time costs ~10 µs per 4 KB here. Whatever ran before,
 * a path must be the path of its own data, to the last bit.
 */
import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/core/random.js";
import type { Dataset } from "../../src/data/parseCsv.js";
import { elasticNetPath } from "../../src/glm/elasticNetPath.js";

function design(n: number, p: number, seed: number): Dataset {
  const random = createRandom(seed);
  const x = Float64Array.from({ length: n * p }, () => random.normal() + 0.5);
  const y = Float64Array.from(
    { length: n },
    (_, i) => x[i * p]! - 0.5 * x[i * p + 1]! + 0.3 * random.normal(),
  );
  return {
    source: `reuse-${seed}`,
    featureNames: Array.from({ length: p }, (_, j) => `x${j}`),
    targetName: "y",
    n,
    p,
    x,
    y,
    droppedRows: 0,
    constantColumns: [],
  };
}

const pathOf = (data: Dataset, alpha: number, family: "gaussian" | "binomial" = "gaussian") => {
  const y = family === "binomial" ? data.y.map((v) => (v > 0.3 ? 1 : 0)) : data.y;
  const path = elasticNetPath({ ...data, y }, { alpha, family });
  return { lambda: path.lambda, a0: path.a0, beta: path.beta, objective: path.objective };
};

describe("a path after other paths", () => {
  it("is the same path, bit for bit, whatever ran before it (designs smaller, larger, same shape)", () => {
    const wide = design(60, 400, 1); // α = 0.05: a working set that outgrows its first capacity
    const sameShape = design(60, 400, 2);
    const small = design(30, 8, 3);
    const first = {
      wide: pathOf(wide, 0.05),
      sameShape: pathOf(sameShape, 0.05),
      small: pathOf(small, 1),
      wideBinomial: pathOf(wide, 0.5, "binomial"),
    };
    // same shape, other numbers: a kernel that kept the first design's copy would give `wide` here
    expect(first.sameShape.objective).not.toEqual(first.wide.objective);
    const again = {
      small: pathOf(small, 1),
      wideBinomial: pathOf(wide, 0.5, "binomial"),
      sameShape: pathOf(sameShape, 0.05),
      wide: pathOf(wide, 0.05),
    };
    for (const name of ["wide", "sameShape", "small", "wideBinomial"] as const)
      expect(again[name], name).toEqual(first[name]);
  });
});
