/** The GLM families by name (each one file; see exponentialFamily.ts for what a family provides). */
import { binomial } from "./binomial.js";
import { coxFamily } from "./cox.js";
import type { ExponentialFamily, FamilyName } from "./exponentialFamily.js";
import { gaussian } from "./gaussian.js";
import { poisson } from "./poisson.js";

export type { ExponentialFamily, FamilyName } from "./exponentialFamily.js";
export { nullModel } from "./nullModel.js";

const FAMILIES: Record<Exclude<FamilyName, "cox">, ExponentialFamily> = { gaussian, binomial, poisson };

/**
 * The family of a path: the cox family is made for its rows' survival times (it sorts them once),
 * the others are constants.
 */
export function familyOf(name: FamilyName, time?: Float64Array): ExponentialFamily {
  if (name !== "cox") return FAMILIES[name];
  if (!time) throw new RangeError("the cox family needs each row's survival time (options.time)");
  return coxFamily(time);
}

/** The response scale of a family's predictions: μ from η (for cox the relative risk e^η). */
export function responseOf(name: FamilyName): (eta: Float64Array, out: Float64Array) => void {
  return name === "cox" ? poisson.means : FAMILIES[name].means;
}
