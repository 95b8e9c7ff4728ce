/**
 * The layer-norm chart's direct labels, in Node: placed by placeLabels so that ‖W‖ and ‖∂E/∂W‖
 * never overlap and never leave the plot, wherever the two norms sit.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decadeDomain, decadeTicks, labelWidth, topRowLabels } from "../../web/src/charts/layerNormChart.js";

const range = [70, 436] as const;
const names = { weight: "‖W‖", gradient: "‖∂E/∂W‖" };

function apart(labels: { series: string; at: number }[]): number {
  const [a, b] = labels as [(typeof labels)[0], (typeof labels)[0]];
  return Math.abs(a.at - b.at) - (labelWidth(a.series) + labelWidth(b.series)) / 2;
}

describe("topRowLabels", () => {
  it("leaves each label over its dot when the dots are far apart, and in from the plot's edge", () => {
    const top = [
      { x: 0.5, series: names.weight },
      { x: 1e-4, series: names.gradient },
    ];
    const [gradient, weight] = topRowLabels(top, [1e-6, 10], range);
    expect(weight!.x).toBeCloseTo(0.5, 9);
    expect(gradient!.x).toBeCloseTo(1e-4, 15);
    // a dot on the plot's left edge: its label starts at the edge, not half outside
    const [edge] = topRowLabels([top[0]!, { ...top[1]!, x: 1e-6 }], [1e-6, 10], range);
    expect(edge!.at - labelWidth(names.gradient) / 2).toBeCloseTo(range[0], 9);
  });

  it("keeps the labels apart and inside the plot for any two norms, in English and Chinese", () => {
    fc.assert(
      fc.property(
        fc.double({ min: -8, max: 4, noNaN: true }),
        fc.double({ min: -8, max: 4, noNaN: true }),
        fc.constantFrom(names, { weight: "权重 ‖W‖", gradient: "梯度 ‖∂E/∂W‖" }),
        (logW, logG, series) => {
          const top = [
            { x: 10 ** logW, series: series.weight },
            { x: 10 ** logG, series: series.gradient },
          ];
          const labels = topRowLabels(top, decadeDomain([top[0]!.x, top[1]!.x]), range);
          expect(apart(labels)).toBeGreaterThan(0);
          for (const label of labels) {
            expect(label.at - labelWidth(label.series) / 2).toBeGreaterThanOrEqual(range[0] - 1e-9);
            expect(label.at + labelWidth(label.series) / 2).toBeLessThanOrEqual(range[1] + 1e-9);
          }
        },
      ),
    );
  });
});

describe("decadeDomain", () => {
  it("spans whole decades around every value, at least one", () => {
    expect(decadeDomain([0.003, 2.5])).toEqual([0.001, 10]);
    expect(decadeDomain([1, 1])).toEqual([1, 10]);
    expect(decadeDomain([0, 1e-3])[0]).toBeCloseTo(1e-8, 20);
  });
});

describe("decadeTicks", () => {
  it("ticks every decade up to five, then every other one or sparser", () => {
    expect(decadeTicks([0.01, 10])).toEqual([0.01, 0.1, 1, 10]);
    expect(decadeTicks([1e-6, 10])).toEqual([1e-6, 1e-4, 0.01, 1]);
    expect(decadeTicks([1e-8, 1e4]).length).toBeLessThanOrEqual(6);
  });
});
