#!/usr/bin/env node
// The reglab command: a thin shim over the compiled CLI (npm run build writes dist/).
import { main } from "../dist/cli/main.js";
import { enableFusedKernels } from "../dist/cli/wasmFeatures.js";

enableFusedKernels(process.env);

// `reglab … | head`: the reader left; stop quietly, as Unix tools do.
process.stdout.on("error", (error) => {
  if (error.code === "EPIPE") process.exit(0);
  throw error;
});
process.exitCode = await main(process.argv.slice(2));
