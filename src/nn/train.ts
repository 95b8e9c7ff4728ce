/**
 * Training a network, with the diagnostics of every epoch recorded: losses and accuracies on the
 * training and test rows, their gap, each layer's saturation, chain-rule factors, gradient and
 * weight norms, the input sensitivity and a Lipschitz upper bound.
 *
 * Objective: mean data loss over the training rows + P(W) (see regularizers). Mini-batches are
 * drawn by a seeded shuffle each epoch; batchSize 0 means full batch. Early stopping holds out a
 * seeded share of the training rows as validation data, stops after `earlyStop` epochs without a
 * better validation loss, and restores the best weights. Divergence (a non-finite loss or weight)
 * stops training and is reported, never drawn as if fine.
 */

import type { Dataset } from "../data/parseCsv.js";
import { shuffledIndices, takeRows } from "../data/split.js";
import { lossExploded } from "../diagnostics/divergence.js";
import { cloneNetwork, type Network } from "./network.js";
import type { Task } from "./task.js";
import { createTrainer, type EpochDiagnostics, TRAINER_DEFAULTS, type TrainerOptions } from "./trainer.js";

export { type EpochDiagnostics, type Evaluation, evaluateNetwork } from "./trainer.js";

export interface TrainOptions extends TrainerOptions {
  epochs?: number;
  /** Patience of early stopping in epochs; 0 = off (default). */
  earlyStop?: number;
  /** Share of training rows held out for early stopping; default 0.2. */
  validationShare?: number;
  /** Record diagnostics every this many epochs (the first and last always); 0 = only first and last. Default 1. */
  diagnosticsEvery?: number;
  /** Called after every recorded epoch (for progress bars and live views). */
  onEpoch?: (epoch: EpochDiagnostics) => void;
}

export const TRAIN_DEFAULTS = {
  ...TRAINER_DEFAULTS,
  epochs: 300,
  earlyStop: 0,
  validationShare: 0.2,
  diagnosticsEvery: 1,
} as const;

export interface TrainResult {
  network: Network;
  task: Task;
  history: EpochDiagnostics[];
  /** Epoch whose weights were kept (the best validation epoch under early stopping, else the last). */
  keptEpoch: number;
  stoppedEarly: boolean;
  diverged: boolean;
}

export function trainNetwork(train: Dataset, test: Dataset, options: TrainOptions = {}): TrainResult {
  const settings = { ...TRAIN_DEFAULTS, ...options };
  // Early stopping holds out validation rows from the training rows.
  let fitRows = train;
  let validation: Dataset | null = null;
  if (settings.earlyStop > 0) {
    const order = shuffledIndices(train.n, settings.seed + 1);
    const cut = Math.max(1, Math.round(train.n * (1 - settings.validationShare)));
    fitRows = takeRows(train, order.slice(0, cut));
    validation = takeRows(train, order.slice(cut));
  }
  const trainer = createTrainer(fitRows, test, options);
  const held = validation ? { data: validation, targets: trainer.encode(validation.y) } : null;
  const history: EpochDiagnostics[] = [];
  let best = { loss: Number.POSITIVE_INFINITY, epoch: 0, network: cloneNetwork(trainer.network) };
  let stoppedEarly = false;
  let diverged = false;

  for (let epoch = 0; epoch <= settings.epochs; epoch++) {
    // diverged: non-finite weights, or (as the lab judges it) a loss ten times the one at the start
    if (epoch > 0 && (!trainer.runEpoch() || lossExploded(history[0]!.trainLoss, trainer.epochLoss))) {
      diverged = true;
      break;
    }
    const every = settings.diagnosticsEvery;
    const record =
      epoch === 0 || epoch === settings.epochs || held !== null || (every > 0 && epoch % every === 0);
    if (!record) continue;
    const diagnostics = trainer.diagnose(held);
    history.push(diagnostics);
    options.onEpoch?.(diagnostics);
    if (!Number.isFinite(diagnostics.trainLoss)) {
      diverged = true;
      break;
    }
    if (held) {
      const validationLoss = diagnostics.validationLoss;
      if (validationLoss < best.loss)
        best = { loss: validationLoss, epoch, network: cloneNetwork(trainer.network) };
      else if (epoch - best.epoch >= settings.earlyStop) {
        stoppedEarly = true;
        break;
      }
    }
  }
  return {
    network: held ? best.network : trainer.network,
    task: trainer.task,
    history,
    keptEpoch: held ? best.epoch : (history.at(-1)?.epoch ?? 0),
    stoppedEarly,
    diverged,
  };
}
