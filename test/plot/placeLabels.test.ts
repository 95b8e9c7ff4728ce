import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { labelsThatFit, placeLabels } from "../../src/plot/placeLabels.js";

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
