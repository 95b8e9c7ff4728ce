/**
 * The working set's Gram G_WW (src/glm/solvers/workingSet.ts): built as columns join, or later
 * — the elastic net's Woodbury face reads none of it, so its blocks wait until a solve that does
 * (ensureGram). Either way the same G, the same xv, against the plain loops; across a move to a
 * larger capacity too.
 */
import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/core/random.js";
import { addColumns, createWorkingSet, ensureGram } from "../../src/glm/solvers/workingSet.js";
import { jsGram } from "../../src/kernels/gramKernel.js";

const n = 40;
const p = 300;
const random = createRandom(43);
const x = Float64Array.from({ length: n * p }, () => random.normal());
const v = Float64Array.from({ length: n }, () => 0.5 + random.uniform());
const order = Int32Array.from({ length: 200 }, (_, a) => (a * 37) % p); // 200 distinct columns

function setOf() {
  return createWorkingSet(x, n, p, v, new Float64Array(n), 0.5, new Float64Array(p).fill(1));
}

describe("a working set's Gram", () => {
  it("is the same built as columns join and built later, past a move to a larger capacity", () => {
    const now = setOf();
    const later = setOf();
    // joins of 7, 90 and 103 columns: the last two move both sets past their first capacity (128)
    for (const [from, to] of [
      [0, 7],
      [7, 97],
      [97, 200],
    ] as const) {
      addColumns(now, order.slice(from, to), to - from);
      addColumns(later, order.slice(from, to), to - from, false);
      if (to === 97) ensureGram(later); // one block built in between, the rest at the end
    }
    expect(later.gramSize).toBe(97);
    ensureGram(later);
    expect(later.gramSize).toBe(200);
    expect(now.capacity).toBe(later.capacity);
    const m = 200;
    const want = new Float64Array(m * m);
    jsGram(x, n, p, v, want, undefined, order);
    const c = now.capacity;
    for (const set of [now, later]) {
      const gram = set.inner.covariance!.gram;
      for (let a = 0; a < m; a++) {
        expect(set.columnOf[a]).toBe(order[a]);
        expect(set.inner.xv[a]).toBeCloseTo(want[a * m + a]!, 11);
        for (let b = 0; b < m; b++) expect(gram[a * c + b], `${a},${b}`).toBeCloseTo(want[a * m + b]!, 11);
      }
    }
  });
});
