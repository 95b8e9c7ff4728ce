/**
 * Messages between the page and the lab's Web Worker (which runs the library's solvers): every
 * request and result type lives here, so the jobs and the chapters import this file and it imports
 * neither (no import cycle).
 */

import type { Dataset } from "../../../src/data/parseCsv.js";
import type { DivergenceExplanation } from "../../../src/diagnostics/divergence.js";
import type { StripResult } from "../../../src/experiments/boundaryStrip.js";
import type { CvResult } from "../../../src/glm/crossValidation.js";
import type { GlmFamily } from "../../../src/glm/glmPath.js";
import type { ActivationName } from "../../../src/nn/activations.js";
import type { LossName } from "../../../src/nn/losses.js";
import type { Network } from "../../../src/nn/network.js";
import type { EpochDiagnostics, LiveSettings } from "../../../src/nn/trainer.js";

/** Labelled 2-D points: x row-major (n × 2), y ∈ {0, 1}. */
export interface Points2d {
  x: Float64Array;
  y: Float64Array;
}

export interface PlaygroundConfig {
  points: Points2d;
  trainShare: number;
  seed: number;
  model: "network" | "polynomial";
  hidden: number[];
  activation: ActivationName;
  degree: number;
  loss: LossName;
  live: LiveSettings;
  /** Epochs over which λ rises from 0 to its value (0 = no warm-up). */
  warmup: number;
  resolution: number;
}

export interface PlaygroundFrame {
  type: "playground.frame";
  run: number;
  epoch: number;
  diagnostics: EpochDiagnostics;
  /** P(class 1) on the grid, row j·resolution + i at (axis[i], axis[j]). */
  grid: Float64Array;
  axis: Float64Array;
  /** Which rows of the points are training rows (1) or test rows (0). */
  isTrain: Uint8Array;
  running: boolean;
  divergence: { epoch: number; explanation: DivergenceExplanation } | null;
}

export interface PathRequest {
  type: "path.fit";
  run: number;
  csv: string;
  source: string;
  family: GlmFamily | "auto";
  alpha: number;
  folds: number;
  seed: number;
}

export interface PathStripRequest {
  type: "path.strip";
  run: number;
  points: Points2d;
  /** Held-out points drawn from the same distribution (each panel's test accuracy). */
  test: Points2d;
  degree: number;
  alpha: number;
  panels: number;
  resolution: number;
}

export interface PathResult {
  cv: CvResult;
  classes: number[] | null;
  targetName: string;
  droppedRows: number;
  constantColumns: string[];
}

export interface TrainedModel {
  lambda: number;
  network: Network;
  weightNorm: number;
  lipschitzBound: number;
  trainLoss: number;
  testLoss: number;
  testAccuracy: number;
  /** max − min of the predicted P(class 1) over the test points. */
  predictionSpread: number;
  /** The mean predicted P(class 1) over the test points. */
  meanPrediction: number;
}

export interface InstabilityResult {
  test: Dataset;
  models: [TrainedModel, TrainedModel];
}

export interface InstabilityRequest {
  type: "instability.fit";
  run: number;
  points: Points2d;
  lambda: number;
  epochs: number;
  seed: number;
}

export type ToWorker =
  | { type: "playground.start"; run: number; config: PlaygroundConfig }
  | { type: "playground.live"; live: Partial<LiveSettings>; warmup?: number }
  | { type: "playground.run"; running: boolean }
  /** Epochs per second while running; 0 = as fast as the machine allows. */
  | { type: "playground.pace"; epochsPerSecond: number }
  | { type: "playground.step" }
  /** The page drew (or dropped as stale) this many frames. */
  | { type: "playground.ack"; frames: number }
  | { type: "playground.export" }
  | PathRequest
  | PathStripRequest
  | InstabilityRequest;

export type FromWorker =
  | PlaygroundFrame
  | { type: "playground.model"; model: Record<string, unknown> }
  | { type: "path.result"; run: number; result: PathResult }
  | { type: "path.strip"; run: number; result: StripResult }
  | { type: "instability.result"; run: number; result: InstabilityResult }
  | { type: "error"; run: number; job: string; key: string; params: Record<string, string | number> };
