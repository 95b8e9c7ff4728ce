// Sparse designs (issue 17): lasso paths on compressed sparse columns against glmnet's sparse mode
// (a dgCMatrix read by Matrix::readMM) and scikit-learn's lasso_path on a scipy CSC matrix, each
// peer reading the same Matrix Market file. Designs (generated here with a fixed seed, written to
// the temporary folder, not committed): the issue's 20000 × 100000 at 0.1 % (gaussian and
// binomial), a tall 200000 × 1000 at 1 %, and the committed data/sparse300 (300 × 1000, 2 %).
//
// reglab runs as a user meets it: one `reglab path FILE.mtx --response FILE --json` process per
// fit (its wall time and peak RSS by /usr/bin/time; its fit_seconds from the JSON). glmnet's
// default stops its coordinate descent on a loose rule; its worst KKT violation over the path, in
// reglab's certificate's units (violation / the largest null gradient), is computed here in R,
// and reglab is also run with --tolerance set to it: the same accuracy, side by side.
// Run: npm run bench:sparse (also part of npm run bench).

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRandom } from "../dist/core/random.js";
import { hasGlmnet } from "./glm.js";

const FOLDER = join(tmpdir(), "reglab-bench-sparse-1");
const ROOT = new URL("..", import.meta.url).pathname;
const BIN = join(ROOT, "bin/reglab.js");

/** X with `density` nonzeros per cell at uniform places, N(0,1) values; y from 20 true columns. */
function writeDesign(name, n, p, density, seed) {
  const mtx = join(FOLDER, `${name}.mtx`);
  if (existsSync(mtx)) return;
  const random = createRandom(seed);
  const nnzPerColumn = Math.max(1, Math.round(n * density));
  const lines = [];
  const eta = new Float64Array(n);
  const truth = Array.from({ length: 20 }, () => 2 * random.normal());
  for (let j = 0; j < p; j++) {
    const rows = new Set();
    while (rows.size < nnzPerColumn) rows.add(Math.floor(random.uniform() * n));
    for (const i of [...rows].sort((a, b) => a - b)) {
      const value = Math.round(random.normal() * 1e4) / 1e4 || 1;
      lines.push(`${i + 1} ${j + 1} ${value}`);
      if (j < 20) eta[i] += truth[j] * value;
    }
  }
  writeFileSync(
    mtx,
    `%%MatrixMarket matrix coordinate real general\n${n} ${p} ${lines.length}\n${lines.join("\n")}\n`,
  );
  const y = Array.from(eta, (v) => (v + random.normal()).toPrecision(15));
  const cls = Array.from(eta, (v) => (random.uniform() < 1 / (1 + Math.exp(-v)) ? 1 : 0));
  writeFileSync(join(FOLDER, `${name}.y`), `${y.join("\n")}\n`);
  writeFileSync(join(FOLDER, `${name}.class`), `${cls.join("\n")}\n`);
}

/** One reglab process: wall seconds, peak RSS (MB), the JSON's fit_seconds, λ count, last df. */
function runReglab(mtx, response, family, tolerance) {
  const timeFile = join(FOLDER, "time.txt");
  const args = ["path", mtx, "--response", response, "--family", family, "--json"];
  if (tolerance !== undefined) args.push("--tolerance", String(tolerance));
  const out = execFileSync("/usr/bin/time", ["-f", "%e %M", "-o", timeFile, "node", BIN, ...args], {
    maxBuffer: 1 << 30,
  }).toString();
  const [wall, kb] = readFileSync(timeFile, "utf8").trim().split("\n").at(-1).split(" ").map(Number);
  const doc = JSON.parse(out);
  return {
    wall,
    peakMb: kb / 1024,
    fit: doc.fit_seconds,
    lambdas: doc.lambdas.length,
    df: doc.df.at(-1),
    certificate: doc.certificate.reduce((a, b) => Math.max(a, b), 0),
  };
}

const GLMNET = String.raw`
suppressMessages({ library(glmnet); library(Matrix) })
a <- commandArgs(TRUE); family <- a[3]
x <- as(readMM(a[1]), "CsparseMatrix"); y <- as.numeric(readLines(a[2]))
t <- system.time(fit <- glmnet(x, y, family = family))[["elapsed"]]
n <- nrow(x); m <- colMeans(x); s <- sqrt(pmax(colMeans(x^2) - m^2, 0)); use <- s > 0
ys <- if (family == "gaussian") sqrt(mean((y - mean(y))^2)) else 1
r0 <- (y - mean(y)) / ys
scale <- max(abs(as.numeric(crossprod(x, r0)) - m * sum(r0))[use] / (n * s[use]))
worst <- 0
for (k in seq_along(fit$lambda)) {
  eta <- as.numeric(x %*% fit$beta[, k]) + fit$a0[k]
  r <- if (family == "gaussian") (y - eta) / ys else y - 1 / (1 + exp(-eta))
  g <- ((as.numeric(crossprod(x, r)) - m * sum(r)) / (n * s))[use]
  b <- (fit$beta[, k] * s / ys)[use]; lam <- fit$lambda[k] / ys
  v <- ifelse(b != 0, abs(g - lam * sign(b)), pmax(0, abs(g) - lam))
  worst <- max(worst, max(v), abs(sum(r)) / n)
}
cat(t, length(fit$lambda), max(fit$df), worst / scale, "\n")
`;

const SKLEARN = `
import sys, time
import numpy as np
from scipy.io import mmread
from sklearn.linear_model import lasso_path
x = mmread(sys.argv[1]).tocsc(); y = np.loadtxt(sys.argv[2])
start = time.perf_counter()
alphas, coefs, _ = lasso_path(x, y - y.mean(), eps=1e-2 if x.shape[0] < x.shape[1] else 1e-4, n_alphas=100)
print(time.perf_counter() - start, int((coefs[:, -1] != 0).sum()))
`;

function hasSklearn() {
  try {
    execFileSync("/usr/bin/python3", ["-c", "import sklearn, scipy"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

export async function runSparseBench() {
  mkdirSync(FOLDER, { recursive: true });
  writeDesign("wide", 20000, 100000, 0.001, 17);
  writeDesign("tall", 200000, 1000, 0.01, 18);
  const designs = [
    ["20000 × 100000, 0.1 %", join(FOLDER, "wide.mtx"), join(FOLDER, "wide.y"), "gaussian", 20000 * 100000],
    [
      "20000 × 100000, 0.1 %",
      join(FOLDER, "wide.mtx"),
      join(FOLDER, "wide.class"),
      "binomial",
      20000 * 100000,
    ],
    [
      "200000 × 1000, 1 % (tall)",
      join(FOLDER, "tall.mtx"),
      join(FOLDER, "tall.y"),
      "gaussian",
      200000 * 1000,
    ],
    [
      "300 × 1000, 2 % (data/sparse300)",
      join(ROOT, "data/sparse300.mtx"),
      join(ROOT, "data/sparse300.y"),
      "gaussian",
      300 * 1000,
    ],
    [
      "300 × 1000, 2 % (data/sparse300)",
      join(ROOT, "data/sparse300.mtx"),
      join(ROOT, "data/sparse300.class"),
      "binomial",
      300 * 1000,
    ],
  ];
  const glmnet = hasGlmnet();
  const sklearn = hasSklearn();
  if (!glmnet) console.log("\n(glmnet not installed: its columns are skipped)");
  if (!sklearn) console.log("\n(scikit-learn not installed: its column is skipped)");
  const rScript = join(FOLDER, "glmnet.R");
  writeFileSync(rScript, GLMNET);
  console.log("\n## Sparse lasso paths (one `reglab path FILE.mtx --response FILE` process each)");
  console.log(
    "| design | family | glmnet fit (its certificate) | reglab at glmnet's certificate: fit / whole process | ratio | reglab default (1e-7): fit / process | ratio | scikit-learn lasso_path | reglab peak RSS | dense X would be |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  const results = [];
  for (const [name, mtx, response, family, cells] of designs) {
    let reference = null;
    if (glmnet) {
      const [seconds, lambdas, df, certificate] = execFileSync("Rscript", [rScript, mtx, response, family])
        .toString()
        .trim()
        .split(/\s+/)
        .map(Number);
      reference = { seconds, lambdas, df, certificate };
    }
    const matched = reference
      ? runReglab(mtx, response, family, Math.max(reference.certificate, 1e-12))
      : null;
    const byDefault = runReglab(mtx, response, family);
    let sk = null;
    if (sklearn && family === "gaussian") {
      const [seconds] = execFileSync("/usr/bin/python3", ["-c", SKLEARN, mtx, response])
        .toString()
        .trim()
        .split(/\s+/)
        .map(Number);
      sk = seconds;
    }
    const row = {
      design: name,
      family,
      glmnet: reference,
      matched,
      byDefault,
      sklearn: sk,
      denseGb: (cells * 8) / 2 ** 30,
    };
    results.push(row);
    const ratio = (a) => (reference ? `${(a / reference.seconds).toFixed(2)}×` : "—");
    console.log(
      `| ${name} | ${family} | ${reference ? `${reference.seconds.toFixed(2)} s (${reference.certificate.toExponential(1)})` : "—"} | ${matched ? `${matched.fit.toFixed(2)} s / ${matched.wall.toFixed(2)} s` : "—"} | ${matched ? ratio(matched.fit) : "—"} | ${byDefault.fit.toFixed(2)} s / ${byDefault.wall.toFixed(2)} s | ${ratio(byDefault.fit)} | ${sk === null ? "—" : `${sk.toFixed(2)} s`} | ${byDefault.peakMb.toFixed(0)} MB | ${row.denseGb >= 1 ? `${row.denseGb.toFixed(1)} GB` : `${(row.denseGb * 1024).toFixed(0)} MB`} |`,
    );
  }
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await runSparseBench();
