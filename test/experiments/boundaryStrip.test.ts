import { describe, expect, it } from "vitest";
import { dataset2d } from "../../src/data/datasets2d.js";
import { boundaryStrip } from "../../src/experiments/boundaryStrip.js";

describe("the boundary strip across λ", () => {
  const options = { degree: 3, alpha: 1, panels: 4, resolution: 10 };
  const train = dataset2d("circle", { samples: 120, noise: 0.5, seed: 1 });
  const test = dataset2d("circle", { samples: 120, noise: 0.5, seed: 2 });

  it("goes from few terms at large λ to many at small λ", () => {
    const strip = boundaryStrip(train, test, options);
    expect(strip.features).toBe(9);
    expect(strip.panels).toHaveLength(4);
    const lambdas = strip.panels.map((p) => p.lambda);
    expect([...lambdas].sort((a, b) => b - a)).toEqual(lambdas);
    expect(strip.panels[0]!.nonzero).toBeLessThanOrEqual(strip.panels[3]!.nonzero);
    expect(strip.panels[3]!.trainAccuracy).toBeGreaterThan(0.8);
    expect(Math.max(...strip.panels.map((p) => p.testAccuracy))).toBeGreaterThan(0.7);
  });

  it("measures test accuracy on the test points: on a copy of the training points it is the training accuracy", () => {
    const strip = boundaryStrip(train, train, options);
    for (const panel of strip.panels) expect(panel.testAccuracy).toBe(panel.trainAccuracy);
    const other = boundaryStrip(train, test, options);
    expect(other.panels.map((p) => p.testAccuracy)).not.toEqual(other.panels.map((p) => p.trainAccuracy));
  });
});
