/** `reglab path FILE`: an elastic-net regularization path, glmnet's summary, the coefficient figure. */

import { SingleBar } from "cli-progress";
import { displayName } from "../../data/dataError.js";
import type { ElasticNetPath } from "../../glm/elasticNetPath.js";
import { type GlmPath, glmPath } from "../../glm/glmPath.js";
import { mgaussianPath } from "../../glm/mgaussianPath.js";
import { mgaussianModelDocument, modelDocument as savedModel } from "../../glm/modelDocument.js";
import { denseDatasetOf, fitsDense } from "../../glm/sparseByShape.js";
import { sparseElasticNetPath } from "../../glm/sparsePath.js";
import { formatNumber } from "../../i18n/format.js";
import type { Translator } from "../../i18n/translate.js";
import type { DrawnPath } from "../../plot/glmFigures.js";
import { type CommandContext, type CommandSpec, OUTPUT_OPTIONS, QUIET_OPTION } from "../command.js";
import { UsageError } from "../errors.js";
import {
  checkSaveBesideOutput,
  checkSaveTarget,
  GLM_OPTIONS,
  type GlmInput,
  mgaussianJson,
  objectiveNote,
  pathJson,
  readGlmInput,
  refuseGridBesideLambda,
  saveModel,
  warnIfNotConverged,
} from "../glmOptions.js";
import { finiteJson } from "../jsonOutput.js";
import { scanProgressBar } from "../outOfCore/scanProgress.js";
import { isTablePath, TABLE_OPTIONS, tablePath, warnAboutTable } from "../outOfCore/tablePath.js";
import { figureFiles, type OutputFolder, openOutputFolder } from "../outputFolder.js";
import { isSparseInput, readSparseInput, SPARSE_OPTIONS, sparseJson, sparseSummary } from "../sparseInput.js";
import { formatTable } from "../table.js";
import { drawsFigures, writeFigure, wroteLines } from "../writeFigure.js";

/** glmnet's print(): Df, %Dev and Lambda at every λ. */
export function pathTable(path: Pick<GlmPath, "lambda" | "df" | "devRatio">, t: Translator): string {
  const rows = path.lambda.map((lambda, k) => [
    String(k + 1),
    String(path.df[k]),
    (100 * path.devRatio[k]!).toFixed(2),
    formatNumber(lambda, 4),
  ]);
  return formatTable(
    ["", t("path.table.df"), t("path.table.devRatio"), t("path.table.lambda")],
    rows,
    [0, 1, 2, 3],
  );
}

/**
 * How exactly each λ was solved, and how that differs from glmnet (text output; the JSON has
 * `certificate` and `tolerance`): a glmnet user timing both should know that reglab's default
 * certificate is far stricter than glmnet's stopping rule (on the sparse bench's wide design
 * glmnet's fits stop at 1.5e-3, and reglab takes 4× glmnet's time for its 1e-7, 0.7× for 1e-3).
 * Said only when every λ met it; a λ that did not is warned of instead (warnIfNotConverged).
 */
function certificateNote(path: Pick<GlmPath, "converged" | "certificate" | "tolerance">, t: Translator) {
  // (at a --tolerance of glmnet's order or looser there is no such difference to point out)
  if (path.converged.some((met) => !met) || path.certificate.length === 0 || path.tolerance >= 1e-5)
    return "";
  const largest = path.certificate.reduce((a, b) => Math.max(a, b), 0);
  return `${t("path.certificateNote", { tolerance: path.tolerance.toExponential(), largest: largest.toExponential(1) })}\n`;
}

/** The text output: the summary line, `extra` lines, the notes, the file and glmnet's table. */
function pathReport(path: GlmPath, seconds: number, t: Translator, extra: string, source: string): string {
  const summary = t("path.summary", {
    family: path.family,
    alpha: formatNumber(path.alpha),
    n: path.n,
    p: path.p,
    count: path.lambda.length,
    seconds: seconds.toFixed(3),
  });
  return `${summary}\n${certificateNote(path, t)}${extra}${objectiveNote(path, t)}${displayName(source, 80)}\n\n${pathTable(path, t)}\n\n`;
}

/** The saved model: what reglab predict needs, as plain JSON. */
export function modelDocument(input: GlmInput, path: GlmPath, extra: Record<string, unknown> = {}) {
  const offset = input.offsetColumn === undefined ? {} : { offset_column: input.offsetColumn };
  return savedModel(path, input.data.targetName, input.classes ?? null, { ...offset, ...extra });
}

export const pathCommand: CommandSpec = {
  name: "path",
  description: "path.description",
  argument: { name: "file", description: "path.argument.file" },
  options: [...GLM_OPTIONS, ...TABLE_OPTIONS, ...SPARSE_OPTIONS, QUIET_OPTION, ...OUTPUT_OPTIONS],
  examples: [
    { command: "reglab path data/diabetes.csv", description: "path.example.lasso" },
    {
      command: "reglab path data/breast_cancer.csv --family binomial --alpha 0.5 --json",
      description: "path.example.binomial",
    },
  ],
  async run({ args, options, given }, context) {
    refuseGridBesideLambda(given);
    const { t, json, out } = context;
    checkSaveBesideOutput(
      options["save"] as string | undefined,
      options["out"] as string,
      figureFiles("path"),
    );
    const saveTo = checkSaveTarget(options);
    if (isSparseInput(args[0])) return sparsePath(args, options, given, context, saveTo);
    if (given.has("response")) throw new UsageError("sparse.responseNeedsMtx");
    const table = isTablePath(args[0], options);
    // a table reads one input: a second file would be left unread without a word
    if (table && args.length > 1)
      throw new UsageError("error.extraFile", { file: displayName(args[1]!, 200) });
    for (const option of ["where", "explain", "saveStats", "stream"] as const)
      if (!table && given.has(option))
        throw new UsageError("table.needsTable", { option: TABLE_FLAGS[option] });
    if (table) await warnAboutTable(args[0], context);
    const scan = table ? scanProgressBar(context, options["quiet"] === true) : null;
    const outcome = table
      ? await tablePath(args[0], options, given, scan?.onProgress).finally(() => scan?.stop())
      : null;
    if (outcome?.kind === "explain") {
      out(json ? `${JSON.stringify({ statement: outcome.statement }, null, 2)}\n` : `${outcome.statement}\n`);
      return;
    }
    const input = outcome?.kind === "path" ? outcome.input : readGlmInput(args, options, context);
    if (input.responses) return mgaussianRun(input, input.responses, options, given, context, saveTo);
    const draws = drawsFigures(json, given);
    const folder = draws
      ? openOutputFolder(options["out"] as string, options["force"] === true, figureFiles("path"))
      : null;
    const start = performance.now();
    // progress on stderr for the passes of a binomial or poisson path over a table (a terminal only)
    const bar =
      outcome?.kind === "path" &&
      input.options.family !== "gaussian" &&
      context.interactive &&
      options["quiet"] !== true
        ? new SingleBar({
            format: `${t("path.passesProgress")} [{bar}] λ {value}/{total}, {passes}`,
            stream: process.stderr,
          })
        : null;
    bar?.start(input.options.lambda?.length ?? input.options.nlambda ?? 100, 0, { passes: 0 });
    const fitted =
      outcome?.kind === "path" ? await outcome.fit((passes, k) => bar?.update(k + 1, { passes })) : null;
    bar?.stop();
    const path = fitted ? fitted.path : glmPath(input.data, input.options);
    // a path over a table: how many passes over it the fit took (binomial: one per Newton step),
    // and how many of them were light (the loss and gradient alone: streamedLogistic.ts)
    const passes = fitted
      ? {
          passes: fitted.passes,
          light_passes: fitted.lightPasses,
          // a small table's rows held in memory (tablePath.ts: IN_MEMORY_CELLS), no passes made
          rows_in_memory: fitted.inMemory === true,
        }
      : {};
    // --save-stats: the statistics' row written (beside `saved`, which is the model's file)
    const savedStats =
      outcome?.kind === "path" && outcome.savedStats ? { saved_stats: outcome.savedStats } : {};
    const seconds = (performance.now() - start) / 1000;
    warnIfNotConverged(path, context);
    // the model first: a save that is refused (say, onto the input) then leaves no figure behind
    if (saveTo) saveModel(saveTo, modelDocument(input, path), options);
    const figure = folder ? await drawPath(folder, path, t) : null;
    if (json) {
      const figures = figure
        ? { figures: { path: figure } }
        : { figures: {}, figures_note: t("figures.notDrawn") };
      out(
        `${finiteJson({ ...pathJson(path, seconds, input.classes), ...passes, ...savedStats, ...figures, saved: saveTo ?? null }, 2)}\n`,
      );
      return;
    }
    const passLine = fitted?.passes
      ? `${t("path.passes", { passes: fitted.passes, light: fitted.lightPasses })}\n`
      : fitted?.inMemory
        ? `${t("table.rowsInMemory", { rows: input.data.n })}\n`
        : "";
    out(pathReport(path, seconds, t, passLine, input.data.source));
    out(wroteLines(t, figure ? [figure] : [], saveTo ? [saveTo] : []));
  },
};

const TABLE_FLAGS = {
  where: "--where",
  explain: "--explain",
  saveStats: "--save-stats",
  stream: "--stream",
} as const;

/** A path on a sparse design (svmlight, or Matrix Market with --response): the same output. */
async function sparsePath(
  args: readonly string[],
  options: Record<string, unknown>,
  given: ReadonlySet<string>,
  context: CommandContext,
  saveTo: string | undefined,
) {
  const { t, json, out } = context;
  const [file, extra] = args;
  if (extra !== undefined) throw new UsageError("error.extraFile", { file: displayName(extra, 200) });
  const input = readSparseInput(file!, options, given);
  const folder = drawsFigures(json, given)
    ? openOutputFolder(options["out"] as string, options["force"] === true, figureFiles("path"))
    : null;
  const start = performance.now();
  // a small design is fitted densely (glm/sparseByShape.ts): faster, and said in --json's sparse.solver
  const path = fitsDense(input.data.x)
    ? (glmPath(denseDatasetOf(input.data), input.options) as ElasticNetPath)
    : sparseElasticNetPath(input.data, input.options);
  const seconds = (performance.now() - start) / 1000;
  warnIfNotConverged(path, context);
  // the model predicts on sparse files (columns by index) and on CSVs whose columns are x1, x2, …
  // (saved first: a refused save leaves no figure behind)
  if (saveTo) saveModel(saveTo, savedModel(path, input.data.targetName, input.classes ?? null), options);
  const figure = folder ? await drawPath(folder, path, t) : null;
  const sparse = sparseJson(file!, input);
  if (json) {
    const figures = figure
      ? { figures: { path: figure } }
      : { figures: {}, figures_note: t("figures.notDrawn") };
    // a wide design's coefficients are p numbers per λ (10⁷ at 100000 × 100): printed one per
    // line they would be most of the run's time, so a document that large is printed compactly
    const compact = path.p * path.lambda.length > 1e6;
    out(
      `${finiteJson({ ...pathJson(path, seconds, input.classes), ...sparse, ...figures, saved: saveTo ?? null }, compact ? undefined : 2)}\n`,
    );
    return;
  }
  out(pathReport(path, seconds, t, sparseSummary(input, t), file!));
  out(wroteLines(t, figure ? [figure] : [], saveTo ? [saveTo] : []));
}

/** Several responses fitted together (--family mgaussian): the same outputs, one block per response. */
async function mgaussianRun(
  input: GlmInput,
  responses: NonNullable<GlmInput["responses"]>,
  options: Record<string, unknown>,
  given: ReadonlySet<string>,
  context: CommandContext,
  saveTo: string | undefined,
) {
  const { t, json, out } = context;
  const folder = drawsFigures(json, given)
    ? openOutputFolder(options["out"] as string, options["force"] === true, figureFiles("path"))
    : null;
  const { family: _family, ...settings } = input.options;
  const start = performance.now();
  const path = mgaussianPath(input.data, responses.values, responses.names, settings);
  const seconds = (performance.now() - start) / 1000;
  warnIfNotConverged(path, context);
  if (saveTo) saveModel(saveTo, mgaussianModelDocument(path), options);
  const figure = folder ? await drawPath(folder, path, t) : null;
  if (json) {
    const figures = figure
      ? { figures: { path: figure } }
      : { figures: {}, figures_note: t("figures.notDrawn") };
    out(`${finiteJson({ ...mgaussianJson(path, seconds), ...figures, saved: saveTo ?? null }, 2)}\n`);
    return;
  }
  const summary = t("path.summary", {
    family: path.family,
    alpha: formatNumber(path.alpha),
    n: path.n,
    p: path.p,
    count: path.lambda.length,
    seconds: seconds.toFixed(3),
  });
  const names = responses.names.map((name) => displayName(name, 40)).join(", ");
  const first = path.firstLambdaFitted ? `${t("path.firstLambdaNote")}\n` : "";
  out(
    `${summary}\n${certificateNote(path, t)}${t("path.responses", { names })}\n${first}${displayName(input.data.source, 80)}\n\n${pathTable(path, t)}\n\n`,
  );
  out(wroteLines(t, figure ? [figure] : [], saveTo ? [saveTo] : []));
}

/** The path figure, with the plotting code loaded only now (a `--json` run never loads it). */
async function drawPath(folder: OutputFolder, path: DrawnPath, t: Translator) {
  const [{ pathFigure }, { nodeDocument }] = await Promise.all([
    import("../../plot/glmFigures.js"),
    import("../render.js"),
  ]);
  return writeFigure(folder, "path", pathFigure(path, t, nodeDocument()));
}
