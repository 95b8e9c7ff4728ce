// The gradient screen of the KKT checks: every bound it relies on holds against the gradient
// computed directly, columns it leaves to their bounds truly satisfy their conditions, and the
// columns it must compute are computed exactly.
import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/core/random.js";
import {
  createGradientScreen,
  gradientBound,
  recordExact,
  setResidual,
  settleGradients,
} from "../../src/glm/solvers/gradientScreen.js";

function setup(seed: number) {
  const random = createRandom(seed);
  const n = 30;
  const p = 200;
  const x = Float64Array.from({ length: n * p }, () => random.normal());
  const v = Float64Array.from({ length: n }, () => 0.2 + random.uniform());
  const usable = new Uint8Array(p).fill(1);
  usable[7] = 0;
  const direct = (d: Float64Array, j: number) => {
    let g = 0;
    for (let i = 0; i < n; i++) g += x[j * n + i]! * v[i]! * d[i]!;
    return g;
  };
  return { random, n, p, x, v, usable, direct };
}

describe("the gradient screen", () => {
  it("bounds every gradient from the last full sweep, and settles each column exactly or within its threshold", () => {
    const { random, n, p, x, v, usable, direct } = setup(3);
    // unequal penalty factors, one unpenalized column, and unstandardized columns: the screen's
    // shared cut (max ‖x̃_j‖/pf_j) is then only a first pass, refined column by column
    const penaltyFactor = Float64Array.from({ length: p }, (_, j) => (j % 4 === 0 ? 2 : 1));
    penaltyFactor[3] = 0;
    const screen = createGradientScreen(x, n, p, v, usable, penaltyFactor);
    let d = Float64Array.from({ length: n }, () => random.normal());
    setResidual(screen, d);
    expect(settleGradients(screen, 0)).toBe(0); // no reference yet: a full sweep
    for (let j = 0; j < p; j++) if (usable[j]) expect(screen.gradient[j]).toBeCloseTo(direct(d, j), 12);
    let bounded = 0;
    let computed = 0;
    for (let step = 0; step < 12; step++) {
      // the residual drifts a little, as along a path
      d = Float64Array.from(d, (value) => value + 0.02 * random.normal());
      setResidual(screen, d);
      const required = new Uint8Array(p);
      required[step] = 1;
      const shrink = 10 - 0.2 * step; // most gradients (sd ≈ 4.6) stay below it
      const ratio = settleGradients(screen, shrink, required);
      expect(ratio).toBeLessThanOrEqual(1);
      // the list of exact columns: each once, and exactly those
      const listed = Array.from(screen.exact.subarray(0, screen.exactCount));
      expect(new Set(listed).size).toBe(listed.length);
      expect(listed.sort((a, b) => a - b)).toEqual(
        Array.from({ length: p }, (_, j) => j).filter((j) => screen.exactAt[j] === screen.version),
      );
      expect(screen.level[7]).toBe(Number.NEGATIVE_INFINITY); // unusable: never in a model
      expect(screen.level[3]).toBe(Number.POSITIVE_INFINITY); // unpenalized: always
      expect(screen.exactAt[3]).toBe(screen.version); // its condition g = 0 needs its value
      for (let j = 0; j < p; j++) {
        if (!usable[j]) continue;
        if (penaltyFactor[j]! > 0)
          expect(screen.level[j]).toBeCloseTo(Math.abs(screen.gradient[j]!) / penaltyFactor[j]!, 14);
        const g = direct(d, j);
        expect(gradientBound(screen, j)).toBeGreaterThanOrEqual(Math.abs(g) * (1 - 1e-12));
        if (screen.exactAt[j] === screen.version) {
          computed++;
          expect(screen.gradient[j]).toBeCloseTo(g, 12);
        } else {
          bounded++;
          expect(required[j]).toBe(0);
          expect(Math.abs(g)).toBeLessThanOrEqual(shrink * penaltyFactor[j]!);
          expect(gradientBound(screen, j)).toBeLessThanOrEqual(
            ratio * shrink * penaltyFactor[j]! * (1 + 1e-12),
          );
        }
      }
    }
    // the screen did its job: most checks needed no dot product, yet some did
    expect(bounded).toBeGreaterThan(computed);
    expect(computed).toBeGreaterThan(12);
  });

  it("keeps gradients recorded from elsewhere and computes no column twice at one residual", () => {
    const { random, n, p, x, v, usable, direct } = setup(4);
    const penaltyFactor = new Float64Array(p).fill(1);
    const screen = createGradientScreen(x, n, p, v, usable, penaltyFactor);
    const d = Float64Array.from({ length: n }, () => random.normal());
    setResidual(screen, d);
    recordExact(screen, 5, 123); // e.g. from a Gram matrix: taken as it is
    settleGradients(screen, 0);
    expect(screen.gradient[5]).toBe(123);
    expect(screen.gradient[6]).toBeCloseTo(direct(d, 6), 12);
    const version = screen.version;
    settleGradients(screen, 10); // the same residual, another threshold
    expect(screen.version).toBe(version);
    expect(screen.gradient[5]).toBe(123);
  });
});

describe("the gradient screen's two references", () => {
  it("settle residuals in their span with no dot product — as a piece of a lasso path's residuals is", () => {
    const { random, n, p, x, v, usable, direct } = setup(5);
    const penaltyFactor = new Float64Array(p).fill(1);
    const screen = createGradientScreen(x, n, p, v, usable, penaltyFactor);
    const start = Float64Array.from({ length: n }, () => random.normal());
    const direction = Float64Array.from({ length: n }, () => random.normal());
    const along = (t: number) => Float64Array.from(start, (value, i) => value + t * direction[i]!);
    // two full sweeps (threshold 0 leaves every column open) at two points of the line
    for (const t of [0, 0.1]) {
      setResidual(screen, along(t));
      settleGradients(screen, 0);
      expect(screen.references).toBe(t === 0 ? 1 : 2);
    }
    // further along the line: d = c₁d₁ + c₂d₂ exactly, so the drift is rounding only
    for (const t of [0.3, 0.7, 1.5]) {
      const d = along(t);
      setResidual(screen, d);
      expect(screen.drift).toBeLessThan(1e-10); // (the allowance for rounding: ~(n + 8)ε·‖d‖)
      const shrink = 100; // above every gradient (sd below 10 here)
      settleGradients(screen, shrink);
      expect(screen.computed).toBe(0);
      for (let j = 0; j < p; j++) {
        if (!usable[j]) continue;
        const g = direct(d, j);
        expect(gradientBound(screen, j)).toBeGreaterThanOrEqual(Math.abs(g) * (1 - 1e-12));
        expect(screen.gradient[j]).toBeCloseTo(g, 10); // the estimate the strong rules read
        expect(screen.level[j]).toBeCloseTo(Math.abs(g), 10);
      }
      expect(screen.level[7]).toBe(Number.NEGATIVE_INFINITY);
    }
    // off the line the drift is what is left over, and the bounds still hold
    const off = Float64Array.from(along(0.5), (value) => value + 0.05 * random.normal());
    setResidual(screen, off);
    expect(screen.drift).toBeGreaterThan(0.01);
    settleGradients(screen, 100);
    for (let j = 0; j < p; j++)
      if (usable[j])
        expect(gradientBound(screen, j)).toBeGreaterThanOrEqual(Math.abs(direct(off, j)) * (1 - 1e-12));
  });
});

describe("the gradient screen's sweep", () => {
  it("is the same in WebAssembly and in plain JavaScript: odd p, exact, unpenalized and unusable columns", () => {
    const { random, n, x, v, usable, direct } = setup(6);
    const p = 199; // odd: the last column after the pairs (setup's x has 200 columns; one is left out)
    const penaltyFactor = Float64Array.from({ length: p }, (_, j) => (j % 5 === 0 ? 0.5 : 1));
    penaltyFactor[11] = 0;
    const screens = [false, true].map((plain) =>
      createGradientScreen(x, n, p, v, usable.subarray(0, p), penaltyFactor, plain),
    );
    expect(screens[0]!.arrays.settle).not.toBeNull();
    expect(screens[1]!.arrays.settle).toBeNull();
    let d = Float64Array.from({ length: n }, () => random.normal());
    for (let step = 0; step < 25; step++) {
      d = Float64Array.from(d, (value) => value + 0.03 * random.normal());
      const shrink = 9 - 0.15 * step;
      const outcomes = screens.map((screen) => {
        setResidual(screen, d);
        recordExact(screen, 2 * step, direct(d, 2 * step)); // one exact column, as W's are
        const ratio = settleGradients(screen, shrink);
        return {
          ratio,
          computed: Array.from(screen.columns.subarray(0, screen.computed)).sort((a, b) => a - b),
          gradient: Array.from(screen.gradient),
          level: Array.from(screen.level),
          references: screen.references,
        };
      });
      const [fast, plain] = outcomes as [(typeof outcomes)[0], (typeof outcomes)[0]];
      expect(fast.references).toBe(plain.references);
      expect(fast.computed).toEqual(plain.computed);
      expect(fast.ratio).toBeCloseTo(plain.ratio, 12);
      for (let j = 0; j < p; j++) {
        expect(fast.gradient[j]).toBeCloseTo(plain.gradient[j]!, 12);
        if (Number.isFinite(plain.level[j])) expect(fast.level[j]).toBeCloseTo(plain.level[j]!, 12);
        else expect(fast.level[j]).toBe(plain.level[j]);
      }
    }
  });
});
