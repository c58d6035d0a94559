import { FARADAY_C_per_mol } from '@solidcell/core';
import { describe, expect, it } from 'vitest';
import {
  activationChargeOverStep_C_per_m2,
  advancePassivatingCharge_C_per_m2,
  arrheniusFactor,
  oxidationCurrentDensity_A_per_m2,
  siteKinetics,
} from './kinetics.js';
import { resolveArgyroditeOxidationParameters } from './parameters.js';

// The recommended law of parameters.md §8 (no reaction-zone limit) for the exact-form checks.
const parameters = resolveArgyroditeOxidationParameters({
  carbonReactionZoneCharge_C_per_m2: undefined,
});
const carbon = siteKinetics(parameters, 'carbon', 298.15);

describe('carbon oxidation rate law', () => {
  it('is zero for a zero rate constant at any potential and charge', () => {
    const zero = siteKinetics(
      resolveArgyroditeOxidationParameters({ carbonRateConstant_mol_per_m2_s: 0 }),
      'carbon',
      298.15,
    );
    for (const E of [2, 3.5, 4.3, 5]) expect(oxidationCurrentDensity_A_per_m2(zero, E, 3)).toBe(0);
  });

  it('rises one decade per 118 mV (α = 0.5, 25 °C) at fixed state', () => {
    const ratio =
      oxidationCurrentDensity_A_per_m2(carbon, 3.9183, 5) /
      oxidationCurrentDensity_A_per_m2(carbon, 3.8, 5);
    expect(ratio).toBeCloseTo(10, 1);
  });

  it('equals k F at the onset potential without passivation', () => {
    expect(oxidationCurrentDensity_A_per_m2(carbon, 2.9, 0)).toBeCloseTo(
      parameters.carbonRateConstant_mol_per_m2_s * FARADAY_C_per_mol,
      25,
    );
  });

  it('is lowered by passivation: exp(−q/q*) = e^-1 at q = 20 C/m²', () => {
    const fresh = oxidationCurrentDensity_A_per_m2(carbon, 4, 0);
    expect(oxidationCurrentDensity_A_per_m2(carbon, 4, 20) / fresh).toBeCloseTo(Math.exp(-1), 12);
  });

  it('is faster at 60 °C by the Arrhenius factor of 50 kJ/mol (×8.3)', () => {
    expect(arrheniusFactor(50_000, 333.15)).toBeCloseTo(8.32, 2);
  });

  it('integrates the Tafel exponential over a linear potential step exactly', () => {
    const dt = 100;
    const exact =
      (oxidationCurrentDensity_A_per_m2(carbon, 4.1, 0) -
        oxidationCurrentDensity_A_per_m2(carbon, 4.0, 0)) /
      ((carbon.tafel_per_V * 0.1) / dt);
    expect(activationChargeOverStep_C_per_m2(carbon, 4.0, 4.1, dt)).toBeCloseTo(exact, 10);
  });

  it('advances the passivating charge exactly: one step equals a thousand', () => {
    const r = 50;
    const one = advancePassivatingCharge_C_per_m2(carbon, 3, r);
    let many = 3;
    for (let n = 0; n < 1000; n++) many = advancePassivatingCharge_C_per_m2(carbon, many, r / 1000);
    expect(one).toBeCloseTo(many, 10);
    expect(one).toBeCloseTo(20 * Math.log(Math.exp(3 / 20) + r / 20), 12);
  });

  it('never passes the reaction-zone charge and converges under refinement', () => {
    const zone = siteKinetics(
      resolveArgyroditeOxidationParameters({ carbonReactionZoneCharge_C_per_m2: 10 }),
      'carbon',
      298.15,
    );
    const coarse = advancePassivatingCharge_C_per_m2(zone, 0, 1e6);
    expect(coarse).toBeLessThanOrEqual(10);
    expect(coarse).toBeGreaterThan(9.99);
    const reference = (steps: number): number => {
      let q = 0;
      for (let n = 0; n < steps; n++) q = advancePassivatingCharge_C_per_m2(zone, q, 5 / steps);
      return q;
    };
    const fine = reference(4000);
    const errorOne = Math.abs(advancePassivatingCharge_C_per_m2(zone, 0, 5) - fine);
    const errorHundred = Math.abs(reference(100) - fine);
    expect(errorOne).toBeLessThan(0.05);
    expect(errorHundred).toBeLessThan(errorOne);
  });
});
