/**
 * The playground's training controls, each bound to its URL key: the learning rate, the penalties
 * (L2, L1, dropout and the epochs over which λ warms up) and the speed. The model in training
 * takes them as it goes — a student turns λ on while the gap opens and watches it close — so a
 * change never restarts the run (the setup controls, playgroundSetupControls, do).
 */
import { checkbox, select, slider } from "../ui/controls.js";

/**
 * Epochs per second at each speed (0 = as fast as the machine allows). Slow is the default: on the
 * noisy spiral the test loss turns up after ~150 epochs, so a student sees the gap open over
 * 10–20 s instead of in a blink.
 */
export const SPEEDS = { slow: 15, medium: 100, fast: 0 } as const;
export type Speed = keyof typeof SPEEDS;

export interface TrainingHandlers {
  /** A training setting changed: the worker applies it to the model training now. */
  sendLive(): void;
  /** The speed changed. */
  sendPace(): void;
}

export type TrainingControls = ReturnType<typeof playgroundTrainingControls>;

export function playgroundTrainingControls(on: TrainingHandlers) {
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
  return { eta, speed, useL2, l2, useL1, l1, dropout, warmup };
}
