/** The updatable Cholesky factor against solving the matrix afresh, after appends and removals. */
import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/core/random.js";
import { UpdatableCholesky } from "../../src/glm/solvers/updatableCholesky.js";

/** A random 12 × 12 positive definite matrix (BᵀB + I). */
function spd(size: number, seed: number): number[][] {
  const random = createRandom(seed);
  const b = Array.from({ length: size + 3 }, () => Array.from({ length: size }, () => random.normal()));
  return Array.from({ length: size }, (_, i) =>
    Array.from(
      { length: size },
      (_, j) => b.reduce((sum, row) => sum + row[i]! * row[j]!, 0) + (i === j ? 1 : 0),
    ),
  );
}

/** A z for the rows `keys` of A, checked by multiplying back: A_kk z = rhs. */
function expectSolves(factor: UpdatableCholesky, a: number[][]) {
  const keys = factor.keys;
  const rhs = Float64Array.from(keys, (_, u) => Math.sin(u + 1));
  const z = rhs.slice();
  factor.solve(z);
  keys.forEach((i, u) => {
    const back = keys.reduce((sum, j, v) => sum + a[i]![j]! * z[v]!, 0);
    expect(back).toBeCloseTo(rhs[u]!, 10);
  });
}

describe("UpdatableCholesky", () => {
  const a = spd(12, 5);
  const append = (factor: UpdatableCholesky, key: number) =>
    factor.append(
      key,
      factor.keys.map((other) => a[key]![other]!),
      a[key]![key]!,
    );

  it("solves after appends, and after removals anywhere (first, middle, last)", () => {
    const factor = new UpdatableCholesky(12);
    for (const key of [3, 0, 7, 11, 5, 2, 9]) expect(append(factor, key)).toBe(true);
    expectSolves(factor, a);
    factor.remove(0); // key 3
    expectSolves(factor, a);
    factor.remove(2); // key 11
    expectSolves(factor, a);
    factor.remove(factor.size - 1);
    expectSolves(factor, a);
    for (const key of [4, 8]) expect(append(factor, key)).toBe(true);
    expect(factor.keys).toEqual([0, 7, 5, 2, 4, 8]);
    expectSolves(factor, a);
  });

  it("refuses an entry that would make the matrix singular, and a full factor", () => {
    const factor = new UpdatableCholesky(2);
    expect(factor.append(0, [], 4)).toBe(true);
    expect(factor.append(1, [2], 1)).toBe(false); // [[4, 2], [2, 1]] is singular
    expect(factor.size).toBe(1);
    expect(factor.append(1, [1], 1)).toBe(true);
    expect(factor.append(2, [0, 0], 1)).toBe(false); // capacity 2
  });
});
