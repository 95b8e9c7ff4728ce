/**
 * The playground's controls, each bound to its URL key: data, model, and the training settings
 * that change live. The wiring (playground.ts) says what each change does.
 */
import { DATASETS_2D, type Dataset2dName } from "../../../src/data/datasets2d.js";
import { formatShare } from "../../../src/i18n/format.js";
import type { LabKey } from "../../../src/i18n/lab.js";
import type { ActivationName } from "../../../src/nn/activations.js";
import type { LossName } from "../../../src/nn/losses.js";
import { checkbox, select, slider } from "../ui/controls.js";

/**
 * Epochs per second at each speed (0 = as fast as the machine allows). Slow is the default: on the
 * noisy spiral the test loss turns up after ~150 epochs, so a student sees the gap open over
 * 10–20 s instead of in a blink.
 */
export const SPEEDS = { slow: 15, medium: 100, fast: 0 } as const;
export type Speed = keyof typeof SPEEDS;

export interface ControlHandlers {
  /** Another data set chosen: clicked edits and uploads no longer apply. */
  onDataSet(): void;
  /** The data or the model changed: train a new model from scratch. */
  restart(): void;
  /** A training setting changed: the worker applies it to the model training now. */
  sendLive(): void;
  /** The speed changed. */
  sendPace(): void;
}

export function playgroundControls(on: ControlHandlers) {
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
  const eta = slider({
    key: "pg.eta",
    label: "playground.eta",
    min: 1e-4,
    max: 10,
    value: 0.01,
    scale: "log",
    onInput: on.sendLive,
  });
  const speed = select<Speed>({
    key: "pg.speed",
    label: "playground.speed",
    options: [
      { value: "slow", label: "playground.speed.slow" },
      { value: "medium", label: "playground.speed.medium" },
      { value: "fast", label: "playground.speed.fast" },
    ],
    value: "slow",
    onChange: on.sendPace,
  });
  const useL2 = checkbox({ key: "pg.useL2", label: "playground.useL2", value: false, onChange: on.sendLive });
  const l2 = slider({
    key: "pg.l2",
    label: "playground.l2",
    min: 1e-5,
    max: 1,
    value: 0.003,
    scale: "log",
    onInput: on.sendLive,
  });
  const useL1 = checkbox({ key: "pg.useL1", label: "playground.useL1", value: false, onChange: on.sendLive });
  const l1 = slider({
    key: "pg.l1",
    label: "playground.l1",
    min: 1e-5,
    max: 1,
    value: 0.001,
    scale: "log",
    onInput: on.sendLive,
  });
  const dropout = slider({
    key: "pg.drop",
    label: "playground.dropout",
    min: 0,
    max: 0.8,
    step: 0.05,
    value: 0,
    onInput: on.sendLive,
  });
  const warmup = slider({
    key: "pg.warmup",
    label: "playground.warmup",
    min: 0,
    max: 300,
    step: 10,
    value: 0,
    onInput: on.sendLive,
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
    eta,
    speed,
    useL2,
    l2,
    useL1,
    l1,
    dropout,
    warmup,
  };
}
