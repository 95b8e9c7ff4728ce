/**
 * `reglab cv` over a Parquet table (gaussian): each fold's sufficient statistics from one grouped
 * SQL statement (duckdbTable.ts), then cv.glmnet's procedure on them (glm/statisticsCv.ts) — the
 * rows are never held. Folds: "mod" by a row's position in its file (as the CSV's mod rule), or
 * "random", a seeded hash of each row's file and position (not the CSV's shuffle: said in the
 * output as fold_rule "hash").
 */
import { displayName } from "../../data/dataError.js";
import type { Dataset } from "../../data/parseCsv.js";
import { crossValidateFromStatistics } from "../../glm/statisticsCv.js";
import { representativeRows } from "../../glm/sufficientStatistics.js";
import { formatNumber } from "../../i18n/format.js";
import type { CommandContext } from "../command.js";
import { modelDocument } from "../commands/path.js";
import { UsageError } from "../errors.js";
import { objectiveNote, pathJson, saveModel } from "../glmOptions.js";
import { finiteJson } from "../jsonOutput.js";
import { figureFiles, openOutputFolder } from "../outputFolder.js";
import { drawsFigures, writeFigure, wroteLines } from "../writeFigure.js";
import { foldExpression, tableFoldStatistics } from "./duckdbTable.js";
import { scanProgressBar } from "./scanProgress.js";
import { refuseForTables, tableColumns, tablePathOptions, withAllFeatures } from "./tablePath.js";

export async function runTableCv(
  file: string,
  options: Record<string, unknown>,
  given: ReadonlySet<string>,
  context: CommandContext,
  saveTo: string | undefined,
): Promise<void> {
  const { t, json, out } = context;
  if (options["family"] !== "gaussian")
    throw new UsageError("table.cvGaussianOnly", { family: String(options["family"]) });
  refuseForTables(given);
  const measure = options["measure"] as string;
  if (measure !== "deviance" && measure !== "mse") throw new UsageError("table.cvMeasure");
  const progress = scanProgressBar(context, options["quiet"] === true);
  const folds = {
    folds: options["folds"] as number,
    rule: options["foldRule"] === "mod" ? ("mod" as const) : ("hash" as const),
    seed: options["seed"] as number,
  };
  const selection = {
    target: options["target"] as string | undefined,
    weights: options["weights"] as string | undefined,
    where: options["where"] as string | undefined,
    na: options["na"] as "error" | "drop",
    columns: tableColumns(options),
    exclude: (options["exclude"] as string | undefined)?.split(",").filter((name) => name !== ""),
    onProgress: progress.onProgress,
  };
  const folder = drawsFigures(json, given)
    ? openOutputFolder(options["out"] as string, options["force"] === true, figureFiles("cv"))
    : null;
  const start = performance.now();
  const table = await tableFoldStatistics(file, selection, folds).finally(progress.stop);
  const pathOptions = tablePathOptions(options, table.outputFeatures.length);
  const cv = crossValidateFromStatistics(table.perFold, {
    ...pathOptions,
    foldLambda: options["foldLambda"] as "own" | "full",
  });
  const path = withAllFeatures(cv.path, table.outputFeatures);
  const seconds = (performance.now() - start) / 1000;
  const result = {
    ...cv,
    path,
    measure: measure as "deviance" | "mse",
    // (the figure's title counts the folds from these)
    foldId: Int32Array.from({ length: folds.folds }, (_, k) => k + 1),
  };
  const data: Dataset = { ...representativeRows(table.statistics), n: table.statistics.n };
  if (saveTo)
    saveModel(
      saveTo,
      modelDocument({ data, options: pathOptions }, path, {
        lambda_min: cv.lambdaMin,
        lambda_1se: cv.lambdaOneSe,
      }),
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
    })}\n${t(folds.rule === "mod" ? "table.foldsMod" : "table.foldsHash", { folds: folds.folds, seed: folds.seed })}\n${objectiveNote(path, t)}${displayName(file, 80)}\n`,
  );
  out(wroteLines(t, figure ? [figure] : [], saveTo ? [saveTo] : []));
}
