/**
 * One IRLS pass of the streamed logistic path (glm/streamedLogistic.ts) as one SQL statement, one
 * scan: the linear predictor η of the current coefficients computed row by row, the probability p
 * (in a form that never overflows), the working weight v = w·max(p(1 − p), 1e-5) and response
 * z = η + (y − p)/max(p(1 − p), 1e-5), and the sums the path needs (aliases: n, v_total, loss,
 * g_int, g_<j>, s_<a>, q_<a>_<b>), the features centred at the data's means d_j = x_j − m_j and z
 * shifted by ζ = η at x = m.
 *
 * The coefficients are the statement's parameters — $1 the intercept at x = m (ζ), $2 … $(p+1) the
 * coefficients — so the statement is planned once and run once per pass with new values.
 */
import { quoteIdentifier, rowConditions, type StatisticsQuery, sqlNumber } from "./statisticsQuery.js";

/**
 * Each family's pieces of the pass, as SQL over η (and y): the mean μ (named p), the curvature q
 * (floored as the families floor it), the loss ℓ(y, η) and the saturated model's loss.
 */
const FAMILY_SQL = {
  binomial: {
    mean: "CASE WHEN eta >= 0 THEN 1 / (1 + EXP(-eta)) ELSE EXP(eta) / (1 + EXP(eta)) END",
    curvature: "GREATEST(p * (1 - p), 1e-5)",
    loss: "GREATEST(eta, 0) + LN(1 + EXP(-ABS(eta))) - y * eta",
    saturated: "CAST(0 AS DOUBLE)",
  },
  poisson: {
    // (η past 700 would overflow e^η: such a row is refused by the caller's finiteness check)
    mean: "EXP(LEAST(eta, 700))",
    curvature: "GREATEST(p, 1e-10)",
    loss: "p - y * eta",
    saturated: "CASE WHEN y > 0 THEN y - y * LN(y) ELSE 0 END",
  },
} as const;

/**
 * The pass's statement. With `secondOrder` false, a lighter pass: the loss and the gradient sums
 * alone (p + 5 sums instead of (p + 2)(p + 3)/2 + p + 4), and Σ w (y − p)²/q, what the path needs
 * to reuse the second-order sums of an earlier pass as its quadratic model (glm/streamedLogistic.ts).
 */
export function workingPassStatement(
  query: StatisticsQuery,
  mean: Float64Array,
  family: "binomial" | "poisson" = "binomial",
  offset?: string,
  secondOrder = true,
): string {
  const sql = FAMILY_SQL[family];
  const p = query.features.length;
  const centred = query.features.map(
    (name, j) => `CAST(${quoteIdentifier(name)} AS DOUBLE) - ${sqlNumber(mean[j]!)} AS d${j}`,
  );
  // η = offset + b₀ + xᵀb; the working response is fitted by b₀ + xᵀb, so the offset leaves zs
  const eta = [...(offset ? ["o"] : []), "$1", ...query.features.map((_, j) => `$${j + 2} * d${j}`)].join(
    " + ",
  );
  const conditions = rowConditions(query);
  const d = Array.from({ length: p }, (_, j) => `d${j}`);
  const columns = [...d, "zs"];
  const second: string[] = [];
  for (let a = 0; a <= p; a++)
    for (let b = a; b <= p; b++) second.push(`SUM(v * ${columns[a]} * ${columns[b]}) AS q_${a}_${b}`);
  const sums = secondOrder
    ? [`  ${columns.map((name, a) => `SUM(v * ${name}) AS s_${a}`).join(", ")},`, `  ${second.join(",\n  ")}`]
    : ["  SUM(w * (y - p) * (y - p) / q) AS r2"];
  return [
    "SELECT COUNT(*) AS n, SUM(v) AS v_total, SUM(w * loss) AS loss, SUM(w * saturated) AS saturated,",
    "  SUM(w * (y - p)) AS g_int,",
    `  ${d.map((name, j) => `SUM(w * ${name} * (y - p)) AS g_${j}`).join(", ")},`,
    ...sums,
    "FROM (",
    `  SELECT *, w * q AS v, (eta - ${offset ? "o - " : ""}$1) + (y - p) / q AS zs,`,
    `    ${sql.loss} AS loss, ${sql.saturated} AS saturated`,
    "  FROM (",
    `    SELECT *, ${sql.curvature} AS q`,
    "    FROM (",
    `      SELECT *, ${sql.mean} AS p`,
    "      FROM (",
    `        SELECT *, ${eta} AS eta`,
    "        FROM (",
    `          SELECT ${centred.join(", ")},`,
    `            CAST(${quoteIdentifier(query.target)} AS DOUBLE) AS y,`,
    ...(offset ? [`            CAST(${quoteIdentifier(offset)} AS DOUBLE) AS o,`] : []),
    `            ${query.weights ? `CAST(${quoteIdentifier(query.weights)} AS DOUBLE)` : "CAST(1 AS DOUBLE)"} AS w`,
    `          FROM ${query.from}${conditions.length ? `\n          WHERE ${conditions.join(" AND ")}` : ""}`,
    "        ) AS centred",
    "      ) AS with_eta",
    "    ) AS with_p",
    "  ) AS with_q",
    ") AS working",
  ].join("\n");
}
