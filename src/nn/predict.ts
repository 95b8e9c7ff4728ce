/** Predictions of a trained network: the output layer's activations for n rows of x (row-major). */
import { createWorkspace, forward, type Network } from "./network.js";

export function predict(network: Network, x: Float64Array, n: number): Float64Array {
  const L = network.spec.sizes.length - 1;
  const K = network.spec.sizes[L]!;
  const ws = createWorkspace(network.spec, n);
  forward(
    network,
    ws,
    x,
    Array.from({ length: n }, (_, i) => i),
  );
  return ws.a[L]!.slice(0, n * K);
}
