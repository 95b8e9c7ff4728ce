import { describe, expect, it } from "vitest";
import { keptHessianRatio } from "../../src/glm/solvers/newtonActiveSet.js";

describe("when the Newton solver keeps its Hessian", () => {
  it("asks a ×4 cut of a step wherever a rebuild costs up to 25 steps", () => {
    // (m, p): the working set's size and the design's columns
    for (const [m, p] of [
      [2, 100],
      [100, 100],
      [70, 100],
      [200, 10000],
      [400, 10000],
    ] as const)
      expect(keptHessianRatio(m, p)).toBe(0.25);
  });

  it("asks less, towards no cut at all, the dearer a rebuild gets", () => {
    const asked = [100, 200, 400, 800, 980].map((m) => keptHessianRatio(m, 1000));
    for (let k = 1; k < asked.length; k++) expect(asked[k]!).toBeGreaterThanOrEqual(asked[k - 1]!);
    expect(asked[0]).toBe(0.25);
    expect(asked.at(-1)!).toBeGreaterThan(0.8);
    expect(asked.at(-1)!).toBeLessThan(1);
  });
});
