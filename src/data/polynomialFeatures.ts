/**
 * Polynomial features of every degree 1 … d: for 2 inputs and d = 3,
 *   x1, x2, x1², x1·x2, x2², x1³, x1²·x2, x1·x2², x2³.
 * A logistic model on them draws curved decision boundaries — and needs regularization as soon as
 * d grows, which makes it the textbook case of overfitting.
 */
import type { Dataset } from "./parseCsv.js";

/** Exponent vectors of all monomials of total degree 1 … degree in p variables, by degree. */
export function monomialExponents(p: number, degree: number): number[][] {
  const result: number[][] = [];
  const current = new Array<number>(p).fill(0);
  // all exponent vectors with sum exactly `left`, variables from `index` on, in lexicographic order
  const fill = (index: number, left: number) => {
    if (index === p - 1) {
      current[index] = left;
      result.push(current.slice());
      return;
    }
    for (let e = left; e >= 0; e--) {
      current[index] = e;
      fill(index + 1, left - e);
    }
  };
  for (let d = 1; d <= degree; d++) fill(0, d);
  return result;
}

export function polynomialFeatures(data: Dataset, degree: number): Dataset {
  if (!(Number.isInteger(degree) && degree >= 1)) throw new RangeError(`degree must be a positive integer`);
  const exponents = monomialExponents(data.p, degree);
  const q = exponents.length;
  const x = new Float64Array(data.n * q);
  for (let i = 0; i < data.n; i++) {
    for (let k = 0; k < q; k++) {
      let value = 1;
      const e = exponents[k]!;
      for (let j = 0; j < data.p; j++) if (e[j]! > 0) value *= data.x[i * data.p + j]! ** e[j]!;
      x[i * q + k] = value;
    }
  }
  const names = exponents.map((e) =>
    e
      .map((power, j) =>
        power === 0 ? "" : power === 1 ? data.featureNames[j]! : `${data.featureNames[j]}^${power}`,
      )
      .filter(Boolean)
      .join("·"),
  );
  return { ...data, x, p: q, featureNames: names, constantColumns: [] };
}
