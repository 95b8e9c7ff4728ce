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
 * never formed: H·v = X̃ᵀ D X̃ v + λ·pf ⊙ v with D = w·p(1 − p), two passes over the columns. A
 * backtracking (Armijo) line search keeps every step a descent step. Stops when ‖g‖∞ ≤ tolerance
 * · ‖g(0)‖∞, the gradient at the zero model — a certificate reported with the fit.
 *
 * `penalizeIntercept` puts β₀ under the penalty too (liblinear's bias with -B 1), so the two solve
 * the same problem in a benchmark.
 */
import type { Dataset } from "../data/parseCsv.js";
import { buildDesign, type DesignOptions } from "./design.js";
import { softplus } from "./quadraticState.js";

export interface LogisticRidgeOptions extends DesignOptions {
  penaltyFactor?: Float64Array;
  /** Relative gradient tolerance (default 1e-8). */
  tolerance?: number;
  maxIterations?: number;
  /** Penalize the intercept as well (liblinear's convention); default false. */
  penalizeIntercept?: boolean;
}

export interface LogisticRidgeFit {
  lambda: number;
  intercept: number;
  /** Original-scale coefficients. */
  coefs: Float64Array;
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
  const design = buildDesign(data, options);
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

  const beta = new Float64Array(p);
  let b0 = 0;
  const eta = new Float64Array(n);
  const probability = new Float64Array(n);
  const curvature = new Float64Array(n); // D = w p (1 − p)
  const gradient = new Float64Array(p);
  const diagonal = new Float64Array(p);
  const step = new Float64Array(p);
  const residual = new Float64Array(p);
  const preconditioned = new Float64Array(p);
  const direction = new Float64Array(p);
  const hessianDirection = new Float64Array(p);
  const xv = new Float64Array(n);
  const trialBeta = new Float64Array(p);

  const objectiveAt = (betaNow: Float64Array, interceptNow: number, etaOut: Float64Array) => {
    etaOut.fill(interceptNow);
    for (let j = 0; j < p; j++) {
      const b = betaNow[j]!;
      if (b === 0) continue;
      const column = j * n;
      for (let i = 0; i < n; i++) etaOut[i]! += b * x[column + i]!;
    }
    let value = 0.5 * interceptPenalty * interceptNow * interceptNow;
    for (let i = 0; i < n; i++) value += w[i]! * (softplus(etaOut[i]!) - y[i]! * etaOut[i]!);
    for (let j = 0; j < p; j++) value += 0.5 * ridge[j]! * betaNow[j]! ** 2;
    return value;
  };

  /** Gradient (g₀, g), the Hessian's diagonal, D; returns ‖g‖∞ and g₀, d₀ = Σ D (+ λ₀). */
  const derivatives = () => {
    let g0 = interceptPenalty * b0;
    let d0 = interceptPenalty;
    for (let i = 0; i < n; i++) {
      const pi = 1 / (1 + Math.exp(-eta[i]!));
      probability[i] = pi;
      curvature[i] = w[i]! * pi * (1 - pi);
      g0 += w[i]! * (pi - y[i]!);
      d0 += curvature[i]!;
    }
    let largest = fitIntercept ? Math.abs(g0) : 0;
    for (let j = 0; j < p; j++) {
      const column = j * n;
      let g = ridge[j]! * beta[j]!;
      let d = ridge[j]!;
      for (let i = 0; i < n; i++) {
        const xij = x[column + i]!;
        g += w[i]! * (probability[i]! - y[i]!) * xij;
        d += curvature[i]! * xij * xij;
      }
      gradient[j] = g;
      diagonal[j] = d;
      largest = Math.max(largest, Math.abs(g));
    }
    return { largest, g0, d0 };
  };

  /** H·(v₀, v) into (returned h₀, hessianDirection). */
  const hessianTimes = (v0: number, v: Float64Array) => {
    xv.fill(fitIntercept ? v0 : 0);
    for (let j = 0; j < p; j++) {
      const vj = v[j]!;
      if (vj === 0) continue;
      const column = j * n;
      for (let i = 0; i < n; i++) xv[i]! += vj * x[column + i]!;
    }
    let h0 = interceptPenalty * v0;
    for (let i = 0; i < n; i++) {
      xv[i]! *= curvature[i]!;
      h0 += xv[i]!;
    }
    for (let j = 0; j < p; j++) {
      const column = j * n;
      let sum = ridge[j]! * v[j]!;
      for (let i = 0; i < n; i++) sum += xv[i]! * x[column + i]!;
      hessianDirection[j] = sum;
    }
    return fitIntercept ? h0 : 0;
  };

  let objective = objectiveAt(beta, b0, eta);
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
    let s0 = 0;
    residual.set(gradient);
    for (let j = 0; j < p; j++) residual[j] = -residual[j]!;
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
    // Armijo backtracking along the (descent) step
    let slope = fitIntercept ? g0 * s0 : 0;
    for (let j = 0; j < p; j++) slope += gradient[j]! * step[j]!;
    let t = 1;
    let accepted = false;
    // Near the optimum the decrease a step promises is below the rounding of f itself: then f
    // cannot judge the step, and the full Newton step is taken (the gradient still has to fall).
    const negligible = -slope <= 1e-13 * Math.abs(objective);
    for (let halving = 0; halving < 40; halving++) {
      for (let j = 0; j < p; j++) trialBeta[j] = beta[j]! + t * step[j]!;
      const trial = objectiveAt(trialBeta, b0 + t * s0, eta);
      if (negligible || trial <= objective + 1e-4 * t * slope) {
        beta.set(trialBeta);
        b0 += t * s0;
        objective = trial;
        accepted = true;
        break;
      }
      t *= 0.5;
    }
    if (!accepted) {
      objectiveAt(beta, b0, eta); // restore η at the current point
      break;
    }
    ({ largest, g0, d0 } = derivatives());
  }
  const coefs = Float64Array.from(beta, (b, j) => (usable[j] ? b / design.scale[j]! : 0));
  let intercept = b0;
  for (let j = 0; j < p; j++) intercept -= coefs[j]! * design.mean[j]!;
  return {
    lambda,
    intercept,
    coefs,
    standardizedCoefs: beta,
    objective,
    certificate: largest / initialGradient,
    converged: largest <= tolerance * initialGradient,
    newtonIterations,
    cgIterations,
  };
}
