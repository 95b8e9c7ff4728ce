// Out-of-core gaussian paths over Parquet (issue 17): Parquet files of 1 and 10 million rows × 20
// features (50 million with BENCH_LARGE=1: 8 GB as dense float64), generated here by DuckDB with a
// fixed seed (not committed), each fitted by one `reglab path FILE --json` process. Reported:
// wall time and peak RSS of the whole process (they must not grow with the rows), the rows per
// second of each pass against DuckDB's own scan of the file (one aggregate over every column: the
// limit for a pass), and — on 1 million rows, which it holds in memory — glmnet's fit of the same
// data read from binary doubles; then the same over Arrow IPC files (bench/arrowTable.js). Run:
// npm run bench:outofcore (also part of npm run bench).

import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { runArrowBench } from "./arrowTable.js";
import { hasGlmnet } from "./glm.js";

const P = 20;
const FOLDER = join(tmpdir(), "reglab-bench-parquet-2");

/** x_j ~ N(0, 1) by Box–Muller over DuckDB's seeded random(); y = 3 of them + noise. */
async function writeTable(rows, file) {
  if (existsSync(file)) return;
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  const normal = "sqrt(-2 * ln(1 - random())) * cos(2 * pi() * random())";
  const columns = Array.from({ length: P }, (_, j) => `${normal} AS x${j + 1}`).join(", ");
  await connection.run("SELECT setseed(0.17)");
  await connection.run(
    // y gaussian; c a class, 1 with probability σ(2·x1 − x2 + 0.5·x3) (a logistic draw)
    `COPY (SELECT * EXCLUDE (u), CASE WHEN 2 * x1 - x2 + 0.5 * x3 + ln(u / (1 - u)) > 0 THEN 1 ELSE 0 END AS c FROM (SELECT *, 2 * x1 - x2 + 0.5 * x3 + ${normal} AS y, random() AS u FROM (SELECT ${columns} FROM range(${rows})))) TO '${file}' (FORMAT parquet)`,
  );
  connection.closeSync();
}

/** DuckDB's own scan: one aggregate over every column of the file (what one pass cannot beat). */
async function scanSeconds(file) {
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  const sums = [...Array.from({ length: P }, (_, j) => `SUM(x${j + 1})`), "SUM(y)", "SUM(c)"].join(", ");
  const start = performance.now();
  await connection.runAndReadAll(`SELECT ${sums} FROM read_parquet('${file}')`);
  const seconds = (performance.now() - start) / 1000;
  connection.closeSync();
  return seconds;
}

export async function runOutOfCoreBench({ large = process.env.BENCH_LARGE === "1" } = {}) {
  mkdirSync(FOLDER, { recursive: true });
  const sizes = large ? [1e6, 1e7, 5e7] : [1e6, 1e7];
  const bin = new URL("../bin/reglab.js", import.meta.url).pathname;
  console.log("\n## Out-of-core gaussian paths over Parquet (20 features, one `reglab path` process each)");
  console.log(
    "| rows | file | reglab path (wall) | peak RSS | DuckDB scan | passes | rows/s per pass vs scan |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  const results = [];
  for (const rows of sizes) {
    const file = join(FOLDER, `gaussian-${rows}.parquet`);
    await writeTable(rows, file);
    const scan = await scanSeconds(file);
    const stderrFile = join(FOLDER, "time.txt");
    execFileSync("sh", [
      "-c",
      `/usr/bin/time -f "%e %M" node ${bin} path ${file} --target y --exclude c --json > /dev/null 2> ${stderrFile}`,
    ]);
    const [wall, kb] = readFileSync(stderrFile, "utf8").trim().split("\n").at(-1).split(" ").map(Number);
    // the statement scans the file twice (means, then centred products)
    const perPass = rows / (wall / 2);
    const row = {
      rows,
      bytes: statSync(file).size,
      wall,
      peakMb: kb / 1024,
      scan,
      perPass,
      scanRate: rows / scan,
    };
    results.push(row);
    console.log(
      `| ${rows.toExponential(0)} | ${(row.bytes / 2 ** 30).toFixed(2)} GB | ${wall.toFixed(1)} s | ${row.peakMb.toFixed(0)} MB | ${scan.toFixed(2)} s | 2 | ${(perPass / 1e6).toFixed(1)} M vs ${(row.scanRate / 1e6).toFixed(1)} M rows/s (${(row.scanRate / perPass).toFixed(1)}× the scan's time) |`,
    );
  }
  console.log("\n| rows | binomial path, 10 λ (wall) | passes | peak RSS | per pass | DuckDB scan |");
  console.log("| --- | --- | --- | --- | --- | --- |");
  const gaussianRows = results.slice();
  for (const rows of sizes.slice(0, 2)) {
    const file = join(FOLDER, `gaussian-${rows}.parquet`);
    const stderrFile = join(FOLDER, "time.txt");
    const document = JSON.parse(
      execFileSync(
        "sh",
        [
          "-c",
          `/usr/bin/time -f "%e %M" node ${bin} path ${file} --family binomial --target c --exclude y --nlambda 10 --json 2> ${stderrFile}`,
        ],
        { encoding: "utf8", maxBuffer: 1 << 28 },
      ),
    );
    const [wall, kb] = readFileSync(stderrFile, "utf8").trim().split("\n").at(-1).split(" ").map(Number);
    const scan = gaussianRows.find((r) => r.rows === rows).scan;
    const row = { rows, family: "binomial", wall, peakMb: kb / 1024, passes: document.passes, scan };
    results.push(row);
    console.log(
      `| ${rows.toExponential(0)} | ${wall.toFixed(1)} s | ${document.passes} | ${row.peakMb.toFixed(0)} MB | ${(wall / document.passes).toFixed(2)} s | ${scan.toFixed(2)} s |`,
    );
  }
  {
    // binomial CV out of core: K + 1 paths of passes (streamedCv.ts), 5 folds, 10 λ
    const file = join(FOLDER, "gaussian-1000000.parquet");
    const stderrFile = join(FOLDER, "time.txt");
    const document = JSON.parse(
      execFileSync(
        "sh",
        [
          "-c",
          `/usr/bin/time -f "%e %M" node ${bin} cv ${file} --family binomial --target c --exclude y --nlambda 10 --folds 5 --json 2> ${stderrFile}`,
        ],
        { encoding: "utf8", maxBuffer: 1 << 28 },
      ),
    );
    const [wall, kb] = readFileSync(stderrFile, "utf8").trim().split("\n").at(-1).split(" ").map(Number);
    const row = { rows: 1e6, family: "binomial", cv: true, wall, peakMb: kb / 1024, passes: document.passes };
    results.push(row);
    console.log(
      `binomial 5-fold CV over 1e6 rows, 10 λ: ${wall.toFixed(1)} s, ${document.passes} passes (${(wall / document.passes).toFixed(2)} s each), peak RSS ${row.peakMb.toFixed(0)} MB`,
    );
  }
  const peaks = gaussianRows.map((r) => r.peakMb);
  console.log(
    `peak RSS from ${results[0].rows.toExponential(0)} to ${gaussianRows.at(-1).rows.toExponential(0)} rows: ${peaks.map((v) => v.toFixed(0)).join(" → ")} MB (spread ${((peaks.reduce((a, b) => Math.max(a, b)) / peaks.reduce((a, b) => Math.min(a, b)) - 1) * 100).toFixed(0)} %)`,
  );
  if (hasGlmnet()) {
    // glmnet holds the data in memory: the 1-million-row table as binary doubles, read by readBin
    const file = join(FOLDER, "gaussian-1e6.bin");
    if (!existsSync(file)) {
      const connection = await (await DuckDBInstance.create(":memory:")).connect();
      const reader = await connection.runAndReadAll(
        `SELECT * FROM read_parquet('${join(FOLDER, "gaussian-1000000.parquet")}')`,
      );
      const columns = reader.getColumns();
      const n = columns[0].length;
      const values = new Float64Array(n * (P + 1));
      for (let j = 0; j <= P; j++) for (let i = 0; i < n; i++) values[j * n + i] = columns[j][i];
      (await import("node:fs")).writeFileSync(file, Buffer.from(values.buffer));
      connection.closeSync();
    }
    const script = `suppressMessages(library(glmnet)); n <- 1e6; v <- readBin("${file}", "double", n * ${P + 1}); m <- matrix(v, nrow = n); t <- system.time(f <- glmnet(m[, 1:${P}], m[, ${P + 1}]))[["elapsed"]]; cat(t, length(f$lambda))`;
    const start = performance.now();
    const [fit] = execFileSync("Rscript", ["-e", script], { encoding: "utf8" }).trim().split(" ").map(Number);
    const total = (performance.now() - start) / 1000;
    const ours = gaussianRows[0];
    console.log(
      `glmnet on 1e6 rows in memory: fit ${fit.toFixed(2)} s, whole Rscript ${total.toFixed(1)} s (read from binary doubles); reglab's whole process over Parquet ${ours.wall.toFixed(1)} s (${(ours.wall / total).toFixed(2)}× glmnet's whole run)`,
    );
  } else console.log("skipped: glmnet (Rscript with r-cran-glmnet) is not installed");
  // the same paths over Arrow IPC files, beside their Parquet copies
  const arrow = await runArrowBench({ folder: join(FOLDER, "arrow") });
  if (process.env.BENCH_KEEP !== "1") rmSync(FOLDER, { recursive: true, force: true });
  return [...results, ...arrow.map((row) => ({ ...row, format: "arrow" }))];
}

if (import.meta.url === `file://${process.argv[1]}`) await runOutOfCoreBench();
