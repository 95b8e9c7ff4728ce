import { describe, expect, it } from "vitest";
import { dataset2d } from "../../src/data/datasets2d.js";
import { monomialExponents, polynomialFeatures } from "../../src/data/polynomialFeatures.js";

describe("polynomial features", () => {
  it("lists every monomial of degree 1 … d once", () => {
    // C(d + p, p) − 1 monomials
    expect(monomialExponents(2, 1)).toEqual([
      [1, 0],
      [0, 1],
    ]);
    expect(monomialExponents(2, 3)).toHaveLength(9);
    expect(monomialExponents(3, 4)).toHaveLength(34);
    const keys = monomialExponents(3, 4).map((e) => e.join());
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("computes the values and names them", () => {
    const data = dataset2d("gauss", { samples: 10, seed: 1 });
    const expanded = polynomialFeatures(data, 2);
    expect(expanded.p).toBe(5);
    expect(expanded.featureNames).toEqual(["x1", "x2", "x1^2", "x1·x2", "x2^2"]);
    for (let i = 0; i < data.n; i++) {
      const [a, b] = [data.x[2 * i]!, data.x[2 * i + 1]!];
      expect(Array.from(expanded.x.subarray(5 * i, 5 * i + 5))).toEqual([a, b, a * a, a * b, b * b]);
    }
    expect(() => polynomialFeatures(data, 0)).toThrow(/degree/);
  });
});
