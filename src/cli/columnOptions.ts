/**
 * glmnet's per-column and per-row options on the command line: `--weights COLUMN` (observation
 * weights taken from a column, which then is no feature), `--offset COLUMN` (likewise, a known
 * part of η per row), `--exclude a,b,3` (features kept out of
 * every model, by name or 1-based position) and `--penalty-factor 1,0,2,inf | FILE` (one factor per
 * feature; 0 = never penalized, inf = excluded). Each is checked against the data it names.
 */
import { DataError, displayName } from "../data/dataError.js";
import type { Dataset } from "../data/parseCsv.js";
import type { MessageKey } from "../i18n/en.js";
import { readTextFile } from "./loadData.js";

/** The data without the weights column, and the weights (finite, ≥ 0, not all 0). */
export function takeWeights(data: Dataset, column: string): { data: Dataset; weights: Float64Array } {
  const { data: rest, values: weights } = takeColumn(data, column, "glm.noWeightsColumn", (w) =>
    w >= 0 ? null : "glm.badWeight",
  );
  if (!weights.some((w) => w > 0))
    throw new DataError("glm.zeroWeights", {
      file: displayName(data.source, 200),
      name: displayName(column),
    });
  return { data: rest, weights };
}

/**
 * The data without the offset column, and the offsets (glmnet's `offset`: a known part of η per
 * row, e.g. the log of each row's exposure for counts). Any finite number.
 */
export function takeOffset(data: Dataset, column: string): { data: Dataset; offset: Float64Array } {
  const { data: rest, values: offset } = takeColumn(data, column, "glm.noOffsetColumn", () => null);
  return { data: rest, offset };
}

/**
 * Splits a named column off the features: its values (each checked by `problem`, which names the
 * error key of a bad one) and the data without it. The reader has already refused non-numbers.
 */
export function takeColumn(
  data: Dataset,
  column: string,
  missingKey: MessageKey,
  problem: (value: number) => MessageKey | null,
): { data: Dataset; values: Float64Array } {
  const file = displayName(data.source, 200);
  const j = data.featureNames.indexOf(column);
  if (j < 0)
    throw new DataError(missingKey, {
      file,
      name: displayName(column),
      columns: data.featureNames.map((name) => displayName(name, 30)).join(", "),
    });
  const { n, p } = data;
  const values = new Float64Array(n);
  const x = new Float64Array(n * (p - 1));
  for (let i = 0; i < n; i++) {
    const value = data.x[i * p + j]!;
    const key = problem(value);
    if (key)
      throw new DataError(key, {
        file,
        row: data.lines?.[i] ?? i + 2,
        name: displayName(column),
        value,
      });
    values[i] = value;
    for (let k = 0, out = i * (p - 1); k < p; k++) if (k !== j) x[out++] = data.x[i * p + k]!;
  }
  const featureNames = data.featureNames.filter((_, k) => k !== j);
  return {
    data: {
      ...data,
      p: p - 1,
      x,
      featureNames,
      constantColumns: data.constantColumns.filter((name) => name !== column),
    },
    values,
  };
}

/** 0-based positions of the features named (or numbered from 1) in a comma-separated list. */
export function excludedFeatures(data: Dataset, list: string): number[] {
  return list.split(",").map((raw) => {
    const item = raw.trim();
    const byName = data.featureNames.indexOf(item);
    if (byName >= 0) return byName;
    const position = Number(item);
    if (Number.isInteger(position) && position >= 1 && position <= data.p) return position - 1;
    throw new DataError("glm.badExclude", {
      item: displayName(item, 40),
      p: data.p,
      columns: data.featureNames.map((name) => displayName(name, 30)).join(", "),
    });
  });
}

/** One factor per feature, from a comma-separated list or a file of one per line. */
export function penaltyFactors(spec: string, p: number): number[] {
  // a list has a comma or is one value; anything else names a file
  const oneValue = /^\s*(\+?inf(inity)?|[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)\s*$/i.test(spec);
  const fromFile = !spec.includes(",") && !oneValue && spec.trim() !== "";
  const text = fromFile ? readTextFile(spec) : spec;
  const items = text.split(fromFile ? /\r?\n/ : ",").map((item) => item.trim());
  const values = (fromFile ? items.filter((item) => item !== "") : items).map((item) => {
    const value = /^\+?inf(inity)?$/i.test(item)
      ? Number.POSITIVE_INFINITY
      : item === ""
        ? Number.NaN
        : Number(item);
    if (!(value >= 0)) throw new DataError("glm.badPenaltyFactor", { value: displayName(item, 40) });
    return value;
  });
  if (values.length !== p) throw new DataError("glm.penaltyFactorCount", { found: values.length, p });
  // glmnet refuses this for every family (its error 10000): a path needs something to penalize
  if (values.every((value) => value === 0)) throw new DataError("glm.allUnpenalized", {});
  return values;
}

/**
 * --lower-limits / --upper-limits: one limit for every feature or one per feature (a list or a
 * file, as --penalty-factor), in the features' own units, ±inf for none; a lower limit ≤ 0 and an
 * upper one ≥ 0, as glmnet requires (the path starts at β = 0, which must be allowed).
 */
export function coefficientLimits(spec: string, p: number, side: "lower" | "upper"): number[] {
  const option = side === "lower" ? "--lower-limits" : "--upper-limits";
  const oneValue = /^\s*[-+]?(inf(inity)?|(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?)\s*$/i.test(spec);
  const fromFile = !spec.includes(",") && !oneValue && spec.trim() !== "";
  const text = fromFile ? readTextFile(spec) : spec;
  const items = text.split(fromFile ? /\r?\n/ : ",").map((item) => item.trim());
  const values = (fromFile ? items.filter((item) => item !== "") : items).map((item) => {
    const infinite = /^([-+]?)inf(inity)?$/i.exec(item);
    const value = infinite
      ? infinite[1] === "-"
        ? Number.NEGATIVE_INFINITY
        : Number.POSITIVE_INFINITY
      : item === ""
        ? Number.NaN
        : Number(item);
    const holdsZero = side === "lower" ? value <= 0 : value >= 0;
    if (!holdsZero)
      throw new DataError(side === "lower" ? "glm.badLowerLimit" : "glm.badUpperLimit", {
        value: displayName(item, 40),
      });
    return value;
  });
  if (values.length !== 1 && values.length !== p)
    throw new DataError("glm.limitCount", { option, found: values.length, p });
  return values;
}
