/**
 * The instability chapter's claims, computed in Node by the very job the page's worker runs: at the
 * chapter's defaults the penalized network's logit moves less on every data set; where its
 * probability does not, the verdict says saturation hides it; a crushing λ is a constant model.
 */
import { describe, expect, it } from "vitest";
import { DATASETS_2D, type Dataset2dName, dataset2d } from "../../src/data/datasets2d.js";
import { compare } from "../../web/src/chapters/instabilityState.js";
import { fitInstability } from "../../web/src/worker/instabilityJob.js";

// the chapter's defaults (web/src/chapters/instability.ts imports the DOM, so they are restated here
// and checked against the page by the story test)
const DEFAULTS = { lambda: 0.002, epsilon: 0.05 };

const trainBoth = (name: Dataset2dName, lambda: number) => {
  const data = dataset2d(name, { samples: 300, noise: 0.5, seed: 1 });
  return fitInstability({
    type: "instability.fit",
    run: 1,
    points: { x: data.x, y: data.y },
    lambda,
    epochs: 600,
    seed: 1,
  });
};

describe("instability at the chapter's defaults", () => {
  const results = Object.fromEntries(DATASETS_2D.map((name) => [name, trainBoth(name, DEFAULTS.lambda)]));

  it.each(DATASETS_2D)("%s: the penalized network's logit moves less", (name) => {
    const comparison = compare(results[name]!, DEFAULTS.epsilon);
    expect(comparison.logitRatio).toBeGreaterThan(1);
    expect(comparison.verdict === "holds" || comparison.verdict === "saturationHides").toBe(true);
    // "saturationHides" only where the probability really moves more with the penalty
    if (comparison.verdict === "saturationHides") expect(comparison.outputRatio).toBeLessThanOrEqual(1);
    else expect(comparison.outputRatio).toBeGreaterThan(1);
  });

  it("spiral: the claim holds on both measures, with a lower test loss", () => {
    const result = results.spiral!;
    expect(compare(result, DEFAULTS.epsilon).verdict).toBe("holds");
    expect(result.models[1].testLoss).toBeLessThan(result.models[0].testLoss);
  });

  it("circle: saturation hides it, and the clean data makes the penalty cost test loss", () => {
    const result = results.circle!;
    expect(compare(result, DEFAULTS.epsilon).verdict).toBe("saturationHides");
    expect(result.models[0].testLoss).toBeLessThanOrEqual(result.models[1].testLoss);
  });
});

describe("a crushing penalty", () => {
  it("λ = 0.3 on spiral is named a constant model and gets no ratio", () => {
    const comparison = compare(trainBoth("spiral", 0.3), DEFAULTS.epsilon);
    expect(comparison.verdict).toBe("constant");
    expect(comparison.outputRatio).toBeNull();
    expect(comparison.logitRatio).toBeNull();
  });
});
