import { describe, expect, it } from "vitest";
import { dataset2d } from "../../src/data/datasets2d.js";
import { fitStandardizer, standardize, trainTestSplit } from "../../src/data/split.js";
import { explainDivergence, lossExploded } from "../../src/diagnostics/divergence.js";
import { penalty } from "../../src/nn/regularizers.js";
import { trainNetwork } from "../../src/nn/train.js";
import { createTrainer } from "../../src/nn/trainer.js";

function spiral() {
  const raw = dataset2d("spiral", { samples: 200, noise: 0.3, seed: 2 });
  const { train, test } = trainTestSplit(raw, 0.5, 2);
  const standardizer = fitStandardizer(train);
  return { train: standardize(train, standardizer), test: standardize(test, standardizer) };
}

describe("trainer (one epoch at a time)", () => {
  it("reproduces trainNetwork exactly when nothing changes", () => {
    const { train, test } = spiral();
    const options = { hidden: [8], epochs: 40, seed: 5, l2: 0.001 };
    const batch = trainNetwork(train, test, options);
    const trainer = createTrainer(train, test, options);
    for (let epoch = 0; epoch < 40; epoch++) trainer.runEpoch();
    expect(trainer.diagnose().trainLoss).toBe(batch.history.at(-1)!.trainLoss);
    expect(trainer.network.weights).toEqual(batch.network.weights);
  });

  it("takes a change of λ mid-training into account from the next update", () => {
    const { train, test } = spiral();
    const make = () => createTrainer(train, test, { hidden: [8], seed: 5, learningRate: 0.03 });
    const plain = make();
    const switched = make();
    for (let epoch = 0; epoch < 100; epoch++) {
      plain.runEpoch();
      switched.runEpoch();
    }
    expect(switched.network.weights).toEqual(plain.network.weights);
    switched.update({ l2: 0.3 });
    for (let epoch = 0; epoch < 100; epoch++) {
      plain.runEpoch();
      switched.runEpoch();
    }
    const size = (t: typeof plain) => penalty(t.network.weights, { l2: 1, l1: 0, maxNorm: 0 });
    expect(size(switched)).toBeLessThan(0.5 * size(plain));
    expect(switched.settings().l2).toBe(0.3);
    // the objective it reports includes the new penalty
    const d = switched.diagnose();
    expect(d.trainObjective - d.trainLoss).toBeCloseTo(0.3 * size(switched), 10);
  });

  it("lowers the training loss of a logistic model (no hidden layer)", () => {
    const { train, test } = spiral();
    const trainer = createTrainer(train, test, { hidden: [], seed: 1, learningRate: 0.05 });
    const before = trainer.diagnose().trainLoss;
    for (let epoch = 0; epoch < 50; epoch++) trainer.runEpoch();
    expect(trainer.diagnose().trainLoss).toBeLessThan(before);
  });

  it("stops at divergence and names the factor that grew the most", () => {
    // regression (linear output): a step too long makes the weights overflow within a few epochs
    const raw = dataset2d("gauss", { samples: 200, noise: 0.3, seed: 2 });
    const y = raw.y.map((_, i) => 3 * raw.x[2 * i]! + 0.5);
    const split = trainTestSplit({ ...raw, y }, 0.5, 2);
    const standardizer = fitStandardizer(split.train);
    const [train, test] = [standardize(split.train, standardizer), standardize(split.test, standardizer)];
    const trainer = createTrainer(train, test, {
      hidden: [16, 16],
      activation: "relu",
      optimizer: "gd",
      learningRate: 0.5,
      seed: 1,
    });
    const first = trainer.diagnose();
    let last = first;
    let epochs = 0;
    while (trainer.runEpoch() && epochs++ < 200) last = trainer.diagnose();
    expect(trainer.diverged).toBe(true);
    expect(trainer.runEpoch()).toBe(false);
    const explanation = explainDivergence(first.layers, last.layers);
    // recompute the largest growth by hand
    const values = (l: (typeof first.layers)[number]) => [
      l.meanAbsDEdA,
      l.meanDadz,
      l.meanAbsDzdW,
      l.gradientNorm,
      l.weightNorm,
    ];
    let largest = 1;
    last.layers.forEach((layer, index) => {
      const before = values(first.layers[index]!);
      values(layer).forEach((v, k) => {
        largest = Math.max(largest, Number.isFinite(v) ? v / before[k]! : Number.POSITIVE_INFINITY);
      });
    });
    expect(explanation.growth).toBe(largest);
    expect(explanation.growth).toBeGreaterThan(10);
    expect(explanation.fixes[0]).toMatch(/learningRate|lambda/);
  });
});

describe("lossExploded", () => {
  it("flags a non-finite loss or one far above the start", () => {
    expect(lossExploded(0.69, Number.NaN)).toBe(true);
    expect(lossExploded(0.69, 32.8)).toBe(true);
    expect(lossExploded(0.69, 0.9)).toBe(false);
  });
});

describe("explainDivergence", () => {
  const layer = (weightNorm: number, gradientNorm: number) => ({
    layer: 1,
    units: 2,
    saturatedShare: 0,
    meanAbsDEdA: 1,
    meanDadz: 0.5,
    meanAbsDzdW: 1,
    gradientNorm,
    weightNorm,
    weightMax: weightNorm,
  });
  it("suggests λ when the weights grew and a smaller η when the gradient did", () => {
    expect(explainDivergence([layer(1, 1)], [layer(100, 2)])).toMatchObject({
      factor: "weights",
      growth: 100,
      fixes: ["lambda", "learningRate"],
    });
    expect(explainDivergence([layer(1, 1)], [layer(2, Number.NaN)], 0.01)).toMatchObject({
      factor: "gradient",
      growth: Number.POSITIVE_INFINITY,
      fixes: ["learningRate", "warmup"],
    });
  });
});
