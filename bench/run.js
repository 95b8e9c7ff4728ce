// npm run bench: reglab against its peers on the same data, in the same run.
// Neural networks (issue 5): epochs per second of full-batch plain gradient descent, reglab vs
// TF.js (cpu backend, and wasm), from the same initial weights, checking the losses agree.
// Speed is reported as a ratio against the peer measured in this run; results go to bench/results.json.

import { writeFileSync } from "node:fs";
import { createRandom } from "../dist/core/random.js";
import { dataset2d } from "../dist/data/datasets2d.js";
import { createNetwork } from "../dist/nn/network.js";
import { trainNetwork } from "../dist/nn/train.js";
import { runCoarseGridBench } from "./coarseGrid.js";
import { runGlmBench } from "./glm.js";
import { KERNEL_BUILD } from "./kernels.js";
import { runLabBench } from "./lab.js";
import { runLogisticBench, suboptimalityFigure } from "./logistic.js";
import { runMultinomialBench } from "./multinomial.js";
import { runOutOfCoreBench } from "./outOfCore.js";
import { runShapesBench } from "./shapes.js";
import { runSmallAlphaBench } from "./smallAlpha.js";
import { runSparseBench } from "./sparse.js";
import { runStartupBench } from "./startup.js";

const RUNS = 3;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A seeded 64-feature binary data set (like 8×8 digit images), labels from a random teacher. */
function wideData(rows, features, seed) {
  const random = createRandom(seed);
  const teacher = Array.from({ length: features }, () => random.normal());
  const x = new Float64Array(rows * features);
  const y = new Float64Array(rows);
  for (let i = 0; i < rows; i++) {
    let score = 0;
    for (let j = 0; j < features; j++) {
      x[i * features + j] = random.normal();
      score += teacher[j] * x[i * features + j];
    }
    y[i] = score > 0 ? 1 : 0;
  }
  return {
    source: "wide",
    featureNames: [],
    targetName: "y",
    n: rows,
    p: features,
    x,
    y,
    droppedRows: 0,
    constantColumns: [],
  };
}

const WORKLOADS = [
  {
    name: "2-8-8-1 tanh, 250 points (circle), full batch",
    data: dataset2d("circle", { samples: 250, seed: 1 }),
    hidden: [8, 8],
    activation: "tanh",
    epochs: 500,
    lr: 0.1,
  },
  {
    name: "64-32-1 tanh, 350 rows × 64 features, full batch",
    data: wideData(350, 64, 2),
    hidden: [32],
    activation: "tanh",
    epochs: 200,
    lr: 0.1,
  },
];

function reglabRun(workload) {
  const start = performance.now();
  const result = trainNetwork(workload.data, workload.data, {
    hidden: workload.hidden,
    activation: workload.activation,
    loss: "log",
    optimizer: "gd",
    learningRate: workload.lr,
    epochs: workload.epochs,
    diagnosticsEvery: 0,
    seed: 7,
  });
  const seconds = (performance.now() - start) / 1000;
  return { seconds, loss: result.history.at(-1).trainLoss };
}

async function loadTf() {
  try {
    const tf = await import("@tensorflow/tfjs");
    let wasm = false;
    try {
      await import("@tensorflow/tfjs-backend-wasm");
      wasm = true;
    } catch {
      console.error("skipped: @tensorflow/tfjs-backend-wasm is not installed");
    }
    return { tf, wasm };
  } catch {
    console.error("skipped: @tensorflow/tfjs is not installed");
    return null;
  }
}

function tfRun(tf, workload) {
  const { data } = workload;
  const spec = {
    sizes: [data.p, ...workload.hidden, 1],
    hidden: workload.activation,
    output: "sigmoid",
    loss: "log",
  };
  const initial = createNetwork(spec, { random: createRandom(7) }); // the same weights reglab starts from
  const weights = initial.weights.map((w, l) =>
    tf.variable(tf.tensor2d(Float32Array.from(w), [spec.sizes[l + 1], spec.sizes[l]]).transpose()),
  );
  const biases = initial.biases.map((b) => tf.variable(tf.tensor1d(Float32Array.from(b))));
  const x = tf.tensor2d(Float32Array.from(data.x), [data.n, data.p]);
  const y = tf.tensor2d(Float32Array.from(data.y), [data.n, 1]);
  const optimizer = tf.train.sgd(workload.lr);
  const logits = () => {
    let a = x;
    weights.forEach((w, l) => {
      const z = a.matMul(w).add(biases[l]);
      a = l < weights.length - 1 ? tf.tanh(z) : z;
    });
    return a;
  };
  const loss = () => tf.losses.sigmoidCrossEntropy(y, logits());
  const start = performance.now();
  for (let epoch = 0; epoch < workload.epochs; epoch++)
    tf.tidy(() => optimizer.minimize(loss, false, [...weights, ...biases]));
  const final = tf.tidy(() => loss().dataSync()[0]);
  const seconds = (performance.now() - start) / 1000;
  tf.dispose([...weights, ...biases, x, y]);
  optimizer.dispose();
  return { seconds, loss: final };
}

console.log(`WebAssembly kernels: ${KERNEL_BUILD} (REGLAB_SIMD=plain for plain SIMD)`);
const peers = await loadTf();
const results = [];
for (const workload of WORKLOADS) {
  reglabRun({ ...workload, epochs: 20 }); // warm-up (JIT)
  const ours = Array.from({ length: RUNS }, () => reglabRun(workload));
  const row = {
    workload: workload.name,
    epochs: workload.epochs,
    reglab_epochs_per_second: workload.epochs / median(ours.map((r) => r.seconds)),
    reglab_loss: ours[0].loss,
    peers: {},
  };
  if (peers) {
    for (const backend of ["cpu", ...(peers.wasm ? ["wasm"] : [])]) {
      await peers.tf.setBackend(backend);
      await peers.tf.ready();
      tfRun(peers.tf, { ...workload, epochs: 20 });
      const theirs = Array.from({ length: RUNS }, () => tfRun(peers.tf, workload));
      const perSecond = workload.epochs / median(theirs.map((r) => r.seconds));
      row.peers[`tfjs-${backend}`] = {
        epochs_per_second: perSecond,
        loss: theirs[0].loss,
        loss_difference: Math.abs(theirs[0].loss - ours[0].loss),
        speedup: row.reglab_epochs_per_second / perSecond,
      };
    }
  }
  results.push(row);
  console.log(`\n${row.workload}, ${row.epochs} epochs of plain gradient descent`);
  console.log(
    `  reglab      ${row.reglab_epochs_per_second.toFixed(0).padStart(8)} epochs/s   loss ${row.reglab_loss.toPrecision(8)}`,
  );
  for (const [name, peer] of Object.entries(row.peers)) {
    console.log(
      `  ${name.padEnd(10)}  ${peer.epochs_per_second.toFixed(0).padStart(8)} epochs/s   loss ${peer.loss.toPrecision(8)} (|Δ| ${peer.loss_difference.toExponential(1)})   reglab is ${peer.speedup.toFixed(1)}× faster`,
    );
  }
}
console.log("\nRegularization paths (100 λ, lasso), same data, same run; seconds are medians of 3:");
const glm = process.env.BENCH_ONLY === "lab" ? null : await runGlmBench();
const logistic = process.env.BENCH_ONLY === "lab" ? null : await runLogisticBench();
const multinomial = process.env.BENCH_ONLY === "lab" ? null : await runMultinomialBench();
const outOfCore = process.env.BENCH_ONLY === "lab" ? null : await runOutOfCoreBench();
const sparse = process.env.BENCH_ONLY === "lab" ? null : await runSparseBench();
const smallAlpha = process.env.BENCH_ONLY === "lab" ? null : await runSmallAlphaBench();
const coarseGrid = process.env.BENCH_ONLY === "lab" ? null : await runCoarseGridBench();
const shapes = process.env.BENCH_ONLY === "lab" ? null : await runShapesBench();
const startup = process.env.BENCH_ONLY === "lab" ? null : runStartupBench();
if (logistic) {
  writeFileSync(new URL("suboptimality.svg", import.meta.url), suboptimalityFigure(logistic));
  console.log("written: bench/suboptimality.svg");
}
const lab = await runLabBench();
writeFileSync(
  new URL("results.json", import.meta.url),
  `${JSON.stringify({ date: new Date().toISOString(), node: process.version, kernels: KERNEL_BUILD, networks: results, glm, logistic, multinomial, outOfCore, sparse, smallAlpha, coarseGrid, shapes, startup, lab }, null, 2)}\n`,
);
console.log("\nwritten: bench/results.json");
