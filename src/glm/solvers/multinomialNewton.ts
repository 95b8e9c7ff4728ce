/**
 * The multinomial family's λ solves by block coordinate descent over the classes, each block the
 * binomial family's Newton solver (newtonActiveSet.ts) — its working sets, gradient screen, kept
 * Hessians and exact inner solves.
 *
 * Why a class is a binomial problem: with the other classes' η fixed, the multinomial loss of row i
 * as a function of η_ic is
 *
 *   log(e^{η_ic} + S_i) − y_ic η_ic + const,   S_i = Σ_{k≠c} e^{η_ik},
 *
 * which is the logistic loss softplus(η_ic + o_i) − y_ic (η_ic + o_i) up to terms without η_ic, with
 * the offset o_i = −log S_i. So each class is a logistic elastic net with an offset, and its
 * gradient and KKT conditions are exactly the multinomial problem's for that class. A pass solves
 * each class in turn (a few Newton steps, warm) with the others' current η as its offset; the λ is
 * solved when a whole pass finds every class's KKT certificate at or below the target without a
 * step (each certificate then belongs to the final η of all classes).
 *
 * After the first pass of a λ, Newton steps over all classes at once on the active face
 * (multinomialFace.ts) take the coupling between classes that the passes ignore, and each step's
 * certificate names the columns that must join the face, which the next step lets in: most λ then
 * take one pass. On the 10 digits at the 1e-7 certificate: block passes alone 3358 passes, 12.6 s;
 * with face steps between passes ~420 passes, 4.1 s; with face steps that admit violators and let
 * every leaving coefficient leave at once, ~110 passes, 2.7 s (20 classes, 600 × 40: 5.3 → 1.6 s).
 */
import type { Design } from "../design.js";
import { binomial } from "../families/binomial.js";
import { logSumExp, nullIntercept } from "../families/multinomial.js";
import {
  createFaceWorkspace,
  type FaceWorkspace,
  faceCertificate,
  faceNewtonStep,
} from "./multinomialFace.js";
import {
  createNewtonProblem,
  gatherCoefficients,
  type NewtonProblem,
  releaseNewtonProblem,
  solveNewtonAtLambda,
} from "./newtonActiveSet.js";
import { penaltyOf } from "./quadraticState.js";

/** Newton steps a class may take per pass: the others move meanwhile, so a class need not finish. */
const STEPS_PER_PASS = 1; // (1, 2, 4 with the face steps admitting violators, on 20 classes: 1.6–1.8, 1.8–2.9, 2.0–2.5 s)
const MAX_PASSES = 200;
/**
 * The pass after which face steps are tried: the first, which finds the face from the last λ's (the
 * steps then admit the violators it left; from pass 1: 96 → 189 passes on 20 classes, 2.2 → 2.9 s).
 */
const FACE_FROM_PASS = 0;
/**
 * Face steps in a row, each certified (the violators one's certificate finds join the next): 3, 6,
 * 10 on 20 classes (600 × 40), 2.3, 2.2, 2.2 s, where 3 left a pass after most λ.
 */
const MAX_FACE_STEPS = 10;
/** The longest extrapolation of a pass's step (as a multiple of it). */
const MAX_EXTRAPOLATION = 20;

export interface MultinomialNewton {
  classes: NewtonProblem[];
  /** Each class's own linear predictor (without the offset), η_c = X̃β_c + β_0c. */
  linear: Float64Array[];
  /**
   * e_ic = exp(η_ic − m_i), row-major n × K, with a shift m_i per row (so no e overflows): a class's
   * offset is then −(m_i + log Σ_{k≠c} e_ik), sums without a single exponential; only the class that
   * moved recomputes its e.
   */
  exp: Float64Array;
  shift: Float64Array;
  onehot: Float64Array[];
  w: Float64Array;
  n: number;
  K: number;
  /** Each class's β and η before the current pass (then: after it, while a longer step is tried). */
  betaBefore: Float64Array[];
  linearBefore: Float64Array[];
  /** Scratch: one row's K values of η. */
  row: Float64Array;
  /** The Newton step over all classes on the active face (multinomialFace.ts). */
  face: FaceWorkspace;
}

/** K logistic problems over one design (its ones column shared), started at the class shares. */
export function createMultinomialNewton(
  design: Design,
  onehot: Float64Array[],
  share: Float64Array,
  alpha: number,
  penaltyFactor: Float64Array,
): MultinomialNewton {
  const { n } = design;
  const K = onehot.length;
  const linear = onehot.map((_, c) =>
    new Float64Array(n).fill(design.intercept ? nullIntercept(share[c]!) : 0),
  );
  const classes = onehot.map((y, c) =>
    createNewtonProblem(binomial, design, y, alpha, penaltyFactor, linear[c]![0]!, new Float64Array(n)),
  );
  const solver = {
    classes,
    linear,
    onehot,
    w: design.w,
    n,
    K,
    exp: new Float64Array(n * K),
    shift: new Float64Array(n),
    betaBefore: classes.map((problem) => new Float64Array(problem.state.p)),
    linearBefore: onehot.map(() => new Float64Array(n)),
    row: new Float64Array(K),
    face: createFaceWorkspace(n, K, classes[0]!.state.p),
  };
  for (let i = 0; i < n; i++) rescaleRow(solver, i);
  return solver;
}

/** m_i = max_k η_ik and every e_ik of row i anew; returns Σ_k e_ik. */
function rescaleRow(solver: MultinomialNewton, i: number): number {
  const { linear, exp, shift, K } = solver;
  let largest = Number.NEGATIVE_INFINITY;
  for (let k = 0; k < K; k++) largest = Math.max(largest, linear[k]![i]!);
  shift[i] = largest;
  let sum = 0;
  for (let k = 0; k < K; k++) {
    const e = Math.exp(linear[k]![i]! - largest);
    exp[i * K + k] = e;
    sum += e;
  }
  return sum;
}

/** Class c's η moved: its e_ic anew (a row whose shift no longer keeps e in range, all anew). */
function updateClass(solver: MultinomialNewton, c: number): void {
  const { linear, exp, shift, n, K } = solver;
  const own = linear[c]!;
  for (let i = 0; i < n; i++) {
    const e = Math.exp(own[i]! - shift[i]!);
    if (e > 1e100 || e === 0) rescaleRow(solver, i);
    else exp[i * K + c] = e;
  }
}

export function releaseMultinomialNewton(solver: MultinomialNewton): void {
  for (const problem of solver.classes) releaseNewtonProblem(problem);
}

/** o_i = −log Σ_{k≠c} e^{η_ik} = −(m_i + log Σ_{k≠c} e_ik). */
function setOffset(solver: MultinomialNewton, c: number): void {
  const { exp, shift, n, K } = solver;
  const offset = solver.classes[c]!.offset!;
  for (let i = 0; i < n; i++) {
    let sum = 0;
    const row = i * K;
    for (let k = 0; k < K; k++) if (k !== c) sum += exp[row + k]!;
    // a row whose other classes all underflowed next to the shift: anew, then they are in range
    if (sum === 0) {
      rescaleRow(solver, i);
      for (let k = 0; k < K; k++) if (k !== c) sum += exp[row + k]!;
    }
    offset[i] = -(shift[i]! + Math.log(sum));
  }
}

/** Σ w (log Σ_c e^{η_ic} − η_i,y_i): the multinomial loss at the current η (families/multinomial.ts). */
export function multinomialLoss(solver: MultinomialNewton): number {
  const { linear, onehot, w, n, K, row } = solver;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let own = 0;
    for (let c = 0; c < K; c++) {
      row[c] = linear[c]![i]!;
      if (onehot[c]![i] === 1) own = row[c]!;
    }
    loss += w[i]! * (logSumExp(row, 0, K) - own);
  }
  return loss;
}

/**
 * The loss as multinomialLoss, with every row's shift m_i and e_ik made anew on the way
 * (rescaleRow): the face steps' objective, so that the kept e are those of the point a step ends
 * at without another pass of exponentials.
 */
function refreshedLoss(solver: MultinomialNewton): number {
  const { linear, onehot, shift, w, n, K } = solver;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const sum = rescaleRow(solver, i);
    let own = 0;
    for (let k = 0; k < K; k++) if (onehot[k]![i] === 1) own = linear[k]![i]!;
    loss += w[i]! * (shift[i]! + Math.log(sum) - own);
  }
  return loss;
}

export function multinomialPenalty(solver: MultinomialNewton, lambda: number): number {
  return solver.classes.reduce((sum, problem) => sum + penaltyOf(problem.state, lambda), 0);
}

/** Solves at λ from the previous λ's solution; the certificate is the largest class's. */
export function solveMultinomialNewtonAtLambda(
  solver: MultinomialNewton,
  lambda: number,
  previous: number,
  target: number,
  scale: number,
): { certificate: number; converged: boolean } {
  const { classes, linear, K, n } = solver;
  let worst = Number.POSITIVE_INFINITY;
  let lastStep = 0;
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    let stepped = false;
    worst = 0;
    for (let c = 0; c < K; c++) {
      solver.betaBefore[c]!.set(classes[c]!.state.beta);
      solver.linearBefore[c]!.set(linear[c]!);
    }
    for (let c = 0; c < K; c++) {
      const problem = classes[c]!;
      setOffset(solver, c);
      // the offset moved: η and the gradient belong to the old one (the Hessian is kept: its
      // weights move little, and the solver rebuilds it when its steps stop cutting the certificate)
      problem.gradientCurrent = false;
      const result = solveNewtonAtLambda(
        problem,
        lambda,
        pass === 0 ? previous : lambda,
        target,
        scale,
        STEPS_PER_PASS,
        false,
      );
      if (result.newtonSteps > 0) stepped = true;
      worst = Math.max(worst, result.certificate);
      if (result.newtonSteps > 0) {
        const own = linear[c]!;
        for (let i = 0; i < n; i++) own[i] = problem.eta[i]! - problem.offset![i]!;
        updateClass(solver, c);
      }
    }
    if (!stepped) return { certificate: worst, converged: worst <= target };
    const objective = () => refreshedLoss(solver) + multinomialPenalty(solver, lambda);
    solver.face.known = Number.NaN; // (the pass moved β)
    // Newton steps over all classes on the face (multinomialFace.ts), each after the first letting
    // in the violators the last certificate found; where none is taken, the pass's step extrapolated
    let faceSteps = 0;
    while (
      pass >= FACE_FROM_PASS &&
      faceSteps < MAX_FACE_STEPS &&
      faceNewtonStep(solver, solver.face, lambda, objective, faceSteps > 0)
    ) {
      faceSteps++;
      // the whole problem's certificate at once: a λ solved by the step needs no pass to say so
      const certificate = faceCertificate(solver, solver.face, lambda, scale);
      if (certificate <= target) return { certificate, converged: true };
    }
    // (a step not taken left the e of its last trial)
    for (let i = 0; i < n; i++) rescaleRow(solver, i);
    lastStep = faceSteps > 0 ? Number.POSITIVE_INFINITY : extrapolate(solver, lambda, lastStep);
  }
  return { certificate: worst, converged: false };
}

/**
 * Block passes converge linearly: near the solution each pass's step is about r times the last,
 * along nearly the same direction, so the rest of the way is about r/(1 − r) of it (Aitken). When
 * the pass kept every coefficient's zero pattern, β and η are moved that much further along the
 * pass's step — no further than where a coefficient would reach zero — and the move is kept only
 * if it lowers the objective. Returns the pass's step length, for the next pass's ratio.
 */
function extrapolate(solver: MultinomialNewton, lambda: number, lastStep: number): number {
  const { classes, linear, betaBefore, linearBefore, K, n } = solver;
  let squared = 0;
  let reach = MAX_EXTRAPOLATION;
  for (let c = 0; c < K; c++) {
    const beta = classes[c]!.state.beta;
    const before = betaBefore[c]!;
    for (let j = 0; j < beta.length; j++) {
      const b = beta[j]!;
      const d = b - before[j]!;
      if ((b === 0) !== (before[j] === 0)) return Number.POSITIVE_INFINITY; // the pattern moved
      squared += d * d;
      // (a coefficient moving towards zero: the move stops short of it)
      if (b !== 0 && d !== 0 && Math.sign(d) !== Math.sign(b)) reach = Math.min(reach, -0.9 * (b / d));
    }
  }
  const step = Math.sqrt(squared);
  const ratio = step / lastStep;
  if (!(ratio > 0.1 && ratio < 1)) return step;
  const omega = Math.min(ratio / (1 - ratio), reach);
  if (!(omega > 0.05)) return step;
  const objective = multinomialLoss(solver) + multinomialPenalty(solver, lambda);
  // the trial in place; the pass's own result kept in the "before" buffers to return to
  for (let c = 0; c < K; c++) {
    const beta = classes[c]!.state.beta;
    const kept = betaBefore[c]!;
    for (let j = 0; j < beta.length; j++) {
      const b = beta[j]!;
      beta[j] = b + omega * (b - kept[j]!);
      kept[j] = b;
    }
    const own = linear[c]!;
    const keptLinear = linearBefore[c]!;
    for (let i = 0; i < n; i++) {
      const e = own[i]!;
      own[i] = e + omega * (e - keptLinear[i]!);
      keptLinear[i] = e;
    }
  }
  if (multinomialLoss(solver) + multinomialPenalty(solver, lambda) < objective) {
    for (let i = 0; i < n; i++) rescaleRow(solver, i);
    for (const problem of classes) {
      gatherCoefficients(problem);
      problem.gradientCurrent = false;
      problem.hessianFresh = false;
    }
  } else {
    for (let c = 0; c < K; c++) {
      classes[c]!.state.beta.set(betaBefore[c]!);
      linear[c]!.set(linearBefore[c]!);
    }
  }
  return step;
}
