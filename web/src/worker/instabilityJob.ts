/**
 * The instability chapter's two models, trained in the worker on the same split: one without a
 * penalty (its weights grow as it fits the noise) and one with L2 weight decay λ. The page then
 * nudges the test inputs and measures how far each model's output moves. Beside it each model's
 * test loss and accuracy, and the spread of its predictions — a network that predicts one constant
 * is perfectly "stable" and has learned nothing, and the page must be able to say so.
 */
import type { Dataset } from "../../../src/data/parseCsv.js";
import { fitStandardizer, standardize, trainTestSplit } from "../../../src/data/split.js";
import { lipschitzUpperBound } from "../../../src/diagnostics/networkDiagnostics.js";
import { createWorkspace, forward, type Network } from "../../../src/nn/network.js";
import { trainNetwork } from "../../../src/nn/train.js";
import { pointsDataset } from "./playgroundSession.js";
import type { InstabilityRequest, InstabilityResult, TrainedModel } from "./protocol.js";

/** The hidden layers both networks have (wide enough to overfit 150 noisy points). */
export const INSTABILITY_HIDDEN = [16, 16];

function predictions(network: Network, data: Dataset): { spread: number; mean: number } {
  const ws = createWorkspace(network.spec, data.n);
  forward(
    network,
    ws,
    data.x,
    Int32Array.from({ length: data.n }, (_, i) => i),
  );
  const out = ws.a[network.spec.sizes.length - 1]!;
  const K = network.spec.sizes.at(-1)!;
  let [low, high, sum] = [Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY, 0];
  for (let i = 0; i < data.n; i++) {
    const p = K === 1 ? out[i]! : out[i * K + 1]!;
    low = Math.min(low, p);
    high = Math.max(high, p);
    sum += p;
  }
  return { spread: high - low, mean: sum / data.n };
}

export function fitInstability(request: InstabilityRequest): InstabilityResult {
  const { train, test } = trainTestSplit(pointsDataset(request.points), 0.5, request.seed);
  const standardizer = fitStandardizer(train);
  const [fit, held] = [standardize(train, standardizer), standardize(test, standardizer)];
  const model = (lambda: number): TrainedModel => {
    const result = trainNetwork(fit, held, {
      hidden: INSTABILITY_HIDDEN,
      epochs: request.epochs,
      l2: lambda,
      seed: request.seed,
      diagnosticsEvery: 0,
    });
    const last = result.history.at(-1)!;
    let squares = 0;
    for (const w of result.network.weights) for (const v of w) squares += v * v;
    const predicted = predictions(result.network, held);
    return {
      lambda,
      network: result.network,
      weightNorm: Math.sqrt(squares),
      lipschitzBound: lipschitzUpperBound(result.network),
      trainLoss: last.trainLoss,
      testLoss: last.testLoss,
      testAccuracy: last.testAccuracy,
      predictionSpread: predicted.spread,
      meanPrediction: predicted.mean,
    };
  };
  return { test: held, models: [model(0), model(request.lambda)] };
}
