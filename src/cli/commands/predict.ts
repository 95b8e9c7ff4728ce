/** `reglab predict MODEL.json FILE`: predictions of a saved path or CV model, one per row. */
import { DataError, displayName } from "../../data/dataError.js";
import { type GlmPath, predictGlm } from "../../glm/glmPath.js";
import type { PredictionType } from "../../glm/predict.js";
import type { CommandSpec } from "../command.js";
import { UsageError } from "../errors.js";
import { readTextFile } from "../loadData.js";
import { readCsvDataset } from "../readCsv.js";

interface SavedModel {
  reglab_model: number;
  family: "gaussian" | "binomial" | "multinomial";
  alpha: number;
  feature_names: string[];
  target_name: string;
  classes: number[] | null;
  lambda: number[];
  /** Per λ; multinomial: per class, per λ. */
  a0: number[] | number[][];
  /** Per λ, per feature; multinomial: per class, per λ, per feature. */
  beta: number[][] | number[][][];
  lambda_1se?: number;
}

function readModel(file: string): SavedModel {
  const name = displayName(file, 200);
  let model: SavedModel;
  try {
    model = JSON.parse(readTextFile(file)) as SavedModel;
  } catch (error) {
    if (error instanceof DataError) throw error;
    throw new DataError("predict.badModel", { file: name });
  }
  const p = model?.feature_names?.length;
  const L = model?.lambda?.length;
  const block = (beta: unknown) =>
    Array.isArray(beta) && beta.length === L && beta.every((b) => Array.isArray(b) && b.length === p);
  const valid =
    model?.reglab_model === 1 &&
    Array.isArray(model.lambda) &&
    Array.isArray(model.beta) &&
    (model.family === "multinomial"
      ? Array.isArray(model.classes) &&
        model.beta.length === model.classes.length &&
        model.beta.every(block) &&
        Array.isArray(model.a0) &&
        model.a0.length === model.classes.length
      : block(model.beta));
  if (!valid) throw new DataError("predict.badModel", { file: name });
  return model;
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
      choices: ["link", "response", "class"],
      default: "response",
      description: "predict.option.type",
    },
  ],
  examples: [
    {
      command: "reglab predict model.json data/breast_cancer.csv --type response",
      description: "predict.example",
    },
  ],
  async run({ args, options }, { json, out }) {
    const [modelFile, dataFile] = args;
    if (!modelFile || !dataFile || args.length > 2) throw new UsageError("predict.needsFiles");
    const model = readModel(modelFile);
    const data = readCsvDataset(dataFile, { target: false });
    const columns = model.feature_names.map((name) => {
      const index = data.featureNames.indexOf(name);
      if (index < 0)
        throw new DataError("predict.missingFeature", {
          file: displayName(dataFile, 200),
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
    const lambda = (options["s"] as number | undefined) ?? model.lambda_1se ?? model.lambda.at(-1)!;
    const type = options["type"] as PredictionType;
    const path = (model.family === "multinomial"
      ? {
          family: "multinomial",
          p,
          classes: model.classes,
          lambda: model.lambda,
          a0: model.a0,
          beta: model.beta,
        }
      : {
          family: model.family,
          p,
          lambda: model.lambda,
          a0: model.a0,
          beta: model.beta,
        }) as unknown as GlmPath;
    const { values, columns: width } = predictGlm(path, x, data.n, lambda, type);
    // one prediction per row: a number, or (multinomial link/response) one number per class
    let predictions: (number | number[])[] =
      width === 1
        ? [...values]
        : Array.from({ length: data.n }, (_, i) => [...values.subarray(i * width, i * width + width)]);
    if (type === "class" && model.family === "binomial" && model.classes)
      predictions = predictions.map((c) => model.classes![c as number]!);
    if (json) {
      out(`${JSON.stringify({ lambda, type, predictions }, null, 2)}\n`);
      return;
    }
    out(`${predictions.map((row) => (Array.isArray(row) ? row.join(",") : row)).join("\n")}\n`);
  },
};
