import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  chen2020Nmc811Ocp_V,
  lithiationFromStateOfCharge,
  ncm811OpenCircuitPotential_V,
  ncm811OpenCircuitPotentialSlope_V,
  stateOfChargeFromLithiation,
} from './openCircuitPotential.js';
import { DEFAULT_NCM_PARAMETERS } from './parameters.js';

/** parameters.md §7.1 table: θ, U vs Li/Li⁺ (V). */
const TABLE: readonly (readonly [number, number])[] = [
  [0.0, 3.561],
  [0.1, 3.613],
  [0.2, 3.665],
  [0.3, 3.718],
  [0.4, 3.772],
  [0.5, 3.841],
  [0.6, 3.941],
  [0.7, 4.022],
  [0.8, 4.114],
  [0.9, 4.186],
  [0.95, 4.208],
  [1.0, 4.285],
];

const window = DEFAULT_NCM_PARAMETERS;

describe('NCM811 open-circuit potential (Chen 2020 on the 200 mAh/g window)', () => {
  it('reproduces the parameters.md §7.1 table within 2 mV at every θ (measured max < 1 mV)', () => {
    const deviations = TABLE.map(([theta, expected]) => {
      const x = lithiationFromStateOfCharge(theta, window);
      expect(x).toBeCloseTo(1 - (200 * theta) / 275.5, 12);
      return Math.abs(ncm811OpenCircuitPotential_V(x, window) - expected);
    });
    expect(Math.max(...deviations)).toBeLessThan(0.002);
    expect(Math.max(...deviations)).toBeLessThan(0.001);
  });

  it('maps θ = 0 to the Chen 2020 stoichiometry 0.9084 and θ = 1 to 0.2661', () => {
    expect(ncm811OpenCircuitPotential_V(1, window)).toBeCloseTo(chen2020Nmc811Ocp_V(0.9084), 14);
    const charged = lithiationFromStateOfCharge(1, window);
    expect(charged).toBeCloseTo(0.274047, 5);
    expect(ncm811OpenCircuitPotential_V(charged, window)).toBeCloseTo(
      chen2020Nmc811Ocp_V(0.9084 - 0.6423),
      12,
    );
    expect(stateOfChargeFromLithiation(charged, window)).toBeCloseTo(1, 14);
  });

  it('has an analytic slope equal to central finite differences (rel. 1e-6) for x in [-0.5, 1.5]', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.5, max: 1.5, noNaN: true }), (x) => {
        const h = 1e-6;
        const numeric =
          (ncm811OpenCircuitPotential_V(x + h, window) -
            ncm811OpenCircuitPotential_V(x - h, window)) /
          (2 * h);
        const analytic = ncm811OpenCircuitPotentialSlope_V(x, window);
        expect(Math.abs(analytic - numeric)).toBeLessThan(1e-6 * Math.abs(analytic) + 1e-7);
      }),
    );
  });

  it('is strictly decreasing in x over the practical window and its smooth extension', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -1, max: 2, noNaN: true }),
        fc.double({ min: -1, max: 2, noNaN: true }),
        (a, b) => {
          fc.pre(Math.abs(a - b) > 1e-9);
          const [lo, hi] = a < b ? [a, b] : [b, a];
          expect(ncm811OpenCircuitPotential_V(lo, window)).toBeGreaterThan(
            ncm811OpenCircuitPotential_V(hi, window),
          );
          expect(ncm811OpenCircuitPotentialSlope_V(a, window)).toBeLessThan(0);
        },
      ),
    );
  });

  it('stays finite far outside the window (x = ±1e6) and rejects NaN naming the field', () => {
    expect(Number.isFinite(ncm811OpenCircuitPotential_V(1e6, window))).toBe(true);
    expect(Number.isFinite(ncm811OpenCircuitPotentialSlope_V(-1e6, window))).toBe(true);
    expect(() => ncm811OpenCircuitPotential_V(Number.NaN, window)).toThrow(/lithiation/);
  });
});
