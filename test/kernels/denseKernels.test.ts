import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/core/random.js";
import { decodeBase64 } from "../../src/kernels/base64.js";
import { jsKernels, kernelsFor, WASM_MIN_WEIGHTS, wasmKernels } from "../../src/kernels/denseKernels.js";

const randomArray = (length: number, seed: number) => {
  const random = createRandom(seed);
  return Float64Array.from({ length }, () => random.normal());
};

describe("dense kernels", () => {
  it("load as WebAssembly with SIMD in Node, and are chosen for layers of WASM_MIN_WEIGHTS and more", () => {
    expect(wasmKernels()?.name).toBe("wasm");
    expect(kernelsFor(64, 32).name).toBe("wasm");
    expect(kernelsFor(2, 8).name).toBe(2 * 8 >= WASM_MIN_WEIGHTS ? "wasm" : "js");
  });

  it("agree with each other on forward and backward, odd sizes and repeated calls included", () => {
    const wasm = wasmKernels()!;
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 70 }),
        fc.integer({ min: 1, max: 33 }),
        fc.integer(),
        (rows, nIn, nOut, seed) => {
          const a = randomArray(rows * nIn, seed);
          const w = randomArray(nOut * nIn, seed + 1);
          const b = randomArray(nOut, seed + 2);
          const dz = randomArray(rows * nOut, seed + 3);
          const results = [jsKernels, wasm].map((kernels) => {
            const z = new Float64Array(rows * nOut);
            const gradW = new Float64Array(nOut * nIn);
            const gradB = new Float64Array(nOut);
            const dA = new Float64Array(rows * nIn);
            kernels.forward(a, w, b, z, rows, nIn, nOut);
            kernels.backward(dz, a, w, gradW, gradB, dA, rows, nIn, nOut);
            return [z, gradW, gradB, dA];
          });
          results[0]!.forEach((expected, index) => {
            const actual = results[1]![index]!;
            for (let i = 0; i < expected.length; i++) {
              expect(Math.abs(actual[i]! - expected[i]!)).toBeLessThanOrEqual(
                1e-12 * (1 + Math.abs(expected[i]!)),
              );
            }
          });
        },
      ),
      { numRuns: 60, seed: 3 },
    );
  });

  it("compute z = a Wᵀ + b exactly on a small case", () => {
    const z = new Float64Array(2);
    wasmKernels()!.forward(
      Float64Array.from([1, 2, 3]),
      Float64Array.from([4, 5, 6, -1, 0, 1]),
      Float64Array.from([0.5, -0.5]),
      z,
      1,
      3,
      2,
    );
    expect([...z]).toEqual([32.5, 1.5]);
  });
});

describe("decodeBase64", () => {
  it("decodes what Node's Buffer encodes", () => {
    for (const text of ["", "a", "ab", "abc", "reglab — 正则化", "\u0000\u00ff"]) {
      const bytes = new TextEncoder().encode(text);
      expect([...decodeBase64(Buffer.from(bytes).toString("base64"))]).toEqual([...bytes]);
    }
  });
});
