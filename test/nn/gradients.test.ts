import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/core/random.js";
import { ACTIVATION_NAMES, activations } from "../../src/nn/activations.js";
import {
  backward,
  createNetwork,
  createWorkspace,
  forward,
  type Network,
  type NetworkSpec,
} from "../../src/nn/network.js";
import { addPenaltyGradient, penalty } from "../../src/nn/regularizers.js";
import { centralDifference, relativeError } from "../helpers/finiteDifference.js";

const ROWS = 5;
const INPUTS = 3;

function setup(spec: NetworkSpec, seed: number) {
  const random = createRandom(seed);
  const network = createNetwork(spec, { random, scale: 1.5 });
  for (const b of network.biases) for (let i = 0; i < b.length; i++) b[i] = 0.3 * random.normal();
  const x = Float64Array.from({ length: ROWS * INPUTS }, () => random.normal());
  const K = spec.sizes.at(-1)!;
  const targets = new Float64Array(ROWS * K);
  for (let i = 0; i < ROWS; i++) {
    if (K === 1) targets[i] = spec.loss === "log" ? i % 2 : random.uniform();
    else targets[i * K + (i % K)] = 1;
  }
  return { network, x, targets };
}

function lossOf(network: Network, x: Float64Array, targets: Float64Array, dropoutSeed?: number): number {
  const ws = createWorkspace(network.spec, ROWS);
  const rows = [0, 1, 2, 3, 4];
  forward(
    network,
    ws,
    x,
    rows,
    dropoutSeed === undefined ? {} : { dropout: 0.3, random: createRandom(dropoutSeed) },
  );
  ws.targets.set(targets);
  return backward(network, ws, ROWS);
}

/** Checks every weight and bias gradient against a five-point finite difference. */
function checkGradients(network: Network, x: Float64Array, targets: Float64Array, dropoutSeed?: number) {
  const ws = createWorkspace(network.spec, ROWS);
  forward(
    network,
    ws,
    x,
    [0, 1, 2, 3, 4],
    dropoutSeed === undefined ? {} : { dropout: 0.3, random: createRandom(dropoutSeed) },
  );
  ws.targets.set(targets);
  backward(network, ws, ROWS);
  let checked = 0;
  const groups = [
    [network.weights, ws.gradW],
    [network.biases, ws.gradB],
  ] as const;
  for (const [parameters, gradients] of groups) {
    parameters.forEach((p, l) => {
      for (let i = 0; i < p.length; i++) {
        const original = p[i]!;
        const numeric = centralDifference(
          (value) => {
            p[i] = value;
            const loss = lossOf(network, x, targets, dropoutSeed);
            p[i] = original;
            return loss;
          },
          original,
          1e-5, // small, so that a relu's kink is rarely inside the stencil
        );
        const analytic = gradients[l]![i]!;
        // relative error ≤ 1e-6, with an absolute floor of 1e-9 for gradients near 0: the
        // difference quotient itself carries rounding of ~ε·E/h ≈ 1e-11
        expect(Math.abs(analytic - numeric)).toBeLessThanOrEqual(
          1e-6 * Math.max(Math.abs(analytic), Math.abs(numeric)) + 1e-9,
        );
        checked++;
      }
    });
  }
  return checked;
}

describe("backpropagation matches finite differences", () => {
  for (const hidden of ACTIVATION_NAMES) {
    for (const [loss, output, K] of [
      ["squared", "sigmoid", 1],
      ["squared", "linear", 1],
      ["log", "sigmoid", 1],
      ["log", "softmax", 3],
    ] as const) {
      it(`${hidden} hidden units, ${loss} loss on a ${output} output`, () => {
        const spec: NetworkSpec = { sizes: [INPUTS, 4, 3, K], hidden, output, loss };
        const { network, x, targets } = setup(spec, 7);
        expect(checkGradients(network, x, targets)).toBe(4 * 3 + 3 * 4 + K * 3 + 4 + 3 + K);
      });
    }
  }

  it("on a layer wide enough for the WebAssembly kernels", () => {
    const spec: NetworkSpec = { sizes: [INPUTS, 40, 12, 1], hidden: "tanh", output: "sigmoid", loss: "log" };
    const { network, x, targets } = setup(spec, 11);
    expect(checkGradients(network, x, targets)).toBe(3 * 40 + 40 * 12 + 12 + 40 + 12 + 1);
  });

  it("with dropout (the same mask in every pass)", () => {
    const spec: NetworkSpec = { sizes: [INPUTS, 6, 5, 1], hidden: "tanh", output: "sigmoid", loss: "log" };
    const { network, x, targets } = setup(spec, 3);
    expect(checkGradients(network, x, targets, 99)).toBeGreaterThan(50);
  });
});

describe("activations travel with their derivatives", () => {
  for (const name of ACTIVATION_NAMES) {
    it(`${name}'(z) matches finite differences`, () => {
      const activation = activations[name];
      for (const z of [-6, -1.3, -0.2, 0.4, 2.2, 7]) {
        expect(relativeError(activation.der(z), centralDifference(activation.output, z, 1e-4))).toBeLessThan(
          1e-7,
        );
      }
    });
  }

  it("sigmoid and tanh derivatives stay finite and exact-to-0 far out", () => {
    for (const z of [1e4, -1e4, 1e300, -1e300]) {
      expect(activations.sigmoid.der(z)).toBe(0);
      expect(activations.tanh.der(z)).toBe(0);
      expect(Number.isFinite(activations.tanh.output(z))).toBe(true);
    }
  });
});

describe("penalties", () => {
  it("L2 and L1 gradients match finite differences of the penalty", () => {
    const random = createRandom(4);
    const weights = [
      Float64Array.from({ length: 6 }, () => random.normal()),
      Float64Array.from({ length: 3 }, () => random.normal()),
    ];
    const regularization = { l2: 0.3, l1: 0.05, maxNorm: 0 };
    const gradients = weights.map((w) => new Float64Array(w.length));
    addPenaltyGradient(weights, gradients, regularization);
    weights.forEach((w, l) => {
      for (let i = 0; i < w.length; i++) {
        const original = w[i]!;
        const numeric = centralDifference(
          (value) => {
            w[i] = value;
            const result = penalty(weights, regularization);
            w[i] = original;
            return result;
          },
          original,
          1e-5,
        );
        expect(relativeError(gradients[l]![i]!, numeric)).toBeLessThan(1e-7);
      }
    });
  });
});
