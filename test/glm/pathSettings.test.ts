/**
 * A library caller's path settings are checked before any work: a NaN α (a typo'd
 * `Number(process.argv[1])`, say) ran to a path of NaN λ; each bad setting is now a RangeError that
 * names it, and the edges that are valid (α = 0 and 1, a min ratio of 1) still fit.
 */
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../src/data/parseCsv.js";
import { glmPath } from "../../src/glm/glmPath.js";

const diabetes = parseCsv(readFileSync("data/diabetes.csv", "utf8"), "diabetes.csv");

describe("glmPath's settings", () => {
  const refused: [string, Parameters<typeof glmPath>[1], RegExp][] = [
    ["a NaN α", { alpha: Number.NaN }, /alpha must be in \[0, 1\]/],
    ["α above 1", { alpha: 1.5 }, /alpha must be in \[0, 1\]/],
    ["a fractional nlambda", { nlambda: 2.5 }, /nlambda must be a whole number/],
    ["a zero min ratio", { lambdaMinRatio: 0 }, /lambdaMinRatio must be in \(0, 1\]/],
    ["a tolerance of 0", { tolerance: 0 }, /tolerance must be in \(0, 1\)/],
    ["an empty λ list", { lambda: [] }, /lambda must list at least one/],
    [
      "an infinite λ",
      { lambda: [1, Number.POSITIVE_INFINITY] },
      /lambda must list at least one finite value/,
    ],
  ];
  for (const [what, options, message] of refused)
    it(`refuses ${what}`, () => {
      expect(() => glmPath(diabetes, options)).toThrow(RangeError);
      expect(() => glmPath(diabetes, options)).toThrow(message);
    });

  it("fits the valid edges: α = 0 and 1, a min ratio of 1 (every λ at λ_max)", () => {
    expect(glmPath(diabetes, { alpha: 0, nlambda: 3 }).lambda).toHaveLength(3);
    expect(glmPath(diabetes, { alpha: 1, nlambda: 3 }).lambda).toHaveLength(3);
    const flat = glmPath(diabetes, { lambdaMinRatio: 1, nlambda: 3 });
    expect(new Set(flat.lambda).size).toBe(1);
    expect(flat.df.every((df) => df === 0)).toBe(true);
  });

  it("marks a fitted first λ (α < 0.001, grid generated) on every route: plain, unpenalized columns, multinomial", () => {
    const pf = [1, 0, 1, 1, 1, 1, 1, 1, 1, 1];
    expect(glmPath(diabetes, { alpha: 0, nlambda: 5 }).firstLambdaFitted).toBe(true);
    expect(glmPath(diabetes, { alpha: 0, nlambda: 5, penaltyFactor: pf }).firstLambdaFitted).toBe(true);
    expect(glmPath(diabetes, { alpha: 0, lambda: [10, 1] }).firstLambdaFitted).toBeUndefined();
    expect(glmPath(diabetes, { alpha: 0.5, nlambda: 5 }).firstLambdaFitted).toBeUndefined();
    const iris = parseCsv(readFileSync("data/iris.csv", "utf8"), "iris.csv");
    expect(glmPath(iris, { family: "multinomial", alpha: 0, nlambda: 3 }).firstLambdaFitted).toBe(true);
  });
});

/** What `run` throws (a DataError's key and parameters), or null. */
function thrown(run: () => unknown): { key?: string; params?: Record<string, unknown> } | null {
  try {
    run();
  } catch (error) {
    return error as { key?: string; params?: Record<string, unknown> };
  }
  return null;
}

describe("glmPath's target for the binomial and poisson families", () => {
  it("refuses a binomial target other than 0/1, and a negative count, naming the file's row", () => {
    // diabetes' target is a disease score (25 … 346): not 0/1, and its first row's is 151
    const binomial = thrown(() => glmPath(diabetes, { family: "binomial" }));
    expect(binomial?.key).toBe("glm.notZeroOne");
    expect(binomial?.params).toMatchObject({ file: "diabetes.csv", row: 2, value: 151 });
    const negative = { ...diabetes, y: Float64Array.from(diabetes.y, (v, i) => (i === 4 ? -1 : v)) };
    const poisson = thrown(() => glmPath(negative, { family: "poisson" }));
    expect(poisson?.key).toBe("glm.negativeCount");
    expect(poisson?.params).toMatchObject({ row: 6, value: -1 });
    // 0/1 and counts fit
    const zeroOne = { ...diabetes, y: Float64Array.from(diabetes.y, (v) => (v > 140 ? 1 : 0)) };
    expect(glmPath(zeroOne, { family: "binomial" }).lambda.length).toBeGreaterThan(1);
  });
});
