/**
 * a[aStart …] · b[bStart …] over `length` entries, with two accumulators so the additions do not
 * wait on each other: the inner loop of the plain-JavaScript kernels (the WebAssembly ones do the
 * same in SIMD lanes).
 */
export function dot(
  a: Float64Array,
  aStart: number,
  b: Float64Array,
  bStart: number,
  length: number,
): number {
  let even = 0;
  let odd = 0;
  let i = 0;
  for (; i + 1 < length; i += 2) {
    even += a[aStart + i]! * b[bStart + i]!;
    odd += a[aStart + i + 1]! * b[bStart + i + 1]!;
  }
  if (i < length) even += a[aStart + i]! * b[bStart + i]!;
  return even + odd;
}
