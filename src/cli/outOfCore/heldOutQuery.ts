/**
 * A fold's held-out rows scored at every λ of the path, in one scan: each model's linear predictor
 * η = offset + b₀ + Σ b_j x_j, its prediction on the response scale, and the measure's loss per row
 * — cv.glmnet's, as crossValidation.ts's rowLoss computes it for rows in memory (a binomial
 * probability clipped to [1e-5, 1 − 1e-5] for the deviance; mse and mae summed over both classes'
 * indicator columns) — summed with the rows' weights. The caller divides by the fold's weight.
 */
import { quoteIdentifier, rowConditions, type StatisticsQuery, sqlNumber } from "./statisticsQuery.js";

export type HeldOutFamily = "binomial" | "poisson";
export type HeldOutMeasure = "deviance" | "mse" | "mae" | "class";

/** One model of the path, on the features' own scale (the output's features, in their order). */
export interface HeldOutModel {
  intercept: number;
  beta: readonly number[];
}

/** The measures each family is scored by over a table. */
export const HELD_OUT_MEASURES: Record<HeldOutFamily, readonly HeldOutMeasure[]> = {
  binomial: ["deviance", "mse", "mae", "class"],
  poisson: ["deviance", "mse", "mae"],
};

/** The loss of one row (target y, prediction μ) as an SQL expression. */
function rowLoss(family: HeldOutFamily, measure: HeldOutMeasure, mu: string): string {
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

/**
 * The statement: one row with n, weight_total and e0 … e(L−1), each Σ w·loss at model l. `features`
 * are the models' columns (a coefficient of 0 reads nothing).
 */
export function heldOutStatement(
  query: StatisticsQuery,
  features: readonly string[],
  family: HeldOutFamily,
  measure: HeldOutMeasure,
  models: readonly HeldOutModel[],
): string {
  const eta = models.map((model) => {
    const terms = [
      ...(query.offset ? [`CAST(${quoteIdentifier(query.offset)} AS DOUBLE)`] : []),
      sqlNumber(model.intercept),
    ];
    model.beta.forEach((b, j) => {
      if (b !== 0) terms.push(`${sqlNumber(b)} * CAST(${quoteIdentifier(features[j]!)} AS DOUBLE)`);
    });
    return terms.join(" + ");
  });
  // the response scale without overflow: σ(η) by the branch whose exponential is at most 1;
  // e^η capped where a double ends (a count beyond it is no prediction anyone can use)
  const response = (l: number) =>
    family === "binomial"
      ? `CASE WHEN eta${l} >= 0 THEN 1 / (1 + EXP(-eta${l})) ELSE EXP(eta${l}) / (1 + EXP(eta${l})) END`
      : `EXP(LEAST(eta${l}, 709))`;
  const conditions = rowConditions(query);
  const select = [
    `CAST(${quoteIdentifier(query.target)} AS DOUBLE) AS y`,
    `${query.weights ? `CAST(${quoteIdentifier(query.weights)} AS DOUBLE)` : "CAST(1 AS DOUBLE)"} AS w`,
    ...eta.map((expression, l) => `${expression} AS eta${l}`),
  ];
  const predictions = models.map((_, l) => `${response(l)} AS mu${l}`);
  return [
    `SELECT COUNT(*) AS n, SUM(w) AS weight_total, ${models.map((_, l) => `SUM(w * (${rowLoss(family, measure, `mu${l}`)})) AS e${l}`).join(", ")}`,
    `FROM (SELECT y, w, ${predictions.join(", ")}`,
    `  FROM (SELECT ${select.join(", ")}`,
    `    FROM ${query.from}${conditions.length ? ` WHERE ${conditions.join(" AND ")}` : ""}))`,
  ].join("\n");
}
