/**
 * Input sensitivity, claim C4's measure of instability: how far the output moves when the inputs
 * are nudged by a little noise,
 *
 *   S = mean_i (1/K) Σ_k |f_k(x_i + δ_i) − f_k(x_i)|,   δ_ij ~ N(0, (ε·sd_j)²),
 *
 * over the given rows, with sd_j the standard deviation of feature j over those rows and ε default
 * 0.01 (1% of each feature's spread). The perturbations are drawn once from a seed, so S can be
 * compared across epochs and models without noise of its own.
 */
import { createRandom } from "../core/random.js";
import { columnMoments } from "../data/split.js";
import { createWorkspace, forward, type Network, type NetworkSpec, type Workspace } from "../nn/network.js";

export interface Perturbation {
  /** The perturbed inputs, row-major like the originals. */
  perturbed: Float64Array;
  epsilon: number;
  /** Buffers of the two forward passes, kept for the next call with the same network shape. */
  passes?: { spec: NetworkSpec; clean: Workspace; nudged: Workspace; rows: Int32Array };
}

export function perturbInputs(x: Float64Array, n: number, p: number, epsilon = 0.01, seed = 1): Perturbation {
  const random = createRandom(seed);
  const { sd } = columnMoments(x, n, p);
  const perturbed = new Float64Array(n * p);
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) perturbed[i * p + j] = x[i * p + j]! + epsilon * sd[j]! * random.normal();
  }
  return { perturbed, epsilon };
}

export interface Sensitivity {
  /** S on the outputs the user sees (probabilities for classifiers). */
  output: number;
  /** The same on the output layer's pre-activations z (logits), which saturation cannot hide. */
  logit: number;
}

/** S for the network on inputs x (n rows) and their perturbation. */
export function inputSensitivity(
  network: Network,
  x: Float64Array,
  perturbation: Perturbation,
  n: number,
): Sensitivity {
  const { sizes } = network.spec;
  const K = sizes[sizes.length - 1]!;
  // a network trained epoch after epoch keeps its spec: its buffers are made once
  const cached = perturbation.passes;
  const passes =
    cached && cached.spec === network.spec && cached.rows.length === n
      ? cached
      : {
          spec: network.spec,
          clean: createWorkspace(network.spec, n),
          nudged: createWorkspace(network.spec, n),
          rows: Int32Array.from({ length: n }, (_, i) => i),
        };
  perturbation.passes = passes;
  const { clean, nudged, rows } = passes;
  forward(network, clean, x, rows);
  forward(network, nudged, perturbation.perturbed, rows);
  const L = sizes.length - 1;
  const mean = (u: Float64Array, v: Float64Array) => {
    let total = 0;
    for (let index = 0; index < n * K; index++) total += Math.abs(u[index]! - v[index]!);
    return total / (n * K);
  };
  return { output: mean(clean.a[L]!, nudged.a[L]!), logit: mean(clean.z[L]!, nudged.z[L]!) };
}
