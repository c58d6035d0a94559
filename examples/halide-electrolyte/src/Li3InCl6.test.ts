// #region arrhenius-test
import { BOLTZMANN_eV_per_K, isSolidCellError } from '@solidcell/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LI3INCL6_DEFAULTS } from './defaultParameters.js';
import { Li3InCl6 } from './Li3InCl6.js';

describe(Li3InCl6, () => {
  const material = new Li3InCl6(LI3INCL6_DEFAULTS);

  it('conducts 0.15 S/m (1.5 mS/cm) at 25 °C', () => {
    expect(material.ionicConductivity_S_per_m({ temperature_K: 298.15 })).toBeCloseTo(0.15, 12);
  });

  it('rises by exp(E_a/k_B · (1/298.15 − 1/333.15)) ≈ 4.2 from 25 to 60 °C at 0.35 eV', () => {
    const ratio =
      material.ionicConductivity_S_per_m({ temperature_K: 333.15 }) /
      material.ionicConductivity_S_per_m({ temperature_K: 298.15 });
    expect(ratio).toBeCloseTo(
      Math.exp((0.35 / BOLTZMANN_eV_per_K) * (1 / 298.15 - 1 / 333.15)),
      10,
    );
    expect(ratio).toBeGreaterThan(4.1);
    expect(ratio).toBeLessThan(4.3);
  });

  it('has ln σ linear in 1/T with slope −E_a/k_B for any two temperatures', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 200, max: 500, noNaN: true }),
        fc.double({ min: 200, max: 500, noNaN: true }),
        (t1, t2) => {
          const s1 = material.ionicConductivity_S_per_m({ temperature_K: t1 });
          const s2 = material.ionicConductivity_S_per_m({ temperature_K: t2 });
          const expected = -(0.35 / BOLTZMANN_eV_per_K) * (1 / t1 - 1 / t2);
          expect(Math.log(s1 / s2)).toBeCloseTo(expected, 9);
        },
      ),
    );
  });
  // #endregion arrhenius-test

  it('is an electronic insulator (≤ 1e-8 S/m) at any temperature', () => {
    expect(material.electronicConductivity_S_per_m({ temperature_K: 333.15 })).toBeLessThanOrEqual(
      1e-8,
    );
  });

  it('rejects a non-physical temperature naming the field', () => {
    try {
      material.ionicConductivity_S_per_m({ temperature_K: -5 });
      expect.unreachable();
    } catch (error) {
      expect(isSolidCellError(error) && error.field).toBe('temperature_K');
    }
  });
});
