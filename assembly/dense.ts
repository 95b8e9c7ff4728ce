// AssemblyScript (compiled to WebAssembly with 128-bit SIMD by scripts/build-wasm.mjs).
// The two dense-layer products of a neural network, on float64 pairs (f64x2):
//
//   forward:   z[i, j] = b[j] + Σ_k a[i, k] · w[j, k]
//   backward:  ∂E/∂W[j, k] = (1/B) Σ_i δ[i, j] · a[i, k]      ∂E/∂b[j] = (1/B) Σ_i δ[i, j]
//              ∂E/∂a[i, k] = Σ_j δ[i, j] · w[j, k]
//
// Matrices are row-major float64 at byte offsets into this module's memory; the JavaScript side
// (src/kernels/denseKernels.ts) copies them in and out. Four accumulators per dot product keep the
// adder pipeline busy; the odd tail, if any, is done one number at a time.

@inline function at(base: usize, index: i32): usize {
  return base + (<usize>index << 3);
}

export function denseForward(a: usize, w: usize, b: usize, z: usize, rows: i32, nIn: i32, nOut: i32): void {
  for (let i = 0; i < rows; i++) {
    const rowA = at(a, i * nIn);
    for (let j = 0; j < nOut; j++) {
      const rowW = at(w, j * nIn);
      let acc0 = f64x2.splat(0);
      let acc1 = f64x2.splat(0);
      let acc2 = f64x2.splat(0);
      let acc3 = f64x2.splat(0);
      let k = 0;
      for (; k + 7 < nIn; k += 8) {
        acc0 = f64x2.add(acc0, f64x2.mul(v128.load(at(rowA, k)), v128.load(at(rowW, k))));
        acc1 = f64x2.add(acc1, f64x2.mul(v128.load(at(rowA, k + 2)), v128.load(at(rowW, k + 2))));
        acc2 = f64x2.add(acc2, f64x2.mul(v128.load(at(rowA, k + 4)), v128.load(at(rowW, k + 4))));
        acc3 = f64x2.add(acc3, f64x2.mul(v128.load(at(rowA, k + 6)), v128.load(at(rowW, k + 6))));
      }
      for (; k + 1 < nIn; k += 2) acc0 = f64x2.add(acc0, f64x2.mul(v128.load(at(rowA, k)), v128.load(at(rowW, k))));
      acc0 = f64x2.add(f64x2.add(acc0, acc1), f64x2.add(acc2, acc3));
      let sum = f64x2.extract_lane(acc0, 0) + f64x2.extract_lane(acc0, 1);
      for (; k < nIn; k++) sum += load<f64>(at(rowA, k)) * load<f64>(at(rowW, k));
      store<f64>(at(z, i * nOut + j), sum + load<f64>(at(b, j)));
    }
  }
}

// y[0 … n) += d · x[0 … n)
@inline function axpy(d: f64, x: usize, y: usize, n: i32): void {
  const dd = f64x2.splat(d);
  let k = 0;
  for (; k + 1 < n; k += 2) v128.store(at(y, k), f64x2.add(v128.load(at(y, k)), f64x2.mul(dd, v128.load(at(x, k)))));
  for (; k < n; k++) store<f64>(at(y, k), load<f64>(at(y, k)) + d * load<f64>(at(x, k)));
}

export function denseBackward(
  dz: usize,
  a: usize,
  w: usize,
  gradW: usize,
  gradB: usize,
  dA: usize,
  rows: i32,
  nIn: i32,
  nOut: i32,
  withDA: bool,
): void {
  const inverse = 1.0 / <f64>rows;
  const scale = f64x2.splat(inverse);
  // ∂E/∂W[j, k…k+7] = (1/B) Σ_i δ[i, j]·a[i, k…k+7]: eight columns at a time held in four
  // registers across all rows, so each gradient entry is stored once instead of once per row.
  for (let j = 0; j < nOut; j++) {
    let k = 0;
    for (; k + 7 < nIn; k += 8) {
      let s0 = f64x2.splat(0);
      let s1 = f64x2.splat(0);
      let s2 = f64x2.splat(0);
      let s3 = f64x2.splat(0);
      for (let i = 0; i < rows; i++) {
        const d = f64x2.splat(load<f64>(at(dz, i * nOut + j)));
        const rowA = at(a, i * nIn + k);
        s0 = f64x2.add(s0, f64x2.mul(d, v128.load(rowA)));
        s1 = f64x2.add(s1, f64x2.mul(d, v128.load(rowA + 16)));
        s2 = f64x2.add(s2, f64x2.mul(d, v128.load(rowA + 32)));
        s3 = f64x2.add(s3, f64x2.mul(d, v128.load(rowA + 48)));
      }
      const out = at(gradW, j * nIn + k);
      v128.store(out, f64x2.mul(s0, scale));
      v128.store(out + 16, f64x2.mul(s1, scale));
      v128.store(out + 32, f64x2.mul(s2, scale));
      v128.store(out + 48, f64x2.mul(s3, scale));
    }
    for (; k < nIn; k++) {
      let sum = 0.0;
      for (let i = 0; i < rows; i++) sum += load<f64>(at(dz, i * nOut + j)) * load<f64>(at(a, i * nIn + k));
      store<f64>(at(gradW, j * nIn + k), sum * inverse);
    }
    let bias = 0.0;
    for (let i = 0; i < rows; i++) bias += load<f64>(at(dz, i * nOut + j));
    store<f64>(at(gradB, j), bias * inverse);
  }
  // ∂E/∂a[i, :] = Σ_j δ[i, j]·w[j, :]
  if (withDA) {
    memory.fill(dA, 0, <usize>(rows * nIn) << 3);
    for (let i = 0; i < rows; i++) {
      const rowDA = at(dA, i * nIn);
      for (let j = 0; j < nOut; j++) axpy(load<f64>(at(dz, i * nOut + j)), at(w, j * nIn), rowDA, nIn);
    }
  }
}
