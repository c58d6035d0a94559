import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isSolidCellError } from '../errors/SolidCellError.js';
import type { MassFractions_wtPct } from './phases.js';
import { referenceDensities } from './referenceDensities.js';
import {
  electrodeVolumeFractions,
  massFractionsFromVolumeFractions,
  solidCompositeDensity_kg_per_m3,
  solidVolumeFractions,
} from './volumeFractions.js';

const sc = referenceDensities('spherical');

function errorOf(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe(solidVolumeFractions, () => {
  it('gives 30.0 vol% SE for 80/17/3 wt% NCM/SE/SC', () => {
    expect(solidVolumeFractions({ ncm: 80, se: 17, carbon: 3 }, sc).se * 100).toBeCloseTo(30.0, 1);
  });

  it('gives 13.9 vol% SE for 90/7/3 wt% NCM/SE/SC', () => {
    expect(solidVolumeFractions({ ncm: 90, se: 7, carbon: 3 }, sc).se * 100).toBeCloseTo(13.9, 1);
  });

  it.each([
    [80, 17, 3, 0.552, 0.3, 0.147],
    [85, 12, 3, 0.62, 0.224, 0.156],
    [90, 7, 3, 0.696, 0.139, 0.165],
    [90, 10, 0, 0.779, 0.221, 0],
    [90, 9, 1, 0.749, 0.192, 0.059],
    [90, 8, 2, 0.722, 0.164, 0.114],
  ])('reproduces the parameters.md table row %i/%i/%i', (ncm, se, carbon, fNcm, fSe, fC) => {
    const phi = solidVolumeFractions({ ncm, se, carbon }, sc);
    expect(phi.ncm).toBeCloseTo(fNcm, 3);
    expect(phi.se).toBeCloseTo(fSe, 3);
    expect(phi.carbon).toBeCloseTo(fC, 3);
  });

  it('makes 3 wt% SC occupy more volume than 7 wt% SE at 90 wt% NCM (M1)', () => {
    const phi = solidVolumeFractions({ ncm: 90, se: 7, carbon: 3 }, sc);
    expect(phi.carbon).toBeGreaterThan(phi.se);
  });

  it('gives 33.2 and 15.5 vol% SE with skeletal carbon density (parameters.md §2)', () => {
    const skeletal = { ...sc, carbon: 1900 };
    expect(solidVolumeFractions({ ncm: 80, se: 17, carbon: 3 }, skeletal).se * 100).toBeCloseTo(
      33.2,
      1,
    );
    expect(solidVolumeFractions({ ncm: 90, se: 7, carbon: 3 }, skeletal).se * 100).toBeCloseTo(
      15.5,
      1,
    );
  });

  const composition = fc
    .tuple(
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
      fc.double({ min: 0, max: 1, noNaN: true }),
    )
    .filter(([a, b, c]) => a + b + c > 1e-3)
    .map(([a, b, c]): MassFractions_wtPct => {
      const total = a + b + c;
      const ncm = (100 * a) / total;
      const se = (100 * b) / total;
      return { ncm, se, carbon: 100 - ncm - se };
    })
    .filter((m) => m.carbon >= 0);

  it('has fractions in [0, 1] that sum to 1 for any valid composition (property)', () => {
    fc.assert(
      fc.property(composition, (mass) => {
        const phi = solidVolumeFractions(mass, sc);
        const values = [phi.ncm, phi.se, phi.carbon, phi.binder];
        expect(values.every((v) => v >= 0 && v <= 1)).toBe(true);
        expect(values.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 12);
      }),
    );
  });

  it('raises the carbon volume fraction monotonically with carbon wt% at fixed NCM (property)', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 50, max: 95, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (ncm, a, b) => {
          const rest = 100 - ncm;
          const [low, high] = a < b ? [a, b] : [b, a];
          if (high - low < 1e-9) return;
          const phiLow = solidVolumeFractions(
            { ncm, se: rest * (1 - low), carbon: rest * low },
            sc,
          );
          const phiHigh = solidVolumeFractions(
            { ncm, se: rest * (1 - high), carbon: rest * high },
            sc,
          );
          expect(phiHigh.carbon).toBeGreaterThan(phiLow.carbon);
          expect(phiHigh.se).toBeLessThan(phiLow.se);
        },
      ),
    );
  });

  it('round-trips wt% → vol% → wt% (property)', () => {
    fc.assert(
      fc.property(composition, (mass) => {
        const back = massFractionsFromVolumeFractions(solidVolumeFractions(mass, sc), sc);
        expect(back.ncm).toBeCloseTo(mass.ncm, 9);
        expect(back.se).toBeCloseTo(mass.se, 9);
        expect(back.carbon).toBeCloseTo(mass.carbon, 9);
      }),
    );
  });

  it('rejects compositions that do not sum to 100 wt% instead of normalising them', () => {
    const error = errorOf(() => solidVolumeFractions({ ncm: 90, se: 7, carbon: 4 }, sc));
    expect(isSolidCellError(error) && error.code).toBe('E_COMPOSITION_SUM');
    expect((error as Error).message).toContain('ncm=90, se=7, carbon=4 → 101');
  });

  it.each([
    ['negative', { ncm: 100, se: -3, carbon: 3 }, 'composition.se'],
    ['NaN', { ncm: Number.NaN, se: 7, carbon: 3 }, 'composition.ncm'],
    ['Infinity', { ncm: 90, se: 7, carbon: Number.POSITIVE_INFINITY }, 'composition.carbon'],
  ])('rejects a %s mass fraction naming the field', (_label, mass, field) => {
    const error = errorOf(() => solidVolumeFractions(mass, sc));
    expect(isSolidCellError(error) && error.field).toBe(field);
    expect((error as Error).message).toContain('0 ≤ x ≤ 100 wt%');
  });

  it('rejects a non-positive density', () => {
    const error = errorOf(() =>
      solidVolumeFractions({ ncm: 90, se: 7, carbon: 3 }, { ...sc, carbon: 0 }),
    );
    expect(isSolidCellError(error) && error.field).toBe('densities.carbon_kg_per_m3');
  });
});

describe(electrodeVolumeFractions, () => {
  it('scales the solids by (1 − ε) and adds the pore fraction', () => {
    const solid = solidVolumeFractions({ ncm: 90, se: 7, carbon: 3 }, sc);
    const electrode = electrodeVolumeFractions(solid, 0.1);
    expect(electrode.ncm).toBeCloseTo(0.9 * solid.ncm, 14);
    expect(electrode.pore).toBe(0.1);
    expect(
      electrode.ncm + electrode.se + electrode.carbon + electrode.binder + electrode.pore,
    ).toBeCloseTo(1, 14);
  });

  it('rejects porosity outside [0, 0.9)', () => {
    const solid = solidVolumeFractions({ ncm: 90, se: 7, carbon: 3 }, sc);
    expect(() => electrodeVolumeFractions(solid, 1.2)).toThrow(/porosity = 1.2 .*0 ≤ ε < 0.9/);
  });
});

describe(solidCompositeDensity_kg_per_m3, () => {
  it('equals total mass over total volume of the solids', () => {
    const mass = { ncm: 90, se: 7, carbon: 3 };
    const volume = 90 / sc.ncm + 7 / sc.se + 3 / sc.carbon;
    expect(solidCompositeDensity_kg_per_m3(solidVolumeFractions(mass, sc), sc)).toBeCloseTo(
      100 / volume,
      9,
    );
  });
});
