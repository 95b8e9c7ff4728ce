/**
 * A network in training, one epoch at a time: the loop behind `trainNetwork` and behind the web
 * lab's playground, where the learner changes η, λ and dropout *while* it trains.
 *
 * Objective: mean data loss over the training rows + P(W) (see regularizers). Mini-batches are
 * drawn by a seeded shuffle each epoch; batchSize 0 means full batch. A change of the
 * regularization or the learning rate takes effect with the next update; the optimizer's state
 * (Adam's moments) is kept, as it would be in any framework that changes a hyper-parameter live.
 */
import { createRandom } from "../core/random.js";
import type { Dataset } from "../data/parseCsv.js";
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
  createNetwork,
  createWorkspace,
  forward,
  type InitializerName,
  type Network,
  type Workspace,
} from "./network.js";
import { createOptimizer, type Optimizer, type OptimizerName } from "./optimizers.js";
import { addPenaltyGradient, applyMaxNorm, penalty, type Regularization } from "./regularizers.js";
import { encodeTargets, type Task, taskFor } from "./task.js";

export interface TrainerOptions {
  /** Hidden layer widths; default [8, 8]; [] is logistic / linear regression. */
  hidden?: readonly number[];
  activation?: ActivationName;
  /** Default "log" for classification; regression always uses "squared". */
  loss?: LossName;
  optimizer?: OptimizerName;
  learningRate?: number;
  /** Rows per mini-batch; 0 = full batch (default). */
  batchSize?: number;
  l2?: number;
  l1?: number;
  dropout?: number;
  maxNorm?: number;
  init?: InitializerName;
  /** Multiplies the initial weights; default 1. */
  initScale?: number;
  seed?: number;
  /** a'(z) below this share of its peak counts as saturated; default 0.01. */
  saturationThreshold?: number;
  /** ε of the input sensitivity; default 0.01. */
  sensitivityEpsilon?: number;
}

export const TRAINER_DEFAULTS = {
  hidden: [8, 8],
  activation: "tanh",
  optimizer: "adam",
  learningRate: 0.01,
  batchSize: 0,
  l2: 0,
  l1: 0,
  dropout: 0,
  maxNorm: 0,
  initScale: 1,
  seed: 1,
  saturationThreshold: 0.01,
  sensitivityEpsilon: 0.01,
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

export interface Evaluation {
  loss: number;
  accuracy: number;
}

/** The hyper-parameters that may change while training runs. */
export interface LiveSettings {
  learningRate: number;
  l2: number;
  l1: number;
  dropout: number;
  maxNorm: number;
}

export interface Trainer {
  readonly network: Network;
  readonly task: Task;
  /** Epochs of updates done so far. */
  readonly epoch: number;
  /** True once a weight became NaN or ±Inf; no further epoch runs. */
  readonly diverged: boolean;
  /**
   * Mean data loss of the last epoch's mini-batches, each measured before its update: free to read
   * (the backward pass computes it anyway), so a live view can watch every epoch for blow-ups.
   */
  readonly epochLoss: number;
  /** The current live settings (a copy). */
  settings(): LiveSettings;
  /** Changes some live settings; takes effect with the next update. */
  update(settings: Partial<LiveSettings>): void;
  /** One epoch of updates. Returns false (and does nothing) once training has diverged. */
  runEpoch(): boolean;
  /** Losses, accuracies and every layer's diagnostics now, on the fit, test (and validation) rows. */
  diagnose(validation?: { data: Dataset; targets: Float64Array } | null): EpochDiagnostics;
  /** Encodes targets as this trainer's outputs expect them. */
  encode(y: Float64Array): Float64Array;
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

function allFinite(network: Network): boolean {
  return (
    network.weights.every((w) => w.every(Number.isFinite)) &&
    network.biases.every((b) => b.every(Number.isFinite))
  );
}

/**
 * Starts training on `fit` (the rows the updates see), evaluating on `test`. Nothing runs until
 * runEpoch is called.
 */
export function createTrainer(fit: Dataset, test: Dataset, options: TrainerOptions = {}): Trainer {
  const settings = { ...TRAINER_DEFAULTS, ...options };
  const loss: LossName = options.loss ?? "log";
  const task = taskFor(fit.y, loss, [test.y]);
  const effectiveLoss: LossName = task.kind === "regression" ? "squared" : loss;
  const random = createRandom(settings.seed);
  const spec = {
    sizes: [fit.p, ...settings.hidden, task.outputs],
    hidden: settings.activation,
    output: task.output,
    loss: effectiveLoss,
  };
  const network = createNetwork(spec, { init: options.init, scale: settings.initScale, random });
  const targets = encodeTargets(fit.y, task);
  const testTargets = encodeTargets(test.y, task);
  const n = fit.n;
  const batchSize = settings.batchSize > 0 ? Math.min(settings.batchSize, n) : n;
  const ws = createWorkspace(spec, Math.max(n, test.n));
  const batchWs = batchSize === n ? ws : createWorkspace(spec, batchSize);
  const parameters = [...network.weights, ...network.biases];
  const gradients = [...batchWs.gradW, ...batchWs.gradB];
  const optimizer: Optimizer = createOptimizer(settings.optimizer, settings.learningRate, parameters);
  const live: LiveSettings = {
    learningRate: settings.learningRate,
    l2: settings.l2,
    l1: settings.l1,
    dropout: settings.dropout,
    maxNorm: settings.maxNorm,
  };
  const regularization: Regularization = { l2: live.l2, l1: live.l1, maxNorm: live.maxNorm };
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
  let epoch = 0;
  let diverged = false;
  let epochLoss = Number.NaN;
  let evaluationWs: Workspace = ws;

  return {
    network,
    task,
    get epoch() {
      return epoch;
    },
    get diverged() {
      return diverged;
    },
    get epochLoss() {
      return epochLoss;
    },
    settings: () => ({ ...live }),
    update(changes) {
      Object.assign(live, changes);
      optimizer.learningRate = live.learningRate;
      regularization.l2 = live.l2;
      regularization.l1 = live.l1;
      regularization.maxNorm = live.maxNorm;
    },
    runEpoch() {
      if (diverged) return false;
      // Full batch: the order of rows does not change the gradient, so there is nothing to shuffle.
      for (let i = batchSize < n ? n - 1 : 0; i > 0; i--) {
        const j = shuffle.integer(i + 1);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      let lossSum = 0;
      for (let start = 0; start < n; start += batchSize) {
        const size = Math.min(batchSize, n - start);
        const rows = size === batchSize ? batchRows : batchRows.subarray(0, size);
        for (let i = 0; i < size; i++) rows[i] = order[start + i]!;
        forward(network, batchWs, fit.x, rows, { dropout: live.dropout, random });
        for (let i = 0; i < size; i++)
          batchWs.targets.set(targets.subarray(rows[i]! * K, rows[i]! * K + K), i * K);
        lossSum += size * backward(network, batchWs, size);
        addPenaltyGradient(network.weights, batchWs.gradW, regularization);
        optimizer.step(parameters, gradients);
        applyMaxNorm(network.weights, spec.sizes, live.maxNorm);
      }
      epoch++;
      epochLoss = lossSum / n;
      if (!allFinite(network)) diverged = true;
      return !diverged;
    },
    diagnose(validation = null) {
      if (validation && validation.data.n > evaluationWs.capacity)
        evaluationWs = createWorkspace(spec, validation.data.n);
      // Full passes without dropout. Test first, so the training pass's buffers stay for the layers.
      const testEval = evaluateNetwork(network, evaluationWs, test.x, testTargets, test.n, task);
      const validationLoss = validation
        ? evaluateNetwork(
            network,
            evaluationWs,
            validation.data.x,
            validation.targets,
            validation.data.n,
            task,
          ).loss
        : Number.NaN;
      const trainEval = evaluateNetwork(network, evaluationWs, fit.x, targets, n, task);
      const { output, logit } = inputSensitivity(network, test.x, perturbation, test.n);
      return {
        epoch,
        trainLoss: trainEval.loss,
        trainObjective: trainEval.loss + penalty(network.weights, regularization),
        testLoss: testEval.loss,
        trainAccuracy: trainEval.accuracy,
        testAccuracy: testEval.accuracy,
        gap: testEval.loss - trainEval.loss,
        validationLoss,
        layers: layerDiagnostics(network, evaluationWs, n, settings.saturationThreshold),
        sensitivity: output,
        logitSensitivity: logit,
        lipschitzBound: lipschitzUpperBound(network),
      };
    },
    encode: (y) => encodeTargets(y, task),
  };
}
