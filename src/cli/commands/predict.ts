/** `reglab predict MODEL.json FILE`: predictions of a saved path or CV model, one per row. */

import { DataError, displayName } from "../../data/dataError.js";
import { type FamilyName, responseOf } from "../../glm/families/index.js";
import { softmaxRow } from "../../glm/families/multinomial.js";
import { type GlmPath, predictGlm } from "../../glm/glmPath.js";
import { predictMgaussian } from "../../glm/mgaussianCv.js";
import type { MgaussianPath } from "../../glm/mgaussianPath.js";
import { type PredictionType, sparseLinearPredictor } from "../../glm/predict.js";
import type { CommandSpec } from "../command.js";
import { UsageError } from "../errors.js";
import { finiteJson } from "../jsonOutput.js";
import { readTextFile } from "../loadData.js";
import { coefficientsJson, coefficientsText, modelCoefficientsAt } from "../modelCoefficients.js";
import { type SavedModel, validateModel } from "../modelSchema.js";
import { readCsvDataset } from "../readCsv.js";
import { isSparseInput, readSparseDesign } from "../sparseInput.js";

function readModel(file: string): SavedModel {
  let document: unknown;
  try {
    // a byte-order mark is allowed, as in a CSV
    document = JSON.parse(readTextFile(file).replace(/^\uFEFF/, ""));
  } catch (error) {
    if (error instanceof DataError) throw error;
    // V8 says where ("… at position 42" or "(line 3 column 7)"): the number is all that is kept
    const position =
      /position (\d+)/.exec(String(error))?.[1] ?? /line (\d+ column \d+)/.exec(String(error))?.[1];
    throw new DataError("model.badJson", { file: displayName(file, 200), position: position ?? "?" });
  }
  return validateModel(document, file);
}

/** An mgaussian model as the path predictMgaussian reads. */
function mgaussianPathOf(model: Extract<SavedModel, { family: "mgaussian" }>): MgaussianPath {
  return {
    family: "mgaussian",
    p: model.feature_names.length,
    responses: model.responses,
    lambda: model.lambda,
    a0: model.a0,
    beta: model.beta,
  } as unknown as MgaussianPath;
}

/** The path the library predicts from, rebuilt from the saved document. */
function pathOf(model: SavedModel): GlmPath {
  const p = model.feature_names.length;
  const common = { p, lambda: model.lambda, a0: model.a0, beta: model.beta };
  // text labels predict as codes 0 … K−1, named afterwards
  return (model.family === "multinomial"
    ? { family: "multinomial", classes: model.classes.map((_, c) => c), ...common }
    : {
        family: model.family,
        ...common,
        ...(model.relaxed ? { relaxed: { ...model.relaxed, devRatio: [] } } : {}),
      }) as unknown as GlmPath;
}

export const predictCommand: CommandSpec = {
  name: "predict",
  description: "predict.description",
  argument: { name: "files", description: "predict.argument.files" },
  options: [
    { name: "s", kind: "number", min: 0, exclusiveMin: true, description: "predict.option.s" },
    {
      name: "type",
      kind: "choice",
      choices: ["link", "response", "class", "coefficients", "nonzero"],
      default: "response",
      description: "predict.option.type",
    },
    {
      name: "na",
      kind: "choice",
      choices: ["error", "drop", "keep"],
      default: "error",
      description: "predict.option.na",
    },
    { name: "offset", kind: "path", valueName: "column", description: "predict.option.offset" },
    { name: "gamma", kind: "number", min: 0, max: 1, description: "predict.option.gamma" },
  ],
  examples: [
    {
      command: "reglab predict model.json data/breast_cancer.csv --type response",
      description: "predict.example",
    },
  ],
  async run({ args, options, given }, { json, out, t }) {
    const [modelFile, dataFile] = args;
    const view = options["type"] === "coefficients" || options["type"] === "nonzero";
    if (view && modelFile && dataFile)
      throw new UsageError("predict.noDataNeeded", { type: options["type"] as string });
    if (!modelFile || (!dataFile && !view) || args.length > 2) throw new UsageError("predict.needsFiles");
    const model = readModel(modelFile);
    if (options["gamma"] !== undefined && !model.relaxed) throw new UsageError("predict.gammaWithoutRelax");
    // a relaxed cv's model predicts at its (λ.1se, γ.1se) by default, as glmnet's predict.cv.relaxed
    const gamma = (options["gamma"] as number | undefined) ?? model.gamma_1se ?? 1;
    const defaultLambda =
      options["gamma"] === undefined && model.gamma_1se !== undefined
        ? model.relaxed_lambda_1se
        : model.lambda_1se;
    const at = (options["s"] as number | undefined) ?? defaultLambda ?? model.lambda.at(-1)!;
    if (view) {
      const kind = options["type"] as "coefficients" | "nonzero";
      out(
        json
          ? `${finiteJson(coefficientsJson(model, at, kind, gamma), 2)}\n`
          : `${coefficientsText(model, at, kind, t, gamma)}\n`,
      );
      return;
    }
    const type = options["type"] as PredictionType;
    if (isSparseInput(dataFile)) {
      for (const [option, flag] of [
        ["na", "--na"],
        ["offset", "--offset"],
      ] as const)
        if (given.has(option)) throw new UsageError("sparse.optionNotHere", { option: flag });
      if (model.offset_column !== undefined) throw new UsageError("sparse.modelWithOffset");
    }
    if (
      type === "class" &&
      (model.family === "gaussian" ||
        model.family === "poisson" ||
        model.family === "cox" ||
        model.family === "mgaussian")
    )
      throw new UsageError("predict.classOfNumber", { family: model.family });
    if (isSparseInput(dataFile)) {
      const predictions = sparsePredictions(model, dataFile!, at, type, gamma);
      out(
        json ? `${finiteJson({ lambda: at, gamma, type, predictions }, 2)}\n` : predictionLines(predictions),
      );
      return;
    }
    const na = options["na"] as "error" | "drop" | "keep";
    // a model fitted with offsets predicts with the rows' own (glmnet's newoffset): by default from
    // the column it was fitted with
    const offsetColumn = (options["offset"] as string | undefined) ?? model.offset_column;
    if (options["offset"] !== undefined && model.offset_column === undefined)
      throw new UsageError("predict.offsetWithoutModelOffset");
    // only the model's columns are read: a target column left empty, or any other column, is fine
    const data = readPredictionRows(dataFile!, na, model.feature_names, offsetColumn);
    let offset: Float64Array | undefined;
    if (offsetColumn !== undefined) {
      const j = data.featureNames.indexOf(offsetColumn);
      offset = Float64Array.from({ length: data.n }, (_, i) => data.x[i * data.p + j]!);
    }
    const columns = model.feature_names.map((name) => {
      const index = data.featureNames.indexOf(name);
      if (index < 0)
        throw new DataError("predict.missingFeature", {
          file: displayName(dataFile!, 200),
          name: displayName(name),
        });
      return index;
    });
    const p = columns.length;
    const x = new Float64Array(data.n * p);
    for (let i = 0; i < data.n; i++)
      columns.forEach((column, j) => {
        x[i * p + j] = data.x[i * data.p + column]!;
      });
    // mgaussian: ŷ of every response (its link is the identity: link and response agree)
    const { values, columns: width } =
      model.family === "mgaussian"
        ? { values: predictMgaussian(mgaussianPathOf(model), x, data.n, at), columns: model.responses.length }
        : predictGlm(pathOf(model), x, data.n, at, type, offset, gamma);
    // one prediction per row: a number, or one per class (multinomial) or response (mgaussian)
    let predictions: (number | string | number[] | null)[] =
      width === 1
        ? [...values]
        : Array.from({ length: data.n }, (_, i) => [...values.subarray(i * width, i * width + width)]);
    if (type === "class" && (model.family === "binomial" || model.family === "multinomial")) {
      const names = model.classes;
      predictions = predictions.map((c) => names[c as number]!);
    }
    if (na === "keep") predictions = withEmptyRows(predictions, data.lines!, data.droppedLines!);
    if (json) {
      out(`${finiteJson({ lambda: at, gamma, type, predictions }, 2)}\n`);
      return;
    }
    out(predictionLines(predictions));
  },
};

/** The text output: one line per row, a row's several values separated by commas. */
function predictionLines(predictions: readonly (number | string | number[] | null)[]): string {
  return `${predictions.map((row) => (row === null ? "" : Array.isArray(row) ? row.join(",") : row)).join("\n")}\n`;
}

/**
 * Predictions for the rows of a sparse file (svmlight or Matrix Market), never densified: its
 * columns are matched to the model's features by name (x1, x2, … by index, as `path` named them);
 * a column with values that the model does not have is an error naming it.
 */
function sparsePredictions(
  model: SavedModel,
  file: string,
  lambda: number,
  type: PredictionType,
  gamma: number,
): (number | string | number[])[] {
  const { x, featureNames } = readSparseDesign(file);
  const position = new Map(model.feature_names.map((name, j) => [name, j]));
  const columnOf = new Int32Array(x.p);
  for (let c = 0; c < x.p; c++) {
    const j = position.get(featureNames[c]!);
    if (j === undefined && x.colPtr[c + 1]! > x.colPtr[c]!)
      throw new DataError("predict.sparseColumn", {
        file: displayName(file, 200),
        name: featureNames[c]!,
        first: model.feature_names[0]!,
        last: model.feature_names.at(-1)!,
      });
    columnOf[c] = j ?? -1;
  }
  const blocks = modelCoefficientsAt(model, lambda, gamma);
  const K = blocks.length;
  const eta = blocks.map((block) => {
    const out = new Float64Array(x.n);
    sparseLinearPredictor(block, x, columnOf, out);
    return out;
  });
  if (K === 1) {
    const values = eta[0]!;
    if (type === "class") return Array.from(values, (v) => model.classes![v > 0 ? 1 : 0]!);
    if (type === "response") responseOf(model.family as FamilyName)(values, values);
    return [...values];
  }
  const row = new Float64Array(K);
  const probabilities = new Float64Array(K);
  return Array.from({ length: x.n }, (_, i) => {
    for (let c = 0; c < K; c++) row[c] = eta[c]![i]!;
    if (model.family !== "multinomial" || type === "link") return [...row];
    softmaxRow(row, 0, K, probabilities, 0);
    if (type === "response") return [...probabilities];
    let best = 0;
    for (let c = 1; c < K; c++) if (probabilities[c]! > probabilities[best]!) best = c;
    return model.classes[best]!;
  });
}

/** The rows to predict: the model's columns and the offsets' (a missing offset column said as such). */
function readPredictionRows(
  file: string,
  na: "error" | "drop" | "keep",
  features: readonly string[],
  offsetColumn: string | undefined,
) {
  try {
    return readCsvDataset(file, {
      target: false,
      na: na === "error" ? "error" : "drop",
      columns: offsetColumn === undefined ? features : [...features, offsetColumn],
    });
  } catch (error) {
    if (
      offsetColumn !== undefined &&
      error instanceof DataError &&
      error.key === "data.missingColumn" &&
      error.params["name"] === displayName(offsetColumn)
    )
      throw new DataError("predict.missingOffset", {
        file: displayName(file, 200),
        name: displayName(offsetColumn),
      });
    throw error;
  }
}

/** --na keep: a row with empty cells keeps its place, with an empty prediction (null in JSON). */
function withEmptyRows<T>(predictions: T[], lines: Int32Array, droppedLines: Int32Array): (T | null)[] {
  const merged: (T | null)[] = [];
  let kept = 0;
  let dropped = 0;
  while (kept < lines.length || dropped < droppedLines.length) {
    if (dropped < droppedLines.length && (kept >= lines.length || droppedLines[dropped]! < lines[kept]!)) {
      merged.push(null);
      dropped++;
    } else merged.push(predictions[kept++]!);
  }
  return merged;
}
