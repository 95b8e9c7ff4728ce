/**
 * Cross-validating the relaxed lasso (relax.ts) as cv.glmnet does: one CV curve per γ (γ = 1, the
 * lasso's own curve, always among them), and one choice of (λ, γ) over all of them.
 */

export interface RelaxedCv {
  gamma: number[];
  cvm: number[][];
  cvsd: number[][];
  lambdaMin: number;
  gammaMin: number;
  lambdaOneSe: number;
  gammaOneSe: number;
}

/** The γ values a relaxed CV scores (sorted, with 1 added: the lasso's own curve), or [1]. */
export function relaxGammas(options: { relax?: boolean; gamma?: readonly number[] }): number[] {
  if (!options.relax) return [1];
  const gammas = [...(options.gamma ?? [0, 0.25, 0.5, 0.75, 1])].sort((a, b) => a - b);
  if (gammas.at(-1) !== 1) gammas.push(1);
  return gammas;
}

/**
 * cv.glmnet's choice over every (λ, γ): the smallest error (largest AUC or C), ties to the larger
 * λ then the larger γ; then the largest λ (then γ) within one standard error of it.
 */
export function chooseRelaxed(
  curves: { cvm: number[]; cvsd: number[] }[],
  gammas: number[],
  lambdas: readonly number[],
  sign: number,
): RelaxedCv {
  const candidates = curves.flatMap((curve, g) =>
    lambdas.map((lambda, k) => ({
      lambda,
      gamma: gammas[g]!,
      error: sign * curve.cvm[k]!,
      sd: curve.cvsd[k]!,
    })),
  );
  const best = (within: (c: (typeof candidates)[number]) => boolean) =>
    candidates.filter(within).sort((a, b) => b.lambda - a.lambda || b.gamma - a.gamma)[0]!;
  const smallest = candidates.reduce((low, c) => Math.min(low, c.error), Number.POSITIVE_INFINITY);
  const minimum = best((c) => c.error <= smallest);
  const oneSe = best((c) => c.error <= minimum.error + minimum.sd);
  return {
    gamma: gammas,
    cvm: curves.map((curve) => curve.cvm),
    cvsd: curves.map((curve) => curve.cvsd),
    lambdaMin: minimum.lambda,
    gammaMin: minimum.gamma,
    lambdaOneSe: oneSe.lambda,
    gammaOneSe: oneSe.gamma,
  };
}
