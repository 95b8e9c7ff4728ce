// Elastic nets with a small α on a wide design (issue 16, goal 2): the FHT design, ρ = 0.5,
// n = 200, p = 10000, y standardized (so glmnet's objective, which divides the ridge part by
// sd(y), and the one as written coincide), α = 0.5, 0.05, 0.01, default settings of both. reglab
// is timed as a user meets it — the first path of a fresh process, spawned per fit — and warm, the
// third path in this process; glmnet's fit time in R (median of 3) in the same run. reglab's
// objective must not be above glmnet's at glmnet's λ.
// Run: npm run bench:alpha (also part of npm run bench). glmnet is skipped when absent.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { glmPath } from "../dist/glm/glmPath.js";
import { fhtData, hasGlmnet } from "./glm.js";

const N = 200;
const P = 10000;
const ALPHAS = [0.5, 0.05, 0.01];

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

function standardizedFht() {
  const data = fhtData(N, P, 0.5, "gaussian", 11);
  let mean = 0;
  for (const v of data.y) mean += v / data.n;
  let spread = 0;
  for (const v of data.y) spread += (v - mean) ** 2 / data.n;
  const sd = Math.sqrt(spread);
  return { ...data, y: Float64Array.from(data.y, (v) => (v - mean) / sd) };
}

const R_SCRIPT = `
args <- commandArgs(TRUE); n <- as.integer(args[2]); p <- as.integer(args[3]); alpha <- as.numeric(args[4])
suppressMessages(library(glmnet))
x <- matrix(readBin(file.path(args[1], "x.bin"), "double", n * p), nrow = n, ncol = p, byrow = TRUE)
y <- readBin(file.path(args[1], "y.bin"), "double", n)
times <- sapply(1:3, function(r) system.time(glmnet(x, y, alpha = alpha))[["elapsed"]])
fit <- glmnet(x, y, alpha = alpha)
cat(median(times), length(fit$lambda), "\\n")
writeBin(c(fit$lambda, fit$a0, as.numeric(as.matrix(fit$beta))), file.path(args[1], "fit.bin"))
`;

// one fit in a fresh process: what `reglab path` meets (the design built in the child too)
const CHILD = `
import { glmPath } from "${new URL("../dist/glm/glmPath.js", import.meta.url).href}";
import { fhtData } from "${new URL("./glm.js", import.meta.url).href}";
const data = fhtData(${N}, ${P}, 0.5, "gaussian", 11);
let mean = 0; for (const v of data.y) mean += v / data.n;
let spread = 0; for (const v of data.y) spread += (v - mean) ** 2 / data.n;
const y = Float64Array.from(data.y, (v) => (v - mean) / Math.sqrt(spread));
const start = performance.now();
const path = glmPath({ ...data, y }, { alpha: Number(process.argv[2]) });
console.log(JSON.stringify({ seconds: (performance.now() - start) / 1000, count: path.lambda.length }));
`;

/** The objective (gaussian, y standardized: glmnet's and the one as written) of a fit at λ. */
function objective(data, sd, alpha, lambda, a0, beta) {
  const { n, p, x, y } = data;
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let eta = a0;
    for (let j = 0; j < p; j++) if (beta[j] !== 0) eta += beta[j] * x[i * p + j];
    loss += (y[i] - eta) ** 2;
  }
  let penalty = 0;
  for (let j = 0; j < p; j++) {
    const b = beta[j] * sd[j];
    penalty += alpha * Math.abs(b) + ((1 - alpha) / 2) * b * b;
  }
  return loss / (2 * n) + lambda * penalty;
}

export async function runSmallAlphaBench() {
  const data = standardizedFht();
  const { n, p, x } = data;
  const sd = new Float64Array(p);
  for (let j = 0; j < p; j++) {
    let mean = 0;
    for (let i = 0; i < n; i++) mean += x[i * p + j] / n;
    let squares = 0;
    for (let i = 0; i < n; i++) squares += (x[i * p + j] - mean) ** 2;
    sd[j] = Math.sqrt(squares / n);
  }
  const glmnet = hasGlmnet();
  const folder = mkdtempSync(join(tmpdir(), "reglab-alpha-"));
  writeFileSync(join(folder, "x.bin"), Buffer.from(x.buffer, x.byteOffset, x.byteLength));
  writeFileSync(join(folder, "y.bin"), Buffer.from(data.y.buffer));
  writeFileSync(join(folder, "child.mjs"), CHILD);
  console.log(
    `\n## Elastic net, small α, FHT ρ = 0.5, ${n} × ${p}, y standardized${glmnet ? "" : " (glmnet absent: skipped)"}`,
  );
  console.log(
    "| α | glmnet | reglab first path (fresh process) | ratio | reglab warm | ratio | objective vs glmnet's (max relative) |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  const rows = [];
  for (const alpha of ALPHAS) {
    const fresh = median(
      [0, 1, 2].map(
        () =>
          JSON.parse(
            execFileSync(process.execPath, [join(folder, "child.mjs"), String(alpha)], { encoding: "utf8" }),
          ).seconds,
      ),
    );
    let warm = Number.POSITIVE_INFINITY;
    let path;
    for (let r = 0; r < 3; r++) {
      const start = performance.now();
      path = glmPath(data, { alpha });
      warm = Math.min(warm, (performance.now() - start) / 1000);
    }
    let glmnetSeconds = null;
    let worst = null;
    if (glmnet) {
      const [seconds, count] = execFileSync(
        "Rscript",
        ["-e", R_SCRIPT, folder, String(n), String(p), String(alpha)],
        {
          encoding: "utf8",
        },
      )
        .trim()
        .split(/\s+/)
        .map(Number);
      glmnetSeconds = seconds;
      const fit = new Float64Array(readFileSync(join(folder, "fit.bin")).buffer.slice(0));
      const lambdas = Array.from(fit.subarray(0, count));
      const ours = glmPath(data, { alpha, lambda: lambdas });
      worst = Number.NEGATIVE_INFINITY;
      for (let k = 0; k < count; k++) {
        const beta = fit.subarray(2 * count + k * p, 2 * count + (k + 1) * p);
        const theirs = objective(data, sd, alpha, lambdas[k], fit[count + k], beta);
        const mine = objective(data, sd, alpha, lambdas[k], ours.a0[k], ours.beta[k]);
        worst = Math.max(worst, (mine - theirs) / theirs);
      }
    }
    const ratio = (t) => (glmnetSeconds ? `${(t / glmnetSeconds).toFixed(2)}×` : "—");
    console.log(
      `| ${alpha} | ${glmnetSeconds === null ? "—" : `${glmnetSeconds.toFixed(3)} s`} | ${fresh.toFixed(3)} s | ${ratio(fresh)} | ${warm.toFixed(3)} s | ${ratio(warm)} | ${worst === null ? "—" : worst.toExponential(1)} |`,
    );
    rows.push({
      alpha,
      glmnet: glmnetSeconds,
      fresh,
      warm,
      lambdas: path.lambda.length,
      objectiveGap: worst,
    });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) await runSmallAlphaBench();
