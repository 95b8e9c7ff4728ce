import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { createRandom } from "../../src/core/random.js";
import { parseCsv } from "../../src/data/parseCsv.js";
import { choleskyInPlace, choleskySolveInPlace } from "../../src/glm/cholesky.js";
import { ridge } from "../../src/glm/ridge.js";

interface RidgeFixture {
  fits: { lambda: number; intercept: number; coefs: number[] }[];
}

const load = (name: string) => parseCsv(readFileSync(`data/${name}.csv`, "utf8"), `data/${name}.csv`);

describe("Cholesky", () => {
  it("solves a random SPD system to rounding", () => {
    const random = createRandom(3);
    const p = 12;
    const b = Float64Array.from({ length: p * p }, () => random.normal());
    const a = new Float64Array(p * p);
    for (let i = 0; i < p; i++)
      for (let j = 0; j < p; j++) {
        let sum = i === j ? 0.5 : 0;
        for (let k = 0; k < p; k++) sum += b[i * p + k]! * b[j * p + k]!;
        a[i * p + j] = sum;
      }
    const rhs = Float64Array.from({ length: p }, () => random.normal());
    const l = a.slice();
    expect(choleskyInPlace(l, p)).toBe(true);
    const x = rhs.slice();
    choleskySolveInPlace(l, p, x);
    for (let i = 0; i < p; i++) {
      let sum = 0;
      for (let k = 0; k < p; k++) sum += a[i * p + k]! * x[k]!;
      expect(sum).toBeCloseTo(rhs[i]!, 10);
    }
  });

  it("refuses a matrix that is not positive definite", () => {
    expect(choleskyInPlace(Float64Array.from([1, 2, 2, 1]), 2)).toBe(false);
  });
});

describe("ridge (single λ, exact)", () => {
  for (const name of ["diabetes", "wine", "breast_cancer"]) {
    it(`matches scikit-learn's Ridge on ${name} at every λ`, () => {
      const fixture = JSON.parse(
        readFileSync(`test/fixtures/sklearn/ridge-${name}.json`, "utf8"),
      ) as RidgeFixture;
      const data = load(name);
      const fits = ridge(
        data,
        fixture.fits.map((fit) => fit.lambda),
      );
      fixture.fits.forEach((reference, k) => {
        const fit = fits[k]!;
        const size = Math.max(...reference.coefs.map(Math.abs), Math.abs(reference.intercept));
        expect(Math.abs(fit.intercept - reference.intercept) / size).toBeLessThan(1e-8);
        reference.coefs.forEach((c, j) => {
          expect(Math.abs(fit.coefs[j]! - c) / size).toBeLessThan(1e-8);
        });
      });
    });
  }

  it("sets the objective's gradient to zero (checked from the raw data)", () => {
    const data = load("diabetes");
    const lambda = 0.05;
    const [fit] = ridge(data, [lambda]);
    const { n, p } = data;
    // standardized scale s_j (1/n sd): penalty (λ/2) Σ (s_j b_j)²
    const scale = Array.from({ length: p }, (_, j) => {
      let mean = 0;
      for (let i = 0; i < n; i++) mean += data.x[i * p + j]! / n;
      let squares = 0;
      for (let i = 0; i < n; i++) squares += (data.x[i * p + j]! - mean) ** 2 / n;
      return Math.sqrt(squares);
    });
    const residual = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      let prediction = fit!.intercept;
      for (let j = 0; j < p; j++) prediction += data.x[i * p + j]! * fit!.coefs[j]!;
      residual[i] = data.y[i]! - prediction;
    }
    const interceptGradient = residual.reduce((sum, r) => sum + r, 0) / n;
    expect(Math.abs(interceptGradient)).toBeLessThan(1e-9);
    for (let j = 0; j < p; j++) {
      let gradient = 0;
      for (let i = 0; i < n; i++) gradient -= (data.x[i * p + j]! * residual[i]!) / n;
      gradient += lambda * scale[j]! ** 2 * fit!.coefs[j]!;
      expect(Math.abs(gradient) * scale[j]!).toBeLessThan(1e-9);
    }
  });

  it("gives a constant column coefficient 0 and rejects λ < 0", () => {
    const data = load("wine");
    const x = data.x.slice();
    for (let i = 0; i < data.n; i++) x[i * data.p] = 7;
    const fits = ridge({ ...data, x }, [0.1]);
    expect(fits[0]!.coefs[0]).toBe(0);
    expect(() => ridge(data, [-1])).toThrow(/λ/);
  });
});
