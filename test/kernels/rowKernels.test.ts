import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/core/random.js";
import { type Dataset, parseCsv } from "../../src/data/parseCsv.js";
import { buildDesign } from "../../src/glm/design.js";
import { logisticRidge } from "../../src/glm/logisticRidge.js";
import {
  createFactorWorkspace,
  growFactorWorkspace,
  releaseFactorWorkspace,
} from "../../src/kernels/factorKernel.js";
import {
  crossFunction,
  designProducts,
  gramFunction,
  jsCross,
  jsGram,
  jsProducts,
  jsStreamedGram,
  streamedGramFunction,
} from "../../src/kernels/gramKernel.js";
import { jsRowKernels, rowKernels } from "../../src/kernels/rowKernels.js";
import { rowsModuleBuild } from "../../src/kernels/rowsModule.js";

describe("row sweeps of the truncated-Newton solver", () => {
  it("load as WebAssembly in Node, in the build the test project asks for", () => {
    expect(rowKernels().name).toBe("wasm");
    // test/setup: fused multiply-adds (relaxed SIMD) unless REGLAB_SIMD=plain
    expect(rowsModuleBuild()).toBe(process.env.REGLAB_SIMD === "plain" ? "simd" : "relaxed-simd");
  });

  for (const [n, p] of [
    [7, 1],
    [33, 5],
    [100, 31],
    [64, 100],
  ] as const) {
    it(`WebAssembly and JavaScript agree (n = ${n}, p = ${p}, odd sizes included)`, () => {
      const random = createRandom(n * 1000 + p);
      const fill = (a: Float64Array) => {
        for (let i = 0; i < a.length; i++) a[i] = random.normal();
      };
      const wasm = rowKernels();
      const a = wasm.allocate(n, p);
      const b = jsRowKernels.allocate(n, p);
      for (const key of ["x", "v", "d", "c"] as const) {
        fill(a[key]);
        b[key].set(a[key]);
      }
      const offset = random.normal();
      const totalA = wasm.hessianTimes(a, n, p, offset);
      const totalB = jsRowKernels.hessianTimes(b, n, p, offset);
      expect(Math.abs(totalA - totalB)).toBeLessThan(1e-10 * (1 + Math.abs(totalB)));
      for (let j = 0; j < p; j++) expect(a.out[j]).toBeCloseTo(b.out[j]!, 10);
      for (let i = 0; i < n; i++) expect(a.dots[i]).toBeCloseTo(b.dots[i]!, 10);
      a.gradient.fill(0.5);
      b.gradient.fill(0.5);
      a.diagonal.fill(0.25);
      b.diagonal.fill(0.25);
      wasm.gradientSweep(a, n, p);
      jsRowKernels.gradientSweep(b, n, p);
      for (let j = 0; j < p; j++) {
        expect(a.gradient[j]).toBeCloseTo(b.gradient[j]!, 10);
        expect(a.diagonal[j]).toBeCloseTo(b.diagonal[j]!, 10);
      }
    });
  }

  it("give the solver the same answer either way", () => {
    const data = parseCsv(readFileSync("data/breast_cancer.csv", "utf8"), "breast_cancer.csv");
    const fast = logisticRidge(data, 1e-3, { tolerance: 1e-10 });
    const plain = logisticRidge(data, 1e-3, { tolerance: 1e-10, kernels: jsRowKernels });
    expect(Math.abs(fast.objective - plain.objective) / plain.objective).toBeLessThan(1e-13);
    for (const [j, c] of fast.coefs.entries()) expect(c).toBeCloseTo(plain.coefs[j]!, 6);
  });
});

describe("the weighted Gram matrix of coordinate descent's covariance mode", () => {
  it("is the same in WebAssembly and JavaScript, also for odd n and when the design is reused", () => {
    const random = createRandom(5);
    for (const [n, p] of [
      [9, 3],
      [101, 17],
      [2061, 6], // three chunks of rows (1024 each), the last one partial and odd
      [203, 70], // G's lower triangle in several blocks of rows, the last one not a multiple of 4
    ] as const) {
      const x = Float64Array.from({ length: n * p }, () => random.normal());
      for (let round = 0; round < 2; round++) {
        const v = Float64Array.from({ length: n }, () => random.uniform());
        const fast = new Float64Array(p * p);
        const plain = new Float64Array(p * p);
        gramFunction()(x, n, p, v, fast);
        jsGram(x, n, p, v, plain);
        for (let k = 0; k < p * p; k++) expect(fast[k]).toBeCloseTo(plain[k]!, 10);
        // a subset of the columns, in any order (5 of them: one block of four and one left over)
        const columns = Int32Array.from([p - 1, 0, 2, 1, Math.floor(p / 2)]);
        const m = columns.length;
        const subset = new Float64Array(m * m);
        const subsetPlain = new Float64Array(m * m);
        gramFunction()(x, n, p, v, subset, undefined, columns);
        jsGram(x, n, p, v, subsetPlain, undefined, columns);
        for (let a = 0; a < m; a++)
          for (let b = 0; b < m; b++) {
            expect(subset[a * m + b]).toBeCloseTo(plain[columns[a]! * p + columns[b]!]!, 10);
            expect(subsetPlain[a * m + b]).toBeCloseTo(plain[columns[a]! * p + columns[b]!]!, 10);
          }
        // a rectangular block, as a kept Gram matrix is extended with it
        const rows = Int32Array.from([1, p - 1, 0, 2, Math.floor(p / 2)]);
        const cols = Int32Array.from([0, 2, p - 1]);
        for (const cross of [crossFunction(), jsCross]) {
          const block = new Float64Array(rows.length * cols.length);
          cross(x, n, p, v, rows, cols, block);
          for (let a = 0; a < rows.length; a++)
            for (let b = 0; b < cols.length; b++)
              expect(block[a * cols.length + b]).toBeCloseTo(plain[rows[a]! * p + cols[b]!]!, 10);
        }
        // extra columns appended: [X, r, 1] gives Xᵀ(v ⊙ r) and Xᵀv in the last two rows
        const r = Float64Array.from({ length: n }, () => random.normal());
        const ones = new Float64Array(n).fill(1);
        const size = p + 2;
        const extended = new Float64Array(size * size);
        const extendedPlain = new Float64Array(size * size);
        gramFunction()(x, n, p, v, extended, undefined, undefined, [r, ones]);
        jsGram(x, n, p, v, extendedPlain, undefined, undefined, [r, ones]);
        for (let j = 0; j < p; j++) {
          let g = 0;
          let sum = 0;
          for (let i = 0; i < n; i++) {
            g += v[i]! * x[j * n + i]! * r[i]!;
            sum += v[i]! * x[j * n + i]!;
          }
          for (const g2 of [extended, extendedPlain]) {
            expect(g2[j * size + p]).toBeCloseTo(g, 10);
            expect(g2[(p + 1) * size + j]).toBeCloseTo(sum, 10);
            expect(g2[j * size + j]).toBeCloseTo(plain[j * p + j]!, 10);
          }
        }
        // more extras than the module's memory holds after the design (three responses, say): the
        // same matrix as the plain loops, every block of it (the SIMD layout has room for two)
        const three = [r, ones, Float64Array.from({ length: n }, () => random.normal())];
        const wide = new Float64Array((p + 3) * (p + 3));
        const widePlain = new Float64Array((p + 3) * (p + 3));
        gramFunction()(x, n, p, v, wide, undefined, undefined, three);
        jsGram(x, n, p, v, widePlain, undefined, undefined, three);
        for (let a = 0; a < wide.length; a++) expect(wide[a]).toBeCloseTo(widePlain[a]!, 10);
      }
    }
  });
});

describe("products of a column-major design with vectors, over chosen columns", () => {
  it("are the same in WebAssembly and JavaScript (odd n, odd m, the design reused)", () => {
    const random = createRandom(8);
    for (const [n, p] of [
      [7, 3],
      [1001, 9],
    ] as const) {
      const x = Float64Array.from({ length: n * p }, () => random.normal());
      // up to seven columns, in any order: transposeTimes takes four at a time, then the rest
      const columns = Int32Array.from([p - 1, 0, 2, 1, p - 2, 1, p - 3]);
      const coefficients = Float64Array.from([0.5, -1.25, 2, 0.75, -0.5, 1.5, -2]);
      const r = Float64Array.from({ length: n }, () => random.normal());
      for (const m of p >= 7 ? [7, 4, 3, 2] : [3, 2]) {
        const fast = new Float64Array(n);
        const plain = new Float64Array(n);
        designProducts().times(x, n, p, columns, m, coefficients, fast);
        jsProducts.times(x, n, p, columns, m, coefficients, plain);
        for (let i = 0; i < n; i++) {
          let expected = 0;
          for (let a = 0; a < m; a++) expected += coefficients[a]! * x[columns[a]! * n + i]!;
          expect(fast[i]).toBeCloseTo(expected, 12);
          expect(plain[i]).toBeCloseTo(expected, 12);
        }
        const gradient = new Float64Array(m);
        const gradientPlain = new Float64Array(m);
        designProducts().transposeTimes(x, n, p, columns, m, r, gradient);
        jsProducts.transposeTimes(x, n, p, columns, m, r, gradientPlain);
        for (let a = 0; a < m; a++) {
          let expected = 0;
          for (let i = 0; i < n; i++) expected += x[columns[a]! * n + i]! * r[i]!;
          expect(gradient[a]).toBeCloseTo(expected, 10);
          expect(gradientPlain[a]).toBeCloseTo(expected, 10);
        }
      }
      // the columns' squared v-norms
      const v = Float64Array.from({ length: n }, () => random.uniform());
      const squares = new Float64Array(p);
      const squaresPlain = new Float64Array(p);
      designProducts().squares(x, n, p, v, squares);
      jsProducts.squares(x, n, p, v, squaresPlain);
      for (let j = 0; j < p; j++) {
        let expected = 0;
        for (let i = 0; i < n; i++) expected += v[i]! * x[j * n + i]! ** 2;
        expect(squares[j]).toBeCloseTo(expected, 10);
        expect(squaresPlain[j]).toBeCloseTo(expected, 10);
      }
    }
  });
});

describe("the multinomial Hessian on a face times a vector, all classes in one sweep", () => {
  it("is the same in WebAssembly and JavaScript as the formula, with the probabilities kept between calls", () => {
    const random = createRandom(21);
    for (const [n, p, K] of [
      [7, 4, 3],
      [1001, 9, 5],
    ] as const) {
      const x = Float64Array.from({ length: n * p }, () => random.normal());
      // faces of different sizes per class, one empty, columns in any order
      const faces = [[2, 0], [], [p - 1, 1, 3], [0], [1, 2, 3, 0]].slice(0, K);
      const starts = new Int32Array(K + 1);
      faces.forEach((face, c) => {
        starts[c + 1] = starts[c]! + face.length;
      });
      const columns = Int32Array.from(faces.flat());
      const total = columns.length;
      const probability = new Float64Array(K * n);
      const weightedProbability = new Float64Array(K * n);
      for (let i = 0; i < n; i++) {
        const e = Array.from({ length: K }, () => Math.exp(random.normal()));
        const sum = e.reduce((a, b) => a + b, 0);
        const w = random.uniform();
        for (let c = 0; c < K; c++) {
          probability[c * n + i] = e[c]! / sum;
          weightedProbability[c * n + i] = (w * e[c]!) / sum;
        }
      }
      const face = {
        columns,
        starts,
        K,
        probability,
        weightedProbability,
        epoch: 1,
        u: new Float64Array(K * n),
      };
      // H v from its definition: u_c = X_c v_c, then w p_c (u_c − Σ p_d u_d), then X_cᵀ
      const expected = (v: Float64Array) => {
        const u = Array.from({ length: K }, (_, c) => {
          const out = new Float64Array(n);
          for (let a = starts[c]!; a < starts[c + 1]!; a++)
            for (let i = 0; i < n; i++) out[i]! += v[a]! * x[columns[a]! * n + i]!;
          return out;
        });
        const result = new Float64Array(total);
        for (let c = 0; c < K; c++)
          for (let a = starts[c]!; a < starts[c + 1]!; a++)
            for (let i = 0; i < n; i++) {
              let s = 0;
              for (let d = 0; d < K; d++) s += probability[d * n + i]! * u[d]![i]!;
              result[a]! += x[columns[a]! * n + i]! * weightedProbability[c * n + i]! * (u[c]![i]! - s);
            }
        return result;
      };
      for (let call = 0; call < 3; call++) {
        const v = Float64Array.from({ length: total }, () => random.normal());
        const fast = new Float64Array(total);
        const plain = new Float64Array(total);
        designProducts().faceHessianTimes(x, n, p, face, v, fast);
        jsProducts.faceHessianTimes(x, n, p, face, v, plain);
        const want = expected(v);
        for (let a = 0; a < total; a++) {
          expect(fast[a]).toBeCloseTo(want[a]!, 10);
          expect(plain[a]).toBeCloseTo(want[a]!, 10);
        }
        // a Gram between two products overwrites the kernel's copy of p: it must copy them again
        if (call === 1) gramFunction()(x, n, p, weightedProbability, new Float64Array(p * p));
      }
    }
  });
});

describe("the active-set factor workspace", () => {
  it("builds the same factor, solves and gradients in WebAssembly and JavaScript", () => {
    const random = createRandom(13);
    const p = 9;
    const n = 40;
    const x = Float64Array.from({ length: n * p }, () => random.normal());
    const gram = new Float64Array(p * p);
    jsGram(x, n, p, new Float64Array(n).fill(1 / n), gram);
    const order = [4, 0, 7, 2, 8];
    const results = [false, true].map((plain) => {
      const workspace = createFactorWorkspace(p, plain);
      workspace.gram.set(gram);
      order.forEach((j, r) => {
        workspace.order[r] = j;
        const squares = workspace.row(r, j);
        workspace.lower[r * p + r] = Math.sqrt(gram[j * p + j]! - squares);
      });
      const m = order.length;
      for (let r = 0; r < m; r++) workspace.solution[r] = r - 1.5;
      workspace.solve(m);
      for (let j = 0; j < p; j++) workspace.linear[j] = j * 0.1;
      workspace.computeGradient(m);
      const gradient = workspace.gradient.slice();
      // the same gradients over the first columns only (a working set's slots in use); the
      // entries past them are left alone
      const width = 5;
      const listed = [0, 1, 2, 3, 4];
      workspace.gradient.fill(-7);
      workspace.computeGradient(m, width);
      return {
        lower: workspace.lower.slice(),
        solution: workspace.solution.slice(0, m),
        gradient,
        listed: listed.map((j) => workspace.gradient[j]! - gradient[j]!),
        untouched: workspace.gradient.filter((_, j) => !listed.includes(j)),
      };
    });
    const [fast, plain] = results as [(typeof results)[0], (typeof results)[0]];
    // the factor's rows as written (a reused instance's memory holds older numbers elsewhere)
    for (let r = 0; r < order.length; r++)
      for (let c = 0; c <= r; c++) expect(fast.lower[r * p + c]).toBeCloseTo(plain.lower[r * p + c]!, 12);
    for (let r = 0; r < order.length; r++) expect(fast.solution[r]).toBeCloseTo(plain.solution[r]!, 10);
    for (let j = 0; j < p; j++) expect(fast.gradient[j]).toBeCloseTo(plain.gradient[j]!, 10);
    for (const result of results) {
      for (const difference of result.listed) expect(Math.abs(difference)).toBeLessThan(1e-14);
      expect(result.untouched.every((value) => value === -7)).toBe(true);
    }
    // and the solve is a solve: G_FF · x = b on the active block
    for (let a = 0; a < order.length; a++) {
      let product = 0;
      for (let c = 0; c < order.length; c++) product += gram[order[a]! * p + order[c]!]! * fast.solution[c]!;
      expect(product).toBeCloseTo(a - 1.5, 9);
    }
  });
});

describe("a factor workspace reused (its module instance's memory, touched once, serves the next)", () => {
  it("grown to a larger p keeps G's leading block, row by row at the new stride", () => {
    for (const plain of [false, true]) {
      const before = 7;
      const rows = 5;
      const workspace = createFactorWorkspace(before, plain);
      for (let r = 0; r < before; r++)
        for (let c = 0; c < before; c++) workspace.gram[r * before + c] = 100 * r + c;
      const after = 23;
      const grown = growFactorWorkspace(workspace, after, rows);
      expect(grown.gram.length).toBe(after * after);
      for (let r = 0; r < rows; r++)
        for (let c = 0; c < rows; c++)
          expect(grown.gram[r * after + c], `${plain} ${r},${c}`).toBe(100 * r + c);
    }
  });

  it("laid out again for another p, factors and solves as a fresh one", () => {
    const random = createRandom(17);
    const solveWith = (workspace: ReturnType<typeof createFactorWorkspace>, p: number) => {
      const n = 3 * p;
      const x = Float64Array.from({ length: n * p }, () => random.normal());
      const gram = new Float64Array(p * p);
      jsGram(x, n, p, new Float64Array(n).fill(1 / n), gram);
      workspace.gram.set(gram);
      for (let r = 0; r < p; r++) {
        workspace.order[r] = r;
        workspace.lower[r * p + r] = Math.sqrt(gram[r * p + r]! - workspace.row(r, r));
      }
      for (let r = 0; r < p; r++) workspace.solution[r] = 1;
      workspace.solve(p);
      // G·x = 1 on every row
      for (let a = 0; a < p; a++) {
        let product = 0;
        for (let c = 0; c < p; c++) product += gram[a * p + c]! * workspace.solution[c]!;
        expect(product).toBeCloseTo(1, 8);
      }
    };
    const big = createFactorWorkspace(40);
    solveWith(big, 40);
    releaseFactorWorkspace(big);
    const small = createFactorWorkspace(11); // the same instance, its memory holding the big one's numbers
    solveWith(small, 11);
    releaseFactorWorkspace(small);
    solveWith(createFactorWorkspace(64), 64); // and larger than the memory it had
  });
});

describe("the standardized design, row-major and column-major", () => {
  it("hold the same (x − mean)/scale, also for odd p and with weights", () => {
    const random = createRandom(41);
    const n = 97;
    const p = 53; // n·p > 4096: the WebAssembly sweeps
    const x = Float64Array.from({ length: n * p }, () => 3 + 2 * random.normal());
    const data: Dataset = {
      source: "standardize",
      featureNames: Array.from({ length: p }, (_, j) => `x${j}`),
      targetName: "y",
      n,
      p,
      x,
      y: new Float64Array(n),
      droppedRows: 0,
      constantColumns: [],
    };
    const weights = Float64Array.from({ length: n }, () => 0.5 + random.uniform());
    const rows = buildDesign(data, { layout: "rows", weights });
    const columns = buildDesign(data, { weights });
    for (let i = 0; i < n; i++)
      for (let j = 0; j < p; j++) {
        const expected = (x[i * p + j]! - rows.mean[j]!) / rows.scale[j]!;
        expect(rows.x[i * p + j]).toBeCloseTo(expected, 12);
        expect(columns.x[j * n + i]).toBe(rows.x[i * p + j]);
      }
    // with a column of ones after the features (the logistic solver's intercept)
    const withOnes = buildDesign(data, { weights, onesColumn: true });
    expect(withOnes.x.length).toBe(n * (p + 1));
    expect(Array.from(withOnes.x.subarray(0, n * p))).toEqual(Array.from(columns.x));
    expect(withOnes.x.subarray(n * p).every((value) => value === 1)).toBe(true);
  });
});

describe("a large design built on first read, its Gram streamed from the rows", () => {
  const random = createRandom(29);
  const n = 2500; // two full chunks of 1024 rows and a short one
  const p = 421;
  const x = Float64Array.from({ length: n * p }, (_, k) => (k % p === 7 ? 5 : 2 + random.normal()));
  const data: Dataset = {
    source: "lazy",
    featureNames: Array.from({ length: p }, (_, j) => `x${j}`),
    targetName: "y",
    n,
    p,
    x,
    y: Float64Array.from({ length: n }, () => random.normal()),
    droppedRows: 0,
    constantColumns: [],
  };
  const weights = Float64Array.from({ length: n }, (_, i) => 1 + (i % 5));

  it("gives the same Gram, bit for bit, as the built X̃ (weights, extra columns, a constant column)", () => {
    const design = buildDesign(data, { weights });
    const rows = design.rows!;
    expect(rows).not.toBeNull(); // n·p > 2^20: not built yet
    const r = Float64Array.from({ length: n }, () => random.normal());
    const ones = new Float64Array(n).fill(1);
    const m = p + 2;
    const streamed = new Float64Array(m * m);
    streamedGramFunction()(rows.x, n, p, rows.centre, rows.inverse, design.w, streamed, undefined, [r, ones]);
    const plainStreamed = new Float64Array(m * m);
    jsStreamedGram(rows.x, n, p, rows.centre, rows.inverse, design.w, plainStreamed, undefined, [r, ones]);
    const built = design.x; // reading x builds it
    expect(design.rows).toBeNull();
    const resident = new Float64Array(m * m);
    gramFunction()(built, n, p, design.w, resident, undefined, undefined, [r, ones]);
    expect(Array.from(streamed)).toEqual(Array.from(resident));
    for (let k = 0; k < m * m; k++) expect(plainStreamed[k]).toBeCloseTo(resident[k]!, 10);
  });

  it("builds on first read the X̃ a design built at once holds", () => {
    const lazy = buildDesign(data, { weights, intercept: false });
    const small = buildDesign({ ...data, n: 100, x: x.subarray(0, 100 * p), y: data.y.subarray(0, 100) }, {});
    expect(small.rows).toBeNull(); // 100·p cells: built at once
    const { centre, inverse } = lazy.rows!;
    const built = lazy.x;
    for (const [i, j] of [
      [0, 0],
      [n - 1, p - 1],
      [1234, 7],
      [2048, 300],
    ] as const)
      expect(built[j * n + i]).toBe((x[i * p + j]! - centre[j]!) * inverse[j]!);
    expect(lazy.x).toBe(built); // built once
  });
});

describe("a dense system kept in a factor workspace (the Woodbury face's K and its factor)", () => {
  it("adds s·u uᵀ to the lower triangle and factors it, in WebAssembly and JavaScript alike", () => {
    const random = createRandom(31);
    const p = 41;
    const n = 37; // n < p: rows p apart, the odd tail of every SIMD run
    const u = Float64Array.from({ length: n }, () => random.normal());
    const base = Float64Array.from({ length: n * n }, () => random.normal());
    for (const plain of [false, true]) {
      const workspace = createFactorWorkspace(p, plain);
      // A = I·n + B Bᵀ/n, then A += 0.7 u uᵀ: positive definite
      for (let i = 0; i < n; i++)
        for (let k = 0; k <= i; k++) {
          let sum = i === k ? n : 0;
          for (let c = 0; c < n; c++) sum += (base[i * n + c]! * base[k * n + c]!) / n;
          workspace.gram[i * p + k] = sum;
        }
      const before = workspace.gram.slice();
      workspace.base.set(u);
      workspace.rankOneGram(n, 0.7);
      for (let i = 0; i < n; i++)
        for (let k = 0; k <= i; k++)
          expect(workspace.gram[i * p + k]).toBeCloseTo(before[i * p + k]! + 0.7 * u[i]! * u[k]!, 12);
      for (let i = 0; i < n; i++)
        for (let k = 0; k <= i; k++) workspace.lower[i * p + k] = workspace.gram[i * p + k]!;
      expect(workspace.factorLower(n)).toBe(true);
      // L·Lᵀ = A
      for (let i = 0; i < n; i++)
        for (let k = 0; k <= i; k++) {
          let product = 0;
          for (let c = 0; c <= k; c++) product += workspace.lower[i * p + c]! * workspace.lower[k * p + c]!;
          expect(product, `${plain} ${i},${k}`).toBeCloseTo(workspace.gram[i * p + k]!, 9);
        }
      // not positive definite: said so
      for (let i = 0; i < n; i++)
        for (let k = 0; k <= i; k++) workspace.lower[i * p + k] = i === k ? (i === 20 ? -1 : 1) : 0;
      expect(workspace.factorLower(n)).toBe(false);
    }
  });

  it("factors a semi-definite matrix (a repeated column) with that column of L zero, in both", () => {
    const random = createRandom(37);
    const n = 23;
    const p = 23;
    const rows = 60;
    // the Gram of a design whose column 9 repeats column 4
    const x = Float64Array.from({ length: rows * n }, () => random.normal());
    for (let i = 0; i < rows; i++) x[i * n + 9] = x[i * n + 4]!;
    const results = [false, true].map((plain) => {
      const workspace = createFactorWorkspace(p, plain);
      for (let i = 0; i < n; i++)
        for (let k = 0; k <= i; k++) {
          let sum = 0;
          for (let r = 0; r < rows; r++) sum += x[r * n + i]! * x[r * n + k]!;
          workspace.gram[i * p + k] = sum;
          workspace.lower[i * p + k] = sum;
        }
      expect(workspace.factorLower(n, { relative: 1e-13, floor: 0 })).toBe(true);
      for (let l = 9; l < n; l++) expect(workspace.lower[l * p + 9], `${plain} ${l}`).toBe(0);
      for (let i = 0; i < n; i++)
        for (let k = 0; k <= i; k++) {
          let product = 0;
          for (let c = 0; c <= k; c++) product += workspace.lower[i * p + c]! * workspace.lower[k * p + c]!;
          expect(product, `${plain} ${i},${k}`).toBeCloseTo(workspace.gram[i * p + k]!, 8);
        }
      return workspace.lower.slice(0, n * p);
    });
    for (let a = 0; a < n * p; a++) expect(results[0]![a]).toBeCloseTo(results[1]![a]!, 10);
  });
});
