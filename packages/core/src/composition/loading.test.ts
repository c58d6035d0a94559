import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromMilliampHoursPerGram,
  fromMilliampHoursPerSquareCm,
  toMicrometres,
} from '../units/conversions.js';
import {
  arealCapacityFromThickness_C_per_m2,
  ncmArealMassFromThickness_kg_per_m2,
  thicknessFromArealCapacity_m,
  thicknessFromNcmArealMass_m,
} from './loading.js';
import { referenceDensities } from './referenceDensities.js';
import { electrodeVolumeFractions, solidVolumeFractions } from './volumeFractions.js';

const solid = solidVolumeFractions({ ncm: 90, se: 7, carbon: 3 }, referenceDensities('spherical'));
const basis = {
  ncmVolumeFraction: electrodeVolumeFractions(solid, 0.1).ncm,
  ncmDensity_kg_per_m3: 4760,
  specificCapacity_C_per_kg: fromMilliampHoursPerGram(200),
};

describe('electrode loading', () => {
  it('puts 6.0 mAh/cm² of 90/7/3 at 10 % porosity in about 100 µm (parameters.md §9)', () => {
    const thickness = thicknessFromArealCapacity_m(fromMilliampHoursPerSquareCm(6), basis);
    expect(toMicrometres(thickness)).toBeGreaterThan(99);
    expect(toMicrometres(thickness)).toBeLessThan(102);
  });

  it('gives 30 mg/cm² NCM for 6.0 mAh/cm² at 200 mAh/g', () => {
    const thickness = thicknessFromArealCapacity_m(fromMilliampHoursPerSquareCm(6), basis);
    // 1 kg/m² = 100 mg/cm².
    expect(ncmArealMassFromThickness_kg_per_m2(thickness, basis) * 100).toBeCloseTo(30, 9);
  });

  it('round-trips thickness ↔ areal mass ↔ capacity (property)', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-6, max: 1e-3, noNaN: true }), (thickness) => {
        const mass = ncmArealMassFromThickness_kg_per_m2(thickness, basis);
        expect(thicknessFromNcmArealMass_m(mass, basis)).toBeCloseTo(thickness, 15);
        const capacity = arealCapacityFromThickness_C_per_m2(thickness, basis);
        expect(thicknessFromArealCapacity_m(capacity, basis) / thickness).toBeCloseTo(1, 12);
      }),
    );
  });

  it('rejects a non-positive thickness naming the field', () => {
    expect(() => ncmArealMassFromThickness_kg_per_m2(-1e-6, basis)).toThrow(
      /thickness_m = -0.000001/,
    );
  });
});
