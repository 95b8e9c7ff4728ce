// A short λ grid (nlambda = 10, down to 1 % of λ_max), as a user asks for one: each step is a
// large move down the path, where warm starts help least. FHT designs (ρ = 0.5), wide and tall,
// gaussian and binomial, default settings of both otherwise; reglab warm (median of 3, in this
// process) against glmnet's fit time (median of 3) in the same run, and reglab's objective against
// glmnet's at glmnet's λ (it must not be above).
// Run: npm run bench:coarse (also part of npm run bench). glmnet is skipped when absent.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { glmPath } from "../dist/glm/glmPath.js";
import { fhtData, hasGlmnet } from "./glm.js";

const NLAMBDA = 10;
const MIN_RATIO = 0.01;
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const R_SCRIPT = `
args <- commandArgs(TRUE); n <- as.integer(args[2]); p <- as.integer(args[3]); family <- args[4]
suppressMessages(library(glmnet))
x <- matrix(readBin(file.path(args[1], "x.bin"), "double", n * p), nrow = n, ncol = p, byrow = TRUE)
y <- readBin(file.path(args[1], "y.bin"), "double", n)
times <- sapply(1:3, function(r) system.time(glmnet(x, y, family = family, nlambda = ${NLAMBDA}, lambda.min.ratio = ${MIN_RATIO}))[["elapsed"]])
fit <- glmnet(x, y, family = family, nlambda = ${NLAMBDA}, lambda.min.ratio = ${MIN_RATIO})
cat(median(times), length(fit$lambda), "\\n")
writeBin(c(fit$lambda, fit$a0, as.numeric(as.matrix(fit$beta))), file.path(args[1], "fit.bin"))
`;

/** glmnet's lasso objective for one model (sd(y) enters only a ridge part, and α = 1 has none). */
function objective(data, family, lambda, a0, beta) {
  const { n, p, x, y } = data;
  const sd = (values) => {
    const mean = values.reduce((a, b) => a + b, 0) / values.length;
    return Math.sqrt(values.reduce((a, b) => a + (b - mean) ** 2, 0) / values.length);
  };
  const scale = Array.from({ length: p }, (_, j) => sd(Array.from({ length: n }, (_, i) => x[i * p + j])));
  let loss = 0;
  for (let i = 0; i < n; i++) {
    let eta = a0;
    for (let j = 0; j < p; j++) eta += x[i * p + j] * beta[j];
    loss +=
      family === "gaussian"
        ? (0.5 * (y[i] - eta) ** 2) / n
        : (Math.log1p(Math.exp(-Math.abs(eta))) + Math.max(eta, 0) - y[i] * eta) / n;
  }
  let penalty = 0;
  for (let j = 0; j < p; j++) penalty += Math.abs(scale[j] * beta[j]);
  return loss + lambda * penalty;
}

export async function runCoarseGridBench() {
  const glmnet = hasGlmnet();
  if (!glmnet) console.error("skipped: glmnet (Rscript with r-cran-glmnet) is not installed");
  console.log(
    `\n## A short grid: nlambda = ${NLAMBDA} down to ${MIN_RATIO} λ_max (reglab warm vs glmnet, same run)`,
  );
  console.log(
    "| design | family | reglab | glmnet | ratio | reglab's objective − glmnet's (worst, relative) |",
  );
  console.log("| --- | --- | --- | --- | --- | --- |");
  const rows = [];
  for (const [n, p] of [
    [400, 2500],
    [200, 10000],
    [5000, 200],
  ])
    for (const family of ["gaussian", "binomial"]) {
      const data = fhtData(n, p, 0.5, family, 11);
      const options = { family, nlambda: NLAMBDA, lambdaMinRatio: MIN_RATIO };
      const seconds = [];
      let path;
      for (let r = 0; r < 3; r++) {
        const start = performance.now();
        path = glmPath(data, options);
        seconds.push((performance.now() - start) / 1000);
      }
      const row = { design: `${n} × ${p}`, family, reglab_seconds: median(seconds) };
      if (glmnet) {
        const folder = mkdtempSync(join(tmpdir(), "reglab-bench-"));
        writeFileSync(join(folder, "x.bin"), Buffer.from(data.x.buffer));
        writeFileSync(join(folder, "y.bin"), Buffer.from(data.y.buffer));
        const [time, L] = execFileSync("Rscript", ["-e", R_SCRIPT, folder, String(n), String(p), family], {
          encoding: "utf8",
        })
          .trim()
          .split(/\s+/)
          .map(Number);
        const fit = new Float64Array(new Uint8Array(readFileSync(join(folder, "fit.bin"))).buffer);
        let worst = Number.NEGATIVE_INFINITY;
        for (let k = 0; k < Math.min(L, path.lambda.length); k++) {
          const theirs = objective(
            data,
            family,
            fit[k],
            fit[L + k],
            Array.from({ length: p }, (_, j) => fit[2 * L + k * p + j]),
          );
          const ours = objective(data, family, path.lambda[k], path.a0[k], path.beta[k]);
          worst = Math.max(worst, (ours - theirs) / Math.abs(theirs));
        }
        Object.assign(row, { glmnet_seconds: time, objective_gap: worst });
      }
      rows.push(row);
      const f = (v) => (v === undefined ? "–" : `${v.toFixed(3)} s`);
      console.log(
        `| ${row.design} | ${family} | ${f(row.reglab_seconds)} | ${f(row.glmnet_seconds)} | ${row.glmnet_seconds ? `${(row.reglab_seconds / row.glmnet_seconds).toFixed(2)}×` : "–"} | ${row.objective_gap === undefined ? "–" : row.objective_gap.toExponential(1)} |`,
      );
    }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) await runCoarseGridBench();
