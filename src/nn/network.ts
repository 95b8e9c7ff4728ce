/**
 * A dense multilayer perceptron on Float64Arrays, with forward and backward passes that keep every
 * chain-rule factor of every layer in view.
 *
 * Shapes: layer l (1 … L) maps n_{l−1} inputs to n_l units with weights W_l (n_l × n_{l−1},
 * row-major: W_l[j·n_{l−1} + k] connects input k to unit j) and biases b_l. For a batch of B rows:
 *
 *   z_l = a_{l−1} W_lᵀ + b_l,   a_l = act(z_l)                        (forward)
 *   ∂E/∂z_l = ∂E/∂a_l ⊙ act'(z_l)                                       (∂a/∂z)
 *   ∂E/∂W_l = (1/B) (∂E/∂z_l)ᵀ a_{l−1}     — ∂z/∂W is a_{l−1}
 *   ∂E/∂a_{l−1} = ∂E/∂z_l W_l                                           (back to the layer below)
 *
 * All buffers live in a Workspace allocated once per batch size; the passes allocate nothing.
 */
import type { Random } from "../core/random.js";
import { kernelsFor } from "../kernels/denseKernels.js";
import { type Activation, type ActivationName, activateInto, activations } from "./activations.js";
import { type LossName, lossAndGradient, softmaxInto } from "./losses.js";

export interface NetworkSpec {
  /** Units per layer, input first: [p, hidden…, outputs]. */
  sizes: readonly number[];
  hidden: ActivationName;
  /** The output layer's activation; "softmax" for K-class log loss. */
  output: ActivationName | "softmax";
  loss: LossName;
}

export interface Network {
  spec: NetworkSpec;
  /** weights[l − 1] is W_l. */
  weights: Float64Array[];
  biases: Float64Array[];
}

export const INITIALIZERS = ["xavier", "he"] as const;
export type InitializerName = (typeof INITIALIZERS)[number];

export interface InitOptions {
  /** Xavier/Glorot uniform U(±√(6/(in+out))), or He normal N(0, 2/in). Default: he for relu, else xavier. */
  init?: InitializerName;
  /** Multiplies every initial weight: > 1 starts from large weights on purpose. Default 1. */
  scale?: number;
  random: Random;
}

export function createNetwork(spec: NetworkSpec, { init, scale = 1, random }: InitOptions): Network {
  const scheme = init ?? (spec.hidden === "relu" ? "he" : "xavier");
  const weights: Float64Array[] = [];
  const biases: Float64Array[] = [];
  for (let l = 1; l < spec.sizes.length; l++) {
    const fanIn = spec.sizes[l - 1]!;
    const fanOut = spec.sizes[l]!;
    const w = new Float64Array(fanOut * fanIn);
    const limit = Math.sqrt(6 / (fanIn + fanOut));
    const sd = Math.sqrt(2 / fanIn);
    for (let i = 0; i < w.length; i++) {
      w[i] = scale * (scheme === "xavier" ? limit * (2 * random.uniform() - 1) : sd * random.normal());
    }
    weights.push(w);
    biases.push(new Float64Array(fanOut));
  }
  return { spec, weights, biases };
}

export function cloneNetwork(network: Network): Network {
  return {
    spec: network.spec,
    weights: network.weights.map((w) => w.slice()),
    biases: network.biases.map((b) => b.slice()),
  };
}

/** Buffers for one batch size. Index l = 0 … L; z[0], dZ[0] are unused, a[0] holds the inputs. */
export interface Workspace {
  capacity: number;
  z: Float64Array[];
  a: Float64Array[];
  /** ∂a_l/∂z_l = act'(z_l) (batch × n_l), computed in the forward pass. */
  dadz: Float64Array[];
  /** ∂E/∂a_l (batch × n_l), per sample (not divided by B). */
  dA: Float64Array[];
  /** ∂E/∂z_l (batch × n_l), per sample. */
  dZ: Float64Array[];
  /** Inverted-dropout multipliers of hidden layers (0 or 1/(1 − p)); all 1 without dropout. */
  keep: Float64Array[];
  /** Mean gradients ∂E/∂W_l, ∂E/∂b_l over the batch (index l − 1). */
  gradW: Float64Array[];
  gradB: Float64Array[];
  /** Targets of the batch (batch × outputs). */
  targets: Float64Array;
}

export function createWorkspace(spec: NetworkSpec, capacity: number): Workspace {
  const perLayer = () => spec.sizes.map((n) => new Float64Array(capacity * n));
  const L = spec.sizes.length - 1;
  return {
    capacity,
    z: perLayer(),
    a: perLayer(),
    dadz: perLayer(),
    dA: perLayer(),
    dZ: perLayer(),
    keep: spec.sizes.map((n) => new Float64Array(capacity * n).fill(1)),
    gradW: spec.sizes.slice(1).map((n, l) => new Float64Array(n * spec.sizes[l]!)),
    gradB: spec.sizes.slice(1).map((n) => new Float64Array(n)),
    targets: new Float64Array(capacity * spec.sizes[L]!),
  };
}

export function outputActivation(spec: NetworkSpec): Activation | null {
  return spec.output === "softmax" ? null : activations[spec.output];
}

export interface ForwardOptions {
  /** Drop each hidden unit with this probability (training only); default 0. */
  dropout?: number;
  random?: Random;
}

/**
 * Forward pass of rows `rows` of `x` (row-major, p = sizes[0] columns) through the network.
 * Leaves z and a of every layer in the workspace; the outputs are ws.a[L][0 … B·K).
 */
export function forward(
  network: Network,
  ws: Workspace,
  x: Float64Array,
  rows: ArrayLike<number>,
  options: ForwardOptions = {},
): void {
  const { sizes } = network.spec;
  const B = rows.length;
  const L = sizes.length - 1;
  const p = sizes[0]!;
  const input = ws.a[0]!;
  for (let i = 0; i < B; i++) {
    const from = rows[i]! * p;
    for (let j = 0; j < p; j++) input[i * p + j] = x[from + j]!;
  }
  const dropout = options.dropout ?? 0;
  for (let l = 1; l <= L; l++) {
    const nIn = sizes[l - 1]!;
    const nOut = sizes[l]!;
    const w = network.weights[l - 1]!;
    const b = network.biases[l - 1]!;
    const aIn = ws.a[l - 1]!;
    const z = ws.z[l]!;
    const a = ws.a[l]!;
    const activation = l < L ? network.spec.hidden : network.spec.output;
    kernelsFor(nIn, nOut).forward(aIn, w, b, z, B, nIn, nOut);
    if (activation === "softmax") for (let i = 0; i < B; i++) softmaxInto(z, a, i * nOut, nOut);
    else activateInto(activation, z, a, ws.dadz[l]!, 0, B * nOut);
    if (l < L) {
      const keep = ws.keep[l]!;
      if (dropout > 0 && options.random) {
        const boost = 1 / (1 - dropout);
        for (let index = 0; index < B * nOut; index++) {
          keep[index] = options.random.uniform() < dropout ? 0 : boost;
          a[index]! *= keep[index]!;
        }
      } else if (keep[0] !== 1 || keep[B * nOut - 1] !== 1) {
        keep.fill(1);
      }
    }
  }
}

/**
 * Backward pass after {@link forward} on the same rows, with the targets in ws.targets.
 * Returns the mean loss over the batch; fills dA, dZ of every layer and the mean gradients.
 */
export function backward(network: Network, ws: Workspace, B: number): number {
  const { sizes, loss } = network.spec;
  const L = sizes.length - 1;
  const K = sizes[L]!;
  const output = outputActivation(network.spec);
  let total = 0;
  const zOut = ws.z[L]!;
  const aOut = ws.a[L]!;
  const dZOut = ws.dZ[L]!;
  for (let i = 0; i < B; i++) {
    total += lossAndGradient(loss, output ?? activations.linear, zOut, aOut, ws.targets, i * K, K, dZOut);
  }
  // ∂E/∂a at the output, for the diagnostics: (a − y) for the squared loss; for the log losses the
  // chain goes straight to z, and ∂E/∂a is reported as the same a − y.
  const dAOut = ws.dA[L]!;
  for (let index = 0; index < B * K; index++) dAOut[index] = aOut[index]! - ws.targets[index]!;

  for (let l = L; l >= 1; l--) {
    const nIn = sizes[l - 1]!;
    const nOut = sizes[l]!;
    const w = network.weights[l - 1]!;
    const gradW = ws.gradW[l - 1]!;
    const gradB = ws.gradB[l - 1]!;
    const dZ = ws.dZ[l]!;
    const aIn = ws.a[l - 1]!;
    const below = l > 1;
    const dAIn = ws.dA[l - 1]!;
    // ∂E/∂W_l = (1/B) δᵀ a_{l−1} (∂z/∂W is a_{l−1}), ∂E/∂b_l, and ∂E/∂a_{l−1} = δ W_l for the layer below
    kernelsFor(nIn, nOut).backward(dZ, aIn, w, gradW, gradB, below ? dAIn : null, B, nIn, nOut);
    if (!below) break;
    // ∂E/∂z_{l−1} = ∂E/∂a_{l−1} ⊙ keep ⊙ act'(z_{l−1}); a dropped unit (keep = 0) passes nothing back
    const dZIn = ws.dZ[l - 1]!;
    const dadzIn = ws.dadz[l - 1]!;
    const keep = ws.keep[l - 1]!;
    for (let index = 0; index < B * nIn; index++) dZIn[index] = dAIn[index]! * keep[index]! * dadzIn[index]!;
  }
  return total / B;
}
