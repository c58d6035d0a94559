import { describe, expect, it } from 'vitest';
import { createRandom, xoshiro128StarStar } from './createRandom.js';

describe(xoshiro128StarStar, () => {
  it('matches the reference C implementation (Blackman & Vigna) for state {1, 2, 3, 4}', () => {
    const next = xoshiro128StarStar([1, 2, 3, 4]);
    expect([next(), next(), next(), next()]).toEqual([11520, 0, 5927040, 70819200]);
  });
});

describe(createRandom, () => {
  it('gives the same sequence for the same seed and different ones for different seeds', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const seqA = Array.from({ length: 16 }, () => a.nextUint32());
    expect(Array.from({ length: 16 }, () => b.nextUint32())).toEqual(seqA);
    expect(Array.from({ length: 16 }, () => c.nextUint32())).not.toEqual(seqA);
  });

  it('draws uniform floats in [0, 1) with mean 1/2 and variance 1/12', () => {
    const random = createRandom(7);
    const n = 200_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const u = random.nextFloat();
      expect(u >= 0 && u < 1).toBe(true);
      sum += u;
      sumSq += u * u;
    }
    const mean = sum / n;
    // 5 standard errors: sqrt(1/12/n) ≈ 6.5e-4.
    expect(Math.abs(mean - 0.5)).toBeLessThan(5 * Math.sqrt(1 / 12 / n));
    expect(sumSq / n - mean * mean).toBeCloseTo(1 / 12, 3);
  });

  it('draws standard normals with mean 0 and variance 1', () => {
    const random = createRandom(11);
    const n = 100_000;
    let sum = 0;
    let sumSq = 0;
    for (let i = 0; i < n; i++) {
      const z = random.nextNormal();
      sum += z;
      sumSq += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(sumSq / n - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
  });

  it('draws log-normals whose median is exp(μ)', () => {
    const random = createRandom(3);
    const samples = Array.from({ length: 20_001 }, () =>
      random.nextLogNormal(Math.log(5e-6), 0.4),
    ).sort((a, b) => a - b);
    expect(samples[10_000]! / 5e-6).toBeGreaterThan(0.97);
    expect(samples[10_000]! / 5e-6).toBeLessThan(1.03);
  });

  it('keeps nextInt within [0, n) and hits every value', () => {
    const random = createRandom(5);
    const counts = new Array<number>(6).fill(0);
    for (let i = 0; i < 6000; i++) counts[random.nextInt(6)]! += 1;
    expect(counts.every((count) => count > 850 && count < 1150)).toBe(true);
  });

  it('forks independent, reproducible streams', () => {
    const first = createRandom(9).fork(1).nextUint32();
    expect(createRandom(9).fork(1).nextUint32()).toBe(first);
    expect(createRandom(9).fork(2).nextUint32()).not.toBe(first);
  });

  it.each([-1, 1.5, 2 ** 32, Number.NaN])('rejects seed %s', (seed) => {
    expect(() => createRandom(seed)).toThrow(/seed = .* integer 0 ≤ seed ≤ 4294967295/);
  });
});
