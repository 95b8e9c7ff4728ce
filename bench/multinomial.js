// Multinomial paths and cross-validation, reglab against glmnet in the same run (issue 16, goal 1):
// digits (all 10 classes, 1797 × 64; and 3/5/8, 539 × 64), iris, wine and a wide random 3-class
// design (200 × 2000), default settings of both, folds by the "mod" rule for both. Fit times are
// the median of `runs`; reglab's first path of the process is reported beside them (it is what a
// `reglab` command meets). The objectives are compared at shared λ: reglab's must not be above.
// Run: npm run bench:multinomial (also part of npm run bench); BENCH_ONLY=classes runs the rows whose
// name contains "classes". glmnet is skipped when absent.

import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRandom } from "../dist/core/random.js";
import { parseCsv } from "../dist/data/parseCsv.js";
import { crossValidate } from "../dist/glm/crossValidation.js";
import { glmPath } from "../dist/glm/glmPath.js";
import { hasGlmnet } from "./glm.js";

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

/** A wide design whose classes each depend on 10 of the columns (seeded). */
function wideClasses(n, p, K, seed) {
  const random = createRandom(seed);
  const x = new Float64Array(n * p);
  const y = new Float64Array(n);
  const effect = Array.from({ length: K }, () => Array.from({ length: 10 }, () => 2 * random.normal()));
  for (let i = 0; i < n; i++) {
    for (let j = 0; j < p; j++) x[i * p + j] = random.normal();
    const score = effect.map((b) => b.reduce((sum, v, j) => sum + v * x[i * p + j], 0));
    y[i] = score.indexOf(score.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY));
  }
  const featureNames = Array.from({ length: p }, (_, j) => `x${j + 1}`);
  return { source: "wide", featureNames, targetName: "y", n, p, x, y, droppedRows: 0, constantColumns: [] };
}

/**
 * Many classes (issue 16's widest gap): K class centres in p dimensions, rows scattered around
 * them (so classes overlap and the path runs to near separation), the last column a copy of the
 * first (glmnet and reglab must both cope with the tie). Seeded.
 */
function manyClasses(n, p, K, seed) {
  const random = createRandom(seed);
  const centre = Array.from({ length: K }, () => Array.from({ length: p }, () => random.normal()));
  const x = new Float64Array(n * p);
  const y = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const c = Math.floor(random.uniform() * K);
    y[i] = c;
    for (let j = 0; j < p - 1; j++) x[i * p + j] = centre[c][j] + 1.5 * random.normal();
    x[i * p + p - 1] = x[i * p];
  }
  const featureNames = Array.from({ length: p }, (_, j) => `x${j + 1}`);
  return {
    source: "classes",
    featureNames,
    targetName: "y",
    n,
    p,
    x,
    y,
    droppedRows: 0,
    constantColumns: [],
  };
}

/** The digits from scikit-learn's bundled copy (no download), or null without python3-sklearn. */
function digits(classes) {
  const file = join(tmpdir(), `reglab-digits-${classes.join("")}.csv`);
  if (!existsSync(file)) {
    try {
      execFileSync("/usr/bin/python3", [
        "-c",
        `from sklearn.datasets import load_digits
d = load_digits(); keep = [i for i, t in enumerate(d.target) if t in (${classes.join(",")})]
with open("${file}", "w") as f:
    f.write(",".join("p%d" % j for j in range(64)) + ",y\\n")
    for i in keep: f.write(",".join(str(int(v)) for v in d.data[i]) + ",%d\\n" % d.target[i])`,
      ]);
    } catch {
      return null;
    }
  }
  return parseCsv(readFileSync(file, "utf8"), file);
}

const R_SCRIPT = `
args <- commandArgs(TRUE); n <- as.integer(args[2]); p <- as.integer(args[3]); runs <- as.integer(args[4]); cv <- args[5] == "cv"
suppressMessages(library(glmnet))
x <- matrix(readBin(file.path(args[1], "x.bin"), "double", n * p), nrow = n, ncol = p, byrow = TRUE)
y <- factor(readBin(file.path(args[1], "y.bin"), "double", n))
foldid <- (seq_len(n) - 1) %% 10 + 1
fitTimes <- sapply(seq_len(runs), function(r) system.time(fit <<- glmnet(x, y, family = "multinomial"))[["elapsed"]])
cvTime <- if (cv) system.time(cvfit <- cv.glmnet(x, y, family = "multinomial", foldid = foldid))[["elapsed"]] else NA
K <- nlevels(y); L <- length(fit$lambda)
cat(median(fitTimes), cvTime, L, K, "\\n")
writeBin(c(fit$lambda, as.numeric(fit$a0), unlist(lapply(fit$beta, function(b) as.numeric(as.matrix(b))))), file.path(args[1], "fit.bin"))
`;

/** The multinomial objective (as glmnet's: Σw = 1, penalty on standardized coefficients) of a model. */
function objective(data, classes, lambda, a0, beta, alpha = 1) {
  const { n, p, x, y } = data;
  const K = classes.length;
  const sd = Array.from({ length: p }, (_, j) => {
    let m = 0;
    for (let i = 0; i < n; i++) m += x[i * p + j] / n;
    let s = 0;
    for (let i = 0; i < n; i++) s += (x[i * p + j] - m) ** 2 / n;
    return Math.sqrt(s);
  });
  let loss = 0;
  for (let i = 0; i < n; i++) {
    const eta = classes.map((_, c) => a0[c] + beta[c].reduce((sum, b, j) => sum + b * x[i * p + j], 0));
    const top = eta.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
    const sum = eta.reduce((s, e) => s + Math.exp(e - top), 0);
    loss += (top + Math.log(sum) - eta[classes.indexOf(y[i])]) / n;
  }
  let penalty = 0;
  for (let c = 0; c < K; c++) for (let j = 0; j < p; j++) penalty += alpha * Math.abs(sd[j] * beta[c][j]);
  return loss + lambda * penalty;
}

export async function runMultinomialBench({ runs = 3 } = {}) {
  const glmnet = hasGlmnet();
  if (!glmnet) console.error("skipped: glmnet (Rscript with r-cran-glmnet) is not installed");
  const read = (file) => parseCsv(readFileSync(new URL(`../data/${file}`, import.meta.url), "utf8"), file);
  const designs = [
    ["digits, 10 classes (1797 × 64)", digits([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), true],
    ["digits 3/5/8 (539 × 64)", read("digits358.csv"), true],
    ["iris (150 × 4)", read("iris.csv"), true],
    ["wine (178 × 13)", read("wine.csv"), true],
    ["random, 3 classes (200 × 2000)", wideClasses(200, 2000, 3, 7), false],
    ["many classes: 20 (600 × 40)", manyClasses(600, 40, 20, 11), true],
    ["many classes: 50 (1500 × 30)", manyClasses(1500, 30, 50, 12), false],
  ];
  const rows = [];
  console.log("\n## Multinomial paths and CV (reglab vs glmnet, default settings, same run)");
  console.log(
    "| data | reglab path (first / median) | glmnet path | ratio | reglab cv | glmnet cv | ratio | objective gap |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- |");
  // BENCH_ONLY=text: only the rows whose name contains it
  const only = process.env.BENCH_ONLY;
  for (const [name, data, withCv] of designs) {
    if (only && !name.includes(only)) continue;
    if (!data) {
      console.log(`| ${name} | skipped: no python3-sklearn for the digits | | | | | | |`);
      continue;
    }
    const times = [];
    let path;
    for (let r = 0; r < runs; r++) {
      const start = performance.now();
      path = glmPath(data, { family: "multinomial" });
      times.push((performance.now() - start) / 1000);
    }
    let cvSeconds = null;
    if (withCv) {
      const start = performance.now();
      crossValidate(data, { family: "multinomial", foldRule: "mod" });
      cvSeconds = (performance.now() - start) / 1000;
    }
    const row = {
      name,
      n: data.n,
      p: data.p,
      reglab_first: times[0],
      reglab_median: median(times),
      reglab_cv: cvSeconds,
    };
    if (glmnet) {
      const folder = mkdtempSync(join(tmpdir(), "reglab-bench-"));
      writeFileSync(join(folder, "x.bin"), Buffer.from(data.x.buffer, data.x.byteOffset, data.x.byteLength));
      writeFileSync(join(folder, "y.bin"), Buffer.from(data.y.buffer, data.y.byteOffset, data.y.byteLength));
      const [seconds, cv, L, K] = execFileSync(
        "Rscript",
        ["-e", R_SCRIPT, folder, String(data.n), String(data.p), String(runs), withCv ? "cv" : "no"],
        { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] },
      )
        .trim()
        .split(/\s+/)
        .map(Number);
      const fit = new Float64Array(new Uint8Array(readFileSync(join(folder, "fit.bin"))).buffer);
      // glmnet's a0 is K × L (column-major), then one p × L block per class
      let worst = Number.NEGATIVE_INFINITY;
      const shared = Math.min(L, path.lambda.length);
      for (let k = 0; k < shared; k += Math.max(1, Math.floor(shared / 8))) {
        const a0 = Array.from({ length: K }, (_, c) => fit[L + k * K + c]);
        const beta = Array.from({ length: K }, (_, c) =>
          Array.from({ length: data.p }, (_, j) => fit[L + K * L + c * data.p * L + k * data.p + j]),
        );
        const theirs = objective(data, path.classes, fit[k], a0, beta);
        const ours = objective(
          data,
          path.classes,
          path.lambda[k],
          path.a0.map((block) => block[k]),
          path.beta.map((block) => block[k]),
        );
        worst = Math.max(worst, (ours - theirs) / Math.abs(theirs));
      }
      Object.assign(row, { glmnet_path: seconds, glmnet_cv: withCv ? cv : null, objective_gap: worst });
    }
    rows.push(row);
    const f = (v) => (v === null || v === undefined ? "–" : `${v.toFixed(2)} s`);
    const ratio = (a, b) => (a && b ? `${(a / b).toFixed(1)}×` : "–");
    console.log(
      `| ${name} | ${f(row.reglab_first)} / ${f(row.reglab_median)} | ${f(row.glmnet_path)} | ${ratio(row.reglab_median, row.glmnet_path)} | ${f(row.reglab_cv)} | ${f(row.glmnet_cv)} | ${ratio(row.reglab_cv, row.glmnet_cv)} | ${row.objective_gap === undefined ? "–" : row.objective_gap.toExponential(1)} |`,
    );
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) await runMultinomialBench();
