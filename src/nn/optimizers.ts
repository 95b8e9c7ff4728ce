/**
 * Optimizers: how a gradient g becomes a step on the parameters w.
 *
 *   gd:        w ← w − η·g                                  (the article's rule)
 *   momentum:  v ← μ·v + g;  w ← w − η·v                     (μ = 0.9)
 *   adam:      m ← β₁m + (1−β₁)g;  s ← β₂s + (1−β₂)g²;
 *              w ← w − η·m̂ / (√ŝ + ε),  m̂ = m/(1−β₁ᵗ), ŝ = s/(1−β₂ᵗ)   (β₁ 0.9, β₂ 0.999, ε 1e-8)
 *
 * State buffers are allocated once, shaped like the parameters.
 */
export const OPTIMIZER_NAMES = ["gd", "momentum", "adam"] as const;
export type OptimizerName = (typeof OPTIMIZER_NAMES)[number];

export interface Optimizer {
  /** η; may be changed between steps (the web lab's slider does, mid-training). */
  learningRate: number;
  /** One step on every parameter array with its gradient. */
  step(parameters: Float64Array[], gradients: Float64Array[]): void;
}

export function createOptimizer(
  name: OptimizerName,
  learningRate: number,
  shapes: Float64Array[],
): Optimizer {
  const zeros = () => shapes.map((p) => new Float64Array(p.length));
  if (name === "gd") {
    return {
      learningRate,
      step(parameters, gradients) {
        const eta = this.learningRate;
        parameters.forEach((w, index) => {
          const g = gradients[index]!;
          for (let i = 0; i < w.length; i++) w[i]! -= eta * g[i]!;
        });
      },
    };
  }
  if (name === "momentum") {
    const velocity = zeros();
    const mu = 0.9;
    return {
      learningRate,
      step(parameters, gradients) {
        const eta = this.learningRate;
        parameters.forEach((w, index) => {
          const g = gradients[index]!;
          const v = velocity[index]!;
          for (let i = 0; i < w.length; i++) {
            v[i] = mu * v[i]! + g[i]!;
            w[i]! -= eta * v[i]!;
          }
        });
      },
    };
  }
  const first = zeros();
  const second = zeros();
  const beta1 = 0.9;
  const beta2 = 0.999;
  const epsilon = 1e-8;
  let t = 0;
  return {
    learningRate,
    step(parameters, gradients) {
      const eta = this.learningRate;
      t++;
      const correction1 = 1 - beta1 ** t;
      const correction2 = 1 - beta2 ** t;
      parameters.forEach((w, index) => {
        const g = gradients[index]!;
        const m = first[index]!;
        const s = second[index]!;
        for (let i = 0; i < w.length; i++) {
          const gi = g[i]!;
          m[i] = beta1 * m[i]! + (1 - beta1) * gi;
          s[i] = beta2 * s[i]! + (1 - beta2) * gi * gi;
          w[i]! -= (eta * (m[i]! / correction1)) / (Math.sqrt(s[i]! / correction2) + epsilon);
        }
      });
    },
  };
}
