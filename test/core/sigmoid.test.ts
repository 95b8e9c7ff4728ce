import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  logit,
  logSigmoid,
  logSigmoidDerivative,
  sigmoid,
  sigmoidDerivative,
} from "../../src/core/sigmoid.js";
import { centralDifference, relativeError } from "../helpers/finiteDifference.js";

const EXTREMES = [1e4, -1e4, 1e300, -1e300, 745, -745, 710, -710];

describe("sigmoid", () => {
  it("is 1/2 at 0 and matches 1/(1+e^-z) where that form is safe", () => {
    expect(sigmoid(0)).toBe(0.5);
    for (const z of [-30, -5, -1, -1e-8, 1e-8, 0.3, 2, 17]) {
      expect(relativeError(sigmoid(z), 1 / (1 + Math.exp(-z)))).toBeLessThan(1e-15);
    }
  });

  it("never overflows or returns NaN for |z| up to 1e300, and has the right limits", () => {
    for (const z of EXTREMES) {
      const value = sigmoid(z);
      expect(Number.isFinite(value)).toBe(true);
      expect(value).toBeGreaterThanOrEqual(0);
      expect(value).toBeLessThanOrEqual(1);
    }
    expect(sigmoid(1e4)).toBe(1);
    expect(sigmoid(-1e4)).toBe(0);
    expect(sigmoid(1e300)).toBe(1);
    expect(sigmoid(-1e300)).toBe(0);
    expect(sigmoid(Number.POSITIVE_INFINITY)).toBe(1);
    expect(sigmoid(Number.NEGATIVE_INFINITY)).toBe(0);
  });

  it("keeps full relative precision in the lower tail: σ(−700) = e^−700", () => {
    expect(relativeError(sigmoid(-700), Math.exp(-700))).toBeLessThan(1e-14);
  });

  it("passes NaN through (never replaces it)", () => {
    expect(sigmoid(Number.NaN)).toBeNaN();
    expect(sigmoidDerivative(Number.NaN)).toBeNaN();
    expect(logSigmoid(Number.NaN)).toBeNaN();
  });

  it("is symmetric: σ(−z) = 1 − σ(z)", () => {
    fc.assert(
      fc.property(fc.double({ min: -40, max: 40, noNaN: true }), (z) => {
        expect(Math.abs(sigmoid(-z) - (1 - sigmoid(z)))).toBeLessThan(2e-16);
      }),
    );
  });
});

describe("sigmoidDerivative", () => {
  it("equals σ(z)(1 − σ(z)) and peaks at 1/4", () => {
    expect(sigmoidDerivative(0)).toBe(0.25);
    for (const z of [-8, -2, -0.5, 0.5, 3, 9]) {
      expect(relativeError(sigmoidDerivative(z), sigmoid(z) * (1 - sigmoid(z)))).toBeLessThan(1e-12);
    }
  });

  it("matches a central finite difference of σ (relative error ≤ 1e-6), saturated tails included", () => {
    // On the positive side σ is 1 − tiny and a difference of σ cancels; σ' is even, so the
    // negative side, where σ keeps full relative precision, checks both tails.
    for (const z of [-40, -30, -20, -12, -8, -4.6, -2, -1, -0.1, 0.1, 1, 2, 4.6, 8]) {
      const reference = centralDifference(sigmoid, z, 1e-5);
      expect(relativeError(sigmoidDerivative(z), reference)).toBeLessThan(1e-6);
      expect(sigmoidDerivative(z)).toBe(sigmoidDerivative(-z));
    }
  });

  it("underflows gracefully to 0 at |z| = 1e4 and 1e300, never NaN", () => {
    for (const z of EXTREMES.slice(0, 4)) expect(sigmoidDerivative(z)).toBe(0);
    expect(sigmoidDerivative(Number.POSITIVE_INFINITY)).toBe(0);
  });
});

describe("logSigmoid", () => {
  it("equals log σ(z) where σ is representable", () => {
    for (const z of [-30, -5, 0, 0.5])
      expect(relativeError(logSigmoid(z), Math.log(sigmoid(z)))).toBeLessThan(1e-14);
    // For z > 0 the reference log(σ(z)) itself loses digits (σ ≈ 1): compare at its accuracy.
    for (const z of [2, 10]) expect(relativeError(logSigmoid(z), Math.log(sigmoid(z)))).toBeLessThan(1e-10);
  });

  it("is exact in both tails: log σ(−1e300) = −1e300 and log σ(40) = −e^−40", () => {
    expect(logSigmoid(-1e300)).toBe(-1e300);
    expect(logSigmoid(-1e4)).toBe(-1e4);
    expect(logSigmoid(1e300)).toBe(-0);
    expect(relativeError(logSigmoid(40), -Math.exp(-40))).toBeLessThan(1e-14);
  });

  it("travels with its derivative 1 − σ(z), checked by finite differences", () => {
    for (const z of [-20, -3, 0, 1.5, 6]) {
      expect(relativeError(logSigmoidDerivative(z), centralDifference(logSigmoid, z, 1e-5))).toBeLessThan(
        1e-6,
      );
    }
  });
});

describe("logit", () => {
  it("inverts σ", () => {
    for (const z of [-15, -1, 0, 0.7, 12])
      expect(Math.abs(logit(sigmoid(z)) - z)).toBeLessThan(1e-9 * Math.max(1, Math.abs(z)));
    expect(logit(1)).toBe(Number.POSITIVE_INFINITY);
    expect(logit(0)).toBe(Number.NEGATIVE_INFINITY);
  });
});
