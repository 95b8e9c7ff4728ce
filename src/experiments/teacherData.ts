/**
 * Training data from a known teacher unit, so that the best weights are known in advance:
 *
 *   x_i ~ N(0, inputScale²)      t_i = σ(m*·x_i + c*) + ε_i,  ε_i ~ N(0, noise²)
 *
 * With noise = 0 the teacher's own weights (m*, c*) reach loss 0, so "how far from the minimum" is
 * measured against a known answer.
 */
import { createRandom } from "../core/random.js";
import { sigmoid } from "../core/sigmoid.js";

export interface TeacherDataOptions {
  /** Number of samples (default 200). */
  samples?: number;
  /** Teacher weight m* (default 2). */
  teacherM?: number;
  /** Teacher bias c* (default −0.5). */
  teacherC?: number;
  /** Standard deviation of the inputs (default 1: standardized inputs). */
  inputScale?: number;
  /** Standard deviation of the Gaussian noise added to the targets (default 0). */
  noise?: number;
  /** Seed of every random draw (default 1). */
  seed?: number;
}

export interface TeacherData {
  x: Float64Array;
  t: Float64Array;
  teacher: { m: number; c: number };
  seed: number;
}

export function teacherData(options: TeacherDataOptions = {}): TeacherData {
  const { samples = 200, teacherM = 2, teacherC = -0.5, inputScale = 1, noise = 0, seed = 1 } = options;
  const random = createRandom(seed);
  const x = new Float64Array(samples);
  const t = new Float64Array(samples);
  for (let i = 0; i < samples; i++) {
    x[i] = inputScale * random.normal();
    t[i] = sigmoid(teacherM * x[i]! + teacherC) + noise * random.normal();
  }
  return { x, t, teacher: { m: teacherM, c: teacherC }, seed };
}
