// Paths over Arrow IPC files (issue 17): files of 1 and 10 million rows × 20 features written
// here in record batches of 65536 rows with a fixed seed (not committed), and the same rows as
// Parquet (copied through reglab's own Arrow table function). Each is fitted by one `reglab path
// FILE --json` process: wall time and peak RSS (which must not grow with the rows), against the
// same path over the Parquet copy and DuckDB's own scan of it (one aggregate over every column).
// Run: npm run bench:outofcore (it runs after the Parquet tables), or node bench/arrowTable.js.

import { execFileSync } from "node:child_process";
import { once } from "node:events";
import { createWriteStream, existsSync, mkdirSync, readFileSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DuckDBInstance } from "@duckdb/node-api";
import { RecordBatchFileWriter, tableFromArrays } from "apache-arrow";

const P = 20;
const BATCH_ROWS = 65536;

/** A seeded generator: uniform (0, 1) draws by xorshift32, and N(0, 1) ones by Box–Muller. */
function seeded(seed) {
  let state = seed >>> 0 || 1;
  const uniform = () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return ((state >>> 0) + 0.5) / 2 ** 32;
  };
  const normal = () => Math.sqrt(-2 * Math.log(uniform())) * Math.cos(2 * Math.PI * uniform());
  return { uniform, normal };
}

/** x_j ~ N(0, 1); y = 2·x1 − x2 + 0.5·x3 + noise; c = 1 with probability σ(2·x1 − x2 + 0.5·x3). */
async function writeArrowTable(rows, file) {
  if (existsSync(file)) return;
  const { uniform, normal } = seeded(17);
  const writer = new RecordBatchFileWriter();
  const out = createWriteStream(file);
  // the writer's bytes go to the file as they are produced: memory of a batch, not of the table
  const pump = (async () => {
    for await (const chunk of writer) if (!out.write(chunk)) await once(out, "drain");
    out.end();
    await once(out, "finish");
  })();
  for (let start = 0; start < rows; start += BATCH_ROWS) {
    const count = Math.min(BATCH_ROWS, rows - start);
    const columns = {};
    for (let j = 1; j <= P; j++) columns[`x${j}`] = new Float64Array(count);
    columns.y = new Float64Array(count);
    columns.c = new Float64Array(count);
    for (let i = 0; i < count; i++) {
      for (let j = 1; j <= P; j++) columns[`x${j}`][i] = normal();
      const eta = 2 * columns.x1[i] - columns.x2[i] + 0.5 * columns.x3[i];
      const u = uniform();
      columns.y[i] = eta + normal();
      columns.c[i] = eta + Math.log(u / (1 - u)) > 0 ? 1 : 0;
    }
    for (const batch of tableFromArrays(columns).batches) writer.write(batch);
    await new Promise(setImmediate);
  }
  writer.finish();
  await pump;
}

async function connect() {
  const connection = await (await DuckDBInstance.create(":memory:")).connect();
  const { registerArrowScan } = await import("../dist/cli/outOfCore/arrowScan.js");
  registerArrowScan(connection);
  return connection;
}

async function scanSeconds(connection, from) {
  const sums = [...Array.from({ length: P }, (_, j) => `SUM(x${j + 1})`), "SUM(y)", "SUM(c)"].join(", ");
  const start = performance.now();
  await connection.runAndReadAll(`SELECT ${sums} FROM ${from}`);
  return (performance.now() - start) / 1000;
}

function timedPath(bin, file, args, folder) {
  const stderrFile = join(folder, "time-arrow.txt");
  const stdout = execFileSync(
    "sh",
    ["-c", `/usr/bin/time -f "%e %M" node ${bin} path ${file} ${args} --json 2> ${stderrFile}`],
    { encoding: "utf8", maxBuffer: 1 << 28 },
  );
  const [wall, kb] = readFileSync(stderrFile, "utf8").trim().split("\n").at(-1).split(" ").map(Number);
  return { wall, peakMb: kb / 1024, document: JSON.parse(stdout) };
}

export async function runArrowBench({ folder = join(tmpdir(), "reglab-bench-arrow") } = {}) {
  mkdirSync(folder, { recursive: true });
  const bin = new URL("../bin/reglab.js", import.meta.url).pathname;
  console.log("\n## Paths over Arrow IPC files (20 features, batches of 65536 rows, one process each)");
  console.log(
    "| rows | family | Arrow file | reglab over Arrow (wall) | peak RSS | over its Parquet copy | DuckDB scan: Arrow / Parquet |",
  );
  console.log("| --- | --- | --- | --- | --- | --- | --- |");
  const results = [];
  for (const rows of [1e6, 1e7]) {
    const arrow = join(folder, `table-${rows}.arrow`);
    const parquet = join(folder, `table-${rows}.parquet`);
    await writeArrowTable(rows, arrow);
    const connection = await connect();
    if (!existsSync(parquet))
      await connection.run(`COPY (SELECT * FROM reglab_arrow('${arrow}')) TO '${parquet}' (FORMAT parquet)`);
    const arrowScan = await scanSeconds(connection, `reglab_arrow('${arrow}')`);
    const parquetScan = await scanSeconds(connection, `read_parquet('${parquet}')`);
    connection.closeSync();
    const runs = [["gaussian", "--target y --exclude c"]];
    if (rows === 1e6) runs.push(["binomial", "--family binomial --target c --exclude y --nlambda 10"]);
    for (const [family, args] of runs) {
      const overArrow = timedPath(bin, arrow, args, folder);
      const overParquet = timedPath(bin, parquet, args, folder);
      const row = {
        rows,
        family,
        bytes: statSync(arrow).size,
        wall: overArrow.wall,
        peakMb: overArrow.peakMb,
        parquetWall: overParquet.wall,
        parquetPeakMb: overParquet.peakMb,
        arrowScan,
        parquetScan,
        passes: overArrow.document.passes ?? 2,
        sameLambdas: overArrow.document.lambdas.length === overParquet.document.lambdas.length,
      };
      results.push(row);
      console.log(
        `| ${rows.toExponential(0)} | ${family} | ${(row.bytes / 2 ** 30).toFixed(2)} GB | ${row.wall.toFixed(1)} s | ${row.peakMb.toFixed(0)} MB | ${row.parquetWall.toFixed(1)} s, ${row.parquetPeakMb.toFixed(0)} MB (${(row.wall / row.parquetWall).toFixed(1)}×) | ${arrowScan.toFixed(2)} / ${parquetScan.toFixed(2)} s |`,
      );
    }
  }
  const gaussian = results.filter((r) => r.family === "gaussian").map((r) => r.peakMb);
  console.log(
    `peak RSS over Arrow, 1e6 → 1e7 rows (gaussian): ${gaussian.map((v) => v.toFixed(0)).join(" → ")} MB`,
  );
  return results;
}

if (import.meta.url === `file://${process.argv[1]}`) await runArrowBench();
