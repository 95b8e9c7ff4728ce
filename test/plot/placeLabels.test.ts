import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { labelsThatFit, placeLabels, placeLabelsOnScale } from "../../src/plot/placeLabels.js";

describe("placeLabels", () => {
  it("leaves labels that do not collide where they want to be", () => {
    const placed = placeLabels([10, 50, 90], 12, 0, 100);
    expect(placed.map((p) => p.at)).toEqual([10, 50, 90]);
  });

  it("pushes two colliding labels apart symmetrically around their wishes", () => {
    const placed = placeLabels([50, 52], 12, 0, 100);
    expect(placed.map((p) => p.at)).toEqual([45, 57]);
  });

  it("keeps every label inside the range", () => {
    const placed = placeLabels([0, 1, 2], 10, 0, 100);
    expect(placed.map((p) => p.at)).toEqual([0, 10, 20]);
  });

  it("places n labels ≥ gap apart, in their order, inside [low, high], whenever they fit", () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 300, noNaN: true }), { maxLength: 20 }), (wanted) => {
        const placed = placeLabels(wanted, 14, 0, 300);
        expect(placed).toHaveLength(wanted.length);
        for (let k = 1; k < placed.length; k++) {
          expect(placed[k]!.at - placed[k - 1]!.at).toBeGreaterThanOrEqual(14 - 1e-9);
          expect(placed[k]!.wanted).toBeGreaterThanOrEqual(placed[k - 1]!.wanted);
        }
        for (const p of placed) {
          expect(p.at).toBeGreaterThanOrEqual(-1e-9);
          expect(p.at).toBeLessThanOrEqual(300 + 1e-9);
        }
      }),
    );
  });

  it("keeps the largest labels when not all fit", () => {
    expect(labelsThatFit([5, 1, 9, 3, 7], 50, 0, 100)).toEqual([0, 2, 4]);
  });
});

describe("placeLabelsOnScale", () => {
  const frame = { top: 20, bottom: 200 };

  it("leaves labels that do not crowd at their values, on a linear and on a log scale", () => {
    const linear = placeLabelsOnScale([1, 5, 9], { domain: [0, 10] }, frame, 14);
    for (const [k, at] of linear.entries()) expect(at).toBeCloseTo([1, 5, 9][k]!, 9);
    const log = placeLabelsOnScale([1e-6, 1e-3, 1], { domain: [1e-6, 1], log: true }, frame, 14);
    for (const [k, at] of log.entries()) expect(Math.log10(at)).toBeCloseTo([-6, -3, 0][k]!, 9);
  });

  it("moves crowded labels a gap apart in pixels, in the order of their values", () => {
    const values = [0.5, 0.501, 0.499];
    const at = placeLabelsOnScale(values, { domain: [0, 1] }, frame, 14);
    const pixel = (v: number) => frame.bottom - v * (frame.bottom - frame.top);
    const order = [2, 0, 1]; // values from low to high
    for (let k = 1; k < 3; k++) {
      expect(at[order[k]!]!).toBeGreaterThan(at[order[k - 1]!]!);
      expect(pixel(at[order[k - 1]!]!) - pixel(at[order[k]!]!)).toBeGreaterThanOrEqual(14 - 1e-9);
    }
  });
});
