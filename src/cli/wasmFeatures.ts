/**
 * Fused multiply-adds for the WebAssembly kernels under Node 20. The kernels come in a build with
 * relaxed SIMD (assembly/rows.ts's madd: one fused multiply-add where the processor has one), which
 * engines from V8 11.4 run as they are — Node ≥ 22, Chrome ≥ 114 — and Node 20 (V8 11.3) only
 * behind `--experimental-wasm-relaxed-simd`. The reglab command, the benchmarks and the tests set
 * that flag here, before the first kernel compiles; a library user on Node 20 can pass it to node.
 * REGLAB_SIMD=plain keeps plain SIMD instead, whose kernels compute the same bits on every machine.
 */
import { setFlagsFromString } from "node:v8";
import {
  preferRowsModuleBuild,
  type RowsModuleBuild,
  relaxedSimdCompiles,
  rowsModuleBuild,
} from "../kernels/rowsModule.js";

/** V8 before 11.4 has relaxed SIMD behind the flag (older V8s than Node 20's are not supported). */
function v8HasTheFlag(): boolean {
  const [major = 0, minor = 0] = process.versions.v8.split(".").map(Number);
  return major < 11 || (major === 11 && minor < 4);
}

/** Switches relaxed SIMD on where it takes a flag; returns the build the kernels will use. */
export function enableFusedKernels(env: Record<string, string | undefined>): RowsModuleBuild {
  preferRowsModuleBuild(env.REGLAB_SIMD === "plain" ? "simd" : "relaxed-simd");
  if (env.REGLAB_SIMD !== "plain" && !relaxedSimdCompiles() && v8HasTheFlag())
    setFlagsFromString("--experimental-wasm-relaxed-simd");
  return rowsModuleBuild();
}
