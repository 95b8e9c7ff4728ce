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

// a·b + c and c − a·b, two lanes. Built twice (scripts/build-wasm.mjs): with relaxed SIMD they are
// one fused multiply-add each (one rounding, half the instructions: the Gram kernels below are
// bound by arithmetic, not loads); without it, a multiply then an add.
@inline function madd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_madd(a, b, c);
  else return f64x2.add(c, f64x2.mul(a, b));
}

@inline function nmadd(a: v128, b: v128, c: v128): v128 {
  if (ASC_FEATURE_RELAXED_SIMD) return f64x2.relaxed_nmadd(a, b, c);
  else return f64x2.sub(c, f64x2.mul(a, b));
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
      acc0 = madd(v128.load(at(row, k)), v128.load(at(v, k)), acc0);
      acc1 = madd(v128.load(at(row, k + 2)), v128.load(at(v, k + 2)), acc1);
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
      v128.store(at(out, k), madd(s, v128.load(at(row, k)), v128.load(at(out, k))));
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
      v128.store(at(gradient, k), madd(ci, xk, v128.load(at(gradient, k))));
      v128.store(at(diagonal, k), madd(di, f64x2.mul(xk, xk), v128.load(at(diagonal, k))));
    }
    for (; k < p; k++) {
      const xk = load<f64>(at(row, k));
      store<f64>(at(gradient, k), load<f64>(at(gradient, k)) + load<f64>(at(c, i)) * xk);
      store<f64>(at(diagonal, k), load<f64>(at(diagonal, k)) + load<f64>(at(d, i)) * xk * xk);
    }
  }
}

// The weighted Gram matrix of chosen columns of a column-major design (n × ·):
// G[a, b] = Σ_i v[i]·x[i, c_a]·x[i, c_b] for the m column indices c (i32) at `columns`, row-major
// m × m. One call adds the rows start … start + CHUNK − 1 of the design into the rows
// first ≤ a < last of G's lower triangle (b ≤ a); the caller zeroes G, goes through the chunks of
// rows in order and, within each, through blocks of G's rows, and has mirrorLower write the upper
// triangle at the end. Why so many calls: a chunk of the design (all its columns) stays in the
// cache while every block of G uses it, and no single call runs long — an engine starts a module
// on baseline code and swaps in optimized code between calls, never during one.
//
// Within a call, four columns a…a+3 are weighted (v ⊙ x_c, into `weighted`, 4·CHUNK numbers, in
// L1/L2) and each other column b is read once for all four dots — four multiply-adds per load of
// x_b instead of one.
const CHUNK = 1024;

/** The rows per chunk, so the caller can size `weighted` (4·CHUNK numbers). */
export function gramChunk(): i32 {
  return CHUNK;
}

export function weightedGram(
  x: usize, n: i32, columns: usize, m: i32, v: usize, weighted: usize, gram: usize, first: i32, last: i32, start: i32,
): void {
  const length = min(CHUNK, n - start);
  let a = first;
  for (; a + 3 < last; a += 4) {
    for (let t = 0; t < 4; t++) weigh(x, n, column(columns, a + t), start, length, v, at(weighted, t * CHUNK));
    // the lower triangle and the diagonal block: columns b < a + 4, two at a time
    let b = 0;
    for (; b + 1 < a + 4; b += 2)
      eightDots(weighted, at(x, column(columns, b) * n + start), at(x, column(columns, b + 1) * n + start), length, gram, a * m + b, m);
    for (; b < a + 4; b++) fourDots(weighted, at(x, column(columns, b) * n + start), length, gram, a * m + b, m);
  }
  // the last (last − first) mod 4 rows one at a time
  for (; a < last; a++) {
    weigh(x, n, column(columns, a), start, length, v, weighted);
    for (let b = 0; b <= a; b++)
      accumulate(gram, a * m + b, oneDot(weighted, at(x, column(columns, b) * n + start), length));
  }
}

/** The upper triangle of a row-major m × m matrix from its lower one. */
export function mirrorLower(gram: usize, m: i32): void {
  for (let a = 0; a < m; a++)
    for (let b = 0; b < a; b++) store<f64>(at(gram, b * m + a), load<f64>(at(gram, a * m + b)));
}

// The kernels below walk their streams with moving pointers and read each at constant offsets
// (the chunks w_t lie CHUNK_BYTES apart; the second row pair of an unrolled step 16 bytes on): a
// WebAssembly load takes its offset as an immediate, so one address register serves four loads
// and the loop body is mostly multiply-adds, not address arithmetic. Four rows per step.
const CHUNK_BYTES: usize = CHUNK << 3;

// Four dots of the weighted chunks w_t (at weighted + t·CHUNK, t < 4) with one column chunk:
// out[index + t·stride] += w_t · other. One load of `other` serves four multiply-adds.
@inline function fourDots(weighted: usize, other: usize, length: i32, out: usize, index: i32, stride: i32): void {
  let acc0 = f64x2.splat(0);
  let acc1 = f64x2.splat(0);
  let acc2 = f64x2.splat(0);
  let acc3 = f64x2.splat(0);
  let w = weighted;
  let b = other;
  const end = at(weighted, length & ~1);
  for (; w < end; w += 16, b += 16) {
    const xb = v128.load(b);
    acc0 = madd(v128.load(w), xb, acc0);
    acc1 = madd(v128.load(w, CHUNK_BYTES), xb, acc1);
    acc2 = madd(v128.load(w, 2 * CHUNK_BYTES), xb, acc2);
    acc3 = madd(v128.load(w, 3 * CHUNK_BYTES), xb, acc3);
  }
  let d0 = f64x2.extract_lane(acc0, 0) + f64x2.extract_lane(acc0, 1);
  let d1 = f64x2.extract_lane(acc1, 0) + f64x2.extract_lane(acc1, 1);
  let d2 = f64x2.extract_lane(acc2, 0) + f64x2.extract_lane(acc2, 1);
  let d3 = f64x2.extract_lane(acc3, 0) + f64x2.extract_lane(acc3, 1);
  for (let i = length & ~1; i < length; i++) {
    const xb = load<f64>(at(other, i));
    const wi = at(weighted, i);
    d0 += load<f64>(wi) * xb;
    d1 += load<f64>(wi, CHUNK_BYTES) * xb;
    d2 += load<f64>(wi, 2 * CHUNK_BYTES) * xb;
    d3 += load<f64>(wi, 3 * CHUNK_BYTES) * xb;
  }
  accumulate(out, index, d0);
  accumulate(out, index + stride, d1);
  accumulate(out, index + 2 * stride, d2);
  accumulate(out, index + 3 * stride, d3);
}

// The same for two column chunks at once (out[index + t·stride] and out[index + t·stride + 1]):
// eight dots from six loads per pair of rows, eight accumulators (with the operands, 14 of the 16
// vector registers).
@inline function eightDots(weighted: usize, first: usize, second: usize, length: i32, out: usize, index: i32, stride: i32): void {
  let p0 = f64x2.splat(0);
  let p1 = f64x2.splat(0);
  let p2 = f64x2.splat(0);
  let p3 = f64x2.splat(0);
  let q0 = f64x2.splat(0);
  let q1 = f64x2.splat(0);
  let q2 = f64x2.splat(0);
  let q3 = f64x2.splat(0);
  let w = weighted;
  let b = first;
  let c = second;
  const end = at(weighted, length & ~1);
  for (; w < end; w += 16, b += 16, c += 16) {
    const xb = v128.load(b);
    const xc = v128.load(c);
    let v = v128.load(w);
    p0 = madd(v, xb, p0);
    q0 = madd(v, xc, q0);
    v = v128.load(w, CHUNK_BYTES);
    p1 = madd(v, xb, p1);
    q1 = madd(v, xc, q1);
    v = v128.load(w, 2 * CHUNK_BYTES);
    p2 = madd(v, xb, p2);
    q2 = madd(v, xc, q2);
    v = v128.load(w, 3 * CHUNK_BYTES);
    p3 = madd(v, xb, p3);
    q3 = madd(v, xc, q3);
  }
  let d0 = f64x2.extract_lane(p0, 0) + f64x2.extract_lane(p0, 1);
  let d1 = f64x2.extract_lane(p1, 0) + f64x2.extract_lane(p1, 1);
  let d2 = f64x2.extract_lane(p2, 0) + f64x2.extract_lane(p2, 1);
  let d3 = f64x2.extract_lane(p3, 0) + f64x2.extract_lane(p3, 1);
  let e0 = f64x2.extract_lane(q0, 0) + f64x2.extract_lane(q0, 1);
  let e1 = f64x2.extract_lane(q1, 0) + f64x2.extract_lane(q1, 1);
  let e2 = f64x2.extract_lane(q2, 0) + f64x2.extract_lane(q2, 1);
  let e3 = f64x2.extract_lane(q3, 0) + f64x2.extract_lane(q3, 1);
  for (let i = length & ~1; i < length; i++) {
    const xb = load<f64>(at(first, i));
    const xc = load<f64>(at(second, i));
    const wi = at(weighted, i);
    d0 += load<f64>(wi) * xb;
    d1 += load<f64>(wi, CHUNK_BYTES) * xb;
    d2 += load<f64>(wi, 2 * CHUNK_BYTES) * xb;
    d3 += load<f64>(wi, 3 * CHUNK_BYTES) * xb;
    e0 += load<f64>(wi) * xc;
    e1 += load<f64>(wi, CHUNK_BYTES) * xc;
    e2 += load<f64>(wi, 2 * CHUNK_BYTES) * xc;
    e3 += load<f64>(wi, 3 * CHUNK_BYTES) * xc;
  }
  accumulate(out, index, d0);
  accumulate(out, index + stride, d1);
  accumulate(out, index + 2 * stride, d2);
  accumulate(out, index + 3 * stride, d3);
  accumulate(out, index + 1, e0);
  accumulate(out, index + stride + 1, e1);
  accumulate(out, index + 2 * stride + 1, e2);
  accumulate(out, index + 3 * stride + 1, e3);
}

// weighted · other over `length` rows.
@inline function oneDot(weighted: usize, other: usize, length: i32): f64 {
  let acc0 = f64x2.splat(0);
  let acc1 = f64x2.splat(0);
  let w = weighted;
  let b = other;
  const end = at(weighted, length & ~3);
  for (; w < end; w += 32, b += 32) {
    acc0 = madd(v128.load(w), v128.load(b), acc0);
    acc1 = madd(v128.load(w, 16), v128.load(b, 16), acc1);
  }
  acc0 = f64x2.add(acc0, acc1);
  let dot = f64x2.extract_lane(acc0, 0) + f64x2.extract_lane(acc0, 1);
  for (let i = length & ~3; i < length; i++) dot += load<f64>(at(weighted, i)) * load<f64>(at(other, i));
  return dot;
}

@inline function column(columns: usize, index: i32): i32 {
  return load<i32>(columns + (<usize>index << 2));
}

/** out[0 … length) = v ⊙ x_c over the rows start … start + length. */
@inline function weigh(x: usize, n: i32, c: i32, start: i32, length: i32, v: usize, out: usize): void {
  const source = at(x, c * n + start);
  const weights = at(v, start);
  let i = 0;
  for (; i + 1 < length; i += 2) v128.store(at(out, i), f64x2.mul(v128.load(at(weights, i)), v128.load(at(source, i))));
  for (; i < length; i++) store<f64>(at(out, i), load<f64>(at(weights, i)) * load<f64>(at(source, i)));
}

@inline function accumulate(gram: usize, index: i32, value: f64): void {
  store<f64>(at(gram, index), load<f64>(at(gram, index)) + value);
}

// The moments of the columns of a row-major design (n × p), read in memory order, two columns at a
// time: mean[j] = Σ_i w[i]·x[i, j] (when `centre`; else left at 0), squares[j] = Σ_i w[i]·(x[i, j] − mean[j])².
export function columnMoments(x: usize, n: i32, p: i32, w: usize, centre: i32, mean: usize, squares: usize): void {
  memory.fill(mean, 0, <usize>p << 3);
  memory.fill(squares, 0, <usize>p << 3);
  if (centre) {
    for (let i = 0; i < n; i++) {
      const row = at(x, i * p);
      const wi = load<f64>(at(w, i));
      const ws = f64x2.splat(wi);
      let j = 0;
      for (; j + 1 < p; j += 2)
        v128.store(at(mean, j), madd(ws, v128.load(at(row, j)), v128.load(at(mean, j))));
      for (; j < p; j++) store<f64>(at(mean, j), load<f64>(at(mean, j)) + wi * load<f64>(at(row, j)));
    }
  }
  for (let i = 0; i < n; i++) {
    const row = at(x, i * p);
    const wi = load<f64>(at(w, i));
    const ws = f64x2.splat(wi);
    let j = 0;
    for (; j + 1 < p; j += 2) {
      const centred = f64x2.sub(v128.load(at(row, j)), v128.load(at(mean, j)));
      v128.store(at(squares, j), madd(ws, f64x2.mul(centred, centred), v128.load(at(squares, j))));
    }
    for (; j < p; j++) {
      const centred = load<f64>(at(row, j)) - load<f64>(at(mean, j));
      store<f64>(at(squares, j), load<f64>(at(squares, j)) + wi * centred * centred);
    }
  }
}

// out = the design centred and scaled, column-major: out[j·n + i] = (x[i, j] − mean[j])·inverse[j].
// Transposed in blocks of 64 rows, so the rows being read stay in cache across the columns.
export function standardizeToColumns(x: usize, n: i32, p: i32, mean: usize, inverse: usize, out: usize): void {
  for (let start = 0; start < n; start += 32) {
    const end = min(n, start + 32);
    for (let j = 0; j < p; j++) {
      const m = load<f64>(at(mean, j));
      const f = load<f64>(at(inverse, j));
      const column = at(out, j * n);
      for (let i = start; i < end; i++) store<f64>(at(column, i), (load<f64>(at(x, i * p + j)) - m) * f);
    }
  }
}

// out = the design centred and scaled, row-major like x: out[i·p + j] = (x[i, j] − mean[j])·inverse[j].
export function standardizeRows(x: usize, n: i32, p: i32, mean: usize, inverse: usize, out: usize): void {
  for (let i = 0; i < n; i++) {
    const row = i * p;
    let j = 0;
    for (; j + 1 < p; j += 2) {
      const centred = f64x2.sub(v128.load(at(x, row + j)), v128.load(at(mean, j)));
      v128.store(at(out, row + j), f64x2.mul(centred, v128.load(at(inverse, j))));
    }
    for (; j < p; j++)
      store<f64>(at(out, row + j), (load<f64>(at(x, row + j)) - load<f64>(at(mean, j))) * load<f64>(at(inverse, j)));
  }
}

// out = Σ_a coefficients[a]·x[:, c_a] over the m column indices c (i32) of a column-major design:
// the linear predictor X_F β_F of the columns in a model. Two columns per sweep over out.
export function columnsTimes(x: usize, n: i32, columns: usize, m: i32, coefficients: usize, out: usize): void {
  memory.fill(out, 0, <usize>n << 3);
  let a = 0;
  for (; a + 1 < m; a += 2) {
    const first = at(x, column(columns, a) * n);
    const second = at(x, column(columns, a + 1) * n);
    const b0 = load<f64>(at(coefficients, a));
    const b1 = load<f64>(at(coefficients, a + 1));
    const s0 = f64x2.splat(b0);
    const s1 = f64x2.splat(b1);
    let i = 0;
    for (; i + 1 < n; i += 2) {
      const sum = madd(s1, v128.load(at(second, i)), f64x2.mul(s0, v128.load(at(first, i))));
      v128.store(at(out, i), f64x2.add(v128.load(at(out, i)), sum));
    }
    for (; i < n; i++)
      store<f64>(at(out, i), load<f64>(at(out, i)) + b0 * load<f64>(at(first, i)) + b1 * load<f64>(at(second, i)));
  }
  if (a < m) {
    const only = at(x, column(columns, a) * n);
    const b0 = load<f64>(at(coefficients, a));
    const s0 = f64x2.splat(b0);
    let i = 0;
    for (; i + 1 < n; i += 2) v128.store(at(out, i), madd(s0, v128.load(at(only, i)), v128.load(at(out, i))));
    for (; i < n; i++) store<f64>(at(out, i), load<f64>(at(out, i)) + b0 * load<f64>(at(only, i)));
  }
}

// out[j] = Σ_i v_i·x[i, j]² for the p columns of a column-major design: the squared v-norms.
export function weightedSquares(x: usize, n: i32, p: i32, v: usize, out: usize): void {
  for (let j = 0; j < p; j++) {
    const source = at(x, j * n);
    let acc = f64x2.splat(0);
    let i = 0;
    for (; i + 1 < n; i += 2) {
      const value = v128.load(at(source, i));
      acc = madd(v128.load(at(v, i)), f64x2.mul(value, value), acc);
    }
    let sum = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
    for (; i < n; i++) sum += load<f64>(at(v, i)) * load<f64>(at(source, i)) * load<f64>(at(source, i));
    store<f64>(at(out, j), sum);
  }
}

// out[a] = x[:, c_a] · r for the m column indices c (i32): the gradients Xᵀ(v ⊙ d) of the KKT
// checks (r = v ⊙ d). Four columns per pass over r: one load of r serves four multiply-adds, and
// four independent sums keep the adder busy — a column of a wide design is short (n = 200: a
// hundred multiply-adds), and one at a time it waits on its own additions.
export function transposeTimes(x: usize, n: i32, columns: usize, m: i32, r: usize, out: usize): void {
  const even = n & ~1;
  let a = 0;
  for (; a + 3 < m; a += 4) {
    const c0 = at(x, column(columns, a) * n);
    const c1 = at(x, column(columns, a + 1) * n);
    const c2 = at(x, column(columns, a + 2) * n);
    const c3 = at(x, column(columns, a + 3) * n);
    let s0 = f64x2.splat(0);
    let s1 = f64x2.splat(0);
    let s2 = f64x2.splat(0);
    let s3 = f64x2.splat(0);
    for (let offset: usize = 0; offset < (<usize>even << 3); offset += 16) {
      const ri = v128.load(r + offset);
      s0 = madd(v128.load(c0 + offset), ri, s0);
      s1 = madd(v128.load(c1 + offset), ri, s1);
      s2 = madd(v128.load(c2 + offset), ri, s2);
      s3 = madd(v128.load(c3 + offset), ri, s3);
    }
    let d0 = f64x2.extract_lane(s0, 0) + f64x2.extract_lane(s0, 1);
    let d1 = f64x2.extract_lane(s1, 0) + f64x2.extract_lane(s1, 1);
    let d2 = f64x2.extract_lane(s2, 0) + f64x2.extract_lane(s2, 1);
    let d3 = f64x2.extract_lane(s3, 0) + f64x2.extract_lane(s3, 1);
    if (even < n) {
      const ri = load<f64>(at(r, even));
      d0 += load<f64>(at(c0, even)) * ri;
      d1 += load<f64>(at(c1, even)) * ri;
      d2 += load<f64>(at(c2, even)) * ri;
      d3 += load<f64>(at(c3, even)) * ri;
    }
    store<f64>(at(out, a), d0);
    store<f64>(at(out, a + 1), d1);
    store<f64>(at(out, a + 2), d2);
    store<f64>(at(out, a + 3), d3);
  }
  for (; a < m; a++) {
    const source = at(x, column(columns, a) * n);
    let acc0 = f64x2.splat(0);
    let acc1 = f64x2.splat(0);
    let i = 0;
    for (; i + 3 < n; i += 4) {
      acc0 = madd(v128.load(at(source, i)), v128.load(at(r, i)), acc0);
      acc1 = madd(v128.load(at(source, i + 2)), v128.load(at(r, i + 2)), acc1);
    }
    acc0 = f64x2.add(acc0, acc1);
    let dot = f64x2.extract_lane(acc0, 0) + f64x2.extract_lane(acc0, 1);
    for (; i < n; i++) dot += load<f64>(at(source, i)) * load<f64>(at(r, i));
    store<f64>(at(out, a), dot);
  }
}

// out = linear − Σ_a coefficients[a]·G[rows_a, 0:width] for a symmetric matrix G (row-major, row
// stride p): the gradients b − G·β of the first `width` columns from the m rows of the active ones.
// Two rows per sweep over out.
export function gradientFromRows(
  gram: usize, p: i32, width: i32, rows: usize, m: i32, coefficients: usize, linear: usize, out: usize,
): void {
  memory.copy(out, linear, <usize>width << 3);
  let a = 0;
  for (; a + 1 < m; a += 2) {
    const first = at(gram, column(rows, a) * p);
    const second = at(gram, column(rows, a + 1) * p);
    const c0 = load<f64>(at(coefficients, a));
    const c1 = load<f64>(at(coefficients, a + 1));
    const s0 = f64x2.splat(c0);
    const s1 = f64x2.splat(c1);
    let k = 0;
    for (; k + 1 < width; k += 2) {
      const sum = madd(s1, v128.load(at(second, k)), f64x2.mul(s0, v128.load(at(first, k))));
      v128.store(at(out, k), f64x2.sub(v128.load(at(out, k)), sum));
    }
    for (; k < width; k++)
      store<f64>(at(out, k), load<f64>(at(out, k)) - c0 * load<f64>(at(first, k)) - c1 * load<f64>(at(second, k)));
  }
  if (a < m) {
    const only = at(gram, column(rows, a) * p);
    const c0 = load<f64>(at(coefficients, a));
    const s0 = f64x2.splat(c0);
    let k = 0;
    for (; k + 1 < width; k += 2) v128.store(at(out, k), nmadd(s0, v128.load(at(only, k)), v128.load(at(out, k))));
    for (; k < width; k++) store<f64>(at(out, k), load<f64>(at(out, k)) - c0 * load<f64>(at(only, k)));
  }
}

// Σ_{k<length} a_k·b_k in one two-lane SIMD sum, then the odd tail: the inner product of the
// factor's kernels (a row of L against a row of L, or against x).
@inline function pairDot(a: usize, b: usize, length: i32): f64 {
  let acc = f64x2.splat(0);
  let k = 0;
  for (; k + 1 < length; k += 2) acc = madd(v128.load(at(a, k)), v128.load(at(b, k)), acc);
  let dot = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  for (; k < length; k++) dot += load<f64>(at(a, k)) * load<f64>(at(b, k));
  return dot;
}

// The same inner product in four independent two-lane sums: the whole factorization of
// choleskyLower is these, and one running sum makes each multiply-add wait for the last.
@inline function quadDot(a: usize, b: usize, length: i32): f64 {
  let acc0 = f64x2.splat(0);
  let acc1 = f64x2.splat(0);
  let acc2 = f64x2.splat(0);
  let acc3 = f64x2.splat(0);
  let k = 0;
  for (; k + 7 < length; k += 8) {
    acc0 = madd(v128.load(at(a, k)), v128.load(at(b, k)), acc0);
    acc1 = madd(v128.load(at(a, k + 2)), v128.load(at(b, k + 2)), acc1);
    acc2 = madd(v128.load(at(a, k + 4)), v128.load(at(b, k + 4)), acc2);
    acc3 = madd(v128.load(at(a, k + 6)), v128.load(at(b, k + 6)), acc3);
  }
  for (; k + 1 < length; k += 2) acc0 = madd(v128.load(at(a, k)), v128.load(at(b, k)), acc0);
  const acc = f64x2.add(f64x2.add(acc0, acc1), f64x2.add(acc2, acc3));
  let dot = f64x2.extract_lane(acc, 0) + f64x2.extract_lane(acc, 1);
  for (; k < length; k++) dot += load<f64>(at(a, k)) * load<f64>(at(b, k));
  return dot;
}

// Row r of a Cholesky factor L (p × p storage, row-major, lower triangular) for a new column j of
// the symmetric matrix G: L[r, c] = (G[j, order_c] − L[r, 0:c]·L[c, 0:c]) / L[c, c] for c < r.
// Returns Σ_c L[r, c]², which the caller subtracts from the diagonal to get the pivot.
export function factorRow(gram: usize, lower: usize, p: i32, order: usize, r: i32, j: i32): f64 {
  const row = at(lower, r * p);
  const source = at(gram, j * p);
  let squares: f64 = 0;
  for (let c = 0; c < r; c++) {
    const other = at(lower, c * p);
    const value = (load<f64>(at(source, column(order, c))) - pairDot(row, other, c)) / load<f64>(at(other, c));
    store<f64>(at(row, c), value);
    squares += value * value;
  }
  return squares;
}

// The Cholesky factor of a symmetric positive definite n × n matrix (row-major, stride p), in
// place of its lower triangle: row by row, L[i, j] = (A[i, j] − L[i, 0:j]·L[j, 0:j]) / L[j, j],
// then L[i, i] = √(A[i, i] − L[i, 0:i]·L[i, 0:i]) — every inner product along two rows, in SIMD.
// Strict (relative < 0): returns 0 where a pivot is not positive (A is not positive definite).
// Semi-definite (relative ≥ 0): a pivot at or below relative·|A_ii| or `floor` is rounding — a
// column with no spread of its own — and leaves L's column i zero (L_ii = 0, and the entries
// below it 0); returns 1.
// Rows start … end − 1 only (the rows above them factored already): the caller makes many short
// calls, so the engine swaps in optimized code between them (one call for a 1000 × 1000 factor ran
// on baseline code to its end, as slow as JavaScript).
export function choleskyLower(a: usize, p: i32, start: i32, end: i32, relative: f64, floor: f64): i32 {
  for (let i = start; i < end; i++) {
    const row = at(a, i * p);
    let squares: f64 = 0;
    for (let j = 0; j < i; j++) {
      const other = at(a, j * p);
      const diagonal = load<f64>(at(other, j));
      const value = diagonal == 0 ? 0 : (load<f64>(at(row, j)) - quadDot(row, other, j)) / diagonal;
      store<f64>(at(row, j), value);
      squares += value * value;
    }
    const own = load<f64>(at(row, i));
    const pivot = own - squares;
    if (relative < 0) {
      if (!(pivot > 0)) return 0;
    } else if (!(pivot > relative * Math.abs(own)) || !(pivot > floor)) {
      store<f64>(at(row, i), 0);
      continue;
    }
    store<f64>(at(row, i), Math.sqrt(pivot));
  }
  return 1;
}

// A[i, k] += s·u_i·u_k over the lower triangle (k ≤ i) of an n × n matrix (row-major, stride p):
// a symmetric rank-one update, each row's run in SIMD.
export function symmetricRankOne(a: usize, p: i32, n: i32, u: usize, s: f64): void {
  for (let i = 0; i < n; i++) {
    const ui = s * load<f64>(at(u, i));
    if (ui == 0) continue;
    const row = at(a, i * p);
    const scale = f64x2.splat(ui);
    let k = 0;
    for (; k + 1 <= i; k += 2) v128.store(at(row, k), madd(scale, v128.load(at(u, k)), v128.load(at(row, k))));
    for (; k <= i; k++) store<f64>(at(row, k), load<f64>(at(row, k)) + ui * load<f64>(at(u, k)));
  }
}

// Solves L·Lᵀ x = b in place (b at `x`, m entries) with the factor's first m rows: forward along
// the rows of L, then backward taking each solved x_r out of the entries above it along row r.
export function factorSolve(lower: usize, p: i32, m: i32, x: usize): void {
  for (let r = 0; r < m; r++) {
    const row = at(lower, r * p);
    store<f64>(at(x, r), (load<f64>(at(x, r)) - pairDot(row, x, r)) / load<f64>(at(row, r)));
  }
  for (let r = m - 1; r >= 0; r--) {
    const row = at(lower, r * p);
    const value = load<f64>(at(x, r)) / load<f64>(at(row, r));
    store<f64>(at(x, r), value);
    const s = f64x2.splat(value);
    let k = 0;
    for (; k + 1 < r; k += 2) v128.store(at(x, k), nmadd(s, v128.load(at(row, k)), v128.load(at(x, k))));
    for (; k < r; k++) store<f64>(at(x, k), load<f64>(at(x, k)) - value * load<f64>(at(row, k)));
  }
}

// The rectangular block of a weighted Gram matrix: out[a·mc + b] = Σ_i v[i]·x[i, r_a]·x[i, c_b]
// for the mr column indices r and the mc indices c (i32 lists) of a column-major design — the
// rows a kept Gram matrix needs for columns joining it. Blocked as weightedGram.
export function weightedCross(x: usize, n: i32, rows: usize, mr: i32, cols: usize, mc: i32, v: usize, weighted: usize, out: usize): void {
  memory.fill(out, 0, <usize>(mr * mc) << 3);
  for (let start = 0; start < n; start += CHUNK) {
    const length = min(CHUNK, n - start);
    let a = 0;
    for (; a + 3 < mr; a += 4) {
      for (let t = 0; t < 4; t++) weigh(x, n, column(rows, a + t), start, length, v, at(weighted, t * CHUNK));
      let b = 0;
      for (; b + 1 < mc; b += 2)
        eightDots(weighted, at(x, column(cols, b) * n + start), at(x, column(cols, b + 1) * n + start), length, out, a * mc + b, mc);
      for (; b < mc; b++) fourDots(weighted, at(x, column(cols, b) * n + start), length, out, a * mc + b, mc);
    }
    for (; a < mr; a++) {
      weigh(x, n, column(rows, a), start, length, v, weighted);
      for (let b = 0; b < mc; b++) accumulate(out, a * mc + b, oneDot(weighted, at(x, column(cols, b) * n + start), length));
    }
  }
}


// The gradient screen's sweep over its columns (src/glm/gradientScreen.ts, settleGradients): for
// each column j not exact at this residual (exactAt[j] ≠ version), the estimate
// ĝ_j = c₁g¹_j + c₂g²_j and its level ℓ̂_j = base_j + |ĝ_j|·inverse_j become the column's gradient
// and level; a column with ℓ̂_j ≤ cut is settled, the others are tested one by one, |ĝ_j| +
// ‖x̃_j‖·drift ≤ limit·pf_j, and listed in `columns` when that fails. Returns how many are listed;
// out[0] = the largest ℓ̂ settled by the cut, out[1] = the largest bound/threshold among the others
// settled. Two columns per step; the common step (both settled by the cut, or exact) takes one
// branch.
let screenOpen: i32 = 0;
let screenRatio: f64 = 0;
let screenHighest: f64 = -Infinity;

export function screenSettle(
  p: i32, version: i32, c1: f64, c2: f64, cut: f64, limit: f64, drift: f64,
  newest: usize, older: usize, base: usize, inverse: usize, norms: usize, penalty: usize,
  usable: usize, exactAt: usize, gradient: usize, level: usize, columns: usize, out: usize,
): i32 {
  const w1 = f64x2.splat(c1);
  const w2 = f64x2.splat(c2);
  const cuts = f64x2.splat(cut);
  const versions = i32x4.splat(version);
  const none = f64x2.splat(-Infinity);
  let highest = none;
  screenOpen = 0;
  screenRatio = 0;
  screenHighest = -Infinity;
  let j = 0;
  for (; j + 1 < p; j += 2) {
    const estimate = madd(w2, v128.load(at(older, j)), f64x2.mul(w1, v128.load(at(newest, j))));
    const estimateLevel = madd(f64x2.abs(estimate), v128.load(at(inverse, j)), v128.load(at(base, j)));
    // lanes whose column is exact at this residual keep what they have (all ones where exact)
    const exact = i64x2.extend_low_i32x4_s(i32x4.eq(v128.load64_zero(exactAt + (<usize>j << 2)), versions));
    v128.store(at(gradient, j), v128.bitselect(v128.load(at(gradient, j)), estimate, exact));
    v128.store(at(level, j), v128.bitselect(v128.load(at(level, j)), estimateLevel, exact));
    if (i64x2.all_true(v128.or(f64x2.le(estimateLevel, cuts), exact))) {
      highest = f64x2.pmax(highest, v128.bitselect(none, estimateLevel, exact));
      continue;
    }
    screenColumn(j, version, cut, limit, drift, norms, penalty, usable, exactAt, gradient, level, columns);
    screenColumn(j + 1, version, cut, limit, drift, norms, penalty, usable, exactAt, gradient, level, columns);
  }
  if (j < p && load<i32>(exactAt + (<usize>j << 2)) != version) {
    // the last column of an odd p
    const estimate = c1 * load<f64>(at(newest, j)) + c2 * load<f64>(at(older, j));
    store<f64>(at(gradient, j), estimate);
    store<f64>(at(level, j), load<f64>(at(base, j)) + Math.abs(estimate) * load<f64>(at(inverse, j)));
    screenColumn(j, version, cut, limit, drift, norms, penalty, usable, exactAt, gradient, level, columns);
  }
  store<f64>(out, max(screenHighest, max(f64x2.extract_lane(highest, 0), f64x2.extract_lane(highest, 1))));
  store<f64>(out + 8, screenRatio);
  return screenOpen;
}

/** One column of screenSettle whose estimate and level are stored already. */
@inline function screenColumn(
  k: i32, version: i32, cut: f64, limit: f64, drift: f64, norms: usize, penalty: usize, usable: usize,
  exactAt: usize, gradient: usize, level: usize, columns: usize,
): void {
  if (load<i32>(exactAt + (<usize>k << 2)) == version) return;
  const estimateLevel = load<f64>(at(level, k));
  if (estimateLevel <= cut) {
    screenHighest = max(screenHighest, estimateLevel);
    return;
  }
  if (load<u8>(usable + <usize>k) == 0) return;
  const threshold = limit * load<f64>(at(penalty, k));
  const bound = Math.abs(load<f64>(at(gradient, k))) + load<f64>(at(norms, k)) * drift;
  if (!(bound <= threshold)) {
    store<i32>(columns + (<usize>screenOpen << 2), k);
    screenOpen++;
  } else if (bound > screenRatio * threshold) screenRatio = bound / threshold;
}

// The multinomial Hessian on an active face times a vector (src/glm/solvers/multinomialFace.ts),
// all classes in one call: for each class c, u_c = X̃_{F_c} v_c (columnsTimes); then row by row
// u_c ← wp_c (u_c − Σ_d p_d u_d); then out_c = X̃_{F_c}ᵀ u_c (transposeTimes). The faces' columns
// are stacked class after class (class c's from starts[c] to starts[c + 1]), as are v and out; p,
// wp (= w p) and u are K × n, class by class. One call where the per-class products with the
// middle step in JavaScript cost 2K calls, 2K copies of n numbers and a scalar loop over K·n.
export function faceHessianTimes(
  x: usize,
  n: i32,
  columns: usize,
  starts: usize,
  K: i32,
  v: usize,
  p: usize,
  wp: usize,
  u: usize,
  out: usize,
): void {
  for (let c = 0; c < K; c++) {
    const first = load<i32>(starts + (<usize>c << 2));
    const m = load<i32>(starts + (<usize>(c + 1) << 2)) - first;
    columnsTimes(x, n, columns + (<usize>first << 2), m, at(v, first), at(u, c * n));
  }
  const even = n & ~1;
  let i = 0;
  for (; i < even; i += 2) {
    let s = f64x2.splat(0);
    for (let c = 0; c < K; c++) s = madd(v128.load(at(p, c * n + i)), v128.load(at(u, c * n + i)), s);
    for (let c = 0; c < K; c++) {
      const target = at(u, c * n + i);
      v128.store(target, f64x2.mul(v128.load(at(wp, c * n + i)), f64x2.sub(v128.load(target), s)));
    }
  }
  if (i < n) {
    let s: f64 = 0;
    for (let c = 0; c < K; c++) s += load<f64>(at(p, c * n + i)) * load<f64>(at(u, c * n + i));
    for (let c = 0; c < K; c++) {
      const target = at(u, c * n + i);
      store<f64>(target, load<f64>(at(wp, c * n + i)) * (load<f64>(target) - s));
    }
  }
  for (let c = 0; c < K; c++) {
    const first = load<i32>(starts + (<usize>c << 2));
    const m = load<i32>(starts + (<usize>(c + 1) << 2)) - first;
    transposeTimes(x, n, columns + (<usize>first << 2), m, at(u, c * n), at(out, first));
  }
}

// One coordinate-descent sweep of the sparse path (src/glm/sparsePath.ts) over compressed sparse
// columns, the residual written r = r° + o·1 (see there): for each listed position q of the
// packed strong set, g = (x_qᵀ W r° + o·(Wx)_q − m_q·(Σwr° + o·Σw)) / s_q, the soft-thresholded
// step, and r° −= (δ/s_q)·x_q on the column's nonzeros. The same operations in the same order as
// the JavaScript loop it replaces, so the same bits (scalar: no fused multiply-add), and about
// twice as fast: no bounds check on each gathered residual. `uniform` (the gaussian family, every
// weight w0) reads no weights; otherwise `weighted` holds w_i·x_iq beside each value. β, the
// means, scales, (Wx)_q and curvatures are by packed position. Returns the largest curvature·δ²;
// out[0] = the largest KKT violation met before a step, out[1] = o, out[2] = Σ w r°.
export function sparseSweep(
  ptr: usize, rows: usize, cells: usize, weighted: usize, uniform: i32, w0: f64,
  residual: usize, positions: usize, count: i32,
  beta: usize, mean: usize, scale: usize, weightedSum: usize, curvature: usize,
  l1: f64, l2: f64, shift: f64, sumWr: f64, weightTotal: f64, out: usize,
): f64 {
  let o = shift;
  let sum = sumWr;
  let largest: f64 = 0;
  let violation: f64 = 0;
  for (let q = 0; q < count; q++) {
    const position = load<i32>(positions + (<usize>q << 2));
    const start = load<i32>(ptr + (<usize>position << 2));
    const stop = load<i32>(ptr + (<usize>(position + 1) << 2));
    let dot: f64 = 0;
    if (uniform) {
      for (let a = start; a < stop; a++)
        dot += load<f64>(at(cells, a)) * load<f64>(at(residual, load<i32>(rows + (<usize>a << 2))));
      dot *= w0;
    } else {
      for (let a = start; a < stop; a++)
        dot += load<f64>(at(weighted, a)) * load<f64>(at(residual, load<i32>(rows + (<usize>a << 2))));
    }
    const m = load<f64>(at(mean, position));
    const s = load<f64>(at(scale, position));
    const wx = load<f64>(at(weightedSum, position));
    const g = (dot + o * wx - m * (sum + o * weightTotal)) / s;
    const c = load<f64>(at(curvature, position));
    const old = load<f64>(at(beta, position));
    const condition = old != 0 ? Math.abs(g - l2 * old - l1 * (old > 0 ? 1.0 : -1.0)) : Math.abs(g) - l1;
    if (condition > violation) violation = condition;
    const z = g + c * old;
    const shrunk = z > l1 ? z - l1 : z < -l1 ? z + l1 : 0.0;
    const updated = shrunk / (c + l2);
    const delta = updated - old;
    if (delta == 0) continue;
    store<f64>(at(beta, position), updated);
    const step = delta / s;
    for (let a = start; a < stop; a++) {
      const cell = at(residual, load<i32>(rows + (<usize>a << 2)));
      store<f64>(cell, load<f64>(cell) - step * load<f64>(at(cells, a)));
    }
    sum -= step * wx;
    o += step * m;
    const moved = c * delta * delta;
    if (moved > largest) largest = moved;
  }
  store<f64>(out, violation);
  store<f64>(out + 8, o);
  store<f64>(out + 16, sum);
  return largest;
}

// Every column's dot product with a vector over compressed sparse columns: out[j] = Σ_a
// cells[a]·v[rows[a]] over column j's nonzeros (the sparse path's gradient over all columns, for
// its KKT check; the JavaScript loop's order, so the same bits).
export function sparseColumnDots(ptr: usize, rows: usize, cells: usize, p: i32, v: usize, out: usize): void {
  let start = load<i32>(ptr);
  for (let j = 0; j < p; j++) {
    const stop = load<i32>(ptr + (<usize>(j + 1) << 2));
    let dot: f64 = 0;
    for (let a = start; a < stop; a++)
      dot += load<f64>(at(cells, a)) * load<f64>(at(v, load<i32>(rows + (<usize>a << 2))));
    store<f64>(at(out, j), dot);
    start = stop;
  }
}
