// The benchmarks run the kernels the reglab command uses: relaxed SIMD (fused multiply-adds)
// switched on where Node needs a flag for it (src/cli/wasmFeatures.ts). REGLAB_SIMD=plain
// measures the plain-SIMD build instead, which Node 20 runs when nobody sets the flag.
import { enableFusedKernels } from "../dist/cli/wasmFeatures.js";

export const KERNEL_BUILD = enableFusedKernels(process.env);
