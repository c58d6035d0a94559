// Seeded pseudo-random numbers for every stochastic step: xoshiro128** (Blackman & Vigna 2018),
// seeded through SplitMix32 so that any 32-bit seed gives a well-mixed, non-zero state.
import { invalidInput } from '../errors/SolidCellError.js';

/** A deterministic random stream; the same seed gives the same sequence on every platform. */
export interface Random {
  /** The seed this stream was created from. */
  readonly seed: number;
  /** Uniform 32-bit unsigned integer. */
  nextUint32(): number;
  /** Uniform double in [0, 1) with 53 random bits. */
  nextFloat(): number;
  /** Uniform double in [min, max). */
  nextRange(min: number, max: number): number;
  /** Uniform integer in [0, n). */
  nextInt(n: number): number;
  /** Standard normal variate (Box–Muller). */
  nextNormal(): number;
  /** Log-normal variate: exp(μ + σ N(0,1)). */
  nextLogNormal(mu: number, sigma: number): number;
  /** An independent stream derived from this seed and a stream id (for parallel work). */
  fork(streamId: number): Random;
}

function splitMix32(state: number): () => number {
  let s = state >>> 0;
  return () => {
    s = (s + 0x9e3779b9) >>> 0;
    let z = s;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b) >>> 0;
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35) >>> 0;
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Creates the raw xoshiro128** generator from its four 32-bit state words. */
export function xoshiro128StarStar(state: readonly [number, number, number, number]): () => number {
  let s0 = state[0] >>> 0;
  let s1 = state[1] >>> 0;
  let s2 = state[2] >>> 0;
  let s3 = state[3] >>> 0;
  return () => {
    const result = Math.imul(rotl(Math.imul(s1, 5) >>> 0, 7), 9) >>> 0;
    const t = (s1 << 9) >>> 0;
    s2 ^= s0;
    s3 ^= s1;
    s1 ^= s2;
    s0 ^= s3;
    s2 ^= t;
    s3 = rotl(s3, 11);
    s0 >>>= 0;
    s1 >>>= 0;
    s2 >>>= 0;
    return result;
  };
}

function rotl(x: number, k: number): number {
  return ((x << k) | (x >>> (32 - k))) >>> 0;
}

/**
 * A seeded random stream.
 *
 * @param seed - an integer 0 ≤ seed < 2³²; the same seed always gives the same sequence.
 * @throws SolidCellError `E_INVALID_INPUT` for a non-integer or out-of-range seed.
 */
export function createRandom(seed: number): Random {
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) {
    invalidInput('seed', seed, 'an integer 0 ≤ seed ≤ 4294967295');
  }
  const mix = splitMix32(seed);
  const next = xoshiro128StarStar([mix(), mix(), mix(), mix()]);
  let spareNormal: number | undefined;
  const nextFloat = (): number => (next() * 2 ** 21 + (next() >>> 11)) / 2 ** 53;
  const random: Random = {
    seed,
    nextUint32: next,
    nextFloat,
    nextRange: (min, max) => min + (max - min) * nextFloat(),
    nextInt: (n) => {
      if (!Number.isInteger(n) || n <= 0) invalidInput('n', n, 'an integer n ≥ 1');
      return Math.floor(nextFloat() * n);
    },
    nextNormal: () => {
      if (spareNormal !== undefined) {
        const value = spareNormal;
        spareNormal = undefined;
        return value;
      }
      // 1 − u keeps the logarithm's argument in (0, 1].
      const radius = Math.sqrt(-2 * Math.log(1 - nextFloat()));
      const angle = 2 * Math.PI * nextFloat();
      spareNormal = radius * Math.sin(angle);
      return radius * Math.cos(angle);
    },
    nextLogNormal: (mu, sigma) => Math.exp(mu + sigma * random.nextNormal()),
    fork: (streamId) =>
      createRandom((Math.imul(seed ^ 0x5bd1e995, 0x27d4eb2d) + streamId * 0x9e3779b9) >>> 0),
  };
  return random;
}
