/**
 * `reglab experiment overfit|saturation|sensitivity`: one sweep, its table and its figure.
 *   overfit      λ sweep → train loss, test loss and their gap
 *   sensitivity  λ sweep → weight norm, input sensitivity, Lipschitz bound
 *   saturation   initial-scale sweep, without and with L2 → saturated share, gradient norm, test loss
 */

import { displayName } from "../../data/dataError.js";
import {
  initScaleSweep,
  lambdaSweep,
  SWEEP_INIT_SCALES,
  SWEEP_LAMBDAS,
  type SweepRow,
} from "../../experiments/networkSweeps.js";
import type { MessageKey } from "../../i18n/en.js";
import { formatNumber, formatShare } from "../../i18n/format.js";
import type { Translator } from "../../i18n/translate.js";
import { SWEEP_FIGURE_METRICS, sweepFigure } from "../../plot/networkFigures.js";
import { type CommandSpec, OUTPUT_OPTIONS, SEED_OPTION } from "../command.js";
import { UsageError } from "../errors.js";
import { finiteJson } from "../jsonOutput.js";
import { DATA_OPTIONS, NETWORK_OPTIONS, networkRun } from "../networkOptions.js";
import type { OptionSpec } from "../optionTable.js";
import { openOutputFolder } from "../outputFolder.js";
import { nodeDocument } from "../render.js";
import { formatTable } from "../table.js";
import { writeFigure, wroteLines } from "../writeFigure.js";
import { SATURATION_SHARE_OPTION } from "./train.js";

const KINDS = ["overfit", "saturation", "sensitivity"] as const;
type Kind = (typeof KINDS)[number];

interface Column {
  key: keyof SweepRow;
  label: MessageKey;
  format: (value: number) => string;
}

const number = (value: number) => formatNumber(value, 3);
const COLUMNS: Record<Kind, Column[]> = {
  overfit: [
    { key: "trainLoss", label: "experiment.table.trainLoss", format: number },
    { key: "testLoss", label: "experiment.table.testLoss", format: number },
    { key: "gap", label: "experiment.table.gap", format: number },
    {
      key: "testAccuracy",
      label: "experiment.table.testAccuracy",
      format: (v) => (Number.isNaN(v) ? "—" : formatShare(v)),
    },
    { key: "weightNorm", label: "experiment.table.weightNorm", format: number },
  ],
  sensitivity: [
    { key: "weightNorm", label: "experiment.table.weightNorm", format: number },
    { key: "sensitivity", label: "experiment.table.sensitivity", format: number },
    { key: "lipschitzBound", label: "experiment.table.lipschitz", format: number },
    { key: "testLoss", label: "experiment.table.testLoss", format: number },
  ],
  saturation: [
    { key: "initialSaturatedShare", label: "experiment.table.initialSaturated", format: formatShare },
    { key: "saturatedShare", label: "experiment.table.saturated", format: formatShare },
    { key: "gradientNorm", label: "experiment.table.gradientNorm", format: number },
    { key: "trainLoss", label: "experiment.table.trainLoss", format: number },
    { key: "testLoss", label: "experiment.table.testLoss", format: number },
    { key: "weightNorm", label: "experiment.table.weightNorm", format: number },
  ],
};

export function sweepTable(rows: readonly SweepRow[], kind: Kind, t: Translator): string {
  const columns = COLUMNS[kind];
  const header = [
    t("experiment.table.lambda"),
    t("experiment.table.initScale"),
    ...columns.map((c) => t(c.label)),
  ];
  const body = rows.map((row) => [
    formatNumber(row.lambda),
    formatNumber(row.initScale),
    ...columns.map((c) => c.format(row[c.key] as number)),
  ]);
  return formatTable(
    header,
    body,
    header.map((_, i) => i),
  );
}

const snake = (name: string) => name.replace(/[A-Z]/g, (ch) => `_${ch.toLowerCase()}`);
export const sweepRowJson = (row: SweepRow) =>
  Object.fromEntries(
    Object.entries(row).map(([key, value]) => [
      snake(key),
      typeof value === "number" && Number.isNaN(value) ? null : value,
    ]),
  );

/** The same option row with another default (sweeps want a larger network, trained longer). */
function withDefault(option: OptionSpec, name: string, value: string | number | number[]): OptionSpec {
  return option.name === name && option.kind !== "flag"
    ? ({ ...option, default: value } as OptionSpec)
    : option;
}

export const experimentCommand: CommandSpec = {
  name: "experiment",
  description: "experiment.description",
  argument: { name: "kind", description: "experiment.argument.kind" },
  options: [
    ...DATA_OPTIONS.map((option) => withDefault(option, "dataset", "spiral")),
    ...NETWORK_OPTIONS.map((option) => withDefault(withDefault(option, "hidden", [16, 16]), "epochs", 600)),
    {
      name: "lambdas",
      kind: "numberList",
      default: SWEEP_LAMBDAS,
      min: 0,
      description: "experiment.option.lambdas",
    },
    {
      name: "scales",
      kind: "numberList",
      default: SWEEP_INIT_SCALES,
      min: 0,
      exclusiveMin: true,
      max: 1e6, // as --init-scale: past it the first forward pass overflows
      description: "experiment.option.scales",
    },
    SEED_OPTION,
    SATURATION_SHARE_OPTION,
    ...OUTPUT_OPTIONS,
  ],
  examples: [
    { command: "reglab experiment overfit --dataset spiral", description: "experiment.example.overfit" },
    {
      command: "reglab experiment sensitivity data/breast_cancer.csv --train-ratio 0.3",
      description: "experiment.example.file",
    },
  ],
  async run(input, context) {
    const { t, json, out } = context;
    const [kindArgument, file] = input.args;
    if (!KINDS.includes(kindArgument as Kind))
      throw new UsageError("experiment.badKind", { kind: kindArgument ?? "" });
    const kind = kindArgument as Kind;
    // each kind sweeps one thing: the other kind's list would be ignored
    if (kind === "overfit" && input.given.has("scales"))
      throw new UsageError("error.ignoredOption", { option: "--scales", other: "overfit" });
    if (kind === "saturation" && input.given.has("lambdas"))
      throw new UsageError("error.ignoredOption", { option: "--lambdas", other: "saturation" });
    // A file, if given, replaces the default 2-D set (one typed beside it is refused by loadData).
    const keepDataset = file === undefined || input.given.has("dataset");
    const options = keepDataset ? input.options : { ...input.options, dataset: undefined };
    const run = networkRun({ ...input, options }, context, 1);
    const folder = openOutputFolder(input.options["out"] as string, input.options["force"] === true);
    const rows =
      kind === "saturation"
        ? initScaleSweep(run.data, run.train, input.options["scales"] as number[], [0, 1e-3])
        : lambdaSweep(run.data, run.train, input.options["lambdas"] as number[]);
    const along = kind === "saturation" ? "initScale" : "lambda";
    const dataName = displayName(run.raw.source, 80);
    const figure = await writeFigure(
      folder,
      `experiment-${kind}`,
      sweepFigure(rows, SWEEP_FIGURE_METRICS[kind], along, dataName, t, nodeDocument()),
    );
    if (json) {
      out(
        `${finiteJson({ experiment: kind, seed: run.seed, data: run.raw.source, rows: rows.map(sweepRowJson), figure }, 2)}\n`,
      );
      return;
    }
    out(`${dataName}: ${run.data.train.n} / ${run.data.test.n}\n\n${sweepTable(rows, kind, t)}\n\n`);
    out(wroteLines(t, [figure]));
  },
};
