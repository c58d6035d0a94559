import { isSolidCellError, type SolidCellError } from '@solidcell/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { butlerVolmerCurrentDensity_A_per_m2 } from './butlerVolmer.js';
import { Ncm811 } from './Ncm811.js';
import { NcmChargeTransfer } from './NcmChargeTransfer.js';
import {
  DEFAULT_NCM_PARAMETERS,
  NCM_PARAMETER_BOUNDS,
  resolveNcmParameters,
} from './parameters.js';

function failure(fn: () => unknown): SolidCellError {
  try {
    fn();
  } catch (error) {
    if (isSolidCellError(error)) return error;
    throw error;
  }
  throw new Error('expected a SolidCellError');
}

const ct = new NcmChargeTransfer();
const T25 = 298.15;

describe(NcmChargeTransfer, () => {
  it('has the lithiation window 1 … 1 − 200/275.5 = 0.27405', () => {
    expect(ct.lithiationWindow.discharged).toBe(1);
    expect(ct.lithiationWindow.charged).toBeCloseTo(1 - 200 / 275.5, 12);
    expect(ct.activeMaterialId).toBe('ncm811');
  });

  it('gives i0 = i0_ref = 1 A/m² at x_s = 0.5, 25 °C, and 2√(x(1−x)) elsewhere', () => {
    expect(ct.exchangeCurrentDensity_A_per_m2({ surfaceLithiation: 0.5, temperature_K: T25 })).toBe(
      1,
    );
    expect(
      ct.exchangeCurrentDensity_A_per_m2({ surfaceLithiation: 0.9, temperature_K: T25 }),
    ).toBeCloseTo(2 * Math.sqrt(0.09), 14);
  });

  it('raises i0 by exp[(40 kJ/mol / R)(1/298.15 − 1/333.15)] = 5.448 from 25 to 60 °C', () => {
    const ratio =
      ct.exchangeCurrentDensity_A_per_m2({ surfaceLithiation: 0.5, temperature_K: 333.15 }) /
      ct.exchangeCurrentDensity_A_per_m2({ surfaceLithiation: 0.5, temperature_K: T25 });
    expect(ratio).toBeCloseTo(Math.exp((40_000 / 8.314462618) * (1 / 298.15 - 1 / 333.15)), 12);
    expect(ratio).toBeCloseTo(5.448, 3);
  });

  it('keeps i0 > 0 at x_s = 1 through the 1e-6 regularisation (i0 = 2e-3 A/m²), 0 when δ = 0', () => {
    expect(
      ct.exchangeCurrentDensity_A_per_m2({ surfaceLithiation: 1, temperature_K: T25 }),
    ).toBeCloseTo(2 * Math.sqrt(1e-6 * (1 - 1e-6)), 10);
    const pure = new NcmChargeTransfer(resolveNcmParameters({ lithiationRegularisation: 0 }));
    expect(
      pure.exchangeCurrentDensity_A_per_m2({ surfaceLithiation: 1.2, temperature_K: T25 }),
    ).toBe(0);
    expect(pure.currentDensity_A_per_m2(0.1, { surfaceLithiation: 1, temperature_K: T25 })).toBe(0);
  });

  it('solves the film relation through the contract and returns a consistent slope', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -0.5, max: 0.5, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0.01, max: 0.99, noNaN: true }),
        fc.double({ min: 263.15, max: 353.15, noNaN: true }),
        (eta, film, x, temperature) => {
          const conditions = {
            surfaceLithiation: x,
            temperature_K: temperature,
            filmResistance_ohm_m2: film,
          };
          const j = ct.currentDensity_A_per_m2(eta, conditions);
          const kinetics = ct.kinetics(conditions);
          expect(
            Math.abs(j - butlerVolmerCurrentDensity_A_per_m2(eta - j * film, kinetics)),
          ).toBeLessThanOrEqual(1e-10 * Math.abs(j) + 1e-300);
          expect(ct.currentDensitySlope_A_per_m2_V(eta, conditions)).toBeGreaterThan(0);
        },
      ),
    );
  });

  it('answers the current and the slope at one point from one film solve, and re-solves on any change', () => {
    const ct = new NcmChargeTransfer();
    const at = { surfaceLithiation: 0.6, temperature_K: 298.15, filmResistance_ohm_m2: 0.02 };
    const first = ct.solve(0.05, at);
    expect(ct.solve(0.05, { ...at })).toBe(first);
    expect(ct.currentDensitySlope_A_per_m2_V(0.05, at)).toBe(first.slope_A_per_m2_V);
    for (const changed of [
      { ...at, filmResistance_ohm_m2: 0.03 },
      { ...at, surfaceLithiation: 0.61 },
      { ...at, temperature_K: 300 },
    ]) {
      const other = ct.solve(0.05, changed);
      expect(other).not.toBe(first);
      expect(other.currentDensity_A_per_m2).not.toBe(first.currentDensity_A_per_m2);
    }
    expect(ct.solve(0.051, at).currentDensity_A_per_m2).toBeGreaterThan(
      first.currentDensity_A_per_m2,
    );
  });

  it('gives D_s = 1.54e-15 m²/s (calibrated default) at x = 0.85 and 1.54e-17 m²/s at x = 1', () => {
    const d = 1.54e-15;
    expect(ct.solidDiffusivity_m2_per_s(0.5, T25)).toBe(d);
    expect(ct.solidDiffusivity_m2_per_s(0.85, T25)).toBeCloseTo(d, 25);
    expect(ct.solidDiffusivity_m2_per_s(0.925, T25)).toBeCloseTo(d / 10, 26);
    expect(ct.solidDiffusivity_m2_per_s(1, T25)).toBeCloseTo(d / 100, 28);
    expect(ct.solidDiffusivity_m2_per_s(1.3, T25)).toBeCloseTo(d / 100, 28);
    // Arrhenius with the default 30 kJ/mol: ×3.566 from 25 to 60 °C.
    expect(ct.solidDiffusivity_m2_per_s(0.7, 333.15) / d).toBeCloseTo(3.566, 3);
  });

  it('the NCM electronic conductivity follows its activation energy (24 kJ/mol: ×2.77 at 60 °C)', () => {
    const ncm = new Ncm811(DEFAULT_NCM_PARAMETERS);
    const at = (T: number) =>
      ncm.electronicConductivity_S_per_m({ temperature_K: T, lithiation: 1 });
    expect(at(T25)).toBeCloseTo(1e-3, 15);
    expect(at(333.15) / at(T25)).toBeCloseTo(
      Math.exp((24_000 / 8.314462618) * (1 / 298.15 - 1 / 333.15)),
      9,
    );
  });

  it('applies an optional D_s activation energy (30 kJ/mol: ×3.566 from 25 to 60 °C)', () => {
    const activated = new NcmChargeTransfer(
      resolveNcmParameters({ solidDiffusionActivationEnergy_J_per_mol: 30_000 }),
    );
    expect(activated.solidDiffusivity_m2_per_s(0.5, 333.15) / 1.54e-15).toBeCloseTo(3.566, 3);
  });

  it('rejects non-finite state naming the field', () => {
    expect(
      failure(() =>
        ct.currentDensity_A_per_m2(Number.NaN, { surfaceLithiation: 0.5, temperature_K: T25 }),
      ).field,
    ).toBe('totalOverpotential_V');
    expect(
      failure(() =>
        ct.exchangeCurrentDensity_A_per_m2({ surfaceLithiation: 0.5, temperature_K: -1 }),
      ).field,
    ).toBe('temperature_K');
    expect(
      failure(() =>
        ct.currentDensity_A_per_m2(0.1, {
          surfaceLithiation: 0.5,
          temperature_K: T25,
          filmResistance_ohm_m2: -1,
        }),
      ).field,
    ).toBe('filmResistance_ohm_m2');
  });
});

describe(Ncm811, () => {
  const ncm = new Ncm811();

  it('carries ρ = 4760 kg/m³, M = 0.09728 kg/mol, c_max = 48 930 mol/m³ ≈ ρ/M, 1C = 720 000 C/kg', () => {
    expect(ncm.id).toBe('ncm811');
    expect(ncm.role).toBe('active-material');
    expect(ncm.density_kg_per_m3).toBe(4760);
    expect(ncm.maxConcentration_mol_per_m3).toBe(48_930);
    expect(Math.abs(ncm.density_kg_per_m3 / ncm.molarMass_kg_per_mol - 48_930)).toBeLessThan(1);
    expect(ncm.referenceCapacity_C_per_kg).toBe(720_000);
    expect(ncm.particleRadius_m).toBe(5e-6);
  });

  it('has electronic conductivity 1e-3 S/m at x = 1, 1 S/m at x ≤ 0.5, 10^-1.5 at x = 0.75', () => {
    const sigma = (x: number) =>
      ncm.electronicConductivity_S_per_m({ temperature_K: T25, lithiation: x });
    expect(sigma(1)).toBeCloseTo(1e-3, 15);
    expect(sigma(0.5)).toBeCloseTo(1, 12);
    expect(sigma(0.2)).toBeCloseTo(1, 12);
    expect(sigma(0.75)).toBeCloseTo(10 ** -1.5, 12);
    expect(ncm.electronicConductivity_S_per_m({ temperature_K: T25 })).toBeCloseTo(1e-3, 15);
    expect(ncm.ionicConductivity_S_per_m({ temperature_K: T25 })).toBe(0);
  });
});

describe(resolveNcmParameters, () => {
  it('rejects an out-of-range override naming field, value and range', () => {
    const error = failure(() => resolveNcmParameters({ exchangeCurrentDensityRef_A_per_m2: 50 }));
    expect(error.code).toBe('E_INVALID_INPUT');
    expect(error.field).toBe('ncmParameters.exchangeCurrentDensityRef_A_per_m2');
    expect(error.value).toBe(50);
    expect(error.message).toBe(
      'ncmParameters.exchangeCurrentDensityRef_A_per_m2 = 50 is not allowed: expected a finite number 0.05 ≤ x ≤ 5 A/m²',
    );
  });

  it('rejects unknown fields and keeps defaults for the rest', () => {
    expect(failure(() => resolveNcmParameters({ i0: 1 } as never)).message).toContain('"i0"');
    const resolved = resolveNcmParameters({ particleRadius_m: 3e-6 });
    expect(resolved.particleRadius_m).toBe(3e-6);
    expect(resolved.density_kg_per_m3).toBe(4760);
  });

  it('accepts every default inside its own bounds', () => {
    for (const [field, bounds] of Object.entries(NCM_PARAMETER_BOUNDS)) {
      const value = resolveNcmParameters()[field as keyof typeof NCM_PARAMETER_BOUNDS];
      expect(value, field).toBeGreaterThanOrEqual(bounds.min);
      expect(value, field).toBeLessThanOrEqual(bounds.max);
    }
  });
});
