/** `reglab descend`: gradient descent from small to large weights; stalls and overshoots measured. */

import { DESCEND_DEFAULTS, type DescendResult, descend } from "../../experiments/descend.js";
import { formatNumber, formatShare } from "../../i18n/format.js";
import type { Translator } from "../../i18n/translate.js";
import { lossFigure, outcomeFigure } from "../../plot/descendFigures.js";
import { type CommandSpec, OUTPUT_OPTIONS, SATURATION_OPTION, SEED_OPTION } from "../command.js";
import { UsageError } from "../errors.js";
import { finiteJson } from "../jsonOutput.js";
import { openOutputFolder } from "../outputFolder.js";
import { nodeDocument } from "../render.js";
import { formatTable } from "../table.js";
import { writeFigure, wroteLines } from "../writeFigure.js";

/** Guards against a typo that would run for hours: runs × steps × samples sigmoid evaluations. */
const MAX_WORK = 2e9;

/** The runs as JSON-ready rows (snake_case keys, as every reglab --json). */
export function descendJson(result: DescendResult) {
  const { settings } = result;
  return {
    seed: settings.seed,
    settings: {
      initial_weights: settings.initialWeights,
      learning_rates: settings.learningRates,
      l2: settings.l2,
      steps: settings.steps,
      loss_target: settings.lossTarget,
      saturation_threshold: settings.saturationThreshold,
      samples: settings.samples,
      input_scale: settings.inputScale,
      noise: settings.noise,
    },
    teacher: { m: settings.teacherM, c: settings.teacherC },
    runs: result.runs.map((run) => ({
      initial_m: run.initialM,
      learning_rate: run.learningRate,
      l2: run.l2,
      outcome: run.outcome,
      steps_to_target: run.stepsToTarget,
      stalled_steps: run.stalledSteps,
      objective_increases: run.objectiveIncreases,
      largest_increase: run.largestIncrease,
      direction_reversals: run.directionReversals,
      initial_mean_dydz: run.initialMeanDydz,
      initial_saturated_share: run.initialSaturatedShare,
      initial_gradient_norm: run.initialGradientNorm,
      initial_loss: run.initialLoss,
      final_loss: run.finalLoss,
      final_objective: run.finalObjective,
      final_m: run.finalM,
      final_c: run.finalC,
      steps_taken: run.stepsTaken,
      diverged: run.diverged,
    })),
  };
}

export function descendTable(result: DescendResult, t: Translator): string {
  const header = [
    t("descend.table.l2"),
    t("descend.table.learningRate"),
    t("descend.table.initialM"),
    t("descend.table.meanDydz"),
    t("descend.table.saturated"),
    t("descend.table.stepsToTarget"),
    t("descend.table.stalled"),
    t("descend.table.rises"),
    t("descend.table.finalLoss"),
    t("descend.table.outcome"),
  ];
  const rows = result.runs.map((run) => [
    formatNumber(run.l2),
    formatNumber(run.learningRate),
    formatNumber(run.initialM),
    formatNumber(run.initialMeanDydz, 3),
    formatShare(run.initialSaturatedShare),
    run.stepsToTarget === null ? t("descend.never") : String(run.stepsToTarget),
    String(run.stalledSteps),
    String(run.objectiveIncreases),
    formatNumber(run.finalLoss, 3),
    t(`descend.outcome.${run.outcome}`),
  ]);
  const { settings } = result;
  const summary = t("descend.summary", {
    teacherM: formatNumber(settings.teacherM),
    teacherC: `${settings.teacherC < 0 ? "−" : "+"} ${formatNumber(Math.abs(settings.teacherC))}`,
    samples: settings.samples,
    seed: settings.seed,
    target: formatNumber(settings.lossTarget),
    steps: settings.steps,
  });
  return `${summary}\n\n${formatTable(header, rows, [0, 1, 2, 3, 4, 5, 6, 7, 8])}\n`;
}

export const descendCommand: CommandSpec = {
  name: "descend",
  description: "descend.description",
  options: [
    {
      name: "initial-weights",
      kind: "numberList",
      default: DESCEND_DEFAULTS.initialWeights,
      description: "descend.option.initialWeights",
    },
    {
      name: "learning-rates",
      kind: "numberList",
      default: DESCEND_DEFAULTS.learningRates,
      min: 0,
      exclusiveMin: true,
      description: "descend.option.learningRates",
    },
    {
      name: "l2",
      kind: "numberList",
      default: DESCEND_DEFAULTS.l2,
      min: 0,
      description: "descend.option.l2",
    },
    {
      name: "steps",
      kind: "integer",
      default: DESCEND_DEFAULTS.steps,
      min: 1,
      max: 10_000_000,
      description: "descend.option.steps",
    },
    {
      name: "target",
      kind: "number",
      default: DESCEND_DEFAULTS.lossTarget,
      min: 0,
      exclusiveMin: true,
      description: "descend.option.target",
    },
    {
      name: "samples",
      kind: "integer",
      default: DESCEND_DEFAULTS.samples,
      min: 1,
      max: 10_000_000,
      description: "descend.option.samples",
    },
    {
      name: "teacher-m",
      kind: "number",
      default: DESCEND_DEFAULTS.teacherM,
      description: "descend.option.teacherM",
    },
    {
      name: "teacher-c",
      kind: "number",
      default: DESCEND_DEFAULTS.teacherC,
      description: "descend.option.teacherC",
    },
    {
      name: "input-scale",
      kind: "number",
      default: DESCEND_DEFAULTS.inputScale,
      min: 0,
      exclusiveMin: true,
      description: "descend.option.inputScale",
    },
    {
      name: "noise",
      kind: "number",
      default: DESCEND_DEFAULTS.noise,
      min: 0,
      description: "descend.option.noise",
    },
    SEED_OPTION,
    SATURATION_OPTION,
    ...OUTPUT_OPTIONS,
  ],
  examples: [
    { command: "reglab descend", description: "descend.example.default" },
    {
      command: "reglab descend --learning-rates 10 --l2 0,0.001,0.01 --json",
      description: "descend.example.custom",
    },
  ],
  async run({ options }, { t, json, out }) {
    const settings = {
      initialWeights: options["initialWeights"] as number[],
      learningRates: options["learningRates"] as number[],
      l2: options["l2"] as number[],
      steps: options["steps"] as number,
      lossTarget: options["target"] as number,
      saturationThreshold: options["saturation"] as number,
      samples: options["samples"] as number,
      teacherM: options["teacherM"] as number,
      teacherC: options["teacherC"] as number,
      inputScale: options["inputScale"] as number,
      noise: options["noise"] as number,
      seed: options["seed"] as number,
    };
    const runs = settings.initialWeights.length * settings.learningRates.length * settings.l2.length;
    if (runs * settings.steps * settings.samples > MAX_WORK) {
      throw new UsageError("error.tooLarge", {
        what: "runs × steps × samples",
        value: runs * settings.steps * settings.samples,
        max: MAX_WORK,
      });
    }
    const folder = openOutputFolder(options["out"] as string, options["force"] === true);
    let result: ReturnType<typeof descend>;
    try {
      result = descend(settings);
    } catch (error) {
      // the library refuses a start whose loss or penalty is not a number (λm² or the noise overflow)
      if (error instanceof RangeError) throw new UsageError("descend.startNotFinite");
      throw error;
    }
    const document = nodeDocument();
    const figures = {
      loss: await writeFigure(folder, "descend-loss", lossFigure(result, t, document)),
      outcomes: await writeFigure(folder, "descend-outcomes", outcomeFigure(result, t, document)),
    };
    if (json) {
      out(`${finiteJson({ ...descendJson(result), figures }, 2)}\n`);
      return;
    }
    out(`${descendTable(result, t)}\n`);
    out(wroteLines(t, Object.values(figures)));
  },
};
