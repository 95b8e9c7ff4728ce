/**
 * Gradient descent on the sigmoid unit, the article's update rule:
 *
 *   m ← S(m − η·(∂E/∂m + λ₂·m), η·λ₁)        c ← c − η·∂E/∂c
 *
 * where E is the mean squared error of {@link batchGradient}, λ₂·m the gradient of the L2 penalty
 * (λ₂/2)·m², and S the soft threshold, the proximal step of the L1 penalty λ₁·|m| (the identity when
 * λ₁ = 0, so without L1 this is plain gradient descent). The objective minimized is E + P(m).
 *
 * Every step is recorded: the loss and objective, the weights, the mean magnitude of each chain-rule
 * factor and the gradient norm, so a stall (factors ≈ 0) or an overshoot (loss going up) can be seen
 * and explained.
 */
import { l2Gradient, NO_PENALTY, type Penalty, penaltyValue, softThreshold } from "./penalty.js";
import { type BatchGradient, batchGradient, emptyBatchGradient } from "./sigmoidUnit.js";

export interface DescentOptions {
  /** Step size η (> 0). */
  learningRate: number;
  /** Number of updates to take at most (≥ 0). */
  steps: number;
  /** Penalties on m; default none. */
  penalty?: Penalty;
  /** Record the first step at which the data loss E is ≤ this; default −∞ (never). */
  lossTarget?: number;
  /** Stop as soon as the loss target is reached; default false (take every step). */
  stopAtTarget?: boolean;
  /** A sample counts as saturated when σ'(z) < this; default 0.01. */
  saturationThreshold?: number;
}

/** The state before each update k = 0 … stepsTaken (so stepsTaken + 1 entries in each array). */
export interface DescentHistory {
  /** Data loss E (mean ½(y − t)²). */
  loss: Float64Array;
  /** E + P(m), the objective gradient descent minimizes. */
  objective: Float64Array;
  m: Float64Array;
  c: Float64Array;
  /** Mean |∂E/∂y| = mean |y − t|. */
  meanAbsDEdy: Float64Array;
  /** Mean ∂y/∂z = mean σ'(z). */
  meanDydz: Float64Array;
  /** Mean |∂z/∂m| = mean |x|. */
  meanAbsDzdm: Float64Array;
  /** Norm ‖(∂(E+P)/∂m, ∂E/∂c)‖₂ of the smooth gradient. */
  gradientNorm: Float64Array;
  /** Share of samples with σ'(z) below the saturation threshold. */
  saturatedShare: Float64Array;
}

export interface DescentResult {
  m: number;
  c: number;
  /** Updates actually taken. */
  stepsTaken: number;
  /** First step index k at which E ≤ lossTarget, or null if never. */
  stepsToTarget: number | null;
  /** True when a weight or the loss stopped being finite; the run stops there. */
  diverged: boolean;
  history: DescentHistory;
}

function allocateHistory(length: number): DescentHistory {
  return {
    loss: new Float64Array(length),
    objective: new Float64Array(length),
    m: new Float64Array(length),
    c: new Float64Array(length),
    meanAbsDEdy: new Float64Array(length),
    meanDydz: new Float64Array(length),
    meanAbsDzdm: new Float64Array(length),
    gradientNorm: new Float64Array(length),
    saturatedShare: new Float64Array(length),
  };
}

function truncateHistory(history: DescentHistory, length: number): DescentHistory {
  const cut = (a: Float64Array) => a.subarray(0, length);
  return {
    loss: cut(history.loss),
    objective: cut(history.objective),
    m: cut(history.m),
    c: cut(history.c),
    meanAbsDEdy: cut(history.meanAbsDEdy),
    meanDydz: cut(history.meanDydz),
    meanAbsDzdm: cut(history.meanAbsDzdm),
    gradientNorm: cut(history.gradientNorm),
    saturatedShare: cut(history.saturatedShare),
  };
}

/** Trains y = σ(m·x + c) on samples (x_i, t_i) from the initial weights, recording every step. */
export function trainSigmoidUnit(
  x: Float64Array,
  t: Float64Array,
  initial: { m: number; c: number },
  options: DescentOptions,
): DescentResult {
  if (x.length === 0 || x.length !== t.length)
    throw new RangeError("x and t must be non-empty and of equal length");
  const { learningRate: eta, steps } = options;
  const penalty = options.penalty ?? NO_PENALTY;
  const lossTarget = options.lossTarget ?? Number.NEGATIVE_INFINITY;
  const threshold = options.saturationThreshold ?? 0.01;

  const history = allocateHistory(steps + 1);
  const gradient: BatchGradient = emptyBatchGradient();
  let { m, c } = initial;
  let stepsToTarget: number | null = null;
  let diverged = false;
  let k = 0;
  for (; ; k++) {
    batchGradient(m, c, x, t, gradient, threshold);
    const dm = gradient.dEdm + l2Gradient(penalty, m);
    const dc = gradient.dEdc;
    history.loss[k] = gradient.loss;
    history.objective[k] = gradient.loss + penaltyValue(penalty, m);
    history.m[k] = m;
    history.c[k] = c;
    history.meanAbsDEdy[k] = gradient.meanAbsDEdy;
    history.meanDydz[k] = gradient.meanDydz;
    history.meanAbsDzdm[k] = gradient.meanAbsDzdm;
    history.gradientNorm[k] = Math.hypot(dm, dc);
    history.saturatedShare[k] = gradient.saturatedShare;

    // diverged: a weight, the loss or the penalized objective (λm²/2 overflows first) not finite.
    // That step is dropped, so every number a run reports is the last finite one.
    if (!(Number.isFinite(m) && Number.isFinite(c) && Number.isFinite(history.objective[k]!))) {
      if (k === 0) throw new RangeError(`the objective at the start (m = ${m}, c = ${c}) is not finite`);
      diverged = true;
      k--;
      m = history.m[k]!;
      c = history.c[k]!;
      break;
    }
    if (stepsToTarget === null && gradient.loss <= lossTarget) {
      stepsToTarget = k;
      if (options.stopAtTarget) break;
    }
    if (k === steps) break;
    m = softThreshold(m - eta * dm, eta * penalty.l1); // the L2 step and the L1 proximal step
    c = c - eta * dc;
  }
  return { m, c, stepsTaken: k, stepsToTarget, diverged, history: truncateHistory(history, k + 1) };
}
