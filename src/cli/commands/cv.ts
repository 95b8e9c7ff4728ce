/** `reglab cv FILE`: K-fold cross-validation of the path; λ.min, λ.1se and the CV curve. */

import { SingleBar } from "cli-progress";
import { DataError, displayName } from "../../data/dataError.js";
import {
  CV_MEASURES,
  type CvMeasure,
  type CvResult,
  crossValidate,
  largestFold,
} from "../../glm/crossValidation.js";
import { crossValidateMgaussian, type MgaussianMeasure } from "../../glm/mgaussianCv.js";
import { mgaussianModelDocument, modelDocument as sparseModelDocument } from "../../glm/modelDocument.js";
import { denseDatasetOf, fitsDense } from "../../glm/sparseByShape.js";
import { crossValidateSparse } from "../../glm/sparseCv.js";
import { formatNumber } from "../../i18n/format.js";
import type { DrawnCv } from "../../plot/glmFigures.js";
import {
  type CommandContext,
  type CommandSpec,
  OUTPUT_OPTIONS,
  QUIET_OPTION,
  refuseTogether,
  SEED_OPTION,
} from "../command.js";
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
  readNumberColumn,
  refuseGridBesideLambda,
  saveModel,
  warnIfNotConverged,
} from "../glmOptions.js";
import { finiteJson } from "../jsonOutput.js";
import { runTableCv } from "../outOfCore/tableCv.js";
import { isTableInput, STREAM_OPTION, WHERE_OPTION } from "../outOfCore/tablePath.js";
import { figureFiles, type OutputFolder, openOutputFolder } from "../outputFolder.js";
import { isSparseInput, readSparseInput, SPARSE_OPTIONS, sparseJson, sparseSummary } from "../sparseInput.js";
import { drawsFigures, writeFigure, wroteLines } from "../writeFigure.js";
import { modelDocument } from "./path.js";

export const cvCommand: CommandSpec = {
  name: "cv",
  description: "cv.description",
  argument: { name: "file", description: "path.argument.file" },
  options: [
    ...GLM_OPTIONS,
    { name: "folds", kind: "integer", default: 10, min: 3, max: 1000, description: "cv.option.folds" },
    {
      name: "fold-rule",
      kind: "choice",
      choices: ["random", "mod"],
      default: "random",
      description: "cv.option.foldRule",
    },
    { name: "foldid", kind: "path", valueName: "file", description: "cv.option.foldid" },
    {
      name: "fold-lambda",
      kind: "choice",
      choices: ["own", "full"],
      default: "own",
      description: "cv.option.foldLambda",
    },
    {
      name: "measure",
      kind: "choice",
      choices: CV_MEASURES,
      default: "deviance",
      description: "cv.option.measure",
    },
    { name: "gamma", kind: "path", valueName: "list", description: "cv.option.gamma" },
    ...SPARSE_OPTIONS,
    SEED_OPTION,
    QUIET_OPTION,
    WHERE_OPTION,
    STREAM_OPTION,
    ...OUTPUT_OPTIONS,
  ],
  examples: [
    { command: "reglab cv data/diabetes.csv --fold-rule mod", description: "cv.example.mod" },
    {
      command: "reglab cv data/breast_cancer.csv --family binomial --measure auc",
      description: "cv.example.auc",
    },
  ],
  async run({ args, options, given }, context) {
    refuseGridBesideLambda(given);
    refuseTogether(given, "foldRule", "foldid");
    refuseTogether(given, "seed", "foldid");
    if (options["foldRule"] === "mod") refuseTogether(given, "seed", "foldRule");
    const { t, json, out } = context;
    checkSaveBesideOutput(options["save"] as string | undefined, options["out"] as string, figureFiles("cv"));
    const saveTo = checkSaveTarget(options);
    // a Parquet table: the folds' statistics by SQL, the rows never held (outOfCore/tableCv.ts)
    if (args.length > 1) throw new UsageError("error.extraFile", { file: displayName(args[1]!, 200) });
    if (args[0] !== undefined && isTableInput(args[0], options))
      return runTableCv(args[0], options, given, context, saveTo);
    if (given.has("stream"))
      throw new UsageError("table.streamNeedsCsv", { file: displayName(args[0] ?? "", 200) });
    if (given.has("where")) throw new UsageError("table.needsTable", { option: "--where" });
    if (args.length > 1) throw new UsageError("error.extraFile", { file: displayName(args[1]!, 200) });
    const sparseFile = isSparseInput(args[0]) ? args[0]! : undefined;
    if (sparseFile === undefined && given.has("response")) throw new UsageError("sparse.responseNeedsMtx");
    const sparse = sparseFile !== undefined ? readSparseInput(sparseFile, options, given) : null;
    const input = sparse ? null : readGlmInput(args, options, context);
    const n = sparse ? sparse.data.x.n : input!.data.n;
    const gamma = relaxGammaList(options["gamma"] as string | undefined, options["relax"] === true);
    const folds = options["folds"] as number;
    const foldFile = options["foldid"] as string | undefined;
    if (foldFile !== undefined && given.has("folds")) throw new UsageError("cv.foldsAndFoldid");
    const foldId = foldFile === undefined ? undefined : readFoldFile(foldFile, n);
    const folder = drawsFigures(json, given)
      ? openOutputFolder(options["out"] as string, options["force"] === true, figureFiles("cv"))
      : null;
    if (input?.responses)
      return mgaussianCv(input, input.responses, options, foldId, folder, context, saveTo);
    const bar =
      context.interactive && options["quiet"] !== true
        ? new SingleBar({ format: `${t("cv.progress")} [{bar}] {value}/{total}`, stream: process.stderr })
        : null;
    bar?.start(foldId ? largestFold(foldId) : folds, 0);
    const start = performance.now();
    const settings = {
      folds,
      foldRule: options["foldRule"] as "random" | "mod",
      foldId,
      foldLambda: options["foldLambda"] as "own" | "full",
      measure: options["measure"] as CvMeasure,
      seed: options["seed"] as number,
      onFold: (fold: number) => bar?.update(fold),
    };
    // a sparse design's folds are taken from its compressed columns and fitted without densifying
    const cv = sparse
      ? fitsDense(sparse.data.x)
        ? crossValidate(denseDatasetOf(sparse.data), { ...sparse.options, ...settings })
        : crossValidateSparse(sparse.data, { ...sparse.options, ...settings })
      : crossValidate(input!.data, { ...input!.options, ...settings, ...(gamma ? { gamma } : {}) });
    bar?.stop();
    const seconds = (performance.now() - start) / 1000;
    warnIfNotConverged(cv.path, context);
    const classes = sparse ? sparse.classes : input!.classes;
    // the model first: a save that is refused (say, onto the input) then leaves no figure behind
    if (saveTo) {
      const extra = {
        lambda_min: cv.lambdaMin,
        lambda_1se: cv.lambdaOneSe,
        ...(cv.relaxed
          ? {
              relaxed_lambda_min: cv.relaxed.lambdaMin,
              gamma_min: cv.relaxed.gammaMin,
              relaxed_lambda_1se: cv.relaxed.lambdaOneSe,
              gamma_1se: cv.relaxed.gammaOneSe,
            }
          : {}),
      };
      const document = sparse
        ? sparseModelDocument(cv.path, sparse.data.targetName, sparse.classes ?? null, extra)
        : modelDocument(input!, cv.path, extra);
      saveModel(saveTo, document, options);
    }
    const figure = folder ? await drawCv(folder, cv, t) : null;
    if (json) {
      out(
        `${finiteJson(
          {
            ...pathJson(cv.path, seconds, classes),
            ...(sparse ? sparseJson(sparseFile!, sparse) : {}),
            measure: cv.measure,
            seed: options["seed"],
            fold_id: [...cv.foldId],
            lambda_min: cv.lambdaMin,
            lambda_1se: cv.lambdaOneSe,
            cvm: cv.cvm,
            cvsd: cv.cvsd,
            ...(cv.relaxed
              ? {
                  relaxed_cv: {
                    gamma: cv.relaxed.gamma,
                    cvm: cv.relaxed.cvm,
                    cvsd: cv.relaxed.cvsd,
                    lambda_min: cv.relaxed.lambdaMin,
                    gamma_min: cv.relaxed.gammaMin,
                    lambda_1se: cv.relaxed.lambdaOneSe,
                    gamma_1se: cv.relaxed.gammaOneSe,
                  },
                }
              : {}),
            ...(figure ? { figures: { cv: figure } } : { figures: {}, figures_note: t("figures.notDrawn") }),
            saved: saveTo ?? null,
          },
          2,
        )}\n`,
      );
      return;
    }
    const measure = t(`measure.${cv.measure}`);
    const held = sparse ? sparseSummary(sparse, t) : "";
    out(
      `${t("cv.result", {
        min: formatNumber(cv.lambdaMin),
        oneSe: formatNumber(cv.lambdaOneSe),
        measure,
        minError: formatNumber(cv.cvm[cv.indexMin]!),
        minSd: formatNumber(cv.cvsd[cv.indexMin]!),
        oneSeError: formatNumber(cv.cvm[cv.indexOneSe]!),
        oneSeSd: formatNumber(cv.cvsd[cv.indexOneSe]!),
      })}\n${held}${relaxedLine(cv, t)}${objectiveNote(cv.path, t)}\n`,
    );
    out(wroteLines(t, figure ? [figure] : [], saveTo ? [saveTo] : []));
  },
};

/** --foldid FILE: each row's fold, 1 … 1000, one per line and one line per row of the data. */
function readFoldFile(foldFile: string, n: number): Int32Array {
  if (foldFile === "") throw new UsageError("file.emptyName", { option: "--foldid" });
  const name = displayName(foldFile, 200);
  const values = readNumberColumn(
    foldFile,
    (v) => Number.isInteger(v) && v >= 1 && v <= 1000,
    (row, value) => new DataError("cv.badFoldFile", { file: name, row, value, folds: 1000 }),
  );
  if (values.length !== n)
    throw new DataError("cv.foldCount", { file: name, found: values.length, expected: n });
  return Int32Array.from(values);
}

/** Several responses cross-validated together (--family mgaussian), as cv.glmnet does. */
async function mgaussianCv(
  input: GlmInput,
  responses: NonNullable<GlmInput["responses"]>,
  options: Record<string, unknown>,
  foldId: Int32Array | undefined,
  folder: OutputFolder | null,
  context: CommandContext,
  saveTo: string | undefined,
) {
  const { t, json, out } = context;
  const { family: _family, ...settings } = input.options;
  const start = performance.now();
  const cv = crossValidateMgaussian(input.data, responses.values, responses.names, {
    ...settings,
    folds: options["folds"] as number,
    foldRule: options["foldRule"] as "random" | "mod",
    foldId,
    foldLambda: options["foldLambda"] as "own" | "full",
    measure: options["measure"] as MgaussianMeasure,
    seed: options["seed"] as number,
  });
  const seconds = (performance.now() - start) / 1000;
  warnIfNotConverged(cv.path, context);
  if (saveTo)
    saveModel(
      saveTo,
      mgaussianModelDocument(cv.path, { lambda_min: cv.lambdaMin, lambda_1se: cv.lambdaOneSe }),
      options,
    );
  const figure = folder ? await drawCv(folder, cv, t) : null;
  if (json) {
    out(
      `${finiteJson(
        {
          ...mgaussianJson(cv.path, seconds),
          measure: cv.measure,
          seed: options["seed"],
          fold_id: [...cv.foldId],
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
  const names = responses.names.map((name) => displayName(name, 40)).join(", ");
  out(
    `${t("cv.result", {
      min: formatNumber(cv.lambdaMin),
      oneSe: formatNumber(cv.lambdaOneSe),
      measure: t(`measure.${cv.measure}`),
      minError: formatNumber(cv.cvm[cv.indexMin]!),
      minSd: formatNumber(cv.cvsd[cv.indexMin]!),
      oneSeError: formatNumber(cv.cvm[cv.indexOneSe]!),
      oneSeSd: formatNumber(cv.cvsd[cv.indexOneSe]!),
    })}\n${t("path.responses", { names })}\n\n`,
  );
  out(wroteLines(t, figure ? [figure] : [], saveTo ? [saveTo] : []));
}

/** The CV figure, with the plotting code loaded only now (a `--json` run never loads it). */
async function drawCv(folder: OutputFolder, cv: DrawnCv, t: CommandContext["t"]) {
  const [{ cvFigure }, { nodeDocument }] = await Promise.all([
    import("../../plot/glmFigures.js"),
    import("../render.js"),
  ]);
  return writeFigure(folder, "cv", cvFigure(cv, t, nodeDocument()));
}

/** --gamma: the γ values of a relaxed CV (each in [0, 1]); only with --relax. */
function relaxGammaList(spec: string | undefined, relax: boolean): number[] | undefined {
  if (spec === undefined) return undefined;
  if (!relax) throw new UsageError("cv.gammaWithoutRelax");
  return spec.split(",").map((item) => {
    const value = item.trim() === "" ? Number.NaN : Number(item);
    if (!(value >= 0 && value <= 1))
      throw new UsageError("cv.badGamma", { value: displayName(item.trim(), 40) });
    return value;
  });
}

/** The relaxed lasso's choice of (λ, γ), as cv.glmnet reports it (text output). */
function relaxedLine(cv: CvResult, t: CommandContext["t"]): string {
  if (!cv.relaxed) return "";
  const r = cv.relaxed;
  return `${t("cv.relaxedResult", {
    min: formatNumber(r.lambdaMin),
    gammaMin: formatNumber(r.gammaMin),
    oneSe: formatNumber(r.lambdaOneSe),
    gammaOneSe: formatNumber(r.gammaOneSe),
  })}\n`;
}
