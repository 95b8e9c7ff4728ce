/**
 * L2-regularized logistic regression at one λ (the binomial elastic net with α = 0), solved by a
 * truncated Newton method — the method of liblinear's TRON and scikit-learn's newton-cg:
 *
 *   minimize  f(β₀, β) = Σ_i w_i [log(1 + e^{η_i}) − y_i η_i] + (λ/2) Σ_j pf_j β_j²,   η = β₀ + X̃β
 *
 * on the design's standardized columns (Σ w = 1, as on reglab's paths, so λ means the same there).
 * Each Newton step solves H s = −g only roughly, by conjugate gradients preconditioned with diag(H)
 * and stopped once ‖r‖ ≤ min(0.5, √‖g‖)·‖g‖ (a forcing sequence: loose far from the optimum,
 * tight near it, so convergence stays superlinear at a fraction of the cost of exact steps). H is
 * never formed: H·v = X̃ᵀ D X̃ v + λ·pf ⊙ v with D = w·p(1 − p), computed in one sweep over the
 * rows (a dot product and an update per row, the row still in cache), on a row-major copy of X̃.
 * The sweeps are fused so each Newton step reads X̃ only 1 + (CG iterations) times: the gradient
 * and the preconditioner in one sweep, and X̃s — which the line search needs — accumulated from
 * the CG iterations' own X̃d products, so a backtracking (Armijo) trial costs O(n), not O(n·p). Stops when ‖g‖∞ ≤ tolerance
 * · ‖g(0)‖∞, the gradient at the zero model — a certificate reported with the fit.
 *
 * `penalizeIntercept` puts β₀ under the penalty too (liblinear's bias with -B 1), so the two solve
 * the same problem in a benchmark.
 */

import { sigmoid, softplus } from "../core/sigmoid.js";
import type { Dataset } from "../data/parseCsv.js";
import { type RowKernels, rowKernels } from "../kernels/rowKernels.js";
import { buildDesign, type DesignOptions } from "./design.js";

export interface LogisticRidgeOptions extends DesignOptions {
  penaltyFactor?: Float64Array;
  /** Relative gradient tolerance (default 1e-8). */
  tolerance?: number;
  maxIterations?: number;
  /** Penalize the intercept as well (liblinear's convention); default false. */
  penalizeIntercept?: boolean;
  /** The row sweeps to use (default: WebAssembly SIMD where it loads, else plain loops). */
  kernels?: RowKernels;
}

export interface LogisticRidgeFit {
  lambda: number;
  intercept: number;
  /** Original-scale coefficients. */
  coefs: Float64Array;
  /** β₀ and β on the centred, standardized columns (what the penalty sees). */
  standardizedIntercept: number;
  standardizedCoefs: Float64Array;
  objective: number;
  /** ‖∇f‖∞ / ‖∇f(0)‖∞ at the returned point. */
  certificate: number;
  converged: boolean;
  newtonIterations: number;
  cgIterations: number;
}

export function logisticRidge(
  data: Dataset,
  lambda: number,
  options: LogisticRidgeOptions = {},
): LogisticRidgeFit {
  if (!(lambda > 0)) throw new RangeError(`λ must be > 0, got ${lambda}`);
  const design = buildDesign(data, { ...options, layout: "rows" });
  const { n, p, x, w, usable } = design;
  const y = data.y;
  const tolerance = options.tolerance ?? 1e-8;
  const maxIterations = options.maxIterations ?? 100;
  const fitIntercept = design.intercept;
  const interceptPenalty = options.penalizeIntercept ? lambda : 0;
  // penalty weight per coordinate; an unusable (constant) column is pinned at 0 by a unit weight
  const ridge = Float64Array.from({ length: p }, (_, j) =>
    usable[j] ? lambda * (options.penaltyFactor?.[j] ?? 1) : 1,
  );

  // the sweeps' arrays live where the (WebAssembly) kernels read them
  const kernels = options.kernels ?? rowKernels();
  const buffers = kernels.allocate(n, p);
  buffers.x.set(x);
  const curvature = buffers.d; // D = w p (1 − p)
  const xd = buffers.dots; // X̃d of the current CG direction (written by hessianTimes)
  const beta = new Float64Array(p);
  let b0 = 0;
  const eta = new Float64Array(n);
  const gradient = new Float64Array(p);
  const diagonal = new Float64Array(p);
  const step = new Float64Array(p);
  const residual = new Float64Array(p);
  const preconditioned = new Float64Array(p);
  const direction = new Float64Array(p);
  const hessianDirection = new Float64Array(p);
  const xs = new Float64Array(n); // X̃s of the step, accumulated
  const trialEta = new Float64Array(n);

  const lossAt = (etaNow: Float64Array) => {
    let value = 0;
    for (let i = 0; i < n; i++) value += w[i]! * (softplus(etaNow[i]!) - y[i]! * etaNow[i]!);
    return value;
  };
  const penaltyAt = (betaNow: Float64Array, interceptNow: number, t: number) => {
    let value = 0.5 * interceptPenalty * interceptNow * interceptNow;
    for (let j = 0; j < p; j++) value += 0.5 * ridge[j]! * (betaNow[j]! + t * step[j]!) ** 2;
    return value;
  };

  /**
   * One sweep at the current η: D, the gradient (g₀, g) and the Hessian's diagonal (d₀, d).
   * Returns ‖g‖∞, g₀ and d₀.
   */
  const derivatives = () => {
    let g0 = interceptPenalty * b0;
    let d0 = interceptPenalty;
    const c = buffers.c;
    for (let i = 0; i < n; i++) {
      const probability = sigmoid(eta[i]!);
      c[i] = w[i]! * (probability - y[i]!);
      curvature[i] = w[i]! * probability * (1 - probability);
      g0 += c[i]!;
      d0 += curvature[i]!;
    }
    buffers.gradient.fill(0);
    buffers.diagonal.fill(0);
    kernels.gradientSweep(buffers, n, p);
    let largest = fitIntercept ? Math.abs(g0) : 0;
    for (let j = 0; j < p; j++) {
      gradient[j] = buffers.gradient[j]! + ridge[j]! * beta[j]!;
      diagonal[j] = buffers.diagonal[j]! + ridge[j]!;
      largest = Math.max(largest, Math.abs(gradient[j]!));
    }
    return { largest, g0, d0 };
  };

  /** H·(v₀, v) into (returned h₀, hessianDirection), and X̃v (+ v₀) into xd: one sweep over the rows. */
  const hessianTimes = (v0: number, v: Float64Array) => {
    buffers.v.set(v);
    const h = kernels.hessianTimes(buffers, n, p, fitIntercept ? v0 : 0);
    const out = buffers.out;
    for (let j = 0; j < p; j++) hessianDirection[j] = out[j]! + ridge[j]! * v[j]!;
    return fitIntercept ? h + interceptPenalty * v0 : 0;
  };

  let objective = lossAt(eta) + penaltyAt(beta, b0, 0);
  let { largest, g0, d0 } = derivatives();
  const initialGradient = Math.max(largest, Number.MIN_VALUE);
  let newtonIterations = 0;
  let cgIterations = 0;
  while (largest > tolerance * initialGradient && newtonIterations < maxIterations) {
    newtonIterations++;
    // preconditioned CG on H s = −g, with the intercept as coordinate "0"
    const norm = Math.sqrt(gradient.reduce((sum, g) => sum + g * g, 0) + (fitIntercept ? g0 * g0 : 0));
    const forcing = Math.min(0.5, Math.sqrt(norm)) * norm;
    step.fill(0);
    xs.fill(0);
    let s0 = 0;
    for (let j = 0; j < p; j++) residual[j] = -gradient[j]!;
    let r0 = fitIntercept ? -g0 : 0;
    for (let j = 0; j < p; j++) preconditioned[j] = residual[j]! / diagonal[j]!;
    let z0 = fitIntercept ? r0 / d0 : 0;
    direction.set(preconditioned);
    let q0 = z0;
    let rz = r0 * z0;
    for (let j = 0; j < p; j++) rz += residual[j]! * preconditioned[j]!;
    for (let iteration = 0; iteration < Math.max(10, 2 * (p + 1)); iteration++) {
      cgIterations++;
      const h0 = hessianTimes(q0, direction);
      let curvatureAlong = q0 * h0;
      for (let j = 0; j < p; j++) curvatureAlong += direction[j]! * hessianDirection[j]!;
      if (!(curvatureAlong > 0)) break;
      const a = rz / curvatureAlong;
      s0 += a * q0;
      r0 -= a * h0;
      let residualNorm = r0 * r0;
      for (let j = 0; j < p; j++) {
        step[j]! += a * direction[j]!;
        residual[j]! -= a * hessianDirection[j]!;
        residualNorm += residual[j]! ** 2;
      }
      for (let i = 0; i < n; i++) xs[i]! += a * xd[i]!;
      if (Math.sqrt(residualNorm) <= forcing) break;
      z0 = fitIntercept ? r0 / d0 : 0;
      let rzNext = r0 * z0;
      for (let j = 0; j < p; j++) {
        preconditioned[j] = residual[j]! / diagonal[j]!;
        rzNext += residual[j]! * preconditioned[j]!;
      }
      const b = rzNext / rz;
      rz = rzNext;
      q0 = z0 + b * q0;
      for (let j = 0; j < p; j++) direction[j] = preconditioned[j]! + b * direction[j]!;
    }
    // Armijo backtracking along the (descent) step: η moves by t·X̃s, O(n) per trial
    let slope = fitIntercept ? g0 * s0 : 0;
    for (let j = 0; j < p; j++) slope += gradient[j]! * step[j]!;
    // Near the optimum the decrease a step promises is below the rounding of f itself: then f
    // cannot judge the step, and the full Newton step is taken (the gradient still has to fall).
    const negligible = -slope <= 1e-13 * Math.abs(objective);
    let t = 1;
    let accepted = false;
    for (let halving = 0; halving < 40; halving++) {
      for (let i = 0; i < n; i++) trialEta[i] = eta[i]! + t * xs[i]!;
      const trial = lossAt(trialEta) + penaltyAt(beta, b0 + t * s0, t);
      if (negligible || trial <= objective + 1e-4 * t * slope) {
        for (let j = 0; j < p; j++) beta[j]! += t * step[j]!;
        b0 += t * s0;
        eta.set(trialEta);
        objective = trial;
        accepted = true;
        break;
      }
      t *= 0.5;
    }
    if (!accepted) break;
    ({ largest, g0, d0 } = derivatives());
  }
  const coefs = Float64Array.from(beta, (b, j) => (usable[j] ? b / design.scale[j]! : 0));
  let intercept = b0;
  for (let j = 0; j < p; j++) intercept -= coefs[j]! * design.mean[j]!;
  return {
    lambda,
    intercept,
    standardizedIntercept: b0,
    coefs,
    standardizedCoefs: beta,
    objective,
    certificate: largest / initialGradient,
    converged: largest <= tolerance * initialGradient,
    newtonIterations,
    cgIterations,
  };
}
