/**
 * A small seeded random generator: xoshiro128** (Blackman & Vigna, 2018), seeded through
 * splitmix32 so that nearby seeds give unrelated streams. 32-bit integer arithmetic only
 * (Math.imul, >>>), so the same seed gives the same numbers on every JavaScript engine.
 *
 * Every random choice in reglab takes one of these, made from a user-visible seed.
 */
export interface Random {
  /** The seed this generator was made from, to be echoed in outputs. */
  readonly seed: number;
  /** A uniform number in [0, 1) with 53 random bits. */
  uniform(): number;
  /** A standard normal N(0, 1) number (Marsaglia's polar method). */
  normal(): number;
  /** A uniform integer in [0, n). */
  integer(n: number): number;
}

function rotateLeft(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}

/** splitmix32: turns one 32-bit seed into a well-mixed stream to fill xoshiro's state. */
function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Makes a generator from an integer seed (any safe integer; it is reduced modulo 2³²). */
export function createRandom(seed: number): Random {
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be an integer, got ${seed}`);
  const mix = splitmix32(seed);
  let s0 = mix();
  let s1 = mix();
  let s2 = mix();
  let s3 = mix();

  function nextUint32(): number {
    const result = Math.imul(rotateLeft(Math.imul(s1, 5), 7), 9) >>> 0;
    const t = s1 << 9;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotateLeft(s3, 11);
    return result;
  }

  function uniform(): number {
    // 27 high bits of one draw and 26 of the next make a 53-bit integer; divide by 2^53.
    const high = nextUint32() >>> 5;
    const low = nextUint32() >>> 6;
    return (high * 67108864 + low) / 9007199254740992;
  }

  let spareNormal = Number.NaN;
  function normal(): number {
    if (!Number.isNaN(spareNormal)) {
      const value = spareNormal;
      spareNormal = Number.NaN;
      return value;
    }
    let u: number;
    let v: number;
    let s: number;
    do {
      u = 2 * uniform() - 1;
      v = 2 * uniform() - 1;
      s = u * u + v * v;
    } while (s >= 1 || s === 0);
    const factor = Math.sqrt((-2 * Math.log(s)) / s);
    spareNormal = v * factor;
    return u * factor;
  }

  function integer(n: number): number {
    return Math.floor(uniform() * n);
  }

  return { seed, uniform, normal, integer };
}
