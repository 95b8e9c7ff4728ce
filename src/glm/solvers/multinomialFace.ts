/**
 * A Newton step over all classes at once, on the active face: the step that couples the classes,
 * which passes over one class at a time (multinomialNewton.ts) never take.
 *
 * Why the passes alone are slow: with the other classes fixed, a class's step ignores the
 * off-diagonal blocks of the multinomial Hessian,
 *
 *   H_cd = X̃_Aᵀ diag(w (δ_cd p_c − p_c p_d)) X̃_A,
 *
 * and where a row's probability is shared by two classes (near-separable data, small λ) those
 * blocks are as large as the diagonal ones: block Gauss–Seidel then converges linearly at a rate
 * near 1 (190 passes for one λ of the 10 digits at the 1e-7 certificate).
 *
 * The face: each class's nonzero coefficients and its intercept, with the signs they have. On it
 * the objective is smooth (λα·pf·sign(β) is a constant slope), so Newton's step solves H d = −g.
 * H is never formed: conjugate gradients need only products H·v, two passes over the face's
 * columns (X̃_A v per class, the row sums s_i = Σ_c p_ic u_ic, then X̃_Aᵀ of w p_c (u_c − s)), and
 * they are preconditioned by each class's own block — the Cholesky factor its Newton solver keeps
 * (lassoActiveSet.ts), at that class's kept weights. This is block Jacobi preconditioning, whose
 * iterations converge at the square root of the rate of the block passes.
 *
 * The step is tried after every pass (the first of a λ finds the face from the last λ's). The
 * violators the last step's certificate found (faceCertificate) join the face at zero with the sign
 * their gradients ask for, so the face grows without another pass over the classes. The step is
 * projected: every penalized coefficient that would cross zero (or, joining, move against its
 * sign) stops at zero and leaves the face — all at once, where a step cut at the first zero lets
 * one leave per step (on 20 classes, 600 × 40: 488 passes → 96 and 3.8 → 2.2 s, the two together).
 * Where no projected step lowers the objective, the step cut at the first zero is tried; either is
 * taken only if the true objective falls. The loss is flat along
 * adding one constant to every class's η — H is singular there — but the gradient has no part
 * along it (Σ_c (p_ic − y_ic) = 0), so the system is consistent and conjugate gradients are
 * defined on it. A move of the intercepts along it (the preconditioner may make one) changes
 * neither the loss nor the intercepts as reported, centred over the classes.
 */
import { designProducts, type FaceProduct } from "../../kernels/gramKernel.js";
import { removeColumn } from "./lassoActiveSet.js";
import { gatherCoefficients, joinFactor, type NewtonProblem } from "./newtonActiveSet.js";

/**
 * Conjugate-gradient iterations per step, and the residual (relative to the gradient) they stop at.
 * The step is taken from wherever they stop (inexact Newton: every iterate from zero lowers the
 * quadratic model, and the objective judges the step): at small λ they seldom reach 1e-6 (on 20
 * classes, 3–10 % of the residual is left after 20), yet the steps converge. Measured with the
 * steps admitting violators, 20 classes / 10 digits: 4 → 4.6 / 4.8 s, 6 → 2.6 / 3.4, 8 → 2.3 /
 * 2.9, 10 → 2.2 / 2.8, 15 → 1.8 / 2.7, 20 → 2.2 / 3.3, 40 → 3.3 / 5.4 s. (The whole face's Hessian,
 * formed and factored as the preconditioner, took them to 1–3 iterations, but forming it costs
 * n·D²/2 against 2·n·D per product, and the face changes at every λ: 4 → 18 s on 20 classes.)
 */
const MAX_ITERATIONS = 15;
const RELATIVE_RESIDUAL = 1e-6;

/** What the face step needs of the multinomial solver (multinomialNewton.ts). */
export interface FaceClasses {
  classes: NewtonProblem[];
  /** Each class's η without offset, X̃β_c (its intercept column included). */
  linear: Float64Array[];
  onehot: Float64Array[];
  w: Float64Array;
  n: number;
  K: number;
  /** e_ic = exp(η_ic − m_i), row-major n × K. */
  exp: Float64Array;
}

/** Scratch kept from step to step (sized on first use). */
export interface FaceWorkspace {
  /** Each class's face columns in its factor's order: views of the stacked list (sweep.columns). */
  columns: Int32Array[];
  /** Each class's first entry in the stacked vectors, and its number of entries. */
  start: Int32Array;
  size: Int32Array;
  /** p_c and w ⊙ p_c, class by class (H·v and the gradients sweep contiguous rows): views of `sweep`'s. */
  classProbability: Float64Array[];
  weightedProbability: Float64Array[];
  /** H·v's operands for the design kernels (kernels/gramKernel.ts): the face's columns, stacked. */
  sweep: FaceProduct;
  rows: Float64Array[];
  gradient: Float64Array;
  iterate: Float64Array;
  residual: Float64Array;
  direction: Float64Array;
  product: Float64Array;
  preconditioned: Float64Array;
  moved: Float64Array[];
  savedBeta: Float64Array;
  savedLinear: Float64Array[];
  /** Every usable column, and the gradient over them (faceCertificate). */
  allColumns: Int32Array;
  allGradient: Float64Array;
  /**
   * The coefficients off the face that violate (class·columns + column), from the last
   * faceCertificate, with the sign each would take (−sign of its gradient): the next step lets them
   * join the face at zero.
   */
  entering: Int32Array;
  enteringCount: number;
  /** By key (class·columns + column): the sign a violator would join with, 0 for the others. */
  enteringSign: Float64Array;
  /** The sign of each coefficient on the face, in the stacked order (0: unpenalized, either sign). */
  sign: Float64Array;
  /** The objective at the current β when a step has just computed it (NaN: not known; β moved since). */
  known: number;
}

export function createFaceWorkspace(n: number, K: number, columns: number): FaceWorkspace {
  const total = K * columns;
  const start = new Int32Array(K + 1);
  const probability = new Float64Array(K * n);
  const weightedProbability = new Float64Array(K * n);
  return {
    columns: [],
    start,
    size: new Int32Array(K),
    classProbability: Array.from({ length: K }, (_, c) => probability.subarray(c * n, (c + 1) * n)),
    weightedProbability: Array.from({ length: K }, (_, c) =>
      weightedProbability.subarray(c * n, (c + 1) * n),
    ),
    sweep: {
      columns: new Int32Array(total),
      starts: start,
      K,
      probability,
      weightedProbability,
      epoch: 0,
      u: new Float64Array(K * n),
    },
    rows: Array.from({ length: K }, () => new Float64Array(n)),
    gradient: new Float64Array(total),
    iterate: new Float64Array(total),
    residual: new Float64Array(total),
    direction: new Float64Array(total),
    product: new Float64Array(total),
    preconditioned: new Float64Array(total),
    moved: Array.from({ length: K }, () => new Float64Array(n)),
    savedBeta: new Float64Array(total),
    savedLinear: Array.from({ length: K }, () => new Float64Array(n)),
    allColumns: new Int32Array(columns),
    allGradient: new Float64Array(columns),
    entering: new Int32Array(total),
    enteringCount: 0,
    enteringSign: new Float64Array(total),
    sign: new Float64Array(total),
    known: Number.NaN,
  };
}

/**
 * Reads each class's face off its kept factor: true when every class's nonzero coefficients are
 * the factor's columns (an unpenalized one may be zero). A column the factor holds at zero (a face
 * step took it to zero, and the class has not been solved since) leaves the factor, as the class's
 * next solve would take it out. A class with a nonzero coefficient outside its factor (coordinate
 * descent took over, a step was halved across a zero) has no face to read: then no step is tried.
 * With `admit`, the violators the last certificate found (space.entering) join their classes'
 * factors at zero, each with the sign its gradient asks for: the step may move them off zero, or
 * leave them there (and they leave the factor again at the next read).
 */
export function readFace(solver: FaceClasses, space: FaceWorkspace, admit = false): boolean {
  const { classes, K } = solver;
  const P = classes[0]!.state.p;
  for (let c = 0; c < K; c++) {
    const { set, state } = classes[c]!;
    const { factor } = set;
    for (let r = factor.size - 1; r >= 0; r--) {
      const column = set.columnOf[factor.order[r]!]!;
      if (state.beta[column] === 0 && state.penaltyFactor[column]! > 0) removeColumn(set.inner, factor, r);
    }
  }
  if (admit)
    for (let e = 0; e < space.enteringCount; e++) {
      const key = space.entering[e]!;
      const c = Math.floor(key / P);
      if (classes[c]!.state.beta[key - c * P] === 0) joinFactor(classes[c]!, key - c * P);
    }
  let offset = 0;
  for (let c = 0; c < K; c++) {
    const { set, state } = classes[c]!;
    const { factor } = set;
    let nonzero = 0;
    for (let j = 0; j < state.p; j++) if (state.beta[j] !== 0) nonzero++;
    let onFace = 0;
    space.start[c] = offset;
    for (let r = 0; r < factor.size; r++) {
      const column = set.columnOf[factor.order[r]!]!;
      const b = state.beta[column]!;
      if (b !== 0) onFace++;
      space.sweep.columns[offset + r] = column;
      // (a zero in the factor: a joining violator, or an unpenalized column, whose sign is free)
      space.sign[offset + r] = b !== 0 ? Math.sign(b) : admit ? space.enteringSign[c * P + column]! : 0;
    }
    if (onFace !== nonzero) return false;
    space.size[c] = factor.size;
    space.columns[c] = space.sweep.columns.subarray(offset, offset + factor.size);
    offset += factor.size;
  }
  space.start[K] = offset;
  return true;
}

/** p_ic from the kept exponentials, class by class (w ⊙ p_c too). */
export function readProbabilities(solver: FaceClasses, space: FaceWorkspace): void {
  const { n, K, exp, w } = solver;
  const { classProbability, weightedProbability } = space;
  space.sweep.epoch++;
  for (let i = 0; i < n; i++) {
    const row = i * K;
    let sum = 0;
    for (let c = 0; c < K; c++) sum += exp[row + c]!;
    for (let c = 0; c < K; c++) {
      const pc = exp[row + c]! / sum;
      classProbability[c]![i] = pc;
      weightedProbability[c]![i] = w[i]! * pc;
    }
  }
}

/**
 * out = H·v over the face (H the multinomial Hessian plus the ridge part of the penalty): X̃_A v
 * per class, the row sums s_i = Σ_c p_ic u_ic, then X̃_Aᵀ of w p_c (u_c − s) — in one call to the
 * design kernels (kernels/gramKernel.ts, faceHessianTimes; 2K calls and a loop over K·n rows in
 * JavaScript before: 50 classes, 1500 × 30, 15.9 → 11 s; 20 classes 1.7 → 1.3 s; 10 digits 2.5 → 2.0 s).
 */
export function hessianTimes(
  solver: FaceClasses,
  space: FaceWorkspace,
  lambda: number,
  v: Float64Array,
  out: Float64Array,
): void {
  const { classes, n, K } = solver;
  const { start, size, columns } = space;
  const { x, p, alpha, penaltyFactor } = classes[0]!.state;
  designProducts().faceHessianTimes(x, n, p, space.sweep, v, out);
  const ridge = lambda * (1 - alpha);
  if (ridge === 0) return;
  for (let c = 0; c < K; c++)
    for (let r = 0; r < size[c]!; r++)
      out[start[c]! + r]! += ridge * penaltyFactor[columns[c]![r]!]! * v[start[c]! + r]!;
}

/** out = M⁻¹·v, M the block diagonal of the classes' kept factors. */
function precondition(solver: FaceClasses, space: FaceWorkspace, v: Float64Array, out: Float64Array): void {
  for (let c = 0; c < solver.K; c++) {
    const { workspace } = solver.classes[c]!.set.factor;
    const first = space.start[c]!;
    const m = space.size[c]!;
    for (let r = 0; r < m; r++) workspace.solution[r] = v[first + r]!;
    workspace.solve(m);
    for (let r = 0; r < m; r++) out[first + r] = workspace.solution[r]!;
  }
}

/** The objective (loss + penalty) at the classes' current β and η. */
export type ObjectiveAt = () => number;

/**
 * Tries one Newton step on the face at λ. Returns true if it was taken (β, η and the classes'
 * working sets moved; their kept gradients marked stale), false if nothing changed.
 */
export function faceNewtonStep(
  solver: FaceClasses,
  space: FaceWorkspace,
  lambda: number,
  objective: ObjectiveAt,
  admit = false,
): boolean {
  const { classes, linear, onehot, n, K, w } = solver;
  if (!readFace(solver, space, admit)) return false;
  const total = space.start[K]!;
  const { gradient, iterate, residual, direction, product, preconditioned, rows } = space;
  readProbabilities(solver, space);
  // g = X̃ᵀ w (p − y) + λ pf (α sign β + (1 − α) β) over the face
  const products = designProducts();
  let gradientNorm = 0;
  for (let c = 0; c < K; c++) {
    const { x, p, beta, alpha, penaltyFactor } = classes[c]!.state;
    const difference = rows[c]!;
    const y = onehot[c]!;
    const pc = space.classProbability[c]!;
    for (let i = 0; i < n; i++) difference[i] = w[i]! * (pc[i]! - y[i]!);
    const first = space.start[c]!;
    products.transposeTimes(x, n, p, space.columns[c]!, space.size[c]!, difference, gradient.subarray(first));
    for (let r = 0; r < space.size[c]!; r++) {
      const column = space.columns[c]![r]!;
      const b = beta[column]!;
      const pf = penaltyFactor[column]!;
      gradient[first + r]! += lambda * pf * (alpha * space.sign[first + r]! + (1 - alpha) * b);
      gradientNorm += gradient[first + r]! ** 2;
    }
  }
  if (!(gradientNorm > 0)) return false;
  // conjugate gradients on H d = −g from d = 0, preconditioned by the classes' blocks
  iterate.fill(0, 0, total);
  for (let a = 0; a < total; a++) residual[a] = -gradient[a]!;
  precondition(solver, space, residual, preconditioned);
  direction.set(preconditioned.subarray(0, total));
  let rz = 0;
  for (let a = 0; a < total; a++) rz += residual[a]! * preconditioned[a]!;
  const stop = RELATIVE_RESIDUAL ** 2 * gradientNorm;
  let taken = 0;
  for (let iteration = 0; iteration < MAX_ITERATIONS; iteration++) {
    hessianTimes(solver, space, lambda, direction, product);
    let curvature = 0;
    for (let a = 0; a < total; a++) curvature += direction[a]! * product[a]!;
    if (!(curvature > 0)) break;
    taken++;
    const step = rz / curvature;
    let residualNorm = 0;
    for (let a = 0; a < total; a++) {
      iterate[a]! += step * direction[a]!;
      residual[a]! -= step * product[a]!;
      residualNorm += residual[a]! ** 2;
    }
    if (residualNorm <= stop) break;
    precondition(solver, space, residual, preconditioned);
    let next = 0;
    for (let a = 0; a < total; a++) next += residual[a]! * preconditioned[a]!;
    const ratio = next / rz;
    rz = next;
    for (let a = 0; a < total; a++) direction[a] = preconditioned[a]! + ratio * direction[a]!;
  }
  if (!(taken > 0)) return false;
  // the longest step on the face: up to the first penalized coefficient to reach zero
  let reach = 1;
  let leaving = -1;
  for (let c = 0; c < K; c++) {
    const { beta, penaltyFactor } = classes[c]!.state;
    const first = space.start[c]!;
    for (let r = 0; r < space.size[c]!; r++) {
      const column = space.columns[c]![r]!;
      const b = beta[column]!;
      const d = iterate[first + r]!;
      if (penaltyFactor[column]! > 0 && d !== 0 && Math.sign(d) !== Math.sign(b) && -b / d < reach) {
        reach = -b / d;
        leaving = first + r;
      }
    }
  }
  const before = Number.isNaN(space.known) ? objective() : space.known;
  // each class's η moves by X̃_A d_c (kept to move it, and back)
  for (let c = 0; c < K; c++) {
    const { x, p } = classes[c]!.state;
    products.times(
      x,
      n,
      p,
      space.columns[c]!,
      space.size[c]!,
      iterate.subarray(space.start[c]!),
      space.moved[c]!,
    );
  }
  // the face's β and every η as they are, to return to
  const { savedBeta, savedLinear } = space;
  for (let c = 0; c < K; c++) {
    const { beta } = classes[c]!.state;
    const first = space.start[c]!;
    for (let r = 0; r < space.size[c]!; r++) savedBeta[first + r] = beta[space.columns[c]![r]!]!;
    savedLinear[c]!.set(linear[c]!);
  }
  /**
   * β = saved + t·d on the face, and η with it. Projected: a penalized coefficient that would
   * cross zero (or, joining, move against its sign) stops at zero — every one that would leave the
   * face leaves at once (its term of η taken back out). Otherwise the entry `zeroAt` is set to zero
   * (the step cut where the first one reaches it).
   */
  const moveTo = (t: number, zeroAt: number, project: boolean) => {
    for (let c = 0; c < K; c++) {
      const { beta, x, penaltyFactor } = classes[c]!.state;
      const first = space.start[c]!;
      const own = linear[c]!;
      const from = savedLinear[c]!;
      const moved = space.moved[c]!;
      for (let i = 0; i < n; i++) own[i] = from[i]! + t * moved[i]!;
      for (let r = 0; r < space.size[c]!; r++) {
        const column = space.columns[c]![r]!;
        const value = savedBeta[first + r]! + t * iterate[first + r]!;
        const sign = space.sign[first + r]!;
        const leaves = project ? penaltyFactor[column]! > 0 && !(sign * value > 0) : first + r === zeroAt;
        beta[column] = leaves ? 0 : value;
        if (leaves && value !== 0) {
          const at = column * n;
          for (let i = 0; i < n; i++) own[i]! -= value * x[at + i]!;
        }
      }
    }
  };
  const accepted = (value: number) => {
    space.known = value < before ? value : Number.NaN;
    return value < before;
  };
  const accept = () => {
    for (const problem of classes) {
      gatherCoefficients(problem);
      problem.gradientCurrent = false;
    }
    return true;
  };
  // projected, then (where no projected step lowers the objective) cut at the first zero; each
  // halved while the objective does not fall; undone if it never does
  {
    let t = 1;
    for (let halving = 0; halving < 4; halving++, t *= 0.5) {
      moveTo(t, -1, true);
      if (accepted(objective())) return accept();
    }
  }
  let t = reach;
  for (let halving = 0; halving < 4; halving++, t *= 0.5) {
    moveTo(t, halving === 0 ? leaving : -1, false);
    if (accepted(objective())) return accept();
  }
  moveTo(0, -1, false);
  space.known = before;
  return false;
}

/**
 * The KKT certificate of the whole problem at the current η, over every usable column of every
 * class (relative to `scale`, as the classes' own certificates): after a face step, it says
 * whether the λ is solved without another pass over the classes.
 */
export function faceCertificate(
  solver: FaceClasses,
  space: FaceWorkspace,
  lambda: number,
  scale: number,
): number {
  const { classes, onehot, n, K, w } = solver;
  readProbabilities(solver, space);
  const products = designProducts();
  const { x, p, usable } = classes[0]!.state;
  const all = space.allColumns;
  let m = 0;
  for (let j = 0; j < p; j++) if (usable[j]) all[m++] = j;
  let worst = 0;
  let offFace = 0;
  space.enteringCount = 0;
  for (let c = 0; c < K; c++) {
    const { beta, alpha, penaltyFactor } = classes[c]!.state;
    const difference = space.rows[c]!;
    const y = onehot[c]!;
    const pc = space.classProbability[c]!;
    for (let i = 0; i < n; i++) difference[i] = w[i]! * (y[i]! - pc[i]!);
    products.transposeTimes(x, n, p, all, m, difference, space.allGradient);
    for (let a = 0; a < m; a++) {
      const j = all[a]!;
      const g = space.allGradient[a]!;
      const pf = penaltyFactor[j]!;
      const b = beta[j]!;
      if (b !== 0 || pf === 0)
        worst = Math.max(
          worst,
          Math.abs(g - lambda * (1 - alpha) * pf * b - lambda * alpha * pf * Math.sign(b)),
        );
      else {
        const violation = Math.abs(g) - lambda * alpha * pf;
        offFace = Math.max(offFace, violation);
        // (g here is the log-likelihood's gradient: the coefficient would move with its sign)
        space.enteringSign[c * p + j] = violation > 0 ? Math.sign(g) : 0;
        if (violation > 0) space.entering[space.enteringCount++] = c * p + j;
      }
    }
  }
  return Math.max(worst, offFace) / scale;
}
