/**
 * Why did training diverge? Compares each layer's chain-rule factors at the last finite diagnosis
 * with the first one and names the factor that grew the most:
 *
 *   ∂E/∂w_l = ∂E/∂a_l · ∂a_l/∂z_l · ∂z_l/∂w_l      (meanAbsDEdA, meanDadz, meanAbsDzdW)
 *
 * plus the weight norm itself (large weights are what drive the factors up). The suggestion
 * follows from the culprit: a gradient that grows means steps too long for the curvature (lower
 * η); weights that grow while the gradient does not mean nothing holds them back (add λ, or warm
 * λ up after a few epochs so early learning is not stifled).
 */
import type { LayerDiagnostics } from "./networkDiagnostics.js";

export const CHAIN_RULE_FACTORS = ["dEdA", "dadz", "dzdW", "gradient", "weights"] as const;
export type ChainRuleFactor = (typeof CHAIN_RULE_FACTORS)[number];
export type DivergenceFix = "learningRate" | "lambda" | "warmup";

export interface DivergenceExplanation {
  /** 1-based layer index of the culprit. */
  layer: number;
  factor: ChainRuleFactor;
  /** How many times larger the factor was at the last finite diagnosis than at the first. */
  growth: number;
  /** Suggested fixes, the most likely first. */
  fixes: DivergenceFix[];
}

function factorValue(layer: LayerDiagnostics, factor: ChainRuleFactor): number {
  switch (factor) {
    case "dEdA":
      return layer.meanAbsDEdA;
    case "dadz":
      return layer.meanDadz;
    case "dzdW":
      return layer.meanAbsDzdW;
    case "gradient":
      return layer.gradientNorm;
    case "weights":
      return layer.weightNorm;
  }
}

/** Growth of a factor; a non-finite value counts as infinite growth, a zero start as no signal. */
function growthOf(before: number, after: number): number {
  if (!Number.isFinite(after)) return Number.POSITIVE_INFINITY;
  if (!(before > 0)) return after > 0 ? Number.POSITIVE_INFINITY : 1;
  return after / before;
}

export function explainDivergence(
  first: readonly LayerDiagnostics[],
  last: readonly LayerDiagnostics[],
  currentLambda = 0,
): DivergenceExplanation {
  let best: DivergenceExplanation = { layer: 1, factor: "gradient", growth: 1, fixes: [] };
  last.forEach((layer, index) => {
    const start = first[index];
    if (!start) return;
    for (const factor of CHAIN_RULE_FACTORS) {
      const growth = growthOf(factorValue(start, factor), factorValue(layer, factor));
      if (growth > best.growth) best = { layer: layer.layer, factor, growth, fixes: [] };
    }
  });
  const fixes: DivergenceFix[] =
    best.factor === "weights"
      ? currentLambda > 0
        ? ["lambda", "learningRate", "warmup"]
        : ["lambda", "learningRate"]
      : currentLambda > 0
        ? ["learningRate", "warmup"]
        : ["learningRate", "lambda"];
  return { ...best, fixes };
}

/**
 * Training has blown up when the loss is not finite, or when it is `factor` times the loss at the
 * start: a classifier with log loss rarely overflows (its gradient is bounded), it just lands its
 * weights far out, at a loss no working training ever sees.
 */
export function lossExploded(initialLoss: number, loss: number, factor = 10): boolean {
  return !Number.isFinite(loss) || loss > factor * Math.max(initialLoss, 1e-12);
}
