// Space-filling samples of the unit hypercube for sampled sweep axes: a seeded Latin hypercube
// (McKay et al. 1979) and a Sobol sequence (Joe & Kuo 2008 direction numbers) with a seeded
// random digital shift, which keeps its (t, m, s)-net stratification.
import { createRandom, invalidInput } from '@solidcell/core';

/**
 * Primitive-polynomial data of Sobol dimensions 2–10 from Joe & Kuo's new-joe-kuo-6.21201 table:
 * degree s, coefficients a, initial direction numbers m_1..m_s (dimension 1 is van der Corput).
 */
const JOE_KUO = [
  { s: 1, a: 0, m: [1] },
  { s: 2, a: 1, m: [1, 3] },
  { s: 3, a: 1, m: [1, 3, 1] },
  { s: 3, a: 2, m: [1, 1, 1] },
  { s: 4, a: 1, m: [1, 1, 3, 3] },
  { s: 4, a: 4, m: [1, 3, 5, 13] },
  { s: 5, a: 2, m: [1, 1, 5, 5, 17] },
  { s: 5, a: 4, m: [1, 1, 5, 5, 5] },
  { s: 5, a: 7, m: [1, 1, 7, 11, 19] },
] as const;

/** Dimensions the Sobol sampler supports. */
export const MAX_SOBOL_DIMENSIONS = JOE_KUO.length + 1;
const BITS = 32;

/** Direction numbers v_k (as 32-bit integers scaled by 2^32) of one Sobol dimension. */
function directionNumbers(dimension: number): Uint32Array {
  const v = new Uint32Array(BITS);
  if (dimension === 0) {
    for (let k = 0; k < BITS; k++) v[k] = 2 ** (BITS - 1 - k);
    return v;
  }
  const { s, a, m } = JOE_KUO[dimension - 1]!;
  for (let k = 0; k < Math.min(s, BITS); k++) v[k] = (m[k]! * 2 ** (BITS - 1 - k)) >>> 0;
  for (let k = s; k < BITS; k++) {
    let value = (v[k - s]! ^ (v[k - s]! >>> s)) >>> 0;
    for (let j = 1; j < s; j++) {
      if ((a >>> (s - 1 - j)) & 1) value = (value ^ v[k - j]!) >>> 0;
    }
    v[k] = value;
  }
  return v;
}

/**
 * The first `count` points of a `dimensions`-dimensional Sobol sequence (Gray-code order,
 * starting at the origin), each XOR-shifted by a seeded random 32-bit word per dimension.
 * @throws SolidCellError `E_INVALID_INPUT` above {@link MAX_SOBOL_DIMENSIONS} dimensions.
 */
export function sobolSample(count: number, dimensions: number, seed: number): number[][] {
  if (dimensions > MAX_SOBOL_DIMENSIONS) {
    invalidInput('sample.method', 'sobol', `at most ${MAX_SOBOL_DIMENSIONS} sampled axes`);
  }
  const random = createRandom(seed);
  const shifts = Array.from({ length: dimensions }, () => random.nextUint32());
  const directions = Array.from({ length: dimensions }, (_, d) => directionNumbers(d));
  const state = new Uint32Array(dimensions);
  const points: number[][] = [];
  for (let i = 0; i < count; i++) {
    if (i > 0) {
      // Gray code: flip the direction number of the lowest zero bit of i − 1.
      let c = 0;
      while (((i - 1) >>> c) & 1) c++;
      for (let d = 0; d < dimensions; d++) state[d] = (state[d]! ^ directions[d]![c]!) >>> 0;
    }
    points.push(Array.from(state, (x, d) => ((x ^ shifts[d]!) >>> 0) / 2 ** BITS));
  }
  return points;
}

/**
 * A Latin hypercube of `count` points: in every dimension each of the `count` equal strata holds
 * exactly one point, placed uniformly at random inside it; strata are permuted independently.
 */
export function latinHypercubeSample(count: number, dimensions: number, seed: number): number[][] {
  const random = createRandom(seed);
  const columns = Array.from({ length: dimensions }, () => {
    const strata = Array.from({ length: count }, (_, k) => k);
    for (let k = count - 1; k > 0; k--) {
      const j = random.nextInt(k + 1);
      [strata[k], strata[j]] = [strata[j]!, strata[k]!];
    }
    return strata.map((stratum) => (stratum + random.nextFloat()) / count);
  });
  return Array.from({ length: count }, (_, i) => columns.map((column) => column[i]!));
}
