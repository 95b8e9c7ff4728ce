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
import { columnMoments } from "../dist/data/split.js";
import { glmPath } from "../dist/glm/glmPath.js";
import { fhtData, hasGlmnet, lassoObjective } from "./glm.js";

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
        const scale = columnMoments(data.x, n, p).sd;
        let worst = Number.NEGATIVE_INFINITY;
        for (let k = 0; k < Math.min(L, path.lambda.length); k++) {
          const glmnetBeta = Array.from({ length: p }, (_, j) => fit[2 * L + k * p + j]);
          const theirs = lassoObjective(data, family, fit[k], fit[L + k], glmnetBeta, scale);
          const ours = lassoObjective(data, family, path.lambda[k], path.a0[k], path.beta[k], scale);
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
