import { existsSync, statSync } from "node:fs";
import { DataError, displayName } from "../../data/dataError.js";
import type { Dataset } from "../../data/parseCsv.js";
import type { ElasticNetPath } from "../../glm/elasticNetPath.js";
import { type GlmPathOptions, glmPath } from "../../glm/glmPath.js";
import { streamedLogisticPath } from "../../glm/streamedLogistic.js";
import {
  type GaussianStatistics,
  gaussianPathFromStatistics,
  representativeRows,
} from "../../glm/sufficientStatistics.js";
import { penaltyFactors } from "../columnOptions.js";
import type { CommandContext } from "../command.js";
import { UsageError } from "../errors.js";
import { chosenColumns, type GlmInput, lambdaList, pathSettings } from "../glmOptions.js";
import { readTextFile } from "../loadData.js";
import type { OptionSpec } from "../optionTable.js";
import { writeFileSafely } from "../safeWrite.js";
import {
  arrowFilesOf,
  holdsParquetAndArrow,
  isArrowInput,
  isCsvTable,
  isParquetInput,
  type ScanProgress,
  tableGlmPasses,
  tableStatement,
  tableStatistics,
} from "./duckdbTable.js";
import { statisticsFromRow } from "./statisticsRow.js";

/**
 * Options a run over a table refuses by name: they need the rows, or are not built for tables yet
 * (the offset is, for binomial and poisson paths: `allowed`).
 */
const NOT_FOR_TABLES: Record<string, string> = {
  offset: "--offset",
  lowerLimits: "--lower-limits",
  upperLimits: "--upper-limits",
  relax: "--relax",
  noIntercept: "--no-intercept",
  foldid: "--foldid",
  gamma: "--gamma",
};

/**
 * A --where that draws random numbers: every statement scans the table at least twice (the means,
 * then the centred sums; each IRLS pass again), and each scan would keep other rows — statistics
 * from different subsets, without a word. A hash of a column selects the same rows every time.
 */
export function refuseRandomWhere(where: string | undefined): void {
  if (where !== undefined && /\b(random|uuid|gen_random_uuid)\s*\(/i.test(where))
    throw new UsageError("table.randomWhere", { where: displayName(where, 120) });
}

export function refuseForTables(given: ReadonlySet<string>, allowed: readonly string[] = []): void {
  for (const [option, flag] of Object.entries(NOT_FOR_TABLES))
    if (given.has(option) && !allowed.includes(option))
      throw new UsageError("table.optionNotHere", { option: flag });
  // glmnet rescales penalty factors over every feature, excluded ones too: with a subset fitted
  // here the two scalings would differ, so the pair is refused rather than fitted differently
  if (given.has("exclude") && given.has("penaltyFactor"))
    throw new UsageError("table.optionNotHere", { option: "--penalty-factor with --exclude" });
}

/** The options of a path over a table (beside the GLM options it shares). */
export const WHERE_OPTION: OptionSpec = {
  name: "where",
  kind: "path",
  valueName: "condition",
  description: "path.option.where",
};

/** --stream: a CSV read through DuckDB a chunk at a time (out of core), as a Parquet table is. */
export const STREAM_OPTION: OptionSpec = { name: "stream", kind: "flag", description: "path.option.stream" };

export const TABLE_OPTIONS: readonly OptionSpec[] = [
  WHERE_OPTION,
  STREAM_OPTION,
  { name: "explain", kind: "flag", description: "path.option.explain" },
  { name: "stats", kind: "path", valueName: "file", description: "path.option.stats" },
  { name: "save-stats", kind: "path", valueName: "file", description: "path.option.saveStats" },
];

/** --columns over a table: the names, checked against the other options' columns as for a CSV. */
export function tableColumns(options: Record<string, unknown>): string[] | undefined {
  return chosenColumns(options, [
    ["--target", options["target"] as string | undefined],
    ["--weights", options["weights"] as string | undefined],
    ["--offset", options["offset"] as string | undefined],
  ]);
}

/** Says on stderr when an Arrow stream ends without its end-of-stream marker (arrowFile.ts). */
export async function warnAboutTable(file: string | undefined, context: CommandContext): Promise<void> {
  if (file === undefined || !isArrowInput(file)) return;
  const { streamWithoutEnd } = await import("./arrowFile.js");
  for (const path of arrowFilesOf(file))
    if (existsSync(path) && statSync(path).isFile() && streamWithoutEnd(path))
      context.info(`${context.t("warning.arrowNoEnd", { file: displayName(path, 200) })}\n`);
}

/** Whether this run is a table path: a Parquet or Arrow IPC input, a CSV with --stream, or --stats. */
export function isTablePath(file: string | undefined, options: Record<string, unknown>): boolean {
  return options["stats"] !== undefined || (file !== undefined && isTableInput(file, options));
}

/**
 * Whether the input is read through DuckDB: a Parquet table, or a CSV with --stream. --stream
 * beside anything else (a sparse file, a folder, a built-in data set's name) is refused by name.
 */
export function isTableInput(file: string, options: Record<string, unknown>): boolean {
  // a folder of both kinds: read as Parquet, its Arrow files would be left out unsaid
  if (holdsParquetAndArrow(file)) throw new UsageError("table.mixedFolder", { file: displayName(file, 200) });
  if (isParquetInput(file) || isArrowInput(file)) return true;
  if (options["stream"] !== true) return false;
  if (!isCsvTable(file)) throw new UsageError("table.streamNeedsCsv", { file: displayName(file, 200) });
  return true;
}

export type TablePathOutcome =
  | { kind: "explain"; statement: string }
  | {
      kind: "path";
      input: GlmInput;
      statistics: GaussianStatistics;
      savedStats?: string;
      /** Fits the path: from the statistics (gaussian), or by passes over the table (binomial). */
      fit: (
        onPass?: (passes: number, lambdaIndex: number) => void,
      ) => Promise<{ path: ElasticNetPath; passes: number; lightPasses: number; inMemory?: boolean }>;
    };

export async function tablePath(
  file: string | undefined,
  options: Record<string, unknown>,
  given: ReadonlySet<string>,
  onProgress?: ScanProgress,
): Promise<TablePathOutcome> {
  const statsFile = options["stats"] as string | undefined;
  const source = statsFile ?? file!;
  const family = options["family"];
  // binomial and poisson: IRLS, one pass over the table per Newton step (statistics alone do not suffice)
  const streamed = (family === "binomial" || family === "poisson") && statsFile === undefined;
  if (family !== "gaussian" && statsFile !== undefined)
    throw new UsageError("table.statsGaussianOnly", { family: String(family) });
  if (family !== "gaussian" && !streamed)
    throw new DataError("table.onlyGaussian", { file: displayName(source, 200), family: String(family) });
  if (streamed && given.has("noStandardize"))
    throw new UsageError("table.optionNotHere", { option: "--no-standardize" });
  if (statsFile !== undefined && file !== undefined)
    throw new UsageError("error.extraFile", { file: displayName(file, 200) });
  // statistics are computed already: what would select or weigh rows cannot apply to them
  if (statsFile !== undefined)
    for (const [option, flag] of [
      ["where", "--where"],
      ["weights", "--weights"],
      ["na", "--na"],
      ["exclude", "--exclude"],
      ["columns", "--columns"],
    ] as const)
      if (given.has(option)) throw new UsageError("table.statsIgnores", { option: flag });
  refuseForTables(given, streamed ? ["offset"] : []);
  const exclude = (options["exclude"] as string | undefined)?.split(",").filter((name) => name !== "");
  refuseRandomWhere(options["where"] as string | undefined);
  const selection = {
    target: options["target"] as string | undefined,
    weights: options["weights"] as string | undefined,
    where: options["where"] as string | undefined,
    na: options["na"] as "error" | "drop",
    columns: tableColumns(options),
    exclude,
    onProgress,
    offset: options["offset"] as string | undefined,
  };
  if (options["explain"] === true) {
    if (statsFile !== undefined) throw new UsageError("table.explainOnly");
    if (family !== "gaussian") throw new UsageError("table.explainBinomial");
    return { kind: "explain", statement: (await tableStatement(file!, selection)).statement };
  }
  let statistics: GaussianStatistics;
  let outputFeatures: string[];
  let passes: Awaited<ReturnType<typeof tableGlmPasses>> | undefined;
  if (streamed) {
    passes = await tableGlmPasses(file!, selection, family as "binomial" | "poisson");
    ({ statistics, outputFeatures } = passes);
  } else if (statsFile !== undefined) {
    statistics = statisticsFromRow(readStatisticsRow(statsFile), statsFile, selection.target);
    outputFeatures = statistics.featureNames;
  } else ({ statistics, outputFeatures } = await tableStatistics(file!, selection));
  let savedStats: string | undefined;
  const saveStats = options["saveStats"] as string | undefined;
  if (saveStats !== undefined) {
    writeFileSafely(saveStats, `${JSON.stringify(statisticsRow(statistics))}\n`, options["force"] === true);
    savedStats = saveStats;
  }
  const pathOptions = tablePathOptions(options, outputFeatures.length);
  const data: Dataset = { ...representativeRows(statistics), n: statistics.n };
  const fit = async (onPass?: (passes: number, lambdaIndex: number) => void) => {
    if (!passes)
      return {
        path: withAllFeatures(gaussianPathFromStatistics(statistics, pathOptions), outputFeatures),
        passes: 0,
        lightPasses: 0,
      };
    if (options["stream"] !== true && holdsInMemory(passes.statistics.n, passes.outputFeatures.length)) {
      const held = await passes.heldRows().finally(passes.close);
      const path = glmPath(held.data, {
        ...pathOptions,
        family: family as "binomial" | "poisson",
        weights: held.weights,
        offset: held.offset,
      });
      return {
        path: withAllFeatures(path as ElasticNetPath, outputFeatures),
        passes: 0,
        lightPasses: 0,
        inMemory: true,
      };
    }
    return fitByPasses(
      passes,
      family as "binomial" | "poisson",
      pathOptions,
      selection.offset !== undefined,
      onPass,
    );
  };
  return {
    kind: "path",
    input: {
      data,
      // (a saved model names the offset's column: predict reads the same column)
      ...(selection.offset !== undefined ? { offsetColumn: selection.offset } : {}),
      // a binomial table's target is checked to be 0/1 (tableGlmPasses): its classes, for the
      // saved model's labels and predict's --type class
      ...(family === "binomial" ? { classes: [0, 1] } : {}),
      options: { ...pathOptions, family: streamed ? (family as "binomial" | "poisson") : "gaussian" },
    },
    statistics,
    savedStats,
    fit,
  };
}

/**
 * Tables of at most this many cells (32 MB of doubles) are fitted from their rows held in memory,
 * unless --stream says never: a pass is a statement whose cost does not fall below ~10–40 ms
 * however few the rows, and a binomial path takes hundreds (breast cancer as Parquet, 569 rows:
 * 607 passes, 24 s — the same path from its rows in memory 0.05 s). The fit is then the CSV path's.
 */
export const IN_MEMORY_CELLS = 1 << 22;

export function holdsInMemory(n: number, p: number): boolean {
  return n * (p + 3) <= IN_MEMORY_CELLS;
}

/**
 * A binomial or poisson path by IRLS passes over the table (tableGlmPasses: the rows its selection
 * keeps), every feature of the output in it; the passes' connection closed at the end.
 */
export async function fitByPasses(
  passes: Awaited<ReturnType<typeof tableGlmPasses>>,
  family: "binomial" | "poisson",
  pathOptions: GlmPathOptions,
  offset: boolean,
  onPass?: (passes: number, lambdaIndex: number) => void,
) {
  try {
    const fitted = await streamedLogisticPath(passes.statistics, passes.pass, {
      family,
      offset,
      alpha: pathOptions.alpha,
      nlambda: pathOptions.nlambda,
      lambdaMinRatio: pathOptions.lambdaMinRatio,
      lambda: pathOptions.lambda,
      penaltyFactor: pathOptions.penaltyFactor,
      tolerance: pathOptions.tolerance,
      onPass,
    });
    return {
      path: withAllFeatures(fitted.path, passes.outputFeatures),
      passes: fitted.passes,
      lightPasses: fitted.lightPasses,
    };
  } finally {
    passes.close();
  }
}

/** The path options a table's run takes from the command line (p: the output's features). */
export function tablePathOptions(options: Record<string, unknown>, p: number): GlmPathOptions {
  const factorSpec = options["penaltyFactor"] as string | undefined;
  const { intercept: _intercept, ...settings } = pathSettings(options);
  return {
    ...settings,
    family: "gaussian",
    lambda: lambdaList(options),
    penaltyFactor: factorSpec === undefined ? undefined : penaltyFactors(factorSpec, p),
  };
}

/** The statistics as the statement's row (what --stats reads back). */
export function statisticsRow(statistics: GaussianStatistics): Record<string, number> {
  const names = [...statistics.featureNames, statistics.targetName];
  const m = names.length;
  const row: Record<string, number> = { n: statistics.n, weight_total: statistics.weightTotal };
  names.forEach((name, k) => {
    row[`mean__${name}`] = statistics.mean[k]!;
  });
  for (let a = 0; a < m; a++)
    for (let b = a; b < m; b++) row[`cov__${a}__${b}`] = statistics.covariance[a * m + b]!;
  return row;
}

/** --stats FILE: one JSON object, or an array holding one (as some engines export a row). */
function readStatisticsRow(file: string): Record<string, unknown> {
  const text = readTextFile(file).trim();
  let value: unknown;
  try {
    // DuckDB's COPY … TO 'row.json' writes one object per line: the first line is the row
    value = JSON.parse(text.startsWith("[") ? text : (text.split("\n")[0] ?? ""));
  } catch {
    value = null;
  }
  if (Array.isArray(value) && value.length === 1) value = value[0];
  if (value === null || typeof value !== "object" || Array.isArray(value))
    throw new DataError("stats.notObject", { file: displayName(file, 200) });
  return value as Record<string, unknown>;
}

/**
 * The path over every feature of the table: a column left out by --exclude (a number) comes back
 * with coefficient 0 at every λ, as glmnet's exclude and the CSV path report it.
 */
export function withAllFeatures(path: ElasticNetPath, features: readonly string[]): ElasticNetPath {
  if (features.length === path.featureNames.length) return path;
  const fitted = new Map(path.featureNames.map((name, j) => [name, j]));
  const expand = (row: readonly number[]) =>
    features.map((name) => (fitted.has(name) ? row[fitted.get(name)!]! : 0));
  return {
    ...path,
    p: features.length,
    featureNames: [...features],
    beta: path.beta.map(expand),
    penaltyFactor: expand(path.penaltyFactor),
  };
}
