/**
 * The series charts' end labels (playground losses, instability sensitivities), in Node: placed by
 * the lab's label helper, so two lines ending together get labels a line apart, in their lines'
 * order — the label of the upper line above the other's, never swapped.
 */
import { describe, expect, it } from "vitest";
import { SERIES_LABEL_GAP, seriesEndLabels } from "../../web/src/charts/smallCharts.js";

const height = 220;
const frame = { top: 20, bottom: height - 40 };
const pixelOnLog = (v: number, domain: [number, number]) =>
  frame.bottom -
  ((Math.log(v) - Math.log(domain[0])) / (Math.log(domain[1]) - Math.log(domain[0]))) *
    (frame.bottom - frame.top);

describe("seriesEndLabels", () => {
  it("keeps the labels of two losses ending together apart, in the lines' order", () => {
    // training loss ends just below the test loss: its label must stay below the test label
    const points = [
      { x: 0, y: 0.7, series: "train" },
      { x: 100, y: 0.1001, series: "train" },
      { x: 0, y: 0.7, series: "test" },
      { x: 100, y: 0.1002, series: "test" },
    ];
    const domain: [number, number] = [0.1001, 0.7];
    const [train, test] = seriesEndLabels(points, ["train", "test"], domain, true, height);
    expect(train!.series).toBe("train");
    expect(train!.x).toBe(100);
    const gap = pixelOnLog(train!.at, domain) - pixelOnLog(test!.at, domain);
    expect(gap).toBeGreaterThanOrEqual(SERIES_LABEL_GAP - 1e-9);
  });

  it("leaves a label at its line's end when nothing crowds it", () => {
    const points = [
      { x: 1, y: 1, series: "a" },
      { x: 1, y: 100, series: "b" },
    ];
    const [a, b] = seriesEndLabels(points, ["a", "b"], [1, 100], true, height);
    expect(a!.at).toBeCloseTo(1, 9);
    expect(b!.at).toBeCloseTo(100, 9);
  });
});
