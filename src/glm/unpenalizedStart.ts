/**
 * Where a path with unpenalized columns starts, as glmnet starts it. Columns with penalty factor 0
 * are in every model, so the path's first model is not β = 0 but the fit on those columns (and the
 * intercept) alone; λ_max is the smallest λ at which every penalized coefficient stays 0 there:
 *
 *   λ_max = max_{j: pf_j > 0} |Σ_i w_i x̃_ij (y_i − μ_i)| / (max(α, 0.001) · pf_j)
 *
 * with μ the fitted mean of that first model (the gaussian fit, the logistic probabilities, the
 * poisson counts).
 * The first model is found by the path solver itself at a λ so large that no penalized column can
 * enter (10⁶ times the λ_max at β = 0).
 */
import type { Dataset } from "../data/parseCsv.js";
import { buildDesign } from "./design.js";
import { type ElasticNetPath, elasticNetPath, type PathOptions } from "./elasticNetPath.js";
import { familyOf } from "./families/index.js";
import { lambdaSequence } from "./lambdaSequence.js";
import { excludedColumns, normalizedPenaltyFactor } from "./solvers/quadraticState.js";

/** The path's λ sequence when some columns are unpenalized, or undefined when none is (or a λ is given). */
export function unpenalizedLambdaSequence(data: Dataset, options: PathOptions): number[] | undefined {
  const given = options.penaltyFactor;
  if (options.lambda || !given?.some((factor) => factor === 0) || !given.some((factor) => factor > 0))
    return undefined;
  const atZero = elasticNetPath(data, { ...options, nlambda: 2, earlyStop: false }).lambda[0]!;
  // solved tightly: λ_max is read off its gradients
  const first = elasticNetPath(data, {
    ...options,
    lambda: [atZero * 1e6],
    earlyStop: false,
    tolerance: 1e-13,
  });
  // a hair above the boundary, so the solver's own tolerance cannot let a penalized column in at
  // the first λ, where glmnet's first model has none: 1e-10 relative for the exact gaussian solves,
  // 1e-6 for the logistic ones (certified to 1e-7 of λ_max)
  const margin = (options.family ?? "gaussian") === "gaussian" ? 1e-10 : 1e-6;
  const maximum = lambdaMaxAt(data, options, first) * (1 + margin) * (options.gridScale ?? 1);
  return [
    ...lambdaSequence(maximum, data.n, data.p, { count: options.nlambda, minRatio: options.lambdaMinRatio }),
  ];
}

/** λ_max from the gradients at the first model (the formula above). */
function lambdaMaxAt(data: Dataset, options: PathOptions, first: ElasticNetPath): number {
  const { n, p, x, y } = data;
  const design = buildDesign(data, { ...options, exclude: excludedColumns(options), layout: "rows" });
  const pf = normalizedPenaltyFactor(p, options.penaltyFactor);
  const alpha = Math.max(options.gridAlpha ?? options.alpha ?? 1, 1e-3);
  const a0 = first.a0[0]!;
  const beta = first.beta[0]!;
  const eta = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    let value = a0 + (options.offset ? options.offset[i]! : 0);
    for (let j = 0; j < p; j++) value += x[i * p + j]! * beta[j]!;
    eta[i] = value;
  }
  const residual = new Float64Array(n);
  familyOf(first.family, options.time).derivatives(y, design.w, eta, residual, new Float64Array(n));
  const gradient = new Float64Array(p);
  for (let i = 0; i < n; i++) {
    const r = design.w[i]! * residual[i]!;
    for (let j = 0; j < p; j++) gradient[j]! += design.x[i * p + j]! * r;
  }
  let maximum = 0;
  for (let j = 0; j < p; j++)
    if (design.usable[j] && pf[j]! > 0)
      maximum = Math.max(maximum, Math.abs(gradient[j]!) / (alpha * pf[j]!));
  return maximum;
}
