#!/usr/bin/env node
// The reglab command: a thin shim over the compiled CLI (npm run build writes dist/).
const argv = process.argv.slice(2);

// `reglab --version` answers before anything else is loaded (main() answers it too, for callers
// of the library's CLI entry)
if (argv.length === 1 && (argv[0] === "--version" || argv[0] === "-V")) {
  const { reglabVersion } = await import("../dist/cli/version.js");
  process.stdout.write(`${reglabVersion()}\n`);
  process.exit(0);
}

// The WebAssembly kernels' flags are set before any kernel compiles — but only for runs that may
// compute: `--version` and `--help` start with nothing loaded but the command table.
const computes =
  argv.length > 0 &&
  !["--version", "-V"].includes(argv[0]) &&
  !argv.some((a) => a === "--help" || a === "-h");
if (computes) (await import("../dist/cli/wasmFeatures.js")).enableFusedKernels(process.env);
const { main } = await import("../dist/cli/main.js");

// `reglab … | head`: the reader left; stop quietly, as Unix tools do.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
process.exitCode = await main(argv);
