// Tall and mid-wide designs as a user meets them (issue 16, goals 0, 3, 4 and 6): the FHT design
// (bench/glm.js) at ρ = 0.2, n = 100000 × p = 100 and n = 10000 × p = 1000, gaussian and
// binomial, default settings of both tools; with BENCH_LARGE=1 also 20000 × 5000 (800 MB of
// doubles). reglab runs in a fresh process per design (the data read from the same binary file
// glmnet reads, so neither times a text parser): its first path — what a `reglab path` command
// meets, JavaScript not yet warmed up — then a second, warm one; /usr/bin/time gives the process's
// peak RSS, reported against the goal of 2× the data plus the p × p Gram. glmnet's fit time is
// R's system.time around glmnet() (median of 3; 1 for the largest design).
// Run: npm run bench:shapes (also part of npm run bench). glmnet is skipped when absent.

import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fhtData, hasGlmnet } from "./glm.js";

const R_SCRIPT = `
args <- commandArgs(TRUE); n <- as.integer(args[2]); p <- as.integer(args[3]); family <- args[4]; runs <- as.integer(args[5])
suppressMessages(library(glmnet))
x <- matrix(readBin(file.path(args[1], "x.bin"), "double", n * p), nrow = n, ncol = p, byrow = TRUE)
y <- readBin(file.path(args[1], "y.bin"), "double", n)
times <- sapply(seq_len(runs), function(r) system.time(fit <<- glmnet(x, y, family = family))[["elapsed"]])
cat(median(times), length(fit$lambda), "\\n")
`;

// one process per design: the first path (fresh), then a second one (warm)
const CHILD = `
import { closeSync, openSync, readSync } from "node:fs";
import { join } from "node:path";
import { glmPath } from "${new URL("../dist/glm/glmPath.js", import.meta.url).href}";
const [folder, n, p, family] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4]), process.argv[5]];
// Into arrays this process has written first, as a parser's output is: memory that only the
// kernel's read() has written costs ~1.2 ns a byte more at its first read here (80 MB: 0.1 s
// inside the first path), which no CSV that reglab parses would cost.
function readDoubles(file, count) {
  const values = new Float64Array(count).fill(0);
  const bytes = new Uint8Array(values.buffer);
  const fd = openSync(file, "r");
  for (let at = 0; at < bytes.length; ) at += readSync(fd, bytes, at, Math.min(1 << 24, bytes.length - at));
  closeSync(fd);
  return values;
}
const x = readDoubles(join(folder, "x.bin"), n * p);
const y = readDoubles(join(folder, "y.bin"), n);
const data = { source: "x.bin", featureNames: Array.from({ length: p }, (_, j) => "x" + (j + 1)), targetName: "y", n, p, x, y, droppedRows: 0, constantColumns: [] };
const times = [];
let path;
for (let r = 0; r < 2; r++) {
  const start = performance.now();
  path = glmPath(data, { family });
  times.push((performance.now() - start) / 1000);
}
console.log(JSON.stringify({ first: times[0], warm: times[1], lambdas: path.lambda.length, certificate: path.certificate.reduce((a, b) => Math.max(a, b), 0) }));
`;

export async function runShapesBench({ large = process.env.BENCH_LARGE === "1" } = {}) {
  const designs = [
    ["gaussian", 100000, 100],
    ["binomial", 100000, 100],
    ["gaussian", 10000, 1000],
    ["binomial", 10000, 1000],
    ...(large
      ? [
          ["gaussian", 20000, 5000],
          ["binomial", 20000, 5000],
        ]
      : []),
  ];
  if (!large) console.error("skipped: 20000 × 5000 (set BENCH_LARGE=1: 800 MB of doubles)");
  const glmnet = hasGlmnet();
  if (!glmnet) console.error("skipped: glmnet (Rscript with r-cran-glmnet) is not installed");
  console.log("\n## Tall and mid-wide designs (FHT ρ = 0.2; reglab: one process per design)");
  console.log(
    "| data (n × p) | family | glmnet | reglab first path (fresh process) | ratio | reglab warm | ratio | λ (reglab / glmnet) | peak RSS | goal: 2× data + Gram |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  const rows = [];
  for (const [family, n, p] of designs) {
    const folder = mkdtempSync(join(tmpdir(), "reglab-shapes-"));
    try {
      const data = fhtData(n, p, 0.2, family, 13);
      writeFileSync(join(folder, "x.bin"), Buffer.from(data.x.buffer, data.x.byteOffset, data.x.byteLength));
      writeFileSync(join(folder, "y.bin"), Buffer.from(data.y.buffer, data.y.byteOffset, data.y.byteLength));
      writeFileSync(join(folder, "child.mjs"), CHILD);
      const timeFile = join(folder, "time.txt");
      const out = execFileSync(
        "/usr/bin/time",
        [
          "-f",
          "%M",
          "-o",
          timeFile,
          process.execPath,
          join(folder, "child.mjs"),
          folder,
          String(n),
          String(p),
          family,
        ],
        { encoding: "utf8", maxBuffer: 1 << 26 },
      );
      const reglab = JSON.parse(out.trim().split("\n").at(-1));
      const peakMb = Number(readFileSync(timeFile, "utf8").trim().split("\n").at(-1)) / 1024;
      const goalMb = (2 * n * p * 8 + p * p * 8) / 2 ** 20;
      let theirs = null;
      if (glmnet) {
        const [seconds, count] = execFileSync(
          "Rscript",
          ["-e", R_SCRIPT, folder, String(n), String(p), family, n * p >= 5e7 ? "1" : "3"],
          { encoding: "utf8" },
        )
          .trim()
          .split(/\s+/)
          .map(Number);
        theirs = { seconds, lambdas: count };
      }
      const ratio = (t) => (theirs ? `${(t / theirs.seconds).toFixed(2)}×` : "—");
      const row = { family, n, p, ...reglab, peakMb, goalMb, glmnet: theirs };
      rows.push(row);
      console.log(
        `| ${n} × ${p} | ${family} | ${theirs ? `${theirs.seconds.toFixed(2)} s` : "—"} | ${reglab.first.toFixed(2)} s | ${ratio(reglab.first)} | ${reglab.warm.toFixed(2)} s | ${ratio(reglab.warm)} | ${reglab.lambdas} / ${theirs ? theirs.lambdas : "—"} | ${peakMb.toFixed(0)} MB | ${goalMb.toFixed(0)} MB |`,
      );
    } finally {
      rmSync(folder, { recursive: true, force: true });
    }
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) await runShapesBench();
