// AssemblyScript (compiled to WebAssembly with 128-bit SIMD by scripts/build-wasm.mjs).
// The two dense-layer products of a neural network, on float64 pairs (f64x2):
//
//   forward:   z[i, j] = b[j] + Σ_k a[i, k] · w[j, k]
//   backward:  ∂E/∂W[j, k] = (1/B) Σ_i δ[i, j] · a[i, k]      ∂E/∂b[j] = (1/B) Σ_i δ[i, j]
//              ∂E/∂a[i, k] = Σ_j δ[i, j] · w[j, k]
//
// Matrices are row-major float64 at byte offsets into this module's memory; the JavaScript side
// (src/kernels/denseKernels.ts) copies them in and out. Two accumulators per dot product keep the
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
      let k = 0;
      for (; k + 3 < nIn; k += 4) {
        acc0 = f64x2.add(acc0, f64x2.mul(v128.load(at(rowA, k)), v128.load(at(rowW, k))));
        acc1 = f64x2.add(acc1, f64x2.mul(v128.load(at(rowA, k + 2)), v128.load(at(rowW, k + 2))));
      }
      acc0 = f64x2.add(acc0, acc1);
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
  memory.fill(gradW, 0, <usize>(nOut * nIn) << 3);
  memory.fill(gradB, 0, <usize>nOut << 3);
  if (withDA) memory.fill(dA, 0, <usize>(rows * nIn) << 3);
  for (let i = 0; i < rows; i++) {
    const rowA = at(a, i * nIn);
    const rowDA = at(dA, i * nIn);
    for (let j = 0; j < nOut; j++) {
      const delta = load<f64>(at(dz, i * nOut + j));
      store<f64>(at(gradB, j), load<f64>(at(gradB, j)) + delta);
      axpy(delta, rowA, at(gradW, j * nIn), nIn);
      if (withDA) axpy(delta, at(w, j * nIn), rowDA, nIn);
    }
  }
  const inverse = 1.0 / <f64>rows;
  const scale = f64x2.splat(inverse);
  const count = nOut * nIn;
  let k = 0;
  for (; k + 1 < count; k += 2) v128.store(at(gradW, k), f64x2.mul(v128.load(at(gradW, k)), scale));
  for (; k < count; k++) store<f64>(at(gradW, k), load<f64>(at(gradW, k)) * inverse);
  for (let j = 0; j < nOut; j++) store<f64>(at(gradB, j), load<f64>(at(gradB, j)) * inverse);
}
