/**
 * A fold's held-out rows scored at every λ of the path, in one scan: each model's linear predictor
 * η = offset + b₀ + Σ b_j x_j, its prediction on the response scale, and the measure's loss per row
 * — cv.glmnet's, as crossValidation.ts's rowLoss computes it for rows in memory (a binomial
 * probability clipped to [1e-5, 1 − 1e-5] for the deviance; mse and mae summed over both classes'
 * indicator columns) — summed with the rows' weights. The caller divides by the fold's weight.
 * AUC ranks the rows instead (aucStatement): one sort of the fold's rows per λ.
 */
import { quoteIdentifier, rowConditions, type StatisticsQuery, sqlNumber } from "./statisticsQuery.js";

export type HeldOutFamily = "binomial" | "poisson";
export type HeldOutMeasure = "deviance" | "mse" | "mae" | "class" | "auc";

/** One model of the path, on the features' own scale (the output's features, in their order). */
export interface HeldOutModel {
  intercept: number;
  beta: readonly number[];
}

/** The measures each family is scored by over a table. */
export const HELD_OUT_MEASURES: Record<HeldOutFamily, readonly HeldOutMeasure[]> = {
  binomial: ["deviance", "mse", "mae", "class", "auc"],
  poisson: ["deviance", "mse", "mae"],
};

/** The loss of one row (target y, prediction μ) as an SQL expression. */
function rowLoss(family: HeldOutFamily, measure: Exclude<HeldOutMeasure, "auc">, mu: string): string {
  const columns = family === "binomial" ? "2 * " : "";
  switch (measure) {
    case "mse":
      return `${columns}(y - ${mu}) * (y - ${mu})`;
    case "mae":
      return `${columns}ABS(y - ${mu})`;
    case "class":
      return `CASE WHEN (CASE WHEN ${mu} > 0.5 THEN 1 ELSE 0 END) = y THEN 0 ELSE 1 END`;
    default:
      if (family === "poisson")
        return `2 * ((CASE WHEN y > 0 THEN y * LN(y / ${mu}) ELSE 0 END) - (y - ${mu}))`;
      return `-2 * (y * LN(LEAST(GREATEST(${mu}, 1e-5), 1 - 1e-5)) + (1 - y) * LN(1 - LEAST(GREATEST(${mu}, 1e-5), 1 - 1e-5)))`;
  }
}

/** Each model's η as an SQL expression over the row (a coefficient of 0 reads nothing). */
function linearPredictors(
  query: StatisticsQuery,
  features: readonly string[],
  models: readonly HeldOutModel[],
) {
  return models.map((model) => {
    const terms = [
      ...(query.offset ? [`CAST(${quoteIdentifier(query.offset)} AS DOUBLE)`] : []),
      sqlNumber(model.intercept),
    ];
    model.beta.forEach((b, j) => {
      if (b !== 0) terms.push(`${sqlNumber(b)} * CAST(${quoteIdentifier(features[j]!)} AS DOUBLE)`);
    });
    return terms.join(" + ");
  });
}

/** The fold's rows, with y, w and each model's η as eta0 … eta(L−1). */
function scoredRows(query: StatisticsQuery, features: readonly string[], models: readonly HeldOutModel[]) {
  const conditions = rowConditions(query);
  const select = [
    `CAST(${quoteIdentifier(query.target)} AS DOUBLE) AS y`,
    `${query.weights ? `CAST(${quoteIdentifier(query.weights)} AS DOUBLE)` : "CAST(1 AS DOUBLE)"} AS w`,
    ...linearPredictors(query, features, models).map((expression, l) => `${expression} AS eta${l}`),
  ];
  return `SELECT ${select.join(", ")}\n    FROM ${query.from}${conditions.length ? ` WHERE ${conditions.join(" AND ")}` : ""}`;
}

/**
 * The AUC statement: one row with n, weight_total, positives and s0 … s(L−1), each the sum over
 * the fold's rows of class 1 of their rank by η at model l — ranks from 1 up, rows of equal η
 * sharing their group's mean rank (so ties count half, as crossValidation.ts's auc on rows does).
 * AUC_l = (s_l − n₁(n₁ + 1)/2) / (n₁·n₀) (crossValidation.ts's aucFromRankSum). As on rows, the ranks are unweighted and
 * the fold's weight is its rows' total weight.
 */
export function aucStatement(
  query: StatisticsQuery,
  features: readonly string[],
  models: readonly HeldOutModel[],
): string {
  // a tie group's mean rank is the mean of its first, RANK(), and its last, the rows up to and
  // including its peers (COUNT(*) over the default frame of an ordered window): one sort per λ
  // serves both, where counting the group by PARTITION BY hashed the rows again (a fold of
  // 333333 rows at 10 λ: 1.3–2.1 s that way, 0.6–1.2 s this way, the same sums)
  const ranks = models.map(
    (_, l) => `(RANK() OVER (ORDER BY eta${l}) + COUNT(*) OVER (ORDER BY eta${l})) / 2.0 AS r${l}`,
  );
  return [
    `SELECT COUNT(*) AS n, SUM(w) AS weight_total, SUM(y) AS positives, ${models.map((_, l) => `SUM(CASE WHEN y = 1 THEN r${l} ELSE 0 END) AS s${l}`).join(", ")}`,
    `FROM (SELECT y, w, ${ranks.join(", ")}`,
    `  FROM (${scoredRows(query, features, models)}))`,
  ].join("\n");
}

/**
 * The statement: one row with n, weight_total and e0 … e(L−1), each Σ w·loss at model l. `features`
 * are the models' columns (a coefficient of 0 reads nothing).
 */
export function heldOutStatement(
  query: StatisticsQuery,
  features: readonly string[],
  family: HeldOutFamily,
  measure: Exclude<HeldOutMeasure, "auc">,
  models: readonly HeldOutModel[],
): string {
  // the response scale without overflow: σ(η) by the branch whose exponential is at most 1;
  // e^η capped where a double ends (a count beyond it is no prediction anyone can use)
  const response = (l: number) =>
    family === "binomial"
      ? `CASE WHEN eta${l} >= 0 THEN 1 / (1 + EXP(-eta${l})) ELSE EXP(eta${l}) / (1 + EXP(eta${l})) END`
      : `EXP(LEAST(eta${l}, 709))`;
  const predictions = models.map((_, l) => `${response(l)} AS mu${l}`);
  return [
    `SELECT COUNT(*) AS n, SUM(w) AS weight_total, ${models.map((_, l) => `SUM(w * (${rowLoss(family, measure, `mu${l}`)})) AS e${l}`).join(", ")}`,
    `FROM (SELECT y, w, ${predictions.join(", ")}`,
    `  FROM (${scoredRows(query, features, models)}))`,
  ].join("\n");
}
