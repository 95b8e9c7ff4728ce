/** The path chapter's choices in Node: the family fitted, where the λ cursor opens, what it is on. */
import { describe, expect, it } from "vitest";
import { cursorAt, familyToFit, nearestIndex, openingIndex } from "../../web/src/chapters/pathState.js";

const cv = { lambda: [1, 0.5, 0.1, 0.05, 0.01], indexMin: 3, indexOneSe: 1 };

describe("familyToFit", () => {
  it("fits each built-in set with its own family unless the student chose one", () => {
    expect(familyToFit("diabetes", "auto")).toBe("gaussian");
    expect(familyToFit("breast_cancer", "auto")).toBe("binomial");
    expect(familyToFit("wine", "auto")).toBe("multinomial");
    expect(familyToFit("wine", "gaussian")).toBe("gaussian");
  });
  it("leaves an upload's family to the library", () => {
    expect(familyToFit("upload", "auto")).toBe("auto");
  });
});

describe("where the λ cursor opens", () => {
  it("at λ.1se when the link names no λ", () => {
    expect(openingIndex(cv, Number.NaN)).toBe(1);
  });
  it("at the path's λ nearest the link's on a log scale", () => {
    // 0.2 is nearer 0.1 than 0.5 in ratio (2×, not 2.5×)
    expect(openingIndex(cv, 0.2)).toBe(2);
    expect(nearestIndex(cv.lambda, 0.4)).toBe(1);
    expect(nearestIndex(cv.lambda, 1e-9)).toBe(4);
  });
  it("names the choice the cursor is on", () => {
    expect(cursorAt(cv, 1)).toBe("1se");
    expect(cursorAt(cv, 3)).toBe("min");
    expect(cursorAt(cv, 2)).toBe("");
  });
});
