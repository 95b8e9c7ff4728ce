import { describe, expect, it } from "vitest";
import { dataset2d } from "../../src/data/datasets2d.js";
import { lossExploded } from "../../src/diagnostics/divergence.js";
import { penalty } from "../../src/nn/regularizers.js";
import { PlaygroundSession } from "../../web/src/worker/playgroundSession.js";
import type { PlaygroundConfig } from "../../web/src/worker/protocol.js";

function config(overrides: Partial<PlaygroundConfig> = {}): PlaygroundConfig {
  const data = dataset2d("spiral", { samples: 200, noise: 0.5, seed: 1 });
  return {
    points: { x: data.x, y: data.y },
    trainShare: 0.5,
    seed: 1,
    model: "network",
    hidden: [12, 12],
    activation: "tanh",
    degree: 6,
    loss: "log",
    live: { learningRate: 0.01, l2: 0, l1: 0, dropout: 0, maxNorm: 0 },
    warmup: 0,
    resolution: 20,
    ...overrides,
  };
}

describe("the playground's training session (as the worker runs it)", () => {
  it("lowers the training loss and draws a probability surface", () => {
    const session = new PlaygroundSession(1, config());
    const start = session.frame(true);
    for (let epoch = 0; epoch < 200; epoch++) session.stepEpoch();
    const later = session.frame(true);
    expect(later.epoch).toBe(200);
    expect(later.diagnostics.trainLoss).toBeLessThan(0.6 * start.diagnostics.trainLoss);
    expect(later.grid).toHaveLength(400);
    expect(later.grid.every((p) => p >= 0 && p <= 1)).toBe(true);
    expect(later.isTrain.reduce((a, b) => a + b, 0)).toBe(100);
  });

  it("applies a λ changed mid-training, and the warm-up ramps it in", () => {
    const plain = new PlaygroundSession(1, config());
    const switched = new PlaygroundSession(2, config());
    for (let epoch = 0; epoch < 100; epoch++) {
      plain.stepEpoch();
      switched.stepEpoch();
    }
    switched.update({ l2: 0.3 });
    for (let epoch = 0; epoch < 100; epoch++) {
      plain.stepEpoch();
      switched.stepEpoch();
    }
    const size = (s: PlaygroundSession) => penalty(s.trainer.network.weights, { l2: 1, l1: 0, maxNorm: 0 });
    expect(size(switched)).toBeLessThan(0.5 * size(plain));
    const ramped = new PlaygroundSession(3, config({ live: { ...config().live, l2: 0.1 }, warmup: 50 }));
    for (let epoch = 0; epoch < 25; epoch++) ramped.stepEpoch();
    expect(ramped.trainer.settings().l2).toBeCloseTo(0.1 * (24 / 50), 12);
  });

  it("trains the polynomial logistic model (no hidden layer)", () => {
    const session = new PlaygroundSession(
      1,
      config({ model: "polynomial", degree: 4, live: { ...config().live, learningRate: 0.05 } }),
    );
    expect(session.trainer.network.spec.sizes).toEqual([14, 1]);
    const before = session.frame(false).diagnostics.trainLoss;
    session.runFor(0, () => 0); // one epoch at least
    for (let epoch = 0; epoch < 100; epoch++) session.stepEpoch();
    expect(session.frame(false).diagnostics.trainLoss).toBeLessThan(before);
  });

  it("stops a run whose loss blows up and names the factor", () => {
    const session = new PlaygroundSession(1, config({ live: { ...config().live, learningRate: 10 } }));
    const first = session.frame(true).diagnostics.trainLoss;
    let frame = session.frame(true);
    for (let k = 0; k < 100 && !frame.divergence; k++) {
      for (let epoch = 0; epoch < 5; epoch++) session.stepEpoch();
      frame = session.frame(true);
    }
    expect(frame.divergence).not.toBeNull();
    expect(frame.running).toBe(false);
    expect(lossExploded(first, session.trainer.diagnose().trainLoss) || session.trainer.diverged).toBe(true);
    expect(frame.divergence!.explanation.growth).toBeGreaterThan(1);
    expect(session.stepEpoch()).toBe(false);
  });

  it("exports a model that reproduces the session's predictions", () => {
    const session = new PlaygroundSession(1, config());
    for (let epoch = 0; epoch < 20; epoch++) session.stepEpoch();
    const model = JSON.parse(JSON.stringify(session.exportModel())) as {
      weights: number[][];
      spec: { sizes: number[] };
    };
    expect(model.spec.sizes).toEqual([2, 12, 12, 1]);
    expect(model.weights[0]).toEqual(Array.from(session.trainer.network.weights[0]!));
  });
});
