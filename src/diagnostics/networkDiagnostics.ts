/**
 * What a trained (or training) network looks like inside, layer by layer — the numbers behind the
 * article's claims that no other tool reports:
 *
 * - saturatedShare: share of (sample, unit) pairs whose a'(z) is below `threshold` × its peak
 *   (σ' < 1% of 1/4 by default), for activations that saturate (sigmoid, tanh); 0 otherwise.
 * - the mean magnitude of each chain-rule factor: |∂E/∂a|, ∂a/∂z, |∂z/∂W| = |a_{l−1}|.
 * - gradientNorm ‖∂E/∂W_l‖_F (of the data loss), weightNorm ‖W_l‖_F, weightMax max |w|.
 *
 * Read after a forward and backward pass over the rows of interest (see evaluateNetwork).
 */
import { activations } from "../nn/activations.js";
import { type Network, outputActivation, type Workspace } from "../nn/network.js";
import { spectralNorm } from "./spectralNorm.js";

export interface LayerDiagnostics {
  layer: number;
  units: number;
  saturatedShare: number;
  meanAbsDEdA: number;
  meanDadz: number;
  meanAbsDzdW: number;
  gradientNorm: number;
  weightNorm: number;
  weightMax: number;
}

export function layerDiagnostics(
  network: Network,
  ws: Workspace,
  rows: number,
  threshold = 0.01,
): LayerDiagnostics[] {
  const { sizes } = network.spec;
  const L = sizes.length - 1;
  const result: LayerDiagnostics[] = [];
  for (let l = 1; l <= L; l++) {
    const units = sizes[l]!;
    const count = rows * units;
    const activation = l < L ? activations[network.spec.hidden] : outputActivation(network.spec);
    const z = ws.z[l]!;
    const dA = ws.dA[l]!;
    let saturated = 0;
    let dadz = 0;
    let absDEdA = 0;
    for (let index = 0; index < count; index++) {
      absDEdA += Math.abs(dA[index]!);
      if (activation) {
        const slope = activation.der(z[index]!);
        dadz += slope;
        if (activation.saturates && slope < threshold * activation.peakDerivative) saturated++;
      }
    }
    const aIn = ws.a[l - 1]!;
    let absInput = 0;
    for (let index = 0; index < rows * sizes[l - 1]!; index++) absInput += Math.abs(aIn[index]!);
    const w = network.weights[l - 1]!;
    const g = ws.gradW[l - 1]!;
    let weightSquares = 0;
    let weightMax = 0;
    let gradientSquares = 0;
    for (let i = 0; i < w.length; i++) {
      weightSquares += w[i]! * w[i]!;
      weightMax = Math.max(weightMax, Math.abs(w[i]!));
      gradientSquares += g[i]! * g[i]!;
    }
    result.push({
      layer: l,
      units,
      saturatedShare: saturated / count,
      meanAbsDEdA: absDEdA / count,
      meanDadz: activation ? dadz / count : Number.NaN,
      meanAbsDzdW: absInput / (rows * sizes[l - 1]!),
      gradientNorm: Math.sqrt(gradientSquares),
      weightNorm: Math.sqrt(weightSquares),
      weightMax,
    });
  }
  return result;
}

/**
 * An upper bound on the network's Lipschitz constant (‖f(x) − f(x')‖ ≤ K‖x − x'‖):
 * K ≤ Π_l ‖W_l‖₂ · Π_l sup|a_l'|. Large weights make it large; that is claim C4's mechanism.
 * Softmax is 1-Lipschitz in the 2-norm.
 */
export function lipschitzUpperBound(network: Network): number {
  const { sizes } = network.spec;
  const L = sizes.length - 1;
  let bound = 1;
  for (let l = 1; l <= L; l++) {
    bound *= spectralNorm(network.weights[l - 1]!, sizes[l]!, sizes[l - 1]!);
    const activation = l < L ? activations[network.spec.hidden] : outputActivation(network.spec);
    bound *= activation ? activation.slopeBound : 1;
  }
  return bound;
}
