// AssemblyScript (compiled to WebAssembly with 128-bit SIMD by scripts/build-wasm.mjs).
// Sweeps over the rows of a row-major design X (n × p, float64) for second-order GLM solvers:
//
//   hessianTimes:  dots[i] = offset + x_i·v,  out = Σ_i d[i]·dots[i]·x_i,  returns Σ_i d[i]·dots[i]
//   gradientSweep: gradient += Σ_i c[i]·x_i,  diagonal += Σ_i d[i]·x_i²
//
// One pass over X each, the row in cache for both of its uses. Arrays are at byte offsets into
// this module's memory, where the JavaScript side (src/kernels/rowKernels.ts) keeps them.

@inline function at(base: usize, index: i32): usize {
  return base + (<usize>index << 3);
}

export function hessianTimes(
  x: usize,
  n: i32,
  p: i32,
  v: usize,
  offset: f64,
  d: usize,
  out: usize,
  dots: usize,
): f64 {
  for (let j = 0; j < p; j++) store<f64>(at(out, j), 0);
  let total: f64 = 0;
  for (let i = 0; i < n; i++) {
    const row = at(x, i * p);
    let acc0 = f64x2.splat(0);
    let acc1 = f64x2.splat(0);
    let k = 0;
    for (; k + 3 < p; k += 4) {
      acc0 = f64x2.add(acc0, f64x2.mul(v128.load(at(row, k)), v128.load(at(v, k))));
      acc1 = f64x2.add(acc1, f64x2.mul(v128.load(at(row, k + 2)), v128.load(at(v, k + 2))));
    }
    acc0 = f64x2.add(acc0, acc1);
    let dot = offset + f64x2.extract_lane(acc0, 0) + f64x2.extract_lane(acc0, 1);
    for (; k < p; k++) dot += load<f64>(at(row, k)) * load<f64>(at(v, k));
    store<f64>(at(dots, i), dot);
    const scaled = load<f64>(at(d, i)) * dot;
    total += scaled;
    const s = f64x2.splat(scaled);
    k = 0;
    for (; k + 1 < p; k += 2)
      v128.store(at(out, k), f64x2.add(v128.load(at(out, k)), f64x2.mul(s, v128.load(at(row, k)))));
    for (; k < p; k++) store<f64>(at(out, k), load<f64>(at(out, k)) + scaled * load<f64>(at(row, k)));
  }
  return total;
}

export function gradientSweep(x: usize, n: i32, p: i32, c: usize, d: usize, gradient: usize, diagonal: usize): void {
  for (let i = 0; i < n; i++) {
    const row = at(x, i * p);
    const ci = f64x2.splat(load<f64>(at(c, i)));
    const di = f64x2.splat(load<f64>(at(d, i)));
    let k = 0;
    for (; k + 1 < p; k += 2) {
      const xk = v128.load(at(row, k));
      v128.store(at(gradient, k), f64x2.add(v128.load(at(gradient, k)), f64x2.mul(ci, xk)));
      v128.store(at(diagonal, k), f64x2.add(v128.load(at(diagonal, k)), f64x2.mul(di, f64x2.mul(xk, xk))));
    }
    for (; k < p; k++) {
      const xk = load<f64>(at(row, k));
      store<f64>(at(gradient, k), load<f64>(at(gradient, k)) + load<f64>(at(c, i)) * xk);
      store<f64>(at(diagonal, k), load<f64>(at(diagonal, k)) + load<f64>(at(d, i)) * xk * xk);
    }
  }
}

// The weighted Gram matrix of a column-major design (n × p): G[j, k] = Σ_i v[i]·x[i, j]·x[i, k],
// both triangles written, p × p row-major. `weighted` is scratch for v ⊙ x_j (n numbers).
// Coordinate descent's covariance mode rebuilds it at every Newton step of a logistic path.
export function weightedGram(x: usize, n: i32, p: i32, v: usize, weighted: usize, gram: usize): void {
  for (let j = 0; j < p; j++) {
    const column = at(x, j * n);
    let i = 0;
    for (; i + 1 < n; i += 2)
      v128.store(at(weighted, i), f64x2.mul(v128.load(at(v, i)), v128.load(at(column, i))));
    for (; i < n; i++) store<f64>(at(weighted, i), load<f64>(at(v, i)) * load<f64>(at(column, i)));
    for (let k = 0; k <= j; k++) {
      const other = at(x, k * n);
      let acc0 = f64x2.splat(0);
      let acc1 = f64x2.splat(0);
      let acc2 = f64x2.splat(0);
      let acc3 = f64x2.splat(0);
      i = 0;
      for (; i + 7 < n; i += 8) {
        acc0 = f64x2.add(acc0, f64x2.mul(v128.load(at(weighted, i)), v128.load(at(other, i))));
        acc1 = f64x2.add(acc1, f64x2.mul(v128.load(at(weighted, i + 2)), v128.load(at(other, i + 2))));
        acc2 = f64x2.add(acc2, f64x2.mul(v128.load(at(weighted, i + 4)), v128.load(at(other, i + 4))));
        acc3 = f64x2.add(acc3, f64x2.mul(v128.load(at(weighted, i + 6)), v128.load(at(other, i + 6))));
      }
      acc0 = f64x2.add(f64x2.add(acc0, acc1), f64x2.add(acc2, acc3));
      let dot = f64x2.extract_lane(acc0, 0) + f64x2.extract_lane(acc0, 1);
      for (; i < n; i++) dot += load<f64>(at(weighted, i)) * load<f64>(at(other, i));
      store<f64>(at(gram, j * p + k), dot);
      store<f64>(at(gram, k * p + j), dot);
    }
  }
}
