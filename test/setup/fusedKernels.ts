// The "fused" test project (vitest.config.ts): the kernels the reglab command uses, relaxed SIMD
// switched on as the command does it.
import { enableFusedKernels } from "../../src/cli/wasmFeatures.js";

process.env.REGLAB_SIMD = "fused";
enableFusedKernels(process.env);
