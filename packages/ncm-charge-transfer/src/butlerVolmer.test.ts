import { FARADAY_C_per_mol, GAS_CONSTANT_J_per_mol_K } from '@solidcell/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type ButlerVolmerKinetics,
  butlerVolmerCurrentDensity_A_per_m2,
  butlerVolmerSlope_A_per_m2_V,
  solveFilmCurrent,
} from './butlerVolmer.js';

const T = 298.15;
const kinetics: ButlerVolmerKinetics = {
  exchangeCurrentDensity_A_per_m2: 1,
  anodicTransferCoefficient: 0.5,
  cathodicTransferCoefficient: 0.5,
  temperature_K: T,
};
const thermal_V = (GAS_CONSTANT_J_per_mol_K * T) / FARADAY_C_per_mol;

describe(butlerVolmerCurrentDensity_A_per_m2, () => {
  it('is zero at η = 0 and odd in η for α_a = α_c = 0.5', () => {
    expect(butlerVolmerCurrentDensity_A_per_m2(0, kinetics)).toBe(0);
    fc.assert(
      fc.property(fc.double({ min: -2, max: 2, noNaN: true }), (eta) => {
        const plus = butlerVolmerCurrentDensity_A_per_m2(eta, kinetics);
        const minus = butlerVolmerCurrentDensity_A_per_m2(-eta, kinetics);
        expect(Math.abs(plus + minus)).toBeLessThanOrEqual(1e-12 * Math.abs(plus) + 1e-300);
      }),
    );
  });

  it('is linear, j ≈ i0 F η/(RT), for |η| ≪ RT/F (rel. error < 1e-4 at η = 1e-4 V)', () => {
    const eta = 1e-4;
    const linear = (kinetics.exchangeCurrentDensity_A_per_m2 * eta) / thermal_V;
    const j = butlerVolmerCurrentDensity_A_per_m2(eta, kinetics);
    expect(Math.abs(j / linear - 1)).toBeLessThan(1e-4);
  });

  it('has Tafel slope 2.303 RT/(αF) = 118.3 mV/decade at large η', () => {
    const expected = (Math.LN10 * thermal_V) / 0.5;
    expect(expected * 1000).toBeCloseTo(118.3, 1);
    const j1 = butlerVolmerCurrentDensity_A_per_m2(0.5, kinetics);
    const j2 = butlerVolmerCurrentDensity_A_per_m2(0.6, kinetics);
    const slope_V_per_decade = 0.1 / Math.log10(j2 / j1);
    expect(Math.abs(slope_V_per_decade - expected)).toBeLessThan(1e-6);
  });

  it('has an analytic slope equal to finite differences and stays finite at η = ±50 V', () => {
    fc.assert(
      fc.property(fc.double({ min: -0.8, max: 0.8, noNaN: true }), (eta) => {
        const h = 1e-7;
        const numeric =
          (butlerVolmerCurrentDensity_A_per_m2(eta + h, kinetics) -
            butlerVolmerCurrentDensity_A_per_m2(eta - h, kinetics)) /
          (2 * h);
        const analytic = butlerVolmerSlope_A_per_m2_V(eta, kinetics);
        expect(Math.abs(analytic - numeric)).toBeLessThan(1e-6 * analytic);
      }),
    );
    for (const eta of [-50, 50]) {
      expect(Number.isFinite(butlerVolmerCurrentDensity_A_per_m2(eta, kinetics))).toBe(true);
      expect(Number.isFinite(butlerVolmerSlope_A_per_m2_V(eta, kinetics))).toBe(true);
    }
  });
});

const filmCase = fc.record({
  eta: fc.double({ min: -1.5, max: 1.5, noNaN: true }),
  resistance: fc.double({ min: 0, max: 10, noNaN: true }),
  i0: fc.double({ min: 1e-4, max: 10, noNaN: true }),
  temperature: fc.double({ min: 250, max: 360, noNaN: true }),
});

describe(solveFilmCurrent, () => {
  it('is exact (no iteration) for R_film = 0', () => {
    const solution = solveFilmCurrent(0.1, kinetics, 0);
    expect(solution.iterations).toBe(0);
    expect(solution.currentDensity_A_per_m2).toBe(
      butlerVolmerCurrentDensity_A_per_m2(0.1, kinetics),
    );
    expect(solution.slope_A_per_m2_V).toBe(butlerVolmerSlope_A_per_m2_V(0.1, kinetics));
  });

  it('satisfies j = BV(η − jR) to 1e-10 (relative) over η, R, i0(x_s), T', () => {
    fc.assert(
      fc.property(filmCase, ({ eta, resistance, i0, temperature }) => {
        const k = { ...kinetics, exchangeCurrentDensity_A_per_m2: i0, temperature_K: temperature };
        const { currentDensity_A_per_m2: j, iterations } = solveFilmCurrent(eta, k, resistance);
        const rhs = butlerVolmerCurrentDensity_A_per_m2(eta - j * resistance, k);
        expect(Math.abs(j - rhs)).toBeLessThanOrEqual(1e-10 * Math.abs(j) + 1e-300);
        expect(j * eta).toBeGreaterThanOrEqual(0);
        expect(iterations).toBeLessThan(100);
      }),
      { numRuns: 500 },
    );
  });

  it('decreases |j| as R_film grows, bounded by |η|/R', () => {
    fc.assert(
      fc.property(
        filmCase,
        fc.double({ min: 1e-6, max: 10, noNaN: true }),
        ({ eta, resistance, i0, temperature }, extra) => {
          fc.pre(Math.abs(eta) > 1e-9);
          const k = {
            ...kinetics,
            exchangeCurrentDensity_A_per_m2: i0,
            temperature_K: temperature,
          };
          const low = Math.abs(solveFilmCurrent(eta, k, resistance).currentDensity_A_per_m2);
          const high = Math.abs(
            solveFilmCurrent(eta, k, resistance + extra).currentDensity_A_per_m2,
          );
          expect(high).toBeLessThan(low);
          expect(high).toBeLessThanOrEqual(Math.abs(eta) / (resistance + extra));
        },
      ),
    );
  });

  it('returns the slope dj/dη equal to a finite difference of the solve (rel. 1e-5)', () => {
    fc.assert(
      fc.property(filmCase, ({ eta, resistance, i0, temperature }) => {
        const k = { ...kinetics, exchangeCurrentDensity_A_per_m2: i0, temperature_K: temperature };
        const h = 1e-7;
        const numeric =
          (solveFilmCurrent(eta + h, k, resistance).currentDensity_A_per_m2 -
            solveFilmCurrent(eta - h, k, resistance).currentDensity_A_per_m2) /
          (2 * h);
        const analytic = solveFilmCurrent(eta, k, resistance).slope_A_per_m2_V;
        expect(analytic).toBeGreaterThan(0);
        expect(Math.abs(analytic - numeric)).toBeLessThan(1e-5 * analytic);
      }),
    );
  });

  it('approaches the ohmic limit j → η/R when R i0 F/(RT) ≫ 1 (R = 1e4 Ω m², η = 1 V)', () => {
    const j = solveFilmCurrent(1, kinetics, 1e4).currentDensity_A_per_m2;
    expect(j * 1e4).toBeGreaterThan(0.99);
    expect(j * 1e4).toBeLessThan(1);
  });
});
