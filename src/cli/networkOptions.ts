/**
 * The option rows shared by `train` and `experiment`: where the data come from and how the network
 * is built and trained, and their translation into the library's TrainOptions.
 */

import { maxOf } from "../core/extent.js";
import { DataError, displayName } from "../data/dataError.js";
import { DATASETS_2D, type Dataset2dName } from "../data/datasets2d.js";
import type { Dataset } from "../data/parseCsv.js";
import { type PreparedData, prepareData } from "../experiments/networkSweeps.js";
import { ACTIVATION_NAMES, type ActivationName } from "../nn/activations.js";
import { LOSS_NAMES, type LossName } from "../nn/losses.js";
import { INITIALIZERS, type InitializerName } from "../nn/network.js";
import { OPTIMIZER_NAMES, type OptimizerName } from "../nn/optimizers.js";
import { firstNonLabel } from "../nn/task.js";
import type { TrainOptions } from "../nn/train.js";
import {
  type CommandContext,
  type CommandInput,
  NA_OPTION,
  refuseTogether,
  TARGET_OPTION,
} from "./command.js";
import { UsageError } from "./errors.js";
import { type DataSource, loadData } from "./loadData.js";
import { checkMemory, networkTrainingBytes } from "./memoryBudget.js";
import type { OptionSpec } from "./optionTable.js";

/** Which CSV column is the target, and what to do with empty cells: for every command that reads data. */

export const DATA_OPTIONS: readonly OptionSpec[] = [
  { name: "dataset", kind: "choice", choices: DATASETS_2D, description: "train.option.dataset" },
  {
    name: "samples",
    kind: "integer",
    default: 200,
    min: 4,
    max: 1_000_000,
    description: "train.option.samples",
  },
  { name: "noise", kind: "number", default: 0.5, min: 0, description: "train.option.noise" },
  {
    name: "train-ratio",
    kind: "number",
    default: 0.5,
    min: 0,
    exclusiveMin: true,
    max: 0.95,
    description: "train.option.trainRatio",
  },
  TARGET_OPTION,
  NA_OPTION,
];

export const NETWORK_OPTIONS: readonly OptionSpec[] = [
  {
    name: "hidden",
    kind: "numberList",
    default: [8, 8],
    min: 1,
    integer: true,
    description: "train.option.hidden",
  },
  {
    name: "activation",
    kind: "choice",
    choices: ACTIVATION_NAMES,
    default: "tanh",
    description: "train.option.activation",
  },
  { name: "loss", kind: "choice", choices: LOSS_NAMES, default: "log", description: "train.option.loss" },
  {
    name: "optimizer",
    kind: "choice",
    choices: OPTIMIZER_NAMES,
    default: "adam",
    description: "train.option.optimizer",
  },
  {
    name: "lr",
    kind: "number",
    default: 0.01,
    min: 0,
    exclusiveMin: true,
    max: 1e6,
    description: "train.option.lr",
  },
  {
    name: "epochs",
    kind: "integer",
    default: 300,
    min: 1,
    max: 1_000_000,
    description: "train.option.epochs",
  },
  { name: "batch", kind: "integer", default: 0, min: 0, max: 10_000_000, description: "train.option.batch" },
  { name: "l1", kind: "number", default: 0, min: 0, description: "train.option.l1" },
  { name: "dropout", kind: "number", default: 0, min: 0, max: 0.95, description: "train.option.dropout" },
  {
    name: "early-stop",
    kind: "integer",
    default: 0,
    min: 0,
    max: 1_000_000,
    description: "train.option.earlyStop",
  },
  { name: "max-norm", kind: "number", default: 0, min: 0, description: "train.option.maxNorm" },
  { name: "init", kind: "choice", choices: INITIALIZERS, description: "train.option.init" },
  {
    name: "init-scale",
    kind: "number",
    default: 1,
    min: 0,
    exclusiveMin: true,
    max: 1e6,
    description: "train.option.initScale",
  },
];

export interface NetworkRun {
  raw: Dataset;
  data: PreparedData;
  train: TrainOptions;
  seed: number;
}

/**
 * A network sums squares of its inputs and targets (standardized inputs aside, the squared loss
 * is (y − ŷ)²): values past 1e150 overflow those sums, so such a column is refused by name.
 */
function checkNetworkScale(data: Dataset, file: string): void {
  const limit = 1e150;
  const { n, p, x, y } = data;
  for (let j = 0; j < p; j++)
    for (let i = 0; i < n; i++)
      if (Math.abs(x[i * p + j]!) > limit)
        throw new DataError("train.extremeValues", {
          file,
          name: displayName(data.featureNames[j]!),
          size: Math.abs(x[i * p + j]!).toExponential(1),
        });
  for (let i = 0; i < n; i++)
    if (Math.abs(y[i]!) > limit)
      throw new DataError("train.extremeValues", {
        file,
        name: displayName(data.targetName),
        size: Math.abs(y[i]!).toExponential(1),
      });
}

/** Loads and splits the data, checks it fits the loss, and builds the training options. */
export function networkRun(input: CommandInput, context: CommandContext, positional = 0): NetworkRun {
  const { args, options, given } = input;
  const seed = options["seed"] as number;
  // a file's rows are the data: the generator's options would do nothing, and so would a
  // file's options beside a generated set
  const fileArgument = args[positional];
  for (const option of ["noise", "samples"])
    if (fileArgument !== undefined && given.has(option))
      throw new UsageError("error.ignoredOption", {
        option: `--${option}`,
        other: displayName(fileArgument, 200),
      });
  for (const option of ["target", "na"]) refuseTogether(given, option, "dataset");
  if (options["target"] === "") throw new UsageError("error.emptyValue", { option: "--target" });
  if (args.length > positional + 1)
    throw new UsageError("error.extraFile", { file: displayName(args[positional + 1]!, 200) });
  const source: DataSource = {
    file: args[positional],
    dataset: options["dataset"] as Dataset2dName | undefined,
    samples: options["samples"] as number,
    noise: options["noise"] as number,
    seed,
    target: options["target"] as string | undefined,
    na: options["na"] as "error" | "drop",
  };
  const raw = loadData(source, context);
  const file = displayName(raw.source, 200);
  if (raw.n < 4) throw new DataError("data.tooFewRows", { file, n: raw.n, min: 4 });
  const loss = options["loss"] as LossName;
  checkNetworkScale(raw, file);
  const bad = firstNonLabel(raw.y);
  if (loss === "log" && bad !== -1) {
    throw new DataError("data.notClasses", {
      file,
      target: displayName(raw.targetName),
      row: raw.lines?.[bad] ?? bad + 2,
      value: raw.y[bad]!,
    });
  }
  const hidden = options["hidden"] as number[];
  const outputs = loss === "log" ? Math.max(1, maxOf(raw.y) + 1) : 1;
  checkMemory(
    networkTrainingBytes([raw.p, ...hidden, outputs], raw.n),
    context.t("what.option", { option: `--hidden ${hidden.join(",")}` }),
  );
  return {
    raw,
    data: prepareData(raw, options["trainRatio"] as number, seed),
    seed,
    train: {
      hidden: options["hidden"] as number[],
      activation: options["activation"] as ActivationName,
      loss,
      optimizer: options["optimizer"] as OptimizerName,
      learningRate: options["lr"] as number,
      epochs: options["epochs"] as number,
      batchSize: options["batch"] as number,
      l1: options["l1"] as number,
      dropout: options["dropout"] as number,
      earlyStop: options["earlyStop"] as number,
      maxNorm: options["maxNorm"] as number,
      init: options["init"] as InitializerName | undefined,
      initScale: options["initScale"] as number,
      seed,
      saturationThreshold: options["saturation"] as number,
    },
  };
}
