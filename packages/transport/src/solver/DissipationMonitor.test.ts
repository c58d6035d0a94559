import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DissipationMonitor } from './DissipationMonitor.js';

describe('DissipationMonitor', () => {
  it('settles on a geometric tail P* + c ρᵏ only once the error left is within the tolerance', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-6, max: 1e3, noNaN: true }),
        fc.double({ min: 1e-3, max: 10, noNaN: true }),
        fc.double({ min: 0.05, max: 0.97, noNaN: true }),
        fc.constantFrom(1e-4, 1e-5, 1e-6),
        (exact, scale, rate, tolerance) => {
          const monitor = new DissipationMonitor(tolerance);
          let settledAt = -1;
          for (let k = 0; k < 2000 && settledAt < 0; k++) {
            const p = exact * (1 + scale * rate ** k);
            if (monitor.record(p)) settledAt = k;
          }
          expect(settledAt).toBeGreaterThanOrEqual(8);
          const left = scale * rate ** settledAt;
          expect(left).toBeLessThanOrEqual(tolerance * (1 + scale * rate ** settledAt) * 1.000001);
        },
      ),
      { numRuns: 200 },
    );
  });

  it('does not settle while the drops do not shrink, and settles once P stops falling', () => {
    const linear = new DissipationMonitor(1e-3);
    for (let k = 0; k < 50; k++) expect(linear.record(2 - 1e-6 * k)).toBe(false);
    const flat = new DissipationMonitor(1e-9);
    const settled = [1, 1, 1, 1, 1, 1, 1, 1, 1].map((p) => flat.record(p));
    expect(settled).toEqual([false, false, false, false, false, false, false, false, true]);
  });
});
