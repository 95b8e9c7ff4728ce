import { defineConfig } from "vitest/config";

// Two projects: every test with the kernels the reglab command uses (relaxed SIMD, fused
// multiply-adds, switched on as the command does it), and the kernel, screen and active-set tests again
// with plain SIMD — the build a library user on Node 20 without the flag gets.
export default defineConfig({
  test: {
    testTimeout: 60_000,
    pool: "forks",
    projects: [
      {
        extends: true,
        test: {
          name: "fused",
          include: ["test/**/*.test.ts"],
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
