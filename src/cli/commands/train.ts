/** `reglab train (FILE | --dataset NAME)`: a network trained with its diagnostics, every epoch. */

import { SingleBar } from "cli-progress";
import { displayName } from "../../data/dataError.js";
import { decisionGrid } from "../../experiments/decisionGrid.js";
import { formatNumber, formatShare } from "../../i18n/format.js";
import type { Translator } from "../../i18n/translate.js";
import type { EpochDiagnostics, TrainResult } from "../../nn/train.js";
import { trainNetwork } from "../../nn/train.js";
import { boundaryFigure, trainingFigure } from "../../plot/networkFigures.js";
import { type CommandSpec, OUTPUT_OPTIONS, QUIET_OPTION, SEED_OPTION } from "../command.js";
import { finiteJson } from "../jsonOutput.js";
import { DATA_OPTIONS, NETWORK_OPTIONS, networkRun } from "../networkOptions.js";
import type { OptionSpec } from "../optionTable.js";
import { openOutputFolder } from "../outputFolder.js";
import { nodeDocument } from "../render.js";
import { formatTable } from "../table.js";
import { type FigureFiles, writeFigure, wroteLines } from "../writeFigure.js";

export const SATURATION_SHARE_OPTION: OptionSpec = {
  name: "saturation",
  kind: "number",
  default: 0.01,
  min: 0,
  exclusiveMin: true,
  max: 1,
  description: "option.saturationShare",
};

/** One epoch's diagnostics with snake_case keys, as in every reglab JSON document. */
export function epochJson(h: EpochDiagnostics) {
  return {
    epoch: h.epoch,
    train_loss: h.trainLoss,
    train_objective: h.trainObjective,
    test_loss: h.testLoss,
    train_accuracy: Number.isNaN(h.trainAccuracy) ? null : h.trainAccuracy,
    test_accuracy: Number.isNaN(h.testAccuracy) ? null : h.testAccuracy,
    gap: h.gap,
    validation_loss: Number.isNaN(h.validationLoss) ? null : h.validationLoss,
    sensitivity: h.sensitivity,
    logit_sensitivity: h.logitSensitivity,
    lipschitz_bound: h.lipschitzBound,
    layers: h.layers.map((l) => ({
      layer: l.layer,
      units: l.units,
      saturated_share: l.saturatedShare,
      mean_abs_dE_da: l.meanAbsDEdA,
      mean_da_dz: Number.isNaN(l.meanDadz) ? null : l.meanDadz,
      mean_abs_dz_dW: l.meanAbsDzdW,
      gradient_norm: l.gradientNorm,
      weight_norm: l.weightNorm,
      weight_max: l.weightMax,
    })),
  };
}

function layerTable(h: EpochDiagnostics, t: Translator): string {
  const header = [
    t("train.table.layer"),
    t("train.table.units"),
    t("train.table.saturated"),
    t("train.table.dEda"),
    t("train.table.dadz"),
    t("train.table.dzdW"),
    t("train.table.gradientNorm"),
    t("train.table.weightNorm"),
    t("train.table.weightMax"),
  ];
  const rows = h.layers.map((l) => [
    String(l.layer),
    String(l.units),
    formatShare(l.saturatedShare),
    formatNumber(l.meanAbsDEdA, 3),
    Number.isNaN(l.meanDadz) ? "—" : formatNumber(l.meanDadz, 3),
    formatNumber(l.meanAbsDzdW, 3),
    formatNumber(l.gradientNorm, 3),
    formatNumber(l.weightNorm, 3),
    formatNumber(l.weightMax, 3),
  ]);
  return formatTable(header, rows, [0, 1, 2, 3, 4, 5, 6, 7, 8]);
}

/** Where a diverged run broke: the layer with the largest gradient or weight. */
function largestFactor(result: TrainResult): { layer: number; factor: string } {
  const last = result.history.at(-1);
  if (!last) return { layer: 1, factor: "‖∂E/∂W‖" };
  let best = { layer: 1, factor: "‖∂E/∂W‖", size: -1 };
  for (const l of last.layers) {
    for (const [factor, size] of [
      ["‖∂E/∂W‖", l.gradientNorm],
      ["|∂E/∂a|", l.meanAbsDEdA],
      ["‖W‖", l.weightNorm],
    ] as const) {
      const value = Number.isFinite(size) ? size : Number.POSITIVE_INFINITY;
      if (value > best.size) best = { layer: l.layer, factor, size: value };
    }
  }
  return best;
}

export const trainCommand: CommandSpec = {
  name: "train",
  description: "train.description",
  argument: { name: "file", description: "train.argument.file" },
  options: [
    ...DATA_OPTIONS,
    ...NETWORK_OPTIONS,
    { name: "l2", kind: "number", default: 0, min: 0, description: "train.option.l2" },
    SEED_OPTION,
    SATURATION_SHARE_OPTION,
    QUIET_OPTION,
    ...OUTPUT_OPTIONS,
  ],
  examples: [
    {
      command: "reglab train --dataset spiral --hidden 8,8 --activation tanh --epochs 500",
      description: "train.example.spiral",
    },
    {
      command: "reglab train data/breast_cancer.csv --l2 0.001 --early-stop 20",
      description: "train.example.file",
    },
  ],
  async run(input, context) {
    const { options } = input;
    const { t, json, out } = context;
    const run = networkRun(input, context);
    const folder = openOutputFolder(options["out"] as string, options["force"] === true);
    const epochs = run.train.epochs!;
    const bar =
      context.interactive && options["quiet"] !== true
        ? new SingleBar({
            format: `${t("train.progress")} [{bar}] {value}/{total}`,
            stream: process.stderr,
            hideCursor: true,
          })
        : null;
    bar?.start(epochs, 0);
    const result = trainNetwork(run.data.train, run.data.test, {
      ...run.train,
      l2: options["l2"] as number,
      onEpoch: (h) => bar?.update(h.epoch),
    });
    bar?.stop();

    const document = nodeDocument();
    const figures: Record<string, FigureFiles> = {
      training: await writeFigure(folder, "train-curves", trainingFigure(result.history, t, document)),
    };
    if (run.raw.p === 2 && result.task.kind === "classification" && result.task.classes === 2) {
      const grid = decisionGrid(result.network, run.data.standardizer, run.raw);
      const unscale = (x: Float64Array, i: number, j: number) =>
        x[2 * i + j]! * run.data.standardizer.scale[j]! + run.data.standardizer.mean[j]!;
      const points = [
        ...Array.from({ length: run.data.train.n }, (_, i) => ({
          x1: unscale(run.data.train.x, i, 0),
          x2: unscale(run.data.train.x, i, 1),
          label: run.data.train.y[i]!,
          test: false,
        })),
        ...Array.from({ length: run.data.test.n }, (_, i) => ({
          x1: unscale(run.data.test.x, i, 0),
          x2: unscale(run.data.test.x, i, 1),
          label: run.data.test.y[i]!,
          test: true,
        })),
      ];
      figures["boundary"] = await writeFigure(
        folder,
        "train-boundary",
        boundaryFigure(grid, points, t, document),
      );
    }
    const last = result.history.at(-1)!;
    const sizes = result.network.spec.sizes.join("-");
    if (json) {
      out(
        `${finiteJson(
          {
            seed: run.seed,
            data: {
              source: run.raw.source,
              n: run.raw.n,
              p: run.raw.p,
              train_rows: run.data.train.n,
              test_rows: run.data.test.n,
              feature_names: run.raw.featureNames,
            },
            task: {
              kind: result.task.kind,
              classes: result.task.classes,
              outputs: result.task.outputs,
              output: result.task.output,
            },
            network: {
              sizes: result.network.spec.sizes,
              hidden: result.network.spec.hidden,
              loss: result.network.spec.loss,
            },
            settings: { ...run.train, l2: options["l2"], hidden: run.train.hidden },
            epochs: result.history.map(epochJson),
            kept_epoch: result.keptEpoch,
            stopped_early: result.stoppedEarly,
            diverged: result.diverged,
            figures,
          },
          2,
        )}\n`,
      );
      return;
    }
    const task =
      result.task.kind === "classification"
        ? t("train.task.classification", { classes: result.task.classes })
        : t("train.task.regression");
    out(
      `${t("train.summary", {
        data: displayName(run.raw.source, 80),
        train: run.data.train.n,
        test: run.data.test.n,
        task,
        sizes,
        activation: result.network.spec.hidden,
        loss: result.network.spec.loss,
        optimizer: run.train.optimizer!,
        lr: formatNumber(run.train.learningRate!),
        seed: run.seed,
      })}\n\n`,
    );
    if (result.diverged) out(`${t("train.diverged", { epoch: last.epoch, ...largestFactor(result) })}\n\n`);
    const accuracy = (value: number) => (Number.isNaN(value) ? "—" : formatShare(value));
    out(
      `${t("train.final", {
        epoch: last.epoch,
        trainLoss: formatNumber(last.trainLoss),
        testLoss: formatNumber(last.testLoss),
        gap: formatNumber(last.gap),
        trainAccuracy: accuracy(last.trainAccuracy),
        testAccuracy: accuracy(last.testAccuracy),
      })}\n`,
    );
    if (result.stoppedEarly) out(`${t("train.stoppedEarly", { epoch: result.keptEpoch })}\n`);
    out(
      `${t("train.sensitivity", {
        epsilon: 0.01,
        sensitivity: formatNumber(last.sensitivity, 3),
        logit: formatNumber(last.logitSensitivity, 3),
        lipschitz: formatNumber(last.lipschitzBound, 3),
      })}\n\n${layerTable(last, t)}\n\n`,
    );
    out(wroteLines(t, Object.values(figures)));
    if (result.diverged) process.exitCode = 1;
  },
};
