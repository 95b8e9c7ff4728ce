// npm run bench (single-λ L2 logistic part): reglab's truncated-Newton solver against liblinear,
// scikit-learn, TF.js and ml-logistic-regression on the same data in the same run, compared at
// equal objective, with suboptimality-vs-time curves as benchopt draws them.
//
// The problem every tool solves (liblinear's, with its bias switched on: -B 1):
//   minimize  (1/n) Σ log(1 + exp(−ỹ_i w·x_i)) + (λ/2)‖w‖²,   x_i = (standardized features, 1)
// i.e. λ = 1/(C·n) for liblinear and scikit-learn (C Σ loss + ½‖w‖²), the bias penalized like the
// rest. Peers that are absent are skipped, and said so.
import "./kernels.js"; // first: the kernels the reglab command uses
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import * as Plot from "@observablehq/plot";
import { nodeDocument } from "../dist/cli/render.js";
import { logisticRidge } from "../dist/glm/logisticRidge.js";
import { composeFigure } from "../dist/plot/composeFigure.js";
import { fhtData } from "./glm.js";

const LAMBDA = 1e-3;
const RUNS = 3;
const EQUAL = 1e-6; // relative objective gap that counts as "equal objective" (float64 tools)
const EQUAL_FLOAT32 = 1e-5; // TF.js computes in float32
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** Standardized (1/n sd) centred features with a ones column last: row-major n × (p + 1). */
function prepare(data) {
  const { n, p } = data;
  const q = p + 1;
  const x = new Float64Array(n * q);
  for (let j = 0; j < p; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += data.x[i * p + j] / n;
    let variance = 0;
    for (let i = 0; i < n; i++) variance += (data.x[i * p + j] - mean) ** 2 / n;
    const sd = Math.sqrt(variance) || 1;
    for (let i = 0; i < n; i++) x[i * q + j] = (data.x[i * p + j] - mean) / sd;
  }
  for (let i = 0; i < n; i++) x[i * q + p] = 1;
  return { n, q, x, y: data.y };
}

/** The objective above, in float64, for weights w (length q, bias last). */
function objective(problem, w) {
  const { n, q, x, y } = problem;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let eta = 0;
    for (let j = 0; j < q; j++) eta += x[i * q + j] * w[j];
    loss += Math.max(eta, 0) + Math.log1p(Math.exp(-Math.abs(eta))) - y[i] * eta;
  }
  let squares = 0;
  for (let j = 0; j < q; j++) squares += w[j] * w[j];
  return loss / n + 0.5 * LAMBDA * squares;
}

function has(command, args = ["--version"]) {
  try {
    execFileSync(command, args, { stdio: "ignore" });
    return true;
  } catch (error) {
    return error.status !== undefined && error.code !== "ENOENT";
  }
}

function reglabRuns(problem, data) {
  // reglab sees the raw design; standardizing and centring it is part of its work (and timed).
  // On the centred design the standardized intercept is the weight of the ones column.
  const curve = [];
  for (const iterations of [1, 2, 3, 4, 5, 6, 8, 10, 15, 20]) {
    const times = [];
    let fit;
    for (let r = 0; r < RUNS; r++) {
      const start = performance.now();
      fit = logisticRidge(data, LAMBDA, {
        penalizeIntercept: true,
        maxIterations: iterations,
        tolerance: 1e-14,
      });
      times.push((performance.now() - start) / 1000);
    }
    const w = [...fit.standardizedCoefs, fit.standardizedIntercept];
    curve.push({ seconds: median(times), objective: objective(problem, w), iterations });
    if (fit.converged) break;
  }
  return curve;
}

function liblinearRuns(problem, folder) {
  const { n, q, x, y } = problem;
  const lines = [];
  for (let i = 0; i < n; i++) {
    const features = [];
    for (let j = 0; j < q - 1; j++) features.push(`${j + 1}:${x[i * q + j]}`);
    lines.push(`${y[i] === 1 ? "+1" : "-1"} ${features.join(" ")}`);
  }
  const file = join(folder, "train.svm");
  writeFileSync(file, `${lines.join("\n")}\n`);
  const C = 1 / (n * LAMBDA);
  const run = (epsilon) => {
    const model = join(folder, "model");
    const start = performance.now();
    execFileSync("liblinear-train", [
      "-s",
      "0",
      "-c",
      String(C),
      "-B",
      "1",
      "-e",
      String(epsilon),
      "-q",
      file,
      model,
    ]);
    const seconds = (performance.now() - start) / 1000;
    const text = readFileSync(model, "utf8").split("\n");
    const labels = text
      .find((line) => line.startsWith("label"))
      .split(/\s+/)
      .slice(1)
      .map(Number);
    const start_w = text.indexOf("w") + 1;
    const sign = labels[0] === 1 ? 1 : -1;
    const w = text.slice(start_w, start_w + q).map((line) => sign * Number(line.trim()));
    return { seconds, w };
  };
  // reading the text file and writing the model is part of what the process does: time a run
  // that stops at once, and report the solver's time with that subtracted too
  const io = median(Array.from({ length: RUNS }, () => run(1e9).seconds));
  const curve = [];
  for (const epsilon of [1e-1, 1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-7, 1e-8]) {
    const runs = Array.from({ length: RUNS }, () => run(epsilon));
    curve.push({
      seconds: median(runs.map((r) => r.seconds)),
      objective: objective(problem, runs[0].w),
      epsilon,
    });
  }
  return { curve, io };
}

const SKLEARN = `
import json, sys, time, numpy as np
from sklearn.linear_model import LogisticRegression
folder, n, q, lam = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4])
x = np.fromfile(folder + "/x.bin", dtype=np.float64).reshape(n, q)
y = np.fromfile(folder + "/y.bin", dtype=np.float64)
out = []
for solver in ["lbfgs", "newton-cg", "liblinear"]:
    for tol in [1e-2, 1e-3, 1e-4, 1e-5, 1e-6, 1e-8]:
        times = []
        for r in range(3):
            model = LogisticRegression(C=1.0 / (n * lam), fit_intercept=False, tol=tol, max_iter=100000, solver=solver)
            start = time.perf_counter(); model.fit(x, y); times.append(time.perf_counter() - start)
        out.append({"solver": solver, "tol": tol, "seconds": sorted(times)[1], "w": model.coef_[0].tolist()})
print(json.dumps(out))
`;

function sklearnRuns(problem, folder) {
  writeFileSync(join(folder, "x.bin"), Buffer.from(problem.x.buffer));
  writeFileSync(join(folder, "y.bin"), Buffer.from(Float64Array.from(problem.y).buffer));
  const output = execFileSync(
    "/usr/bin/python3",
    ["-c", SKLEARN, folder, String(problem.n), String(problem.q), String(LAMBDA)],
    { encoding: "utf8", maxBuffer: 1 << 26 },
  );
  const bySolver = {};
  for (const row of JSON.parse(output)) {
    if (!bySolver[row.solver]) bySolver[row.solver] = [];
    bySolver[row.solver].push({
      seconds: row.seconds,
      objective: objective(problem, row.w),
      tol: row.tol,
    });
  }
  return bySolver;
}

async function tfRuns(problem) {
  const tf = await import("@tensorflow/tfjs");
  await tf.setBackend("cpu");
  const { n, q, x, y } = problem;
  const features = tf.tensor2d(Float32Array.from(x), [n, q]);
  const labels = tf.tensor2d(Float32Array.from(y), [n, 1]);
  const w = tf.variable(tf.zeros([q, 1]));
  const optimizer = tf.train.adam(0.05);
  const lossOf = () =>
    tf.tidy(() =>
      tf.losses.sigmoidCrossEntropy(labels, features.matMul(w)).add(tf.sum(tf.square(w)).mul(0.5 * LAMBDA)),
    );
  const curve = [];
  let seconds = 0;
  for (let block = 0; block < 60; block++) {
    const start = performance.now();
    for (let step = 0; step < 50; step++) optimizer.minimize(lossOf);
    await w.data();
    seconds += (performance.now() - start) / 1000;
    curve.push({
      seconds,
      objective: objective(problem, Array.from(await w.data())),
      steps: (block + 1) * 50,
    });
  }
  tf.dispose([features, labels, w]);
  return curve;
}

async function mlRuns(problem) {
  const { Matrix } = await import("ml-matrix");
  const { default: TwoClasses } = await import("ml-logistic-regression/src/logreg_2classes.js");
  const { n, q, x, y } = problem;
  const rows = Array.from({ length: n }, (_, i) => Array.from(x.subarray(i * q, i * q + q)));
  const X = new Matrix(rows);
  const Y = Matrix.columnVector(Array.from(y));
  const curve = [];
  for (const steps of [100, 1000]) {
    const model = new TwoClasses({ numSteps: steps, learningRate: 5e-4 });
    const start = performance.now();
    model.train(X, Y);
    const seconds = (performance.now() - start) / 1000;
    curve.push({ seconds, objective: objective(problem, model.weights.to1DArray()), steps });
  }
  return curve;
}

/** The first point of a curve within `gap` of the best objective, or null. */
const reached = (curve, best, gap) => curve.find((point) => (point.objective - best) / best <= gap) ?? null;

export async function runLogisticBench() {
  console.log(
    `\n## L2 logistic regression at one λ = ${LAMBDA} (C = 1/(n·λ)), bias penalized, equal objective`,
  );
  const workloads = [
    [1000, 100],
    [5000, 100],
  ];
  const results = [];
  for (const [n, p] of workloads) {
    const data = fhtData(n, p, 0.5, "binomial", 11);
    const problem = prepare(data);
    const folder = mkdtempSync(join(tmpdir(), "reglab-logistic-"));
    try {
      logisticRidge(data, LAMBDA, { penalizeIntercept: true }); // warm-up
      const curves = { reglab: reglabRuns(problem, data) };
      let liblinearIo = null;
      if (has("liblinear-train", [])) {
        const { curve, io } = liblinearRuns(problem, folder);
        curves.liblinear = curve;
        liblinearIo = io;
      } else console.log("  skipped: liblinear-train (Debian's liblinear-tools) is not installed");
      if (has("/usr/bin/python3", ["-c", "import sklearn"])) {
        for (const [solver, curve] of Object.entries(sklearnRuns(problem, folder)))
          curves[`sklearn ${solver}`] = curve;
      } else console.log("  skipped: scikit-learn (/usr/bin/python3 with python3-sklearn) is not installed");
      try {
        curves["TF.js cpu (Adam)"] = await tfRuns(problem);
      } catch (error) {
        console.log(`  skipped: TF.js (${error.message})`);
      }
      try {
        curves["ml-logistic-regression"] = await mlRuns(problem);
      } catch (error) {
        console.log(`  skipped: ml-logistic-regression (${error.message})`);
      }
      const best = Math.min(
        ...Object.values(curves)
          .flat()
          .map((point) => point.objective),
      );
      const ours = reached(curves.reglab, best, EQUAL);
      const row = {
        workload: `binomial n=${n} p=${p} ρ=0.5`,
        lambda: LAMBDA,
        best_objective: best,
        curves,
        peers: {},
      };
      row.reglab_seconds = ours?.seconds ?? null;
      console.log(
        `  ${row.workload}: reglab reaches ${EQUAL} of the best objective in ${ours ? `${(ours.seconds * 1000).toFixed(1)} ms` : "— (not reached)"}`,
      );
      for (const [name, curve] of Object.entries(curves)) {
        if (name === "reglab") continue;
        const float32 = name.startsWith("TF.js");
        const gap = float32 ? EQUAL_FLOAT32 : EQUAL;
        const theirs = reached(curve, best, gap);
        const ourAtGap = reached(curves.reglab, best, gap);
        const finalGap = (curve.at(-1).objective - best) / best;
        let line;
        if (name === "ml-logistic-regression") {
          // it has no penalty and takes plain gradient steps: compare at the objective it reaches
          const last = curve.at(-1);
          const mine = curves.reglab.find((point) => point.objective <= last.objective);
          row.peers[name] = {
            seconds: last.seconds,
            steps: last.steps,
            objective_gap: finalGap,
            reglab_seconds: mine?.seconds ?? null,
            ratio: mine ? mine.seconds / last.seconds : null,
          };
          line = `${last.steps} gradient steps (its own; no penalty) ${(last.seconds * 1000).toFixed(0)} ms, reaching a gap of ${finalGap.toExponential(1)}; reglab gets there in ${mine ? `${(mine.seconds * 1000).toFixed(2)} ms: ${(last.seconds / mine.seconds).toFixed(0)}× faster` : "—"}`;
        } else if (theirs && ourAtGap) {
          const io = name === "liblinear" ? liblinearIo : 0;
          // the solver's own time, where it stands out of the start-up's noise (a tenth of the run)
          const own = theirs.seconds - io;
          const solverOnly = own > 0.1 * theirs.seconds ? ourAtGap.seconds / own : null;
          row.peers[name] = {
            seconds: theirs.seconds,
            ratio: ourAtGap.seconds / theirs.seconds,
            gap,
            ...(name === "liblinear" ? { process_overhead_seconds: io, ratio_solver_only: solverOnly } : {}),
          };
          const note =
            name !== "liblinear"
              ? ""
              : solverOnly === null
                ? ` (the process's own start-up and file reading, ${(io * 1000).toFixed(1)} ms, is most of that: its solver's share is not measurable here)`
                : ` (without the process's own ${(io * 1000).toFixed(1)} ms of start-up and file reading: ${solverOnly.toFixed(2)})`;
          line = `${(theirs.seconds * 1000).toFixed(1)} ms at ${gap}: reglab/peer = ${(ourAtGap.seconds / theirs.seconds).toFixed(2)}${note}`;
        } else {
          row.peers[name] = { seconds: null, final_gap: finalGap, last_seconds: curve.at(-1).seconds };
          line = `did not reach ${gap} (best gap ${finalGap.toExponential(1)} after ${(curve.at(-1).seconds * 1000).toFixed(0)} ms)`;
        }
        console.log(`    ${name.padEnd(24)} ${line}`);
      }
      results.push(row);
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  return results;
}

/**
 * Suboptimality against time, as benchopt draws it: objective − the best objective any tool
 * reached, on log scales, one line per tool, one panel per workload. Written to bench/.
 */
export function suboptimalityFigure(results) {
  const document = nodeDocument();
  const panels = results.map((row) => {
    const points = Object.entries(row.curves).flatMap(([tool, curve]) =>
      curve.map((point) => ({
        tool,
        seconds: Math.max(point.seconds, 1e-4),
        gap: Math.max((point.objective - row.best_objective) / row.best_objective, 1e-16),
      })),
    );
    return Plot.plot({
      document,
      width: 760,
      height: 340,
      marginLeft: 60,
      marginRight: 170,
      style: { fontFamily: "Noto Sans SC, system-ui, sans-serif", fontSize: "11px" },
      x: { type: "log", label: `seconds (${row.workload})`, tickFormat: "~g" },
      y: { type: "log", label: "relative suboptimality", grid: true, tickFormat: "~e" },
      color: { scheme: "tableau10" },
      marks: [
        Plot.ruleY([EQUAL], { stroke: "#999", strokeDasharray: "3,3" }),
        Plot.line(points, { x: "seconds", y: "gap", z: "tool", stroke: "tool", marker: "circle-stroke" }),
        Plot.text(
          points,
          Plot.selectLast({
            x: "seconds",
            y: "gap",
            z: "tool",
            text: "tool",
            fill: "tool",
            dx: 6,
            textAnchor: "start",
          }),
        ),
      ],
    });
  });
  return composeFigure({
    title: `L2 logistic regression at λ = ${LAMBDA}: suboptimality against time`,
    subtitle: "same data, same run; dashed: the 1e-6 line where the equal-objective times are read",
    panels,
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const results = await runLogisticBench();
  writeFileSync(new URL("suboptimality.svg", import.meta.url), suboptimalityFigure(results));
  console.log("written: bench/suboptimality.svg");
}
