/**
 * What `path` and `cv` share: their options, reading the data (and a λ file), the binomial target
 * check, and the --json document of a path (keys only ever added: scripts read them).
 */

import { join, resolve } from "node:path";
import { DataError, displayName } from "../data/dataError.js";
import type { Dataset } from "../data/parseCsv.js";
import { binaryTarget } from "../glm/binaryTarget.js";
import { classNames } from "../glm/classLabels.js";
import { familyOf } from "../glm/families/index.js";
import type { GlmFamily, GlmPath, GlmPathOptions } from "../glm/glmPath.js";
import type { MgaussianPath } from "../glm/mgaussianPath.js";
import { classIndices } from "../glm/multinomialPath.js";
import {
  coefficientLimits,
  excludedFeatures,
  penaltyFactors,
  takeColumn,
  takeOffset,
  takeWeights,
} from "./columnOptions.js";
import { type CommandContext, NA_OPTION, refuseTogether, TARGET_OPTION } from "./command.js";
import { UsageError } from "./errors.js";
import { finiteJson } from "./jsonOutput.js";
import { readTextFile, warnAboutData } from "./loadData.js";
import type { OptionSpec } from "./optionTable.js";
import type { OutputFolder } from "./outputFolder.js";
import { readCsvDataset } from "./readCsv.js";
import { checkWritable, writeFileSafely } from "./safeWrite.js";

export const GLM_OPTIONS: readonly OptionSpec[] = [
  {
    name: "family",
    kind: "choice",
    choices: ["gaussian", "binomial", "poisson", "cox", "multinomial", "mgaussian"],
    default: "gaussian",
    description: "path.option.family",
  },
  { name: "alpha", kind: "number", default: 1, min: 0, max: 1, description: "path.option.alpha" },
  {
    name: "nlambda",
    kind: "integer",
    default: 100,
    min: 2,
    max: 100_000,
    description: "path.option.nlambda",
  },
  {
    name: "lambda-min-ratio",
    kind: "number",
    min: 0,
    exclusiveMin: true,
    max: 1,
    description: "path.option.lambdaMinRatio",
  },
  { name: "lambda", kind: "path", valueName: "file", description: "path.option.lambda" },
  {
    name: "objective",
    kind: "choice",
    choices: ["glmnet", "as-written"],
    default: "glmnet",
    description: "path.option.objective",
  },
  { name: "weights", kind: "path", valueName: "column", description: "path.option.weights" },
  { name: "offset", kind: "path", valueName: "column", description: "path.option.offset" },
  { name: "columns", kind: "path", valueName: "names", description: "path.option.columns" },
  { name: "exclude", kind: "path", valueName: "columns", description: "path.option.exclude" },
  { name: "penalty-factor", kind: "path", valueName: "list|file", description: "path.option.penaltyFactor" },
  { name: "lower-limits", kind: "path", valueName: "list|file", description: "path.option.lowerLimits" },
  { name: "upper-limits", kind: "path", valueName: "list|file", description: "path.option.upperLimits" },
  { name: "relax", kind: "flag", description: "path.option.relax" },
  {
    name: "tolerance",
    kind: "number",
    min: 0,
    exclusiveMin: true,
    max: 0.1,
    description: "path.option.tolerance",
  },
  { name: "no-standardize", kind: "flag", description: "path.option.noStandardize" },
  { name: "no-intercept", kind: "flag", description: "path.option.noIntercept" },
  TARGET_OPTION,
  NA_OPTION,
  { name: "save", kind: "path", valueName: "file", description: "path.option.save" },
];

/** --lambda gives the grid: --nlambda and --lambda-min-ratio beside it would be ignored. */
export function refuseGridBesideLambda(given: ReadonlySet<string>): void {
  refuseTogether(given, "nlambda", "lambda");
  refuseTogether(given, "lambdaMinRatio", "lambda");
}

/** Numbers from a file with one per line (λ values or fold ids), checked by `valid`. */
export function readNumberColumn(
  file: string,
  valid: (value: number) => boolean,
  error: (row: number, value: string) => DataError,
): number[] {
  const lines = readTextFile(file)
    .replace(/^\uFEFF/, "")
    .split(/\r?\n/);
  const values: number[] = [];
  lines.forEach((line, index) => {
    const text = line.trim();
    if (text === "") return;
    const value = Number(text);
    if (!Number.isFinite(value) || !valid(value)) throw error(index + 1, displayName(text, 40));
    values.push(value);
  });
  return values;
}

export interface GlmInput {
  data: Dataset;
  options: GlmPathOptions;
  /** For binomial: the two target values, class 0 first; multinomial: every class, in order. */
  classes?: number[];
  /** The column the offsets came from (kept in a saved model: predict reads the same column). */
  offsetColumn?: string;
  /** mgaussian: the responses named by --target, in its order (the first is data.y too). */
  responses?: { names: string[]; values: Float64Array[] };
}

/** mgaussian's --target A,B,…: at least two distinct column names. */
function responseColumns(spec: string | undefined): string[] {
  const names = (spec ?? "").split(",").map((name) => name.trim());
  if (names.length < 2 || names.some((name) => name === "")) throw new UsageError("glm.mgaussianTargets");
  const repeated = names.find((name, k) => names.indexOf(name) !== k);
  if (repeated !== undefined) throw new UsageError("glm.mgaussianRepeated", { name: displayName(repeated) });
  return names;
}

/** The options mgaussian does not take yet, refused by name before the data are read. */
function refuseForMgaussian(options: Record<string, unknown>): void {
  const unsupported: [string, string][] = [
    ["offset", "--offset"],
    ["lowerLimits", "--lower-limits"],
    ["upperLimits", "--upper-limits"],
  ];
  for (const [key, flag] of unsupported)
    if (options[key] !== undefined) throw new UsageError("glm.mgaussianOption", { option: flag });
  if (options["relax"] === true) throw new UsageError("glm.mgaussianOption", { option: "--relax" });
}

/** --lambda FILE: the λ values, one per line (positive, normal doubles), or undefined. */
export function lambdaList(options: Record<string, unknown>): number[] | undefined {
  const lambdaFile = options["lambda"] as string | undefined;
  const lambda = lambdaFile
    ? readNumberColumn(
        lambdaFile,
        // a λ below the smallest normal double (2.2e-308) leaves the certificates nothing to divide by
        (v) => v >= 2.2250738585072014e-308,
        (row, value) =>
          new DataError("path.badLambdaFile", { file: displayName(lambdaFile, 200), row, value }),
      )
    : undefined;
  if (lambdaFile === "") throw new UsageError("file.emptyName", { option: "--lambda" });
  if (lambda?.length === 0)
    throw new DataError("path.emptyLambdaFile", { file: displayName(lambdaFile!, 200) });
  return lambda;
}

/** The settings every path takes from the command line, whatever its input (CSV, table, sparse). */
export function pathSettings(options: Record<string, unknown>) {
  // the other families have one objective, glmnet's and scikit-learn's alike: asking for the
  // "as written" one there would change nothing, so it is refused rather than silently ignored
  const family = (options["family"] as string | undefined) ?? "gaussian";
  if (options["objective"] === "as-written" && family !== "gaussian")
    throw new UsageError("glm.objectiveForFamily", { family });
  return {
    alpha: options["alpha"] as number,
    nlambda: options["nlambda"] as number,
    lambdaMinRatio: options["lambdaMinRatio"] as number | undefined,
    tolerance: options["tolerance"] as number | undefined,
    standardize: options["noStandardize"] !== true,
    intercept: options["noIntercept"] !== true,
    objective: options["objective"] as "glmnet" | "as-written",
  };
}

export function readGlmInput(
  files: readonly string[],
  options: Record<string, unknown>,
  context: CommandContext,
): GlmInput {
  const [file, extra] = files;
  if (file === undefined) throw new UsageError("glm.needsData");
  if (options["target"] === "") throw new UsageError("error.emptyValue", { option: "--target" });
  if (extra !== undefined) throw new UsageError("error.extraFile", { file: displayName(extra, 200) });
  const cox = options["family"] === "cox";
  const survival = cox ? survivalColumns(options["target"] as string | undefined) : undefined;
  const multiple = options["family"] === "mgaussian";
  if (multiple) refuseForMgaussian(options);
  const responseNames = multiple ? responseColumns(options["target"] as string | undefined) : undefined;
  const chosen = chosenColumns(options, [
    [
      "--target",
      survival
        ? survival.status
        : responseNames
          ? responseNames[0]
          : (options["target"] as string | undefined),
    ],
    ["--weights", options["weights"] as string | undefined],
    ["--offset", options["offset"] as string | undefined],
  ]);
  let data = readSurvivalAware(file, survival, {
    // --columns: the features are those columns, and the reader reads nothing else (whatever the
    // other columns hold), besides the columns other options take
    columns: chosen && [
      ...chosen,
      ...[
        survival?.time,
        ...(responseNames ?? []).slice(1),
        options["weights"] as string | undefined,
        options["offset"] as string | undefined,
      ].filter((name): name is string => name !== undefined),
    ],
    target: survival
      ? survival.status
      : responseNames
        ? responseNames[0]
        : (options["target"] as string | undefined),
    na: options["na"] as "error" | "drop",
    // a classifier's target may be text ("M"/"R"): coded, the labels kept (glm/classLabels.ts)
    targetLabels: options["family"] === "binomial" || options["family"] === "multinomial",
  });
  if (chosen?.includes(data.targetName))
    throw new DataError("glm.columnsHasTarget", {
      file: displayName(file, 200),
      column: displayName(data.targetName, 80),
    });
  warnAboutData(data, file, context);
  let time: Float64Array | undefined;
  if (survival) ({ data, time } = takeSurvival(data, survival.time));
  let responses: GlmInput["responses"];
  if (responseNames) {
    const values = [data.y];
    for (const name of responseNames.slice(1)) {
      const taken = takeColumn(data, name, "glm.noResponseColumn", () => null);
      data = taken.data;
      values.push(taken.values);
    }
    responses = { names: responseNames, values };
  }
  const weightsColumn = options["weights"] as string | undefined;
  let weights: Float64Array | undefined;
  if (weightsColumn !== undefined) ({ data, weights } = takeWeights(data, weightsColumn));
  const offsetColumn = options["offset"] as string | undefined;
  let offset: Float64Array | undefined;
  if (offsetColumn !== undefined) {
    if (options["family"] === "multinomial") throw new UsageError("glm.offsetFamily");
    ({ data, offset } = takeOffset(data, offsetColumn));
  }
  const excludeList = options["exclude"] as string | undefined;
  const exclude = excludeList === undefined ? undefined : excludedFeatures(data, excludeList);
  const factorSpec = options["penaltyFactor"] as string | undefined;
  const penaltyFactor = factorSpec === undefined ? undefined : penaltyFactors(factorSpec, data.p);
  const family = options["family"] as GlmFamily;
  const lowerSpec = options["lowerLimits"] as string | undefined;
  const upperSpec = options["upperLimits"] as string | undefined;
  if ((lowerSpec !== undefined || upperSpec !== undefined) && family === "multinomial")
    throw new UsageError("glm.limitsFamily");
  if (options["relax"] === true && family === "multinomial") throw new UsageError("glm.relaxFamily");
  const lowerLimits = lowerSpec === undefined ? undefined : coefficientLimits(lowerSpec, data.p, "lower");
  const upperLimits = upperSpec === undefined ? undefined : coefficientLimits(upperSpec, data.p, "upper");
  let classes: number[] | undefined;
  if (family === "binomial") ({ data, classes } = binaryTarget(data));
  if (family === "multinomial") classes = classIndices(data).classes; // refuses a numeric target here
  if (family === "poisson") checkCounts(data, weights);
  const lambda = lambdaList(options);
  return {
    data,
    classes,
    options: {
      family,
      ...pathSettings(options),
      lambda,
      weights,
      offset,
      exclude,
      penaltyFactor,
      lowerLimits,
      upperLimits,
      time,
      relax: options["relax"] === true,
    },
    offsetColumn,
    responses,
  };
}

/**
 * The feature columns --columns names (a comma-separated list of names, in the order given), or
 * undefined without it; a name that another option takes (the target, the weights) is refused.
 */
export function chosenColumns(
  options: Record<string, unknown>,
  taken: readonly (readonly [string, string | undefined])[],
): string[] | undefined {
  const list = options["columns"] as string | undefined;
  if (list === undefined) return undefined;
  const names = list.split(",").map((name) => name.trim());
  if (names.some((name) => name === "")) throw new UsageError("error.emptyValue", { option: "--columns" });
  for (const [option, column] of taken)
    if (column !== undefined && names.includes(column))
      throw new UsageError("glm.columnsTaken", { column: displayName(column, 80), option });
  const repeated = names.find((name, i) => names.indexOf(name) !== i);
  if (repeated !== undefined)
    throw new UsageError("glm.columnsRepeated", { column: displayName(repeated, 80) });
  return names;
}

/**
 * The cox family's two target columns, --target TIME,STATUS (default: the columns named time and
 * status): survival times, and 1 for an event or 0 for a censored time.
 */
function survivalColumns(target: string | undefined): { time: string; status: string } {
  if (target === undefined) return { time: "time", status: "status" };
  const names = target.split(",").map((name) => name.trim());
  if (names.length !== 2 || names.some((name) => name === ""))
    throw new UsageError("glm.coxTarget", { value: displayName(target, 60) });
  return { time: names[0]!, status: names[1]! };
}

/** Reads the file; a missing time or status column is said as the cox family's need. */
function readSurvivalAware(
  file: string,
  survival: { time: string; status: string } | undefined,
  options: Parameters<typeof readCsvDataset>[1],
): Dataset {
  try {
    const data = readCsvDataset(file, options);
    if (survival && !data.featureNames.includes(survival.time))
      throw new DataError("glm.coxColumns", {
        file: displayName(file, 200),
        name: displayName(survival.time),
      });
    return data;
  } catch (error) {
    if (survival && error instanceof DataError && error.key === "data.noTarget")
      throw new DataError("glm.coxColumns", {
        file: displayName(file, 200),
        name: displayName(survival.status),
      });
    throw error;
  }
}

/** The time column off the features, checked (> 0, finite), and the status (0 or 1, some 1). */
function takeSurvival(data: Dataset, timeColumn: string): { data: Dataset; time: Float64Array } {
  const { data: rest, values: time } = takeColumn(data, timeColumn, "glm.coxColumns", (t) =>
    t > 0 ? null : "glm.badTime",
  );
  const file = displayName(data.source, 200);
  const bad = data.y.findIndex((s) => s !== 0 && s !== 1);
  if (bad >= 0)
    throw new DataError("glm.badStatus", {
      file,
      row: data.lines?.[bad] ?? bad + 2,
      name: displayName(data.targetName),
      value: data.y[bad]!,
    });
  if (!data.y.some((s) => s === 1))
    throw new DataError("glm.noEvents", { file, name: displayName(data.targetName) });
  return { data: rest, time };
}

/** A poisson target: counts (any number ≥ 0), not all 0 where the weights are positive. */
function checkCounts(data: Dataset, weights: Float64Array | undefined): void {
  const file = displayName(data.source, 200);
  const target = displayName(data.targetName);
  const bad = familyOf("poisson").invalidTarget(data.y);
  if (bad)
    throw new DataError("glm.negativeCount", {
      file,
      row: data.lines?.[bad.row] ?? bad.row + 2,
      target,
      value: data.y[bad.row]!,
    });
  if (!data.y.some((count, i) => count > 0 && (weights ? weights[i]! > 0 : true)))
    throw new DataError("glm.allZeroCounts", { file, target });
}

/**
 * The --json document of a path. Multinomial: `intercepts` and `coefs` hold one block per class
 * (intercepts[c][k], coefs[c][k][j]), in the order of `classes`.
 */
export function pathJson(path: GlmPath, seconds: number, classes?: readonly number[]) {
  if (path.devianceOutOfRange)
    throw new DataError("glm.devianceOutOfRange", { size: path.devianceOutOfRange });
  return {
    family: path.family,
    alpha: path.alpha,
    n: path.n,
    p: path.p,
    feature_names: path.featureNames,
    lambdas: path.lambda,
    intercepts: path.a0,
    coefs: path.beta,
    dev_ratio: path.devRatio,
    df: path.df,
    objective: path.objective,
    fit_seconds: seconds,
    // as glmnet's nulldev: summed over the rows with the weights as given (n times the mean)
    null_deviance: path.nullDeviance * (path.weightTotal ?? path.n),
    null_deviance_per_observation: path.nullDeviance,
    certificate: path.certificate,
    tolerance: path.tolerance,
    converged: path.converged,
    standardize: path.standardize,
    intercept: path.intercept,
    objective_form: path.objectiveForm ?? "glmnet",
    penalty_factor: path.penaltyFactor,
    // where reglab differs from glmnet on purpose, said in the document itself
    differs_from_glmnet: differencesFromGlmnet(path),
    // the relaxed lasso's refits (--relax): each λ's model refitted without penalty
    ...(path.family !== "multinomial" && path.relaxed
      ? {
          relaxed: {
            lambdas: path.relaxed.lambda,
            intercepts: path.relaxed.a0,
            coefs: path.relaxed.beta,
            dev_ratio: path.relaxed.devRatio,
          },
        }
      : {}),
    // binomial: the labels of class 0 and class 1 (the coefficients favour the second)
    ...(path.family === "multinomial"
      ? { classes: classNames(path.classes, path.classLabels), df_per_class: path.dfPerClass }
      : classes
        ? { classes: classNames(classes, path.classLabels) }
        : {}),
  };
}

/**
 * The --json document of an mgaussian path: the keys of a multinomial one, with `responses` in the
 * place of `classes` (intercepts[k][l], coefs[k][l][j] for response k).
 */
export function mgaussianJson(path: MgaussianPath, seconds: number) {
  return {
    family: path.family,
    alpha: path.alpha,
    n: path.n,
    p: path.p,
    feature_names: path.featureNames,
    lambdas: path.lambda,
    intercepts: path.a0,
    coefs: path.beta,
    dev_ratio: path.devRatio,
    df: path.df,
    objective: path.objective,
    fit_seconds: seconds,
    null_deviance: path.nullDeviance * path.weightTotal,
    null_deviance_per_observation: path.nullDeviance,
    certificate: path.certificate,
    tolerance: path.tolerance,
    converged: path.converged,
    standardize: path.standardize,
    intercept: path.intercept,
    // glmnet's mgaussian objective is the one as written (it does not divide by the responses' spread)
    objective_form: "glmnet",
    penalty_factor: path.penaltyFactor,
    differs_from_glmnet: differencesFromGlmnet(path),
    responses: path.responses,
  };
}

/**
 * Checks --save before any work (an existing file is replaced only with --force, an input never,
 * the folder must exist); the model is written at the end by saveModel, atomically.
 */
export function checkSaveTarget(options: Record<string, unknown>): string | undefined {
  const target = options["save"] as string | undefined;
  if (target === undefined) return undefined;
  if (target.trim() === "") throw new UsageError("file.emptyName", { option: "--save" });
  checkWritable(target, options["force"] === true, options["out"] as string | undefined);
  return target;
}

/**
 * --save must not name the --out folder itself or one of the figures the run writes there: said
 * before the fit, not after the figure was written.
 */
export function checkSaveBesideOutput(
  saveTo: string | undefined,
  out: string,
  figures: readonly string[],
): void {
  if (saveTo === undefined) return;
  const target = resolve(saveTo);
  if (target === resolve(out)) throw new UsageError("file.targetIsFolder", { path: saveTo });
  if (figures.some((name) => resolve(join(out, name)) === target))
    throw new UsageError("file.writtenTwice", { path: saveTo });
}

/** Writes the model document to the --save target checked before the fit. */
export function saveModel(target: string, document: unknown, options: Record<string, unknown>): void {
  writeFileSafely(target, `${finiteJson(document)}\n`, options["force"] === true);
}

/** Where a path differs from glmnet's on purpose, as the JSON names it (`differs_from_glmnet`). */
function differencesFromGlmnet(path: { family: string; limited?: boolean; firstLambdaFitted?: boolean }) {
  const differences: string[] = [];
  if (path.family !== "multinomial" && path.limited) differences.push("early_stop_under_limits");
  if (path.firstLambdaFitted) differences.push("first_lambda_fitted");
  return differences;
}

/**
 * Lines that say what the table alone would not (text output only): that the path minimized
 * another objective than glmnet's, and how text class labels were coded.
 */
export function objectiveNote(path: GlmPath, t: CommandContext["t"]): string {
  const labels = path.classLabels
    ? `${t("path.classLabels", { labels: path.classLabels.map((label, c) => `${c} = ${label}`).join(", ") })}\n`
    : "";
  const limits = path.family !== "multinomial" && path.limited ? `${t("path.limitsNote")}\n` : "";
  const first = "firstLambdaFitted" in path && path.firstLambdaFitted ? `${t("path.firstLambdaNote")}\n` : "";
  return (
    (path.objectiveForm === "as-written" ? `${t("path.asWrittenNote")}\n` : "") + labels + limits + first
  );
}

export function warnIfNotConverged(
  path: Pick<GlmPath, "converged" | "certificate">,
  context: CommandContext,
): void {
  const failed = path.converged.filter((c) => !c).length;
  if (failed > 0) {
    context.info(
      `${context.t("path.notConverged", { count: failed, certificate: path.certificate.reduce((a, b) => Math.max(a, b), 0).toExponential(1) })}\n`,
    );
  }
}

export type { OutputFolder };
