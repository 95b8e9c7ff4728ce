/**
 * `reglab cv` over a Parquet table (gaussian): each fold's sufficient statistics from one grouped
 * SQL statement (duckdbTable.ts), then cv.glmnet's procedure on them (glm/statisticsCv.ts) — the
 * rows are never held. Folds: "mod" by a row's position in its file (as the CSV's mod rule), or
 * "random", a seeded hash of each row's file and position (not the CSV's shuffle: said in the
 * output as fold_rule "hash").
 */
import { displayName } from "../../data/dataError.js";
import type { Dataset } from "../../data/parseCsv.js";
import { MEASURES_OF } from "../../glm/crossValidation.js";
import type { ElasticNetPath } from "../../glm/elasticNetPath.js";
import type { GlmPathOptions } from "../../glm/glmPath.js";
import { crossValidateFromStatistics, type StatisticsCv } from "../../glm/statisticsCv.js";
import { type GaussianStatistics, representativeRows } from "../../glm/sufficientStatistics.js";
import { formatNumber } from "../../i18n/format.js";
import type { CommandContext } from "../command.js";
import { modelDocument } from "../commands/path.js";
import { UsageError } from "../errors.js";
import { objectiveNote, pathJson, saveModel } from "../glmOptions.js";
import { finiteJson } from "../jsonOutput.js";
import { figureFiles, openOutputFolder } from "../outputFolder.js";
import { drawsFigures, writeFigure, wroteLines } from "../writeFigure.js";
import { foldExpression, namesSeveralFiles, tableFoldStatistics, tableStatement } from "./duckdbTable.js";
import { HELD_OUT_MEASURES, type HeldOutMeasure } from "./heldOutQuery.js";
import { scanProgressBar } from "./scanProgress.js";
import { streamedTableCv } from "./streamedCv.js";
import {
  refuseForTables,
  refuseRandomWhere,
  tableColumns,
  tablePathOptions,
  warnAboutTable,
  withAllFeatures,
} from "./tablePath.js";

export async function runTableCv(
  file: string,
  options: Record<string, unknown>,
  given: ReadonlySet<string>,
  context: CommandContext,
  saveTo: string | undefined,
): Promise<void> {
  const { t, json, out } = context;
  const family = options["family"] as string;
  if (family !== "gaussian" && family !== "binomial" && family !== "poisson")
    throw new UsageError("table.cvGaussianOnly", { family });
  refuseForTables(given, family === "gaussian" ? [] : ["offset"]);
  const measure = options["measure"] as string;
  // a measure the family has no meaning for is said as for rows (before what tables lack so far)
  if (!(MEASURES_OF[family] as readonly string[]).includes(measure))
    throw new UsageError("cv.measureFamily", { measure, family });
  const measures: readonly string[] = family === "gaussian" ? ["deviance", "mse"] : HELD_OUT_MEASURES[family];
  if (!measures.includes(measure))
    throw new UsageError("table.cvMeasure", { family, measures: measures.join(", ") });
  await warnAboutTable(file, context);
  const progress = scanProgressBar(context, options["quiet"] === true);
  const folds = {
    folds: options["folds"] as number,
    rule: options["foldRule"] === "mod" ? ("mod" as const) : ("hash" as const),
    seed: options["seed"] as number,
    file,
  };
  refuseRandomWhere(options["where"] as string | undefined);
  const selection = {
    target: options["target"] as string | undefined,
    weights: options["weights"] as string | undefined,
    where: options["where"] as string | undefined,
    na: options["na"] as "error" | "drop",
    columns: tableColumns(options),
    exclude: (options["exclude"] as string | undefined)?.split(",").filter((name) => name !== ""),
    offset: options["offset"] as string | undefined,
    onProgress: progress.onProgress,
  };
  const folder = drawsFigures(json, given)
    ? openOutputFolder(options["out"] as string, options["force"] === true, figureFiles("cv"))
    : null;
  const start = performance.now();
  const foldLambda = options["foldLambda"] as "own" | "full";
  let cv: StatisticsCv;
  let statistics: GaussianStatistics;
  let pathOptions: GlmPathOptions;
  let path: ElasticNetPath;
  let passes: number | undefined;
  let inMemory = false;
  if (family === "gaussian") {
    const table = await tableFoldStatistics(file, selection, folds).finally(progress.stop);
    pathOptions = tablePathOptions(options, table.outputFeatures.length);
    cv = crossValidateFromStatistics(table.perFold, { ...pathOptions, foldLambda });
    path = withAllFeatures(cv.path, table.outputFeatures);
    statistics = table.statistics;
  } else {
    // binomial and poisson: K + 1 paths by passes over the table (streamedCv.ts); the options'
    // feature count is known once the table is read, so the factors are checked then
    const count = (await tableStatement(file, selection)).outputFeatures.length;
    pathOptions = tablePathOptions(options, count);
    const streamed = await streamedTableCv(
      file,
      selection,
      family,
      measure as HeldOutMeasure,
      folds,
      pathOptions,
      foldLambda,
      options["stream"] === true,
    ).finally(progress.stop);
    ({ cv, statistics, passes, inMemory } = streamed);
    path = cv.path;
  }
  const seconds = (performance.now() - start) / 1000;
  const result = {
    ...cv,
    path,
    measure: measure as HeldOutMeasure,
    // (the figure's title counts the folds from these)
    foldId: Int32Array.from({ length: folds.folds }, (_, k) => k + 1),
  };
  const data: Dataset = { ...representativeRows(statistics), n: statistics.n };
  if (saveTo)
    saveModel(
      saveTo,
      modelDocument(
        {
          data,
          ...(family === "binomial" ? { classes: [0, 1] } : {}),
          ...(selection.offset !== undefined ? { offsetColumn: selection.offset } : {}),
          options: { ...pathOptions, family: family as "gaussian" | "binomial" | "poisson" },
        },
        path,
        {
          lambda_min: cv.lambdaMin,
          lambda_1se: cv.lambdaOneSe,
        },
      ),
      options,
    );
  let figure = null;
  if (folder) {
    const [{ cvFigure }, { nodeDocument }] = await Promise.all([
      import("../../plot/glmFigures.js"),
      import("../render.js"),
    ]);
    figure = await writeFigure(folder, "cv", cvFigure(result, t, nodeDocument()));
  }
  if (json) {
    out(
      `${finiteJson(
        {
          ...pathJson(path, seconds),
          measure,
          seed: options["seed"],
          fold_rule: folds.rule,
          fold_rule_sql: foldExpression(folds),
          fold_sizes: cv.foldSizes,
          // binomial and poisson: the passes over the table of all K + 1 paths
          ...(passes !== undefined ? { passes, rows_in_memory: inMemory } : {}),
          fold_id_note: t("table.cvFoldIds"),
          lambda_min: cv.lambdaMin,
          lambda_1se: cv.lambdaOneSe,
          cvm: cv.cvm,
          cvsd: cv.cvsd,
          ...(figure ? { figures: { cv: figure } } : { figures: {}, figures_note: t("figures.notDrawn") }),
          saved: saveTo ?? null,
        },
        2,
      )}\n`,
    );
    return;
  }
  const words = t(`measure.${measure}` as "measure.mse");
  out(
    `${t("cv.result", {
      min: formatNumber(cv.lambdaMin),
      oneSe: formatNumber(cv.lambdaOneSe),
      measure: words,
      minError: formatNumber(cv.cvm[cv.indexMin]!),
      minSd: formatNumber(cv.cvsd[cv.indexMin]!),
      oneSeError: formatNumber(cv.cvm[cv.indexOneSe]!),
      oneSeSd: formatNumber(cv.cvsd[cv.indexOneSe]!),
    })}\n${t(folds.rule === "mod" ? "table.foldsMod" : namesSeveralFiles(file) ? "table.foldsHashFiles" : "table.foldsHash", { folds: folds.folds, seed: folds.seed })}\n${inMemory ? `${t("table.rowsInMemory", { rows: statistics.n })}\n` : ""}${objectiveNote(path, t)}${displayName(file, 80)}\n`,
  );
  out(wroteLines(t, figure ? [figure] : [], saveTo ? [saveTo] : []));
}
