/**
 * Gaussian ridge paths (α = 0) on wide designs (p > n), exactly, through the n × n kernel system
 * instead of the p × p one. With W the weights, P = diag(pf) and A = W^½ X̃ P^-½, the ridge
 *
 *   minimize ½ Σ_i w_i (z_i − x̃_iᵀβ)² + (λ/2) Σ_j pf_j β_j²
 *
 * has (AᵀA + λI)γ = Aᵀb for γ = P^½β, b = W^½z, and by the push-through identity
 * γ = Aᵀ(AAᵀ + λI)⁻¹b. So with K = AAᵀ = W^½ X̃ P⁻¹ X̃ᵀ W^½, built once (n²·p/2 multiply-adds):
 *
 *   (K + λI) c = W^½ z,   u = W^½ c,   β_j = x̃_jᵀu / pf_j
 *
 * — per λ one n × n Cholesky factorization (n³/6) and one sweep over X̃ for β, where coordinate
 * descent needs many sweeps (a ridge keeps every column, and p > n makes them strongly
 * dependent: FHT n = 200, p = 2000 took 17 s, now 0.16 s). The certificate is the KKT violation
 * measured on the residual r = z − X̃β computed afresh (two more sweeps: W r = λu in exact
 * arithmetic, and the sweeps check that it holds in floating point).
 * Needs every usable column penalized (pf_j > 0); otherwise the path keeps coordinate descent.
 */
import {
  createFactorWorkspace,
  type FactorWorkspace,
  releaseFactorWorkspace,
} from "../../kernels/factorKernel.js";
import { designProducts, gramFunction } from "../../kernels/gramKernel.js";
import type { QuadraticState } from "./coordinateDescent.js";

export interface WideRidge {
  state: QuadraticState;
  /** The centred response z. */
  response: Float64Array;
  /**
   * K = W^½ X̃ P⁻¹ X̃ᵀ W^½ in the workspace's `gram` (n × n), and the Cholesky factor of K + λI
   * in its `lower`, for each λ (the λ enters through the pivots alone; K stays as it is).
   */
  workspace: FactorWorkspace;
  rootWeights: Float64Array;
  /** The usable columns (all of β's nonzero entries). */
  columns: Int32Array;
  count: number;
  // per λ
  solution: Float64Array;
  values: Float64Array;
  residual: Float64Array;
}

/**
 * The largest n for the n × n kernel systems: their matrix and factor take 16·n² bytes of
 * WebAssembly memory (268 MB at 4096) and n³/6 per factorization; past it the paths keep their
 * other solvers.
 */
export const KERNEL_MAX_N = 4096;

/**
 * Q = X̃P⁻¹X̃ᵀ (n × n, row-major, into `out`) over the usable columns, and their list; null when
 * a usable column is unpenalized (P⁻¹ does not exist). O(n²·p/2), as the Gram matrix of X̃ᵀ's
 * columns: X̃ᵀ (p × n) column-major is X̃ row-major.
 */
export function penalizedKernel(
  x: Float64Array,
  n: number,
  p: number,
  usable: Uint8Array,
  penaltyFactor: Float64Array,
  out: Float64Array,
): { columns: Int32Array; count: number } | null {
  const columns = new Int32Array(p);
  let count = 0;
  const inverse = new Float64Array(p); // 1/pf_j, 0 for unusable columns (left out of Q)
  for (let j = 0; j < p; j++) {
    if (!usable[j]) continue;
    if (!(penaltyFactor[j]! > 0)) return null;
    inverse[j] = 1 / penaltyFactor[j]!;
    columns[count++] = j;
  }
  const transposed = new Float64Array(n * p);
  for (let j = 0; j < p; j++) {
    const column = j * n;
    for (let i = 0; i < n; i++) transposed[i * p + j] = x[column + i]!;
  }
  gramFunction()(transposed, p, n, inverse, out);
  return { columns, count };
}

/**
 * L·Lᵀ = G + λI for the n × n matrix in the workspace's `gram` (order the identity), row by row
 * in its `lower`: λ enters through the pivots alone, so G stays as it is for the next λ. False
 * when a pivot is not positive (λ ≤ 0 on a singular G).
 */
export function factorWithRidge(workspace: FactorWorkspace, n: number, lambda: number): boolean {
  const { gram, lower } = workspace;
  for (let r = 0; r < n; r++) {
    const pivot = gram[r * n + r]! + lambda - workspace.row(r, r);
    if (!(pivot > 0)) return false;
    lower[r * n + r] = Math.sqrt(pivot);
  }
  return true;
}

/** The kernel system for `state` (v = w, X̃ standardized) and the centred response, or null when some usable column is unpenalized (or n > KERNEL_MAX_N). */
export function createWideRidge(state: QuadraticState, response: Float64Array): WideRidge | null {
  const { n, p, x, v, usable, penaltyFactor } = state;
  if (n > KERNEL_MAX_N) return null;
  const workspace = createFactorWorkspace(n);
  const kernel = workspace.gram;
  const listed = penalizedKernel(x, n, p, usable, penaltyFactor, kernel);
  if (!listed) {
    releaseFactorWorkspace(workspace);
    return null;
  }
  const { columns, count } = listed;
  const rootWeights = Float64Array.from(v.subarray(0, n), Math.sqrt);
  for (let i = 0; i < n; i++) {
    workspace.order[i] = i;
    for (let k = 0; k < n; k++) kernel[i * n + k]! *= rootWeights[i]! * rootWeights[k]!;
  }
  return {
    state,
    response,
    workspace,
    rootWeights,
    columns,
    count,
    solution: new Float64Array(n),
    values: new Float64Array(p),
    residual: new Float64Array(n),
  };
}

/** Hands the factor's workspace on to the next path of the same n (see releaseFactorWorkspace). */
export function releaseWideRidge(problem: WideRidge): void {
  releaseFactorWorkspace(problem.workspace);
}

export interface WideRidgeResult {
  certificate: number;
  converged: boolean;
  /** ½ Σ w r², the loss at the solution. */
  loss: number;
}

/** Solves at λ > 0 (writes state.beta); the certificate is the largest KKT violation / gradientScale. */
export function solveWideRidgeAtLambda(
  problem: WideRidge,
  lambda: number,
  target: number,
  gradientScale: number,
): WideRidgeResult {
  const { state, response, workspace, rootWeights, columns, count, solution, values, residual } = problem;
  const { n, p, x, v, beta, penaltyFactor } = state;
  // L·Lᵀ = K + λI, row by row (K + λI is positive definite for λ > 0)
  if (!factorWithRidge(workspace, n, lambda))
    return { certificate: Number.POSITIVE_INFINITY, converged: false, loss: Number.NaN };
  // c = (K + λI)⁻¹ W^½ z, u = W^½ c
  for (let i = 0; i < n; i++) workspace.solution[i] = rootWeights[i]! * response[i]!;
  workspace.solve(n);
  for (let i = 0; i < n; i++) solution[i] = rootWeights[i]! * workspace.solution[i]!;
  // β_j = x̃_jᵀu / pf_j
  const products = designProducts();
  products.transposeTimes(x, n, p, columns, count, solution, values);
  beta.fill(0);
  for (let a = 0; a < count; a++) {
    const j = columns[a]!;
    beta[j] = values[a]! / penaltyFactor[j]!;
    values[a] = beta[j]!;
  }
  // r = z − X̃β afresh, and the KKT conditions x̃_jᵀ W r = λ pf_j β_j checked on it
  products.times(x, n, p, columns, count, values, residual);
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const r = response[i]! - residual[i]!;
    loss += v[i]! * r * r;
    residual[i] = v[i]! * r;
  }
  products.transposeTimes(x, n, p, columns, count, residual, values);
  let violation = 0;
  for (let a = 0; a < count; a++) {
    const j = columns[a]!;
    violation = Math.max(violation, Math.abs(values[a]! - lambda * penaltyFactor[j]! * beta[j]!));
  }
  for (let a = 0; a < count; a++) state.ever[columns[a]!] = 1;
  const certificate = violation / gradientScale;
  return { certificate, converged: certificate <= target, loss: 0.5 * loss };
}
