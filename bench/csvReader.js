// The streamed CSV reader on a file of ~800 MB (issue: "nothing silent, nothing lost"): time and
// peak memory against the numbers' own size n·(p + 1)·8 bytes, and against Node reading the text
// alone. Run: npm run build && node bench/csvReader.js [rows] (default 5.6 million rows × 10 features,
// written once to $TMPDIR/reglab-bench-<rows>.csv). Each reading runs in a fresh process, so its peak
// RSS is its own.
import { execFileSync } from "node:child_process";
import { createWriteStream, existsSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const rows = Number(process.argv[2] ?? 5_600_000);
const features = 10;
const file = join(tmpdir(), `reglab-bench-${rows}.csv`);

async function writeFile() {
  const out = createWriteStream(file);
  out.write(`${Array.from({ length: features }, (_, j) => `x${j}`).join(",")},y\n`);
  let state = 12345;
  const uniform = () => {
    state = (state * 1103515245 + 12345) % 2147483648;
    return state / 2147483648;
  };
  for (let i = 0; i < rows; i++) {
    const cells = Array.from({ length: features }, () => (uniform() * 200 - 100).toFixed(9));
    cells.push((uniform() * 10).toFixed(6));
    if (!out.write(`${cells.join(",")}\n`)) await new Promise((resolve) => out.once("drain", resolve));
  }
  await new Promise((resolve) => out.end(resolve));
}

/** Runs `code` (an ES module body) in a fresh Node and returns what it printed, parsed. */
function measure(code) {
  return JSON.parse(
    execFileSync(process.execPath, ["--input-type=module", "-e", code], {
      encoding: "utf8",
      maxBuffer: 1 << 20,
    }),
  );
}

if (!existsSync(file)) await writeFile();
const bytes = statSync(file).size;
const reglab = measure(`
  import { readCsvDataset } from ${JSON.stringify(new URL("../dist/cli/readCsv.js", import.meta.url).href)};
  const start = performance.now();
  const data = readCsvDataset(${JSON.stringify(file)});
  const seconds = (performance.now() - start) / 1000;
  console.log(JSON.stringify({ seconds, n: data.n, p: data.p, peak: process.resourceUsage().maxRSS * 1024 }));
`);
const baseline = measure(`console.log(JSON.stringify({ peak: process.resourceUsage().maxRSS * 1024 }));`);
const numbers = reglab.n * (reglab.p + 1) * 8;
const mb = (value) => `${(value / 1e6).toFixed(0)} MB`;
console.log(`file: ${mb(bytes)}, ${reglab.n} rows × ${reglab.p} features; the numbers alone: ${mb(numbers)}`);
console.log(
  `reglab's reader: ${reglab.seconds.toFixed(1)} s (${mb(bytes / reglab.seconds)}/s), peak RSS ${mb(reglab.peak)}`,
);
console.log(
  `  = ${(reglab.peak / numbers).toFixed(2)}× the numbers; above an empty Node (${mb(baseline.peak)}): ${((reglab.peak - baseline.peak) / numbers).toFixed(2)}×`,
);
console.log(
  `  (the text as one string would be ${mb(bytes * 2)} in V8's UTF-16, past its 512 MB string limit)`,
);
