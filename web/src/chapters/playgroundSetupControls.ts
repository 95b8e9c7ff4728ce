/**
 * The playground's setup controls, each bound to its URL key: the data (set, noise, size, split,
 * seed, what a click on the map does) and the model (network or polynomial, its shape, its loss).
 * A change to any of them trains a new model from scratch — unlike the training controls
 * (playgroundTrainingControls), which the model in training takes as it goes.
 */
import { DATASETS_2D, type Dataset2dName } from "../../../src/data/datasets2d.js";
import { formatShare } from "../../../src/i18n/format.js";
import type { LabKey } from "../../../src/i18n/lab.js";
import type { ActivationName } from "../../../src/nn/activations.js";
import type { LossName } from "../../../src/nn/losses.js";
import { select, slider } from "../ui/controls.js";

export interface SetupHandlers {
  /** Another data set chosen: clicked edits and uploads no longer apply. */
  onDataSet(): void;
  /** The data or the model changed: train a new model from scratch. */
  restart(): void;
}

export type SetupControls = ReturnType<typeof playgroundSetupControls>;

export function playgroundSetupControls(on: SetupHandlers) {
  const dataset = select<Dataset2dName>({
    key: "pg.data",
    label: "playground.dataset",
    options: DATASETS_2D.map((name) => ({ value: name, label: `playground.dataset.${name}` as LabKey })),
    value: "spiral",
    onChange: on.onDataSet,
  });
  const noise = slider({
    key: "pg.noise",
    label: "playground.noise",
    min: 0,
    max: 2,
    step: 0.05,
    value: 0.5,
    onInput: on.restart,
  });
  const samples = slider({
    key: "pg.n",
    label: "playground.samples",
    min: 20,
    max: 600,
    step: 10,
    value: 200,
    onInput: on.restart,
  });
  const trainShare = slider({
    key: "pg.train",
    label: "playground.trainShare",
    min: 0.1,
    max: 0.9,
    step: 0.05,
    value: 0.5,
    format: formatShare,
    onInput: on.restart,
  });
  const seed = slider({
    key: "pg.seed",
    label: "playground.seed",
    min: 1,
    max: 99,
    step: 1,
    value: 1,
    onInput: on.restart,
  });
  const clickMode = select<"add0" | "add1" | "remove">({
    key: "pg.click",
    label: "playground.click",
    options: [
      { value: "add1", label: "playground.click.add1" },
      { value: "add0", label: "playground.click.add0" },
      { value: "remove", label: "playground.click.remove" },
    ],
    value: "add1",
    onChange: () => {},
  });
  const model = select<"network" | "polynomial">({
    key: "pg.model",
    label: "playground.model",
    options: [
      { value: "network", label: "playground.model.network" },
      { value: "polynomial", label: "playground.model.polynomial" },
    ],
    value: "network",
    onChange: on.restart,
  });
  const layersCount = slider({
    key: "pg.layers",
    label: "playground.layers",
    min: 1,
    max: 4,
    step: 1,
    value: 2,
    onInput: on.restart,
  });
  const units = slider({
    key: "pg.units",
    label: "playground.units",
    min: 1,
    max: 32,
    step: 1,
    value: 12,
    onInput: on.restart,
  });
  const activation = select<ActivationName>({
    key: "pg.act",
    label: "playground.activation",
    options: [
      { value: "tanh", label: "playground.activation.tanh" },
      { value: "relu", label: "playground.activation.relu" },
      { value: "sigmoid", label: "playground.activation.sigmoid" },
    ],
    value: "tanh",
    onChange: on.restart,
  });
  const degree = slider({
    key: "pg.degree",
    label: "playground.degree",
    min: 1,
    max: 10,
    step: 1,
    value: 6,
    onInput: on.restart,
  });
  const loss = select<LossName>({
    key: "pg.loss",
    label: "playground.lossChoice",
    options: [
      { value: "log", label: "playground.loss.log" },
      { value: "squared", label: "playground.loss.squared" },
    ],
    value: "log",
    onChange: on.restart,
  });
  return {
    dataset,
    noise,
    samples,
    trainShare,
    seed,
    clickMode,
    model,
    layersCount,
    units,
    activation,
    degree,
    loss,
  };
}
