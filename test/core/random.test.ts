import { describe, expect, it } from "vitest";
import { linspace } from "../../src/core/linspace.js";
import { createRandom } from "../../src/core/random.js";

describe("createRandom", () => {
  it("gives the same stream for the same seed and different streams for different seeds", () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const first = Array.from({ length: 20 }, () => a.uniform());
    expect(Array.from({ length: 20 }, () => b.uniform())).toEqual(first);
    expect(Array.from({ length: 20 }, () => c.uniform())).not.toEqual(first);
  });

  it("draws uniforms in [0, 1) with mean 1/2 and variance 1/12", () => {
    const random = createRandom(1);
    const n = 200_000;
    let sum = 0;
    let sumSquares = 0;
    for (let i = 0; i < n; i++) {
      const u = random.uniform();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      sumSquares += u * u;
    }
    const mean = sum / n;
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(Math.abs(sumSquares / n - mean * mean - 1 / 12)).toBeLessThan(0.002);
  });

  it("draws normals with mean 0, variance 1 and a normal tail share", () => {
    const random = createRandom(2);
    const n = 200_000;
    let sum = 0;
    let sumSquares = 0;
    let beyondTwo = 0;
    for (let i = 0; i < n; i++) {
      const z = random.normal();
      sum += z;
      sumSquares += z * z;
      if (Math.abs(z) > 1.959964) beyondTwo++;
    }
    expect(Math.abs(sum / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(sumSquares / n - 1)).toBeLessThan(0.02);
    expect(Math.abs(beyondTwo / n - 0.05)).toBeLessThan(0.003);
  });

  it("draws integers in [0, n)", () => {
    const random = createRandom(3);
    const counts = new Array(5).fill(0);
    for (let i = 0; i < 50_000; i++) counts[random.integer(5)]++;
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500);
  });

  it("rejects a seed that is not an integer", () => {
    expect(() => createRandom(1.5)).toThrow(RangeError);
  });
});

describe("linspace", () => {
  it("includes both ends exactly and is evenly spaced", () => {
    const x = linspace(-10000, 10000, 1001);
    expect(x.length).toBe(1001);
    expect(x[0]).toBe(-10000);
    expect(x[1000]).toBe(10000);
    expect(x[500]).toBe(0);
    for (let i = 1; i < x.length; i++) expect(x[i]! - x[i - 1]!).toBeCloseTo(20, 9);
  });

  it("rejects fewer than two points", () => {
    expect(() => linspace(0, 1, 1)).toThrow(RangeError);
  });
});
