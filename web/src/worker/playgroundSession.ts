/**
 * The playground's training, as the worker runs it: points → seeded train/test split → inputs
 * standardized with the training rows → raw (network) or polynomial features (logistic model) →
 * a library Trainer, stepped in time slices so the page stays live. Each frame carries the
 * diagnostics and the decision surface; divergence (non-finite weights, or a loss 10× its start)
 * stops training with the chain-rule factor that exploded. Pure: no DOM, no worker API — the
 * tests drive it directly.
 */
import type { Dataset } from "../../../src/data/parseCsv.js";
import { polynomialFeatures } from "../../../src/data/polynomialFeatures.js";
import {
  fitStandardizer,
  type Standardizer,
  shuffledIndices,
  standardize,
  takeRows,
} from "../../../src/data/split.js";
import { explainDivergence, lossExploded } from "../../../src/diagnostics/divergence.js";
import { gridAxis } from "../../../src/experiments/decisionGrid.js";
import { createWorkspace, forward, type Workspace } from "../../../src/nn/network.js";
import {
  createTrainer,
  type EpochDiagnostics,
  type LiveSettings,
  type Trainer,
} from "../../../src/nn/trainer.js";
import type { PlaygroundConfig, PlaygroundFrame, Points2d } from "./protocol.js";

export function pointsDataset(points: Points2d, source = "playground"): Dataset {
  return {
    source,
    featureNames: ["x1", "x2"],
    targetName: "y",
    n: points.y.length,
    p: 2,
    x: points.x,
    y: points.y,
    droppedRows: 0,
    constantColumns: [],
  };
}

export class PlaygroundSession {
  readonly trainer: Trainer;
  readonly isTrain: Uint8Array;
  readonly axis: Float64Array;
  readonly standardizer: Standardizer;
  private readonly gridInputs: Float64Array;
  private readonly gridRows: Int32Array;
  private readonly gridWs: Workspace;
  private readonly first: EpochDiagnostics;
  private lastFinite: EpochDiagnostics;
  private target: LiveSettings;
  private warmup: number;
  divergence: PlaygroundFrame["divergence"] = null;

  constructor(
    readonly run: number,
    readonly config: PlaygroundConfig,
  ) {
    const raw = pointsDataset(config.points);
    const n = raw.n;
    const order = shuffledIndices(n, config.seed);
    const cut = Math.max(1, Math.min(n - 1, Math.round(config.trainShare * n)));
    this.isTrain = new Uint8Array(n);
    for (const row of order.slice(0, cut)) this.isTrain[row] = 1;
    const train = takeRows(raw, order.slice(0, cut));
    const test = takeRows(raw, order.slice(cut));
    this.standardizer = fitStandardizer(train);
    const features = (data: Dataset) =>
      config.model === "polynomial" ? polynomialFeatures(data, config.degree) : data;
    const fit = features(standardize(train, this.standardizer));
    const held = features(standardize(test, this.standardizer));
    this.target = { ...config.live };
    this.warmup = config.warmup;
    this.trainer = createTrainer(fit, held, {
      hidden: config.model === "polynomial" ? [] : config.hidden,
      activation: config.activation,
      loss: config.loss,
      optimizer: "adam",
      seed: config.seed,
      ...this.liveAt(0),
    });

    const R = config.resolution;
    this.axis = gridAxis(config.points.x, R);
    const grid = new Float64Array(R * R * 2);
    for (let j = 0; j < R; j++)
      for (let i = 0; i < R; i++) {
        grid[2 * (j * R + i)] = this.axis[i]!;
        grid[2 * (j * R + i) + 1] = this.axis[j]!;
      }
    const gridData = features(
      standardize(pointsDataset({ x: grid, y: new Float64Array(R * R) }), this.standardizer),
    );
    this.gridInputs = gridData.x;
    this.gridRows = Int32Array.from({ length: R * R }, (_, i) => i);
    this.gridWs = createWorkspace(this.trainer.network.spec, R * R);
    this.first = this.trainer.diagnose();
    this.lastFinite = this.first;
  }

  /** The live settings in force at an epoch: λ (L1 and L2) ramps up over the warm-up epochs. */
  private liveAt(epoch: number): LiveSettings {
    const ramp = this.warmup > 0 ? Math.min(1, epoch / this.warmup) : 1;
    return { ...this.target, l2: this.target.l2 * ramp, l1: this.target.l1 * ramp };
  }

  update(live: Partial<LiveSettings>, warmup?: number): void {
    this.target = { ...this.target, ...live };
    if (warmup !== undefined) this.warmup = warmup;
    this.trainer.update(this.liveAt(this.trainer.epoch));
  }

  get stopped(): boolean {
    return this.divergence !== null;
  }

  /** One epoch; false once training has diverged. */
  stepEpoch(): boolean {
    if (this.stopped) return false;
    if (this.warmup > 0) this.trainer.update(this.liveAt(this.trainer.epoch));
    if (!this.trainer.runEpoch()) {
      this.stopDiverged(this.lastFinite);
      return false;
    }
    // every epoch, not just every frame: a loss can blow up and fall back between two frames
    if (lossExploded(this.first.trainLoss, this.trainer.epochLoss)) {
      this.stopDiverged(this.trainer.diagnose());
      return false;
    }
    return true;
  }

  /** Epochs until `milliseconds` have passed (at least one), for a worker's time slice. */
  runFor(milliseconds: number, now: () => number = () => performance.now()): number {
    const start = now();
    let epochs = 0;
    do {
      if (!this.stepEpoch()) break;
      epochs++;
    } while (now() - start < milliseconds);
    return epochs;
  }

  private stopDiverged(last: EpochDiagnostics): void {
    this.divergence = {
      epoch: this.trainer.epoch,
      explanation: explainDivergence(this.first.layers, last.layers, this.target.l2 + this.target.l1),
    };
  }

  /** Diagnostics and the decision surface now (checks for a blown-up loss as it goes). */
  frame(running: boolean): PlaygroundFrame {
    const diagnostics = this.stopped ? this.lastFinite : this.trainer.diagnose();
    if (!this.stopped) {
      if (lossExploded(this.first.trainLoss, diagnostics.trainLoss)) this.stopDiverged(diagnostics);
      else this.lastFinite = diagnostics;
    }
    const network = this.trainer.network;
    forward(network, this.gridWs, this.gridInputs, this.gridRows);
    const out = this.gridWs.a[network.spec.sizes.length - 1]!;
    const K = network.spec.sizes.at(-1)!;
    const R = this.config.resolution;
    const grid = new Float64Array(R * R);
    for (let index = 0; index < R * R; index++) grid[index] = K === 1 ? out[index]! : out[index * K + 1]!;
    return {
      type: "playground.frame",
      run: this.run,
      epoch: this.trainer.epoch,
      diagnostics,
      grid,
      axis: this.axis,
      isTrain: this.isTrain,
      running: running && !this.stopped,
      divergence: this.divergence,
    };
  }

  /** The trained model as a JSON-ready object: enough to reproduce its predictions. */
  exportModel(): Record<string, unknown> {
    const { network } = this.trainer;
    return {
      format: "reglab-network",
      version: 1,
      model: this.config.model,
      degree: this.config.model === "polynomial" ? this.config.degree : undefined,
      spec: network.spec,
      weights: network.weights.map((w) => Array.from(w)),
      biases: network.biases.map((b) => Array.from(b)),
      standardizer: { mean: Array.from(this.standardizer.mean), scale: Array.from(this.standardizer.scale) },
      epoch: this.trainer.epoch,
      settings: this.trainer.settings(),
      seed: this.config.seed,
    };
  }
}
