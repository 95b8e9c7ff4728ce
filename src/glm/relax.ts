/**
 * The relaxed lasso (Meinshausen 2007; glmnet's relax = TRUE): at each λ of a path, the columns in
 * its model are refitted without any penalty, and a model between the two is
 *
 *   b(λ, γ) = γ·b_lasso(λ) + (1 − γ)·b_relaxed(λ),   γ ∈ [0, 1]
 *
 * (γ = 1 the lasso, γ = 0 the unpenalized refit). The lasso chooses the columns, the refit undoes
 * its shrinkage of them. As glmnet: one refit per distinct active set, none for an empty one (the
 * null model is its own refit) or for more than n − 3 columns (that λ is left out of the relaxed
 * path, as glmnet leaves it out). The refit takes every other option of the path (weights, offset,
 * limits, standardization, intercept).
 */
import type { Dataset } from "../data/parseCsv.js";

export interface RelaxedFit {
  lambda: number[];
  a0: number[];
  beta: number[][];
  devRatio: number[];
}

/** What a path needs to be relaxed: its λ, coefficients and the options it was fitted with. */
export interface RelaxSource {
  lambda: number[];
  a0: number[];
  beta: number[][];
  devRatio: number[];
}

/**
 * The relaxed fits of `path`. `refit(columns)` fits the path's problem on those columns alone,
 * unpenalized, and returns its intercept, coefficients (over all p columns) and deviance ratio —
 * glmPath supplies it, so this file knows nothing of families or solvers.
 */
export function relaxPath(
  data: Dataset,
  path: RelaxSource,
  refit: (columns: number[]) => { a0: number; beta: number[]; devRatio: number },
): RelaxedFit {
  const maxColumns = data.n - 3;
  const fits = new Map<string, { a0: number; beta: number[]; devRatio: number }>();
  const relaxed: RelaxedFit = { lambda: [], a0: [], beta: [], devRatio: [] };
  path.lambda.forEach((lambda, k) => {
    const columns: number[] = [];
    path.beta[k]!.forEach((b, j) => {
      if (b !== 0) columns.push(j);
    });
    if (columns.length > maxColumns) return;
    let fit: { a0: number; beta: number[]; devRatio: number };
    if (columns.length === 0)
      fit = { a0: path.a0[k]!, beta: [...path.beta[k]!], devRatio: path.devRatio[k]! };
    else {
      const key = columns.join(",");
      fit = fits.get(key) ?? refit(columns);
      fits.set(key, fit);
    }
    relaxed.lambda.push(lambda);
    relaxed.a0.push(fit.a0);
    relaxed.beta.push(fit.beta);
    relaxed.devRatio.push(fit.devRatio);
  });
  return relaxed;
}
