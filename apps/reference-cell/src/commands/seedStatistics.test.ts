import { describe, expect, it } from 'vitest';
import { seedStatistics } from './seedStatistics.js';

describe(seedStatistics, () => {
  it('gives mean and sample sd of every numeric leaf, keeping other leaves', () => {
    const s = seedStatistics([
      { a: 1, b: { c: 2 }, t: 'x' },
      { a: 3, b: { c: 2 }, t: 'y' },
    ]) as { a: { mean: number; sd: number }; b: { c: { sd: number } }; t: string };
    expect(s.a.mean).toBe(2);
    expect(s.a.sd).toBeCloseTo(Math.SQRT2, 12);
    expect(s.b.c.sd).toBe(0);
    expect(s.t).toBe('x');
  });
});
