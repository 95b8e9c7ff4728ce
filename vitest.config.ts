import { availableParallelism } from "node:os";
import { defineConfig } from "vitest/config";

// Two projects: every test with the kernels the reglab command uses (relaxed SIMD, fused
// multiply-adds, switched on as the command does it), and the kernel, screen and active-set tests again
// with plain SIMD — the build a library user on Node 20 without the flag gets.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    pool: "forks",
    // vitest's default (one fewer than the cores) leaves a 2-core machine one worker: the browser
    // tests, which mostly wait on the page, then run alone. Two workers there: 345 → 254 s.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    projects: [
      {
        extends: true,
        test: {
          name: "fused",
          include: ["test/**/*.test.ts"],
          // Files share a worker's module cache instead of each importing the library afresh:
          // 277 → 209 s of CPU for the suite. Safe here because every kernel choice in this
          // project is the same (the plain-SIMD project below keeps one process per file, since
          // the design kernel keeps the instance it first made).
          isolate: false,
          setupFiles: ["test/setup/fusedKernels.ts"],
        },
      },
      {
        extends: true,
        test: {
          name: "plain-simd",
          include: [
            "test/kernels/**/*.test.ts",
            "test/glm/activeSet.test.ts",
            "test/glm/gradientScreen.test.ts",
          ],
          setupFiles: ["test/setup/plainSimdKernels.ts"],
        },
      },
    ],
  },
});
