/** The GLM families by name (each one file; see exponentialFamily.ts for what a family provides). */
import { binomial } from "./binomial.js";
import type { ExponentialFamily, FamilyName } from "./exponentialFamily.js";
import { gaussian } from "./gaussian.js";
import { poisson } from "./poisson.js";

export type { ExponentialFamily, FamilyName } from "./exponentialFamily.js";
export { nullModel } from "./nullModel.js";

const FAMILIES: Record<FamilyName, ExponentialFamily> = { gaussian, binomial, poisson };

export function familyOf(name: FamilyName): ExponentialFamily {
  return FAMILIES[name];
}
