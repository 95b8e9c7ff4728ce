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
    output: (z) => (z > 0 ? z : 0),
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
