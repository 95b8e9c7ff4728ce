/**
 * Every number a --json document holds is finite: the first that is not is an error naming its
 * field (as a script would address it), found in nested objects, arrays, typed arrays and runs of
 * numbers alike; null ("not applicable") and text stay allowed.
 */
import { describe, expect, it } from "vitest";
import { checkFinite, finiteJson } from "../../src/cli/jsonOutput.js";
import { DataError } from "../../src/data/dataError.js";

function fieldOf(value: unknown): string | null {
  try {
    checkFinite(value);
    return null;
  } catch (error) {
    expect(error).toBeInstanceOf(DataError);
    expect((error as DataError).key).toBe("result.notFinite");
    return String((error as DataError).params["field"]);
  }
}

describe("checkFinite", () => {
  it("names the first non-finite number's field", () => {
    expect(fieldOf({ a: [1, 2, { b: [3, Number.NaN] }] })).toBe("a[2].b[1]");
    expect(fieldOf({ x: Float64Array.of(1, Number.POSITIVE_INFINITY) })).toBe("x[1]");
    expect(fieldOf(Number.NaN)).toBe("(top)");
    expect(fieldOf([[1], [2, Number.NEGATIVE_INFINITY]])).toBe("[1][1]");
    expect(fieldOf({ ok: [1, 2], c: { d: null, e: [Number.NaN] } })).toBe("c.e[0]");
    // a run of numbers broken by text, then a NaN after it
    expect(fieldOf([1, "a", 2, Number.NaN])).toBe("[3]");
    expect(fieldOf([1, null, [2, Number.POSITIVE_INFINITY]])).toBe("[2][1]");
    // the first in document order, not the last
    expect(fieldOf({ coefs: [[0, Number.NaN, Number.NaN], [Number.NaN]] })).toBe("coefs[0][1]");
  });

  it("lets finite numbers, null and text through, and writes them as JSON.stringify does", () => {
    const document = { n: 3, note: null, names: ["a"], coefs: [[0.5, -1e300]], f: Float64Array.of(2) };
    expect(fieldOf(document)).toBeNull();
    expect(finiteJson(document)).toBe(JSON.stringify(document));
  });
});
