/**
 * Activations, each a function travelling with its derivative (TensorFlow Playground's
 * {output, der} pair), plus the two numbers the diagnostics need: the derivative's peak (a unit is
 * saturated when a'(z) is below a share of it) and its bound (the slope bound in the Lipschitz
 * estimate).
 */
import { sigmoid, sigmoidDerivative } from "../core/sigmoid.js";

export interface Activation {
  name: ActivationName;
  output(z: number): number;
  /** a'(z). */
  der(z: number): number;
  /** max a'(z): the reference for "saturated"; 0 for activations that cannot saturate. */
  peakDerivative: number;
  /** sup |a'(z)|: the activation's Lipschitz constant. */
  slopeBound: number;
  /** Whether a'(z) → 0 as |z| → ∞ (so saturation is meaningful). */
  saturates: boolean;
}

export const ACTIVATION_NAMES = ["sigmoid", "tanh", "relu", "linear"] as const;
export type ActivationName = (typeof ACTIVATION_NAMES)[number];

export const activations: Record<ActivationName, Activation> = {
  sigmoid: {
    name: "sigmoid",
    output: sigmoid,
    der: (z) => sigmoidDerivative(z), // stable in both tails, unlike a·(1 − a)
    peakDerivative: 0.25,
    slopeBound: 0.25,
    saturates: true,
  },
  tanh: {
    name: "tanh",
    output: Math.tanh,
    // 1 − tanh² = 4·σ'(2z): exact in the tails, where 1 − a² would round to 0 too early
    der: (z) => 4 * sigmoidDerivative(2 * z),
    peakDerivative: 1,
    slopeBound: 1,
    saturates: true,
  },
  relu: {
    name: "relu",
    output: (z) => Math.max(z, 0), // NaN stays NaN
    der: (z) => (z > 0 ? 1 : 0),
    peakDerivative: 1,
    slopeBound: 1,
    saturates: false,
  },
  linear: {
    name: "linear",
    output: (z) => z,
    der: () => 1,
    peakDerivative: 1,
    slopeBound: 1,
    saturates: false,
  },
};

/**
 * a = act(z) and a'(z) for a whole run z[start … end), written into a and dadz: the hot-loop form
 * of the pairs above. One exponential serves both a and a' for sigmoid and tanh (with e = e^(−|z|)
 * or e^(−2|z|) they share it), and the switch happens once per layer, not per element.
 */
export function activateInto(
  name: ActivationName,
  z: Float64Array,
  a: Float64Array,
  dadz: Float64Array,
  start: number,
  end: number,
): void {
  switch (name) {
    case "sigmoid":
      for (let i = start; i < end; i++) {
        const zi = z[i]!;
        const e = Math.exp(-Math.abs(zi));
        const inverse = 1 / (1 + e);
        a[i] = zi >= 0 ? inverse : e * inverse;
        dadz[i] = e * inverse * inverse;
      }
      return;
    case "tanh":
      for (let i = start; i < end; i++) {
        const zi = z[i]!;
        const e = Math.exp(-2 * Math.abs(zi));
        const inverse = 1 / (1 + e);
        const magnitude = (1 - e) * inverse;
        a[i] = zi >= 0 ? magnitude : -magnitude;
        dadz[i] = 4 * e * inverse * inverse;
      }
      return;
    case "relu":
      for (let i = start; i < end; i++) {
        const positive = z[i]! > 0;
        a[i] = positive ? z[i]! : 0;
        dadz[i] = positive ? 1 : 0;
      }
      return;
    case "linear":
      for (let i = start; i < end; i++) {
        a[i] = z[i]!;
        dadz[i] = 1;
      }
  }
}
