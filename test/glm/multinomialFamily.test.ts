/**
 * The multinomial family's primitives (src/glm/families/multinomial.ts), each against a closed form
 * or a direct sum, and stable where the naive formula overflows (|η| = 1e4 and 1e300).
 */
import { describe, expect, it } from "vitest";
import {
  gainIsSmall,
  logSumExp,
  nullIntercept,
  rowLoss,
  softmaxRow,
} from "../../src/glm/families/multinomial.js";

describe("the multinomial family's primitives", () => {
  it("log Σ e^η equals the direct sum where that is finite, strided or not", () => {
    const values = Float64Array.from([0.3, -1.2, 2.5, 0.7, -0.4, 1.1]);
    const direct = Math.log(values.reduce((s, v) => s + Math.exp(v), 0));
    expect(logSumExp(values, 0, 6)).toBeCloseTo(direct, 14);
    // every other value, from the second: −1.2, 0.7, 1.1
    const strided = Math.log(Math.exp(-1.2) + Math.exp(0.7) + Math.exp(1.1));
    expect(logSumExp(values, 1, 3, 2)).toBeCloseTo(strided, 14);
  });

  it("log Σ e^η stays finite and right at |η| = 1e4 and 1e300, where e^η overflows", () => {
    expect(logSumExp(Float64Array.from([1e4, 1e4]), 0, 2)).toBeCloseTo(1e4 + Math.log(2), 9);
    expect(logSumExp(Float64Array.from([1e300, -1e300, 0]), 0, 3)).toBe(1e300);
    expect(logSumExp(Float64Array.from([-1e4, -1e4 - 1]), 0, 2)).toBeCloseTo(
      -1e4 + Math.log(1 + Math.exp(-1)),
      9,
    );
  });

  it("softmaxRow gives probabilities that sum to 1, and returns the row's log Σ e^η", () => {
    const eta = Float64Array.from([9, 9, 0.5, -2, 1, 3]); // two rows of three
    const out = new Float64Array(6);
    const second = softmaxRow(eta, 3, 3, out, 3);
    expect(second).toBeCloseTo(Math.log(Math.exp(-2) + Math.exp(1) + Math.exp(3)), 14);
    expect(out[3]! + out[4]! + out[5]!).toBeCloseTo(1, 15);
    expect(out[5]).toBeCloseTo(Math.exp(3) / (Math.exp(-2) + Math.exp(1) + Math.exp(3)), 15);
    // a row at 1e300: no NaN, the largest class takes everything
    const huge = Float64Array.from([1e300, -1e300, 0]);
    const p = new Float64Array(3);
    softmaxRow(huge, 0, 3, p, 0);
    expect([...p]).toEqual([1, 0, 0]);
  });

  it("scores a row as cv.glmnet does: deviance, squared and absolute error, misclassification", () => {
    const p = Float64Array.from([0.2, 0.7, 0.1]);
    expect(rowLoss("deviance", 1, p)).toBeCloseTo(-2 * Math.log(0.7), 14);
    expect(rowLoss("mse", 1, p)).toBeCloseTo(0.04 + 0.09 + 0.01, 14);
    expect(rowLoss("mae", 1, p)).toBeCloseTo(0.2 + 0.3 + 0.1, 14);
    expect(rowLoss("class", 1, p)).toBe(0);
    expect(rowLoss("class", 0, p)).toBe(1);
    // a probability of 0 is clipped at 1e-5, as glmnet's
    expect(rowLoss("deviance", 2, Float64Array.from([0.5, 0.5, 0]))).toBeCloseTo(-2 * Math.log(1e-5), 10);
  });

  it("starts at the log of each class's share, and stops on glmnet's absolute gain", () => {
    expect(nullIntercept(0.25)).toBeCloseTo(Math.log(0.25), 15);
    expect(Number.isFinite(nullIntercept(0))).toBe(true);
    expect(gainIsSmall([0.5, 0.500009], 1)).toBe(true);
    expect(gainIsSmall([0.5, 0.500011], 1)).toBe(false);
  });
});
