/**
 * The instability chapter's two models, trained in the worker on the same split: one without a
 * penalty (its weights grow as it fits the noise) and one with L2 weight decay λ. The page then
 * nudges the test inputs and measures how far each model's output moves.
 */
import type { Dataset } from "../../../src/data/parseCsv.js";
import { fitStandardizer, standardize, trainTestSplit } from "../../../src/data/split.js";
import { lipschitzUpperBound } from "../../../src/diagnostics/networkDiagnostics.js";
import type { Network } from "../../../src/nn/network.js";
import { trainNetwork } from "../../../src/nn/train.js";
import { pointsDataset } from "./playgroundSession.js";
import type { InstabilityRequest } from "./protocol.js";

export interface TrainedModel {
  lambda: number;
  network: Network;
  weightNorm: number;
  lipschitzBound: number;
  trainLoss: number;
  testLoss: number;
}

export interface InstabilityResult {
  test: Dataset;
  models: [TrainedModel, TrainedModel];
}

export function fitInstability(request: InstabilityRequest): InstabilityResult {
  const { train, test } = trainTestSplit(pointsDataset(request.points), 0.5, request.seed);
  const standardizer = fitStandardizer(train);
  const [fit, held] = [standardize(train, standardizer), standardize(test, standardizer)];
  const model = (lambda: number): TrainedModel => {
    const result = trainNetwork(fit, held, {
      hidden: [16, 16],
      epochs: request.epochs,
      l2: lambda,
      seed: request.seed,
      diagnosticsEvery: 0,
    });
    const last = result.history.at(-1)!;
    let squares = 0;
    for (const w of result.network.weights) for (const v of w) squares += v * v;
    return {
      lambda,
      network: result.network,
      weightNorm: Math.sqrt(squares),
      lipschitzBound: lipschitzUpperBound(result.network),
      trainLoss: last.trainLoss,
      testLoss: last.testLoss,
    };
  };
  return { test: held, models: [model(0), model(request.lambda)] };
}
