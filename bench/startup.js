// Start-up (issue 16, goal 5): whole processes as a user meets them, each timed from spawn to exit,
// alternating with the peer's run (Rscript + glmnet reading the same CSV): `reglab --version`,
// `reglab path FILE --json` (numbers only: no plotting, fonts or rasterizer loaded), `reglab path
// FILE` (with its SVG and PNG figure), `reglab cv FILE --json`; bare `node -e 0` is the floor.
// The file: 500 rows × 20 features, seeded. Goals: --version ≤ 0.15 s, path --json ≤ 0.4 s.
// Run: npm run bench:startup (also part of npm run bench). glmnet is skipped when absent.

import { spawnSync } from "node:child_process";
import { mkdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createRandom } from "../dist/core/random.js";
import { hasGlmnet } from "./glm.js";

const ROOT = new URL("..", import.meta.url).pathname;
const BIN = join(ROOT, "bin/reglab.js");
const ROUNDS = Number(process.env.BENCH_STARTUP_ROUNDS ?? 7);

function writeCsv(file, n, p, seed) {
  const random = createRandom(seed);
  const lines = [[...Array.from({ length: p }, (_, j) => `x${j + 1}`), "y"].join(",")];
  for (let i = 0; i < n; i++) {
    const x = Array.from({ length: p }, () => random.normal());
    const y = x[0] - 0.5 * x[1] + 0.25 * x[2] + random.normal();
    lines.push([...x, y].map((v) => v.toFixed(6)).join(","));
  }
  writeFileSync(file, `${lines.join("\n")}\n`);
}

/** Seconds from spawn to exit; throws when the command fails (a timing of an error is no timing). */
function timed(command, args) {
  const start = process.hrtime.bigint();
  const run = spawnSync(command, args, { encoding: "utf8", maxBuffer: 1 << 28 });
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  if (run.status !== 0) throw new Error(`${command} ${args.join(" ")} exited ${run.status}: ${run.stderr}`);
  return seconds;
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

export function runStartupBench() {
  const folder = join(tmpdir(), "reglab-bench-startup");
  mkdirSync(folder, { recursive: true });
  const csv = join(folder, "rows500.csv");
  writeCsv(csv, 500, 20, 16);
  const out = join(folder, "figures");
  const glmnet = hasGlmnet();
  const rPath = `suppressMessages(library(glmnet)); d <- read.csv("${csv}"); f <- glmnet(as.matrix(d[, -ncol(d)]), d$y)`;
  const rCv = `suppressMessages(library(glmnet)); d <- read.csv("${csv}"); set.seed(1); f <- cv.glmnet(as.matrix(d[, -ncol(d)]), d$y, foldid = (seq_len(nrow(d)) - 1) %% 10 + 1)`;
  const rows = [
    { name: "node -e 0 (the floor)", command: process.execPath, args: ["-e", "0"] },
    { name: "reglab --version", command: process.execPath, args: [BIN, "--version"], goal: 0.15 },
    {
      name: "reglab path FILE --json",
      command: process.execPath,
      args: [BIN, "path", csv, "--json"],
      goal: 0.4,
      peer: glmnet ? { name: "Rscript glmnet()", args: ["-e", rPath] } : null,
    },
    {
      name: "reglab path FILE (SVG + PNG figure)",
      command: process.execPath,
      args: [BIN, "path", csv, "--out", out, "--force"],
      peer: glmnet ? { name: "Rscript glmnet()", args: ["-e", rPath] } : null,
    },
    {
      name: "reglab cv FILE --json (10 folds)",
      command: process.execPath,
      args: [BIN, "cv", csv, "--json", "--fold-rule", "mod"],
      peer: glmnet ? { name: "Rscript cv.glmnet()", args: ["-e", rCv] } : null,
    },
  ];
  // one warm-up of each (file cache), then alternating rounds
  for (const row of rows) {
    timed(row.command, row.args);
    if (row.peer) timed("Rscript", row.peer.args);
  }
  const times = rows.map(() => ({ own: [], peer: [] }));
  for (let round = 0; round < ROUNDS; round++)
    rows.forEach((row, r) => {
      times[r].own.push(timed(row.command, row.args));
      if (row.peer) times[r].peer.push(timed("Rscript", row.peer.args));
    });
  const results = rows.map((row, r) => {
    const own = median(times[r].own);
    const peer = row.peer ? median(times[r].peer) : null;
    return {
      name: row.name,
      seconds: own,
      fastest: times[r].own.reduce((a, b) => Math.min(a, b)),
      goal: row.goal ?? null,
      met: row.goal ? own <= row.goal : null,
      peer: row.peer?.name ?? null,
      peerSeconds: peer,
      ratio: peer ? own / peer : null,
    };
  });
  console.log(
    `\nStart-up: whole processes, median of ${ROUNDS} alternating rounds (500 × 20 CSV)${glmnet ? "" : " — glmnet absent (r-cran-glmnet): its column skipped"}`,
  );
  console.log("| command | reglab (fastest) | goal | peer | peer time | ratio |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  for (const row of results)
    console.log(
      `| ${row.name} | ${row.seconds.toFixed(3)} s (${row.fastest.toFixed(3)}) | ${row.goal ? `≤ ${row.goal} s: ${row.met ? "met" : "missed"}` : ""} | ${row.peer ?? ""} | ${row.peerSeconds ? `${row.peerSeconds.toFixed(3)} s` : ""} | ${row.ratio ? `${row.ratio.toFixed(2)}×` : ""} |`,
    );
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) runStartupBench();
