import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { linspace } from "../../src/core/linspace.js";
import { sigmoidDerivative } from "../../src/core/sigmoid.js";
import {
  saturatedShare,
  saturatedShareOfInterval,
  saturationCutoff,
  steepestSlope,
} from "../../src/diagnostics/saturation.js";
import { relativeError } from "../helpers/finiteDifference.js";

describe("saturationCutoff", () => {
  it("solves σ'(z*) = threshold", () => {
    for (const threshold of [1e-12, 1e-6, 1e-3, 0.01, 0.1, 0.2, 0.2499]) {
      expect(relativeError(sigmoidDerivative(saturationCutoff(threshold)), threshold)).toBeLessThan(1e-10);
    }
    expect(saturationCutoff(0.01)).toBeCloseTo(4.5849, 4);
    expect(saturationCutoff(0.25)).toBe(0);
  });

  it("rejects thresholds outside (0, 1/4]", () => {
    for (const bad of [0, -0.1, 0.3, Number.NaN]) expect(() => saturationCutoff(bad)).toThrow(RangeError);
  });
});

/** The closed-form count on an even grid: points with |m·x_i + c| > z*, found by index arithmetic. */
function closedFormGridShare(m: number, c: number, a: number, b: number, points: number, threshold: number) {
  const cutoff = saturationCutoff(threshold);
  const step = (b - a) / (points - 1);
  const low = Math.min((-cutoff - c) / m, (cutoff - c) / m);
  const high = Math.max((-cutoff - c) / m, (cutoff - c) / m);
  // Indices i with a + i·step in [low, high] are unsaturated.
  const first = Math.max(0, Math.ceil((low - a) / step));
  const last = Math.min(points - 1, Math.floor((high - a) / step));
  const unsaturated = Math.max(0, last - first + 1);
  return (points - unsaturated) / points;
}

describe("saturatedShare", () => {
  it("reproduces the article's figures: 542 and 84 of 1001 points saturated for m = 0.001 and 0.0005", () => {
    const x = linspace(-10000, 10000, 1001);
    expect(saturatedShare(0.001, 0, x, 0.01)).toBe(542 / 1001);
    expect(saturatedShare(0.0005, 0, x, 0.01)).toBe(84 / 1001);
    expect(saturatedShare(0.0002, 0, x, 0.01)).toBe(0);
    expect(saturatedShare(0.0001, 0, x, 0.01)).toBe(0);
  });

  it("equals the closed form |m·x + c| > z* on even grids", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-5, max: 10, noNaN: true }),
        fc.double({ min: -5, max: 5, noNaN: true }),
        fc.integer({ min: 2, max: 3000 }),
        fc.constantFrom(0.001, 0.01, 0.05, 0.2),
        fc.boolean(),
        (magnitude, c, points, threshold, negative) => {
          const m = negative ? -magnitude : magnitude;
          const x = linspace(-1000, 1000, points);
          const direct = saturatedShare(m, c, x, threshold);
          const closed = closedFormGridShare(m, c, -1000, 1000, points, threshold);
          // A point within rounding of the boundary may fall either way: allow one point.
          expect(Math.abs(direct - closed)).toBeLessThanOrEqual(1 / points + 1e-15);
        },
      ),
      { numRuns: 300, seed: 11 },
    );
  });

  it("converges to the interval's closed-form share as the grid gets finer", () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 0.01, noNaN: true }),
        fc.double({ min: -3, max: 3, noNaN: true }),
        (m, c) => {
          const exact = saturatedShareOfInterval(m, c, -10000, 10000, 0.01);
          const points = 4001;
          const grid = saturatedShare(m, c, linspace(-10000, 10000, points), 0.01);
          expect(Math.abs(grid - exact)).toBeLessThanOrEqual(3 / (points - 1));
        },
      ),
      { numRuns: 200, seed: 5 },
    );
  });

  it("is all or nothing for m = 0", () => {
    expect(saturatedShareOfInterval(0, 5, -1, 1, 0.01)).toBe(1);
    expect(saturatedShareOfInterval(0, 1, -1, 1, 0.01)).toBe(0);
  });
});

describe("steepestSlope", () => {
  it("is |m|/4 when the midpoint z = 0 is in range", () => {
    expect(steepestSlope(0.001, 0, -10000, 10000)).toBe(0.00025);
    expect(steepestSlope(-0.002, 1, -10000, 10000)).toBe(0.0005);
  });

  it("is |m|·σ'(z) at the end nearest z = 0 otherwise, and matches a dense scan", () => {
    const m = 0.5;
    const c = 3;
    const expected = m * sigmoidDerivative(m * -1 + c);
    expect(steepestSlope(m, c, -1, 4)).toBeCloseTo(expected, 15);
    let scanned = 0;
    for (const x of linspace(-1, 4, 10001)) scanned = Math.max(scanned, m * sigmoidDerivative(m * x + c));
    expect(relativeError(steepestSlope(m, c, -1, 4), scanned)).toBeLessThan(1e-12);
  });
});
