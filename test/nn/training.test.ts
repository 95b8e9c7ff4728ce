import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/core/random.js";
import { sigmoid, sigmoidDerivative } from "../../src/core/sigmoid.js";
import { dataset2d } from "../../src/data/datasets2d.js";
import { layerDiagnostics, lipschitzUpperBound } from "../../src/diagnostics/networkDiagnostics.js";
import { inputSensitivity, perturbInputs } from "../../src/diagnostics/sensitivity.js";
import { spectralNorm } from "../../src/diagnostics/spectralNorm.js";
import { prepareData, rankCorrelation } from "../../src/experiments/networkSweeps.js";
import { backward, createNetwork, createWorkspace, forward, type Network } from "../../src/nn/network.js";
import { createOptimizer } from "../../src/nn/optimizers.js";
import { predict } from "../../src/nn/predict.js";
import { applyMaxNorm } from "../../src/nn/regularizers.js";
import { trainNetwork } from "../../src/nn/train.js";

/** A 1-2-1 sigmoid network with hand-picked weights, small enough to compute by hand. */
function tinyNetwork(): Network {
  return {
    spec: { sizes: [1, 2, 1], hidden: "sigmoid", output: "sigmoid", loss: "squared" },
    weights: [Float64Array.from([10, 0.5]), Float64Array.from([2, -3])],
    biases: [Float64Array.from([0, 0]), Float64Array.from([0.1])],
  };
}

describe("layer diagnostics, against values computed by hand", () => {
  it("reports saturation, chain-rule factors, gradient and weight norms of a 1-2-1 net", () => {
    const network = tinyNetwork();
    const ws = createWorkspace(network.spec, 2);
    const x = Float64Array.from([1, -1]); // two samples
    forward(network, ws, x, [0, 1]);
    ws.targets.set([1, 0]);
    backward(network, ws, 2);
    const [hidden, output] = layerDiagnostics(network, ws, 2, 0.01);
    // hidden z: unit 1 gets ±10 (σ'(10) = 4.5e-5 < 0.01·0.25: saturated), unit 2 gets ±0.5 (not)
    expect(hidden!.saturatedShare).toBe(0.5);
    expect(hidden!.meanDadz).toBeCloseTo((2 * sigmoidDerivative(10) + 2 * sigmoidDerivative(0.5)) / 4, 15);
    expect(hidden!.meanAbsDzdW).toBe(1); // |x| = 1
    expect(hidden!.weightNorm).toBeCloseTo(Math.hypot(10, 0.5), 14);
    expect(hidden!.weightMax).toBe(10);
    // output: a = σ(2·σ(10x) − 3·σ(0.5x) + 0.1)
    const a = [1, -1].map((xi) => sigmoid(2 * sigmoid(10 * xi) - 3 * sigmoid(0.5 * xi) + 0.1));
    expect(output!.meanAbsDEdA).toBeCloseTo((Math.abs(a[0]! - 1) + Math.abs(a[1]! - 0)) / 2, 15);
    expect(output!.weightNorm).toBeCloseTo(Math.hypot(2, -3), 14);
    // ‖∂E/∂W₂‖ by hand: ∂E/∂w_j = mean_i (a_i − t_i)·σ'(z_i)·h_ij
    const h = [1, -1].map((xi) => [sigmoid(10 * xi), sigmoid(0.5 * xi)]);
    const zOut = [1, -1].map((_, i) => 2 * h[i]![0]! - 3 * h[i]![1]! + 0.1);
    const grad = [0, 1].map(
      (j) =>
        ((a[0]! - 1) * sigmoidDerivative(zOut[0]!) * h[0]![j]! +
          (a[1]! - 0) * sigmoidDerivative(zOut[1]!) * h[1]![j]!) /
        2,
    );
    expect(output!.gradientNorm).toBeCloseTo(Math.hypot(grad[0]!, grad[1]!), 14);
  });

  it("gives a Lipschitz bound of Π‖W‖₂·Π sup|a'|", () => {
    const network = tinyNetwork();
    expect(lipschitzUpperBound(network)).toBeCloseTo(
      Math.hypot(10, 0.5) * 0.25 * Math.hypot(2, 3) * 0.25,
      12,
    );
  });
});

describe("spectralNorm", () => {
  it("equals the largest singular value in closed form", () => {
    // [[3, 0], [4, 5]]: singular values √45 and √5
    expect(spectralNorm(Float64Array.from([3, 0, 4, 5]), 2, 2)).toBeCloseTo(Math.sqrt(45), 10);
    expect(spectralNorm(Float64Array.from([1, 2, 3]), 1, 3)).toBeCloseTo(Math.sqrt(14), 12);
    expect(spectralNorm(new Float64Array(4), 2, 2)).toBe(0);
  });

  it("bounds how fast a random network's output moves (Lipschitz bound ≥ every observed slope)", () => {
    const random = createRandom(5);
    const network = createNetwork(
      { sizes: [3, 8, 8, 1], hidden: "tanh", output: "linear", loss: "squared" },
      { random, scale: 2 },
    );
    const bound = lipschitzUpperBound(network);
    for (let trial = 0; trial < 200; trial++) {
      const x = Float64Array.from({ length: 6 }, () => random.normal());
      const [f1, f2] = predict(network, x, 2);
      const distance = Math.hypot(x[0]! - x[3]!, x[1]! - x[4]!, x[2]! - x[5]!);
      expect(Math.abs(f1! - f2!)).toBeLessThanOrEqual(bound * distance + 1e-12);
    }
  });
});

describe("input sensitivity", () => {
  it("equals mean |w·δ| for a linear model", () => {
    const network: Network = {
      spec: { sizes: [2, 1], hidden: "linear", output: "linear", loss: "squared" },
      weights: [Float64Array.from([3, -2])],
      biases: [Float64Array.from([1])],
    };
    const random = createRandom(2);
    const x = Float64Array.from({ length: 40 }, () => random.normal());
    const perturbation = perturbInputs(x, 20, 2, 0.05, 9);
    let expected = 0;
    for (let i = 0; i < 20; i++) {
      expected += Math.abs(
        3 * (perturbation.perturbed[2 * i]! - x[2 * i]!) -
          2 * (perturbation.perturbed[2 * i + 1]! - x[2 * i + 1]!),
      );
    }
    const { output, logit } = inputSensitivity(network, x, perturbation, 20);
    expect(output).toBeCloseTo(expected / 20, 14);
    expect(logit).toBe(output);
  });
});

describe("optimizers", () => {
  it("gd takes w − η·g; momentum accumulates; adam's first step is η·sign(g)", () => {
    const g = [Float64Array.from([0.5, -2])];
    const w = [Float64Array.from([1, 1])];
    createOptimizer("gd", 0.1, w).step(w, g);
    expect([...w[0]!]).toEqual([1 - 0.05, 1 + 0.2]);
    const m = [Float64Array.from([0, 0])];
    const momentum = createOptimizer("momentum", 1, m);
    momentum.step(m, g);
    momentum.step(m, g);
    expect(m[0]![0]).toBeCloseTo(-(0.5 + (0.9 * 0.5 + 0.5)), 14);
    const a = [Float64Array.from([0, 0])];
    createOptimizer("adam", 0.01, a).step(a, g);
    expect(a[0]![0]).toBeCloseTo(-0.01, 6);
    expect(a[0]![1]).toBeCloseTo(0.01, 6);
  });

  it("max-norm scales each unit's incoming weights to norm ≤ c, leaving smaller ones alone", () => {
    const w = [Float64Array.from([3, 4, 0.1, 0.1])];
    applyMaxNorm(w, [2, 2], 1);
    expect(Math.hypot(w[0]![0]!, w[0]![1]!)).toBeCloseTo(1, 14);
    expect([w[0]![2], w[0]![3]]).toEqual([0.1, 0.1]);
  });
});

describe("trainNetwork", () => {
  const data = prepareData(dataset2d("circle", { samples: 120, seed: 3 }), 0.5, 3);

  it("lowers the training loss, and is deterministic for a seed", () => {
    const options = { hidden: [6], epochs: 150, learningRate: 0.02, seed: 4 } as const;
    const first = trainNetwork(data.train, data.test, options);
    const again = trainNetwork(data.train, data.test, options);
    expect(first.history.at(-1)!.trainLoss).toBeLessThan(0.3 * first.history[0]!.trainLoss);
    expect(again.history.map((h) => h.trainLoss)).toEqual(first.history.map((h) => h.trainLoss));
    expect(first.history).toHaveLength(151);
  });

  it("with plain gd and a small step, lowers the loss every epoch", () => {
    const result = trainNetwork(data.train, data.test, {
      hidden: [4],
      optimizer: "gd",
      learningRate: 0.05,
      epochs: 100,
    });
    const losses = result.history.map((h) => h.trainObjective);
    for (let k = 1; k < losses.length; k++) expect(losses[k]!).toBeLessThan(losses[k - 1]!);
  });

  it("with L2, ends with smaller weights and a smaller Lipschitz bound", () => {
    const plain = trainNetwork(data.train, data.test, { hidden: [8, 8], epochs: 200 });
    const decayed = trainNetwork(data.train, data.test, { hidden: [8, 8], epochs: 200, l2: 0.01 });
    const norm = (h: (typeof plain.history)[number]) => Math.hypot(...h.layers.map((l) => l.weightNorm));
    expect(norm(decayed.history.at(-1)!)).toBeLessThan(norm(plain.history.at(-1)!));
    expect(decayed.history.at(-1)!.lipschitzBound).toBeLessThan(plain.history.at(-1)!.lipschitzBound);
  });

  it("from large initial weights, starts with saturated units", () => {
    const small = trainNetwork(data.train, data.test, { hidden: [8], epochs: 1, initScale: 1 });
    const large = trainNetwork(data.train, data.test, { hidden: [8], epochs: 1, initScale: 30 });
    expect(large.history[0]!.layers[0]!.saturatedShare).toBeGreaterThan(0.5);
    expect(small.history[0]!.layers[0]!.saturatedShare).toBeLessThan(0.1);
  });

  it("stops early and keeps the best validation epoch's weights", () => {
    const noisy = prepareData(dataset2d("spiral", { samples: 120, noise: 1.5, seed: 3 }), 0.5, 3);
    const result = trainNetwork(noisy.train, noisy.test, {
      hidden: [32, 32],
      epochs: 3000,
      learningRate: 0.05,
      earlyStop: 10,
    });
    expect(result.stoppedEarly).toBe(true);
    const best = Math.min(...result.history.map((h) => h.validationLoss));
    expect(result.history.find((h) => h.epoch === result.keptEpoch)!.validationLoss).toBe(best);
    expect(result.history.at(-1)!.epoch - result.keptEpoch).toBe(10);
  });

  it("reports divergence instead of carrying NaN on", () => {
    // regression (a continuous target, linear output): a huge step makes the loss explode
    const regression = { ...data.train, y: data.train.x.filter((_, i) => i % 2 === 0).map((v) => 0.5 + v) };
    const result = trainNetwork(regression, regression, {
      hidden: [8],
      optimizer: "gd",
      learningRate: 1e3,
      epochs: 500,
      loss: "squared",
    });
    expect(result.diverged).toBe(true);
    expect(result.history.length).toBeLessThan(51);
  });

  it("trains with mini-batches, dropout and max-norm", () => {
    const result = trainNetwork(data.train, data.test, {
      hidden: [8],
      epochs: 60,
      batchSize: 16,
      dropout: 0.2,
      maxNorm: 2,
    });
    expect(result.history.at(-1)!.trainLoss).toBeLessThan(result.history[0]!.trainLoss);
    const w = result.network.weights[0]!;
    for (let row = 0; row < w.length; row += 2)
      expect(Math.hypot(w[row]!, w[row + 1]!)).toBeLessThanOrEqual(2 + 1e-12);
  });
});

describe("rankCorrelation", () => {
  it("is 1 for a monotone relation, −1 for a reversed one, and handles ties", () => {
    expect(rankCorrelation([1, 2, 3, 4], [10, 20, 25, 100])).toBeCloseTo(1, 15);
    expect(rankCorrelation([1, 2, 3], [3, 2, 1])).toBeCloseTo(-1, 15);
    expect(rankCorrelation([1, 1, 2], [5, 5, 6])).toBeCloseTo(1, 15);
  });
});
