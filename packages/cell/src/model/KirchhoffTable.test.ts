import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureDiffusivity } from '../testing/cell.fixtures.js';
import { KirchhoffTable } from './KirchhoffTable.js';

const C_MAX = 48_930;

/** ∫ D dc over [cA, cB] by composite Simpson with many panels (reference). */
function reference(d: (x: number) => number, cA: number, cB: number): number {
  const panels = 20_000;
  const h = (cB - cA) / panels;
  let s = d(cA / C_MAX) + d(cB / C_MAX);
  for (let k = 1; k < panels; k++) s += (k % 2 === 1 ? 4 : 2) * d((cA + k * h) / C_MAX);
  return (s * h) / 3;
}

describe('KirchhoffTable', () => {
  it('is exact for a constant diffusivity, inside and outside [0, c_max]', () => {
    const table = new KirchhoffTable(() => 3e-15, C_MAX);
    for (const c of [-100, 0, 1234.5, C_MAX / 2, C_MAX, C_MAX + 50]) {
      expect(table.value(c)).toBeCloseTo(3e-15 * c, 22);
      expect(table.slope(c) / 3e-15).toBeCloseTo(1, 12);
    }
  });

  it('matches the integral of the steep NCM law (100× drop above x = 0.85) to 1e-6 relative', () => {
    const table = new KirchhoffTable((x) => fixtureDiffusivity(x), C_MAX);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (xa, xb) => {
          const cA = xa * C_MAX;
          const cB = xb * C_MAX;
          const exact = reference(fixtureDiffusivity, cA, cB);
          const tabulated = table.value(cB) - table.value(cA);
          // relative to the largest possible integral over that interval
          const scale = fixtureDiffusivity(0) * Math.abs(cB - cA) + 1e-30;
          expect(Math.abs(tabulated - exact)).toBeLessThanOrEqual(1e-6 * scale);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('has a slope that is the derivative of its value and stays positive (monotone fluxes)', () => {
    const table = new KirchhoffTable((x) => 1e-15 * 10 ** (-4 * Math.max(0, x - 0.5)), C_MAX);
    fc.assert(
      fc.property(fc.double({ min: 0.001, max: 0.999, noNaN: true }), (x) => {
        const c = x * C_MAX;
        const h = 1e-3;
        const numeric = (table.value(c + h) - table.value(c - h)) / (2 * h);
        expect(table.slope(c)).toBeGreaterThan(0);
        expect(Math.abs(numeric - table.slope(c))).toBeLessThanOrEqual(1e-5 * table.slope(c));
      }),
      { numRuns: 200 },
    );
  });

  it('refines until a law with a jump stays monotone, and rejects D ≤ 0', () => {
    const jump = (x: number) => (x < 0.3001 ? 1e-13 : 1e-16);
    const table = new KirchhoffTable(jump, C_MAX);
    for (let k = 0; k <= 2000; k++) expect(table.slope((k / 2000) * C_MAX)).toBeGreaterThan(0);
    expect(() => new KirchhoffTable((x) => (x > 0.5 ? 0 : 1e-15), C_MAX)).toThrow(
      /solid diffusivity at lithiation .* is 0; it must be finite and > 0/,
    );
  });
});
