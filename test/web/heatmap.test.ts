/** The decision map's colours, in Node: the allocation-free writer the map uses every frame. */
import { describe, expect, it } from "vitest";
import { probabilityColor, writeProbabilityColor } from "../../web/src/charts/heatmap.js";

describe("writeProbabilityColor", () => {
  it("writes exactly probabilityColor's blue–white–red, clamped outside [0, 1]", () => {
    const pixels = new Uint8ClampedArray(8);
    for (let k = -50; k <= 1050; k++) {
      const p = k / 1000;
      writeProbabilityColor(p, pixels, 4);
      expect([pixels[4], pixels[5], pixels[6]], `p = ${p}`).toEqual(probabilityColor(p));
    }
    expect(pixels.slice(0, 4)).toEqual(new Uint8ClampedArray(4)); // nothing written before offset
    expect(pixels[7]).toBe(0); // the alpha channel is the caller's
  });
});
