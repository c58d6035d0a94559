import { FARADAY_C_per_mol, GAS_CONSTANT_J_per_mol_K, isSolidCellError } from '@solidcell/core';
import { describe, expect, it } from 'vitest';
import { referenceCarbonAdditive } from './carbon.js';
import { simulateCarbonCv } from './carbonCv.js';

const sc = referenceCarbonAdditive('spherical');
const cf = referenceCarbonAdditive('fiber');
const base = { scanRate_V_per_s: 1e-4, from_V: 2.0, to_V: 4.5 } as const;
/** The recommended law of parameters.md §8 (no reaction-zone limit). */
const recommended = { carbonReactionZoneCharge_C_per_m2: undefined };
const limiting = (nu: number) =>
  (0.5 * FARADAY_C_per_mol * nu * 20) / (GAS_CONSTANT_J_per_mol_K * 298.15);

describe(simulateCarbonCv, () => {
  it('recommended law: the anodic current saturates at αFνq*/RT per carbon area (0.0389 A/m² at 0.1 mV/s)', () => {
    const cv = simulateCarbonCv({
      carbon: sc,
      carbonMass_kg: 1e-6,
      ...base,
      parameters: { ...recommended, carbonRateConstant_mol_per_m2_s: 4.123e-19 },
    });
    expect(cv.peakCurrent_A_per_m2Carbon / limiting(1e-4)).toBeCloseTo(1, 4);
    expect(cv.carbonArea_m2).toBeCloseTo(0.062, 12);
  });

  it('fibre vs sphere at equal mass: same current per area, absolute current in the BET ratio 13/62', () => {
    const a = simulateCarbonCv({ carbon: sc, carbonMass_kg: 1e-6, ...base });
    const b = simulateCarbonCv({ carbon: cf, carbonMass_kg: 1e-6, ...base });
    expect(b.peakCurrent_A_per_m2Carbon / a.peakCurrent_A_per_m2Carbon).toBeCloseTo(1, 8);
    expect(b.peakCurrent_A / a.peakCurrent_A).toBeCloseTo(13 / 62, 8);
  });

  it('with a reaction-zone charge a true peak forms inside the sweep and scales linearly with area', () => {
    const parameters = { carbonReactionZoneCharge_C_per_m2: 29 };
    const one = simulateCarbonCv({ carbon: sc, carbonMass_kg: 1e-6, ...base, parameters });
    const three = simulateCarbonCv({ carbon: sc, carbonMass_kg: 3e-6, ...base, parameters });
    expect(one.peakPotential_V).toBeLessThan(4.4);
    const vertex = one.current_A[(one.current_A.length - 1) / 2]!;
    expect(vertex).toBeLessThan(0.1 * one.peakCurrent_A);
    expect(three.peakCurrent_A / one.peakCurrent_A).toBeCloseTo(3, 10);
    expect(one.charge_C / one.carbonArea_m2).toBeLessThanOrEqual(29);
  });

  it('is stable and step-independent for any scan rate (100 V/s, 50 mV steps)', () => {
    const fast = simulateCarbonCv({
      carbon: sc,
      carbonMass_kg: 1e-6,
      ...base,
      scanRate_V_per_s: 100,
      potentialStep_V: 0.05,
      cycles: 2,
    });
    const fine = simulateCarbonCv({
      carbon: sc,
      carbonMass_kg: 1e-6,
      ...base,
      scanRate_V_per_s: 100,
      potentialStep_V: 0.0005,
      cycles: 2,
    });
    expect(fast.current_A.every((i) => Number.isFinite(i) && i >= 0)).toBe(true);
    expect(fast.finalCharge_C_per_m2 / fine.finalCharge_C_per_m2).toBeCloseTo(1, 10);
  });

  it('second cycle current is lower than the first (passivation persists)', () => {
    const cv = simulateCarbonCv({ carbon: sc, carbonMass_kg: 1e-6, ...base, cycles: 2 });
    const perCycle = (cv.current_A.length - 1) / 2;
    const first = Math.max(...cv.current_A.slice(0, perCycle));
    const second = Math.max(...cv.current_A.slice(perCycle));
    expect(second).toBeLessThan(first);
  });

  it('names the field of invalid input', () => {
    try {
      simulateCarbonCv({ carbon: sc, carbonMass_kg: 1e-6, ...base, scanRate_V_per_s: -1 });
      expect.unreachable();
    } catch (error) {
      expect(isSolidCellError(error) && error.field).toBe('scanRate_V_per_s');
    }
  });
});
