import { describe, expect, it } from "vitest";
import { sigmoid } from "../../src/core/sigmoid.js";
import { batchGradient, chainRule, emptyBatchGradient } from "../../src/core/sigmoidUnit.js";
import { centralDifference, relativeError } from "../helpers/finiteDifference.js";

const loss = (m: number, c: number, x: number, t: number) => 0.5 * (sigmoid(m * x + c) - t) ** 2;

/** Steps that move z by 1e-4: small enough for O(h²) error, large enough to beat rounding. */
const stepInM = (x: number) => 1e-4 / Math.max(Math.abs(x), 1e-300);

describe("chainRule", () => {
  it("returns each factor: ∂E/∂y = y − t, ∂y/∂z = σ'(z), ∂z/∂m = x, ∂z/∂c = 1, and their products", () => {
    const f = chainRule(2, -1, 0.75, 0.2);
    expect(f.z).toBe(0.5);
    expect(f.y).toBe(sigmoid(0.5));
    expect(f.dEdy).toBe(f.y - 0.2);
    expect(f.dydz).toBe(f.y * (1 - f.y));
    expect(f.dzdm).toBe(0.75);
    expect(f.dzdc).toBe(1);
    expect(f.dEdm).toBe(f.dEdy * f.dydz * f.dzdm);
    expect(f.dEdc).toBe(f.dEdy * f.dydz * f.dzdc);
    expect(f.loss).toBe(0.5 * f.dEdy ** 2);
  });

  it("gives ∂E/∂m and ∂E/∂c that match central finite differences (relative error ≤ 1e-6)", () => {
    let checked = 0;
    for (const m of [-3, -0.2, 0.5, 1, 4]) {
      for (const c of [-1, 0, 0.7]) {
        for (const x of [-2.5, -0.3, 0.9, 3]) {
          for (const t of [0, 0.25, 0.9]) {
            const f = chainRule(m, c, x, t);
            const dm = centralDifference((mm) => loss(mm, c, x, t), m, stepInM(x));
            const dc = centralDifference((cc) => loss(m, cc, x, t), c, 1e-4);
            expect(relativeError(f.dEdm, dm)).toBeLessThan(1e-6);
            expect(relativeError(f.dEdc, dc)).toBeLessThan(1e-6);
            checked++;
          }
        }
      }
    }
    expect(checked).toBe(180);
  });

  it("matches finite differences at saturated points too (|z| from 8 to 40, σ' down to 4e-18)", () => {
    // Targets proportional to y keep E's relative precision where σ is tiny (z ≪ 0); by the
    // symmetry σ(−z) = 1 − σ(z) this covers the upper tail as well.
    for (const [m, c, x] of [
      [100, 0, -0.08],
      [100, 2, -0.2],
      [1000, 0, -0.03],
      [0.001, 0, -10000],
      [0.002, -5, -10000],
    ] as const) {
      const z = m * x + c;
      expect(z).toBeLessThanOrEqual(-8);
      const t = 0.5 * sigmoid(z);
      const f = chainRule(m, c, x, t);
      expect(f.dydz).toBeLessThan(4e-4);
      const dm = centralDifference((mm) => loss(mm, c, x, t), m, stepInM(x));
      const dc = centralDifference((cc) => loss(m, cc, x, t), c, 1e-4);
      expect(relativeError(f.dEdm, dm)).toBeLessThan(1e-6);
      expect(relativeError(f.dEdc, dc)).toBeLessThan(1e-6);
    }
  });

  it("shows the vanishing factor: a badly wrong output passes back almost no gradient when saturated", () => {
    const f = chainRule(0.001, 0, 10000, 0); // y ≈ 1, target 0: as wrong as it gets
    expect(f.dEdy).toBeGreaterThan(0.9999);
    expect(f.dydz).toBeLessThan(5e-5);
    expect(Math.abs(f.dEdm / f.dzdm)).toBeLessThan(5e-5);
  });

  it("stays finite at |z| = 1e4 and 1e300", () => {
    for (const x of [1e4, -1e4, 1e300, -1e300]) {
      const f = chainRule(1, 0, x, 0.5);
      for (const value of Object.values(f)) expect(Number.isFinite(value)).toBe(true);
      expect(f.dEdm).toBe(0);
    }
  });
});

describe("batchGradient", () => {
  it("is the mean of the per-sample chain rule", () => {
    const x = Float64Array.from([-2, -0.5, 0, 1, 3]);
    const t = Float64Array.from([0.1, 0.4, 0.5, 0.8, 0.95]);
    const g = batchGradient(1.3, -0.2, x, t, emptyBatchGradient());
    const samples = Array.from(x, (xi, i) => chainRule(1.3, -0.2, xi, t[i]!));
    const mean = (pick: (f: (typeof samples)[number]) => number) =>
      samples.reduce((s, f) => s + pick(f), 0) / samples.length;
    expect(g.loss).toBeCloseTo(
      mean((f) => f.loss),
      15,
    );
    expect(g.dEdm).toBeCloseTo(
      mean((f) => f.dEdm),
      15,
    );
    expect(g.dEdc).toBeCloseTo(
      mean((f) => f.dEdc),
      15,
    );
    expect(g.meanDydz).toBeCloseTo(
      mean((f) => f.dydz),
      15,
    );
    expect(g.meanAbsDEdy).toBeCloseTo(
      mean((f) => Math.abs(f.dEdy)),
      15,
    );
    expect(g.meanAbsDzdm).toBeCloseTo(1.3, 15);
  });

  it("counts saturated samples against the threshold", () => {
    const x = Float64Array.from([-10, -1, 0, 1, 10]);
    const t = new Float64Array(5);
    expect(batchGradient(1, 0, x, t, emptyBatchGradient(), 0.01).saturatedShare).toBe(0.4);
    expect(batchGradient(1, 0, x, t, emptyBatchGradient(), 0.25).saturatedShare).toBe(0.8);
  });
});
