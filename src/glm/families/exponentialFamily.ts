/**
 * What a GLM family is to the path solvers: its loss, its mean function, the weights of its
 * quadratic model (IRLS), where its path starts and how its deviance is measured. The solvers and
 * the path, cross-validation and predict code are written once over this interface; a family is
 * one file (gaussian.ts, binomial.ts, poisson.ts, cox.ts). The multinomial family, whose η is a row
 * of K numbers, keeps its primitives in multinomial.ts.
 *
 * Every family here has its canonical link, so with η = offset + b₀ + xᵀb:
 *
 *   loss       ℓ(y, η) = b(η) − yη          (the negative log-likelihood, up to terms in y alone)
 *   gradient   ∂ℓ/∂η = μ − y,  μ = b'(η)    (so the gradient of Σ w ℓ in b_j is −Σ w x_ij (y_i − μ_i))
 *   curvature  ∂²ℓ/∂η² = b''(η) = V(μ)      (the IRLS weight)
 *   deviance   2 Σ w (ℓ(y, η) − ℓ(y, η_sat)),  η_sat the η with μ = y
 *
 * The array methods run one loop per call, so each family's loop stays monomorphic for the engine.
 */

export type FamilyName = "gaussian" | "binomial" | "poisson" | "cox";

export interface ExponentialFamily {
  readonly name: FamilyName;
  /** μ_i = b'(η_i) for every row. */
  means(eta: Float64Array, mu: Float64Array): void;
  /** Σ w_i ℓ(y_i, η_i). */
  loss(y: Float64Array, w: Float64Array, eta: Float64Array): number;
  /** Σ w_i ℓ(y_i, η_sat,i): the loss of the model that fits every row exactly. */
  saturatedLoss(y: Float64Array, w: Float64Array): number;
  /**
   * The loss's first two derivatives in η, per unit of weight: residual_i = −(1/w_i)·∂L/∂η_i
   * (y_i − μ_i for these families) and curvature_i = (1/w_i)·∂²L/∂η_i² (V(μ_i)), floored where it
   * vanishes (a probability of 0 or 1) so the working response residual/curvature stays finite.
   * The Newton (IRLS) step's weights are w·curvature, its working response η + residual/curvature;
   * the gradient in b_j is −Σ w x_ij residual_i.
   */
  derivatives(
    y: Float64Array,
    w: Float64Array,
    eta: Float64Array,
    residual: Float64Array,
    curvature: Float64Array,
  ): void;
  /** η of the intercept-only model whose mean is m (the link g(m)). */
  link(m: number): number;
  /**
   * glmnet's early stop for this family: whether the deviance explained, devRatio[0 … k], has
   * stopped gaining (the path also stops past 0.999, and never before its fifth λ).
   */
  gainIsSmall(devRatio: readonly number[], k: number): boolean;
  /** The first row whose target this family cannot take (−1 when all can), and why. */
  invalidTarget(y: Float64Array): { row: number; reason: "notBinary" | "negative" } | null;
}
