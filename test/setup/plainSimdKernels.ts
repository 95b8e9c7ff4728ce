// The "plain-simd" test project (vitest.config.ts): the kernels without fused multiply-adds, as
// REGLAB_SIMD=plain asks for and as Node 20 runs them without the flag.
import { enableFusedKernels } from "../../src/cli/wasmFeatures.js";

process.env.REGLAB_SIMD = "plain";
enableFusedKernels(process.env);
