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
import { createRandom } from "../core/random.js";
import type { Dataset } from "../data/parseCsv.js";
import { shuffledIndices, takeRows } from "../data/split.js";
import {
  type LayerDiagnostics,
  layerDiagnostics,
  lipschitzUpperBound,
} from "../diagnostics/networkDiagnostics.js";
import { inputSensitivity, type Perturbation, perturbInputs } from "../diagnostics/sensitivity.js";
import type { ActivationName } from "./activations.js";
import type { LossName } from "./losses.js";
import {
  backward,
  cloneNetwork,
  createNetwork,
  createWorkspace,
  forward,
  type InitializerName,
  type Network,
  type Workspace,
} from "./network.js";
import { createOptimizer, type OptimizerName } from "./optimizers.js";
import { addPenaltyGradient, applyMaxNorm, penalty, type Regularization } from "./regularizers.js";
import { encodeTargets, type Task, taskFor } from "./task.js";

export interface TrainOptions {
  /** Hidden layer widths; default [8, 8]. */
  hidden?: readonly number[];
  /** Hidden activation; default tanh. */
  activation?: ActivationName;
  /** Default "log" for classification; regression always uses "squared". */
  loss?: LossName;
  optimizer?: OptimizerName;
  /** Default 0.03 for gd/momentum… see TRAIN_DEFAULTS. */
  learningRate?: number;
  epochs?: number;
  /** Rows per mini-batch; 0 = full batch (default). */
  batchSize?: number;
  l2?: number;
  l1?: number;
  dropout?: number;
  maxNorm?: number;
  /** Patience of early stopping in epochs; 0 = off (default). */
  earlyStop?: number;
  /** Share of training rows held out for early stopping; default 0.2. */
  validationShare?: number;
  init?: InitializerName;
  /** Multiplies the initial weights; default 1. */
  initScale?: number;
  seed?: number;
  /** a'(z) below this share of its peak counts as saturated; default 0.01. */
  saturationThreshold?: number;
  /** ε of the input sensitivity; default 0.01. */
  sensitivityEpsilon?: number;
  /** Record diagnostics every this many epochs (the first and last always); 0 = only first and last. Default 1. */
  diagnosticsEvery?: number;
  /** Called after every recorded epoch (for progress bars and live views). */
  onEpoch?: (epoch: EpochDiagnostics) => void;
}

export const TRAIN_DEFAULTS = {
  hidden: [8, 8],
  activation: "tanh",
  optimizer: "adam",
  learningRate: 0.01,
  epochs: 300,
  batchSize: 0,
  l2: 0,
  l1: 0,
  dropout: 0,
  maxNorm: 0,
  earlyStop: 0,
  validationShare: 0.2,
  initScale: 1,
  seed: 1,
  saturationThreshold: 0.01,
  sensitivityEpsilon: 0.01,
  diagnosticsEvery: 1,
} as const;

export interface EpochDiagnostics {
  epoch: number;
  trainLoss: number;
  trainObjective: number;
  testLoss: number;
  /** Accuracy (classification) or NaN. */
  trainAccuracy: number;
  testAccuracy: number;
  /** testLoss − trainLoss. */
  gap: number;
  validationLoss: number;
  layers: LayerDiagnostics[];
  /** Mean |f(x + δ) − f(x)| on the test rows (outputs as seen by the user). */
  sensitivity: number;
  /** The same on the output logits. */
  logitSensitivity: number;
  lipschitzBound: number;
}

export interface TrainResult {
  network: Network;
  task: Task;
  history: EpochDiagnostics[];
  /** Epoch whose weights were kept (the best validation epoch under early stopping, else the last). */
  keptEpoch: number;
  stoppedEarly: boolean;
  diverged: boolean;
}

export interface Evaluation {
  loss: number;
  accuracy: number;
}

/** Loss and accuracy on all rows of (x, encoded targets), leaving the passes' buffers in ws. */
export function evaluateNetwork(
  network: Network,
  ws: Workspace,
  x: Float64Array,
  targets: Float64Array,
  n: number,
  task: Task,
): Evaluation {
  const rows = Array.from({ length: n }, (_, i) => i);
  const K = task.outputs;
  forward(network, ws, x, rows);
  ws.targets.set(targets.subarray(0, n * K));
  const loss = backward(network, ws, n);
  if (task.kind === "regression") return { loss, accuracy: Number.NaN };
  const a = ws.a[network.spec.sizes.length - 1]!;
  let correct = 0;
  for (let i = 0; i < n; i++) {
    let predicted = 0;
    if (K === 1) predicted = a[i]! > 0.5 ? 1 : 0;
    else for (let k = 1; k < K; k++) if (a[i * K + k]! > a[i * K + predicted]!) predicted = k;
    const actual = K === 1 ? targets[i]! : targets.subarray(i * K, i * K + K).indexOf(1);
    if (predicted === actual) correct++;
  }
  return { loss, accuracy: correct / n };
}

function sensitivityOf(network: Network, test: Dataset, perturbation: Perturbation) {
  const { output, logit } = inputSensitivity(network, test.x, perturbation, test.n);
  return { sensitivity: output, logitSensitivity: logit };
}

function allFinite(network: Network): boolean {
  return (
    network.weights.every((w) => w.every(Number.isFinite)) &&
    network.biases.every((b) => b.every(Number.isFinite))
  );
}

export function trainNetwork(train: Dataset, test: Dataset, options: TrainOptions = {}): TrainResult {
  const settings = { ...TRAIN_DEFAULTS, ...options };
  const loss: LossName = options.loss ?? "log";
  const task = taskFor(train.y, loss);
  const effectiveLoss: LossName = task.kind === "regression" ? "squared" : loss;
  const random = createRandom(settings.seed);
  const spec = {
    sizes: [train.p, ...settings.hidden, task.outputs],
    hidden: settings.activation,
    output: task.output,
    loss: effectiveLoss,
  };
  const network = createNetwork(spec, { init: options.init, scale: settings.initScale, random });

  // Early stopping holds out validation rows from the training rows.
  let fitRows = train;
  let validation: Dataset | null = null;
  if (settings.earlyStop > 0) {
    const order = shuffledIndices(train.n, settings.seed + 1);
    const cut = Math.max(1, Math.round(train.n * (1 - settings.validationShare)));
    fitRows = takeRows(train, order.slice(0, cut));
    validation = takeRows(train, order.slice(cut));
  }
  const targets = encodeTargets(fitRows.y, task);
  const testTargets = encodeTargets(test.y, task);
  const validationTargets = validation ? encodeTargets(validation.y, task) : null;
  const n = fitRows.n;
  const batchSize = settings.batchSize > 0 ? Math.min(settings.batchSize, n) : n;

  const ws = createWorkspace(spec, Math.max(n, test.n, validation?.n ?? 0));
  const batchWs = batchSize === n ? ws : createWorkspace(spec, batchSize);
  const optimizer = createOptimizer(settings.optimizer, settings.learningRate, [
    ...network.weights,
    ...network.biases,
  ]);
  const regularization: Regularization = { l2: settings.l2, l1: settings.l1, maxNorm: settings.maxNorm };
  const perturbation: Perturbation = perturbInputs(
    test.x,
    test.n,
    test.p,
    settings.sensitivityEpsilon,
    settings.seed + 2,
  );
  const shuffle = createRandom(settings.seed + 3);
  const order = Array.from({ length: n }, (_, i) => i);
  const batchRows = new Int32Array(batchSize);
  const K = task.outputs;
  const parameters = [...network.weights, ...network.biases];
  const gradients = [...batchWs.gradW, ...batchWs.gradB];

  const history: EpochDiagnostics[] = [];
  let best = { loss: Number.POSITIVE_INFINITY, epoch: 0, network: cloneNetwork(network) };
  let stoppedEarly = false;
  let diverged = false;

  for (let epoch = 0; epoch <= settings.epochs; epoch++) {
    if (epoch > 0) {
      // Full batch: the order of rows does not change the gradient, so there is nothing to shuffle.
      for (let i = batchSize < n ? n - 1 : 0; i > 0; i--) {
        const j = shuffle.integer(i + 1);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      for (let start = 0; start < n; start += batchSize) {
        const size = Math.min(batchSize, n - start);
        const rows = size === batchSize ? batchRows : batchRows.subarray(0, size);
        for (let i = 0; i < size; i++) rows[i] = order[start + i]!;
        forward(network, batchWs, fitRows.x, rows, { dropout: settings.dropout, random });
        for (let i = 0; i < size; i++)
          batchWs.targets.set(targets.subarray(rows[i]! * K, rows[i]! * K + K), i * K);
        backward(network, batchWs, size);
        addPenaltyGradient(network.weights, batchWs.gradW, regularization);
        optimizer.step(parameters, gradients);
        applyMaxNorm(network.weights, spec.sizes, settings.maxNorm);
      }
    }
    if (!allFinite(network)) {
      diverged = true;
      break;
    }
    const every = settings.diagnosticsEvery;
    const record =
      epoch === 0 || epoch === settings.epochs || validation !== null || (every > 0 && epoch % every === 0);
    if (!record) continue;
    // Diagnostics: full passes without dropout. Test first, so the training pass's buffers stay.
    const testEval = evaluateNetwork(network, ws, test.x, testTargets, test.n, task);
    const validationLoss =
      validation && validationTargets
        ? evaluateNetwork(network, ws, validation.x, validationTargets, validation.n, task).loss
        : Number.NaN;
    const trainEval = evaluateNetwork(network, ws, fitRows.x, targets, n, task);
    const diagnostics: EpochDiagnostics = {
      epoch,
      trainLoss: trainEval.loss,
      trainObjective: trainEval.loss + penalty(network.weights, regularization),
      testLoss: testEval.loss,
      trainAccuracy: trainEval.accuracy,
      testAccuracy: testEval.accuracy,
      gap: testEval.loss - trainEval.loss,
      validationLoss,
      layers: layerDiagnostics(network, ws, n, settings.saturationThreshold),
      ...sensitivityOf(network, test, perturbation),
      lipschitzBound: lipschitzUpperBound(network),
    };
    history.push(diagnostics);
    options.onEpoch?.(diagnostics);
    if (!Number.isFinite(trainEval.loss)) {
      diverged = true;
      break;
    }
    if (validation) {
      if (validationLoss < best.loss) best = { loss: validationLoss, epoch, network: cloneNetwork(network) };
      else if (epoch - best.epoch >= settings.earlyStop) {
        stoppedEarly = true;
        break;
      }
    }
  }
  const kept = validation ? best.network : network;
  return {
    network: kept,
    task,
    history,
    keptEpoch: validation ? best.epoch : (history.at(-1)?.epoch ?? 0),
    stoppedEarly,
    diverged,
  };
}
