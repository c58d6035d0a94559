import { isCounterElectrode, isSolidCellError, type SolidCellError } from '@solidcell/core';
import { describe, expect, it } from 'vitest';
import { arrheniusFactorEv, Li6PS5Cl } from './Li6PS5Cl.js';
import { LiInCounterElectrode } from './LiInCounterElectrode.js';
import { Ptfe } from './Ptfe.js';
import { DEFAULT_MATERIALS_PARAMETERS, resolveMaterialsParameters } from './parameters.js';

function failure(fn: () => unknown): SolidCellError {
  try {
    fn();
  } catch (error) {
    if (isSolidCellError(error)) return error;
    throw error;
  }
  throw new Error('expected a SolidCellError');
}

describe(Li6PS5Cl, () => {
  const se = new Li6PS5Cl();

  it('has ρ = 1860 kg/m³, σ_ion = 0.2 S/m at 25 °C and σ_e = 1e-7 S/m', () => {
    expect(se.id).toBe('li6ps5cl');
    expect(se.role).toBe('solid-electrolyte');
    expect(se.density_kg_per_m3).toBe(1860);
    expect(se.ionicConductivity_S_per_m({ temperature_K: 298.15 })).toBe(0.2);
    expect(se.electronicConductivity_S_per_m({ temperature_K: 333.15 })).toBe(1e-7);
  });

  it('rises 4.2× from 25 to 60 °C with E_a = 0.35 eV (0.84 S/m), 3.4× at 0.30 eV, 5.1× at 0.40 eV', () => {
    const ratio = se.ionicConductivity_S_per_m({ temperature_K: 333.15 }) / 0.2;
    expect(ratio).toBeCloseTo(4.2, 1);
    expect(se.ionicConductivity_S_per_m({ temperature_K: 333.15 })).toBeCloseTo(0.84, 2);
    expect(arrheniusFactorEv(0.3, 333.15)).toBeCloseTo(3.4, 1);
    expect(arrheniusFactorEv(0.4, 333.15)).toBeCloseTo(5.1, 1);
  });

  it('is monotone in temperature and falls below 25 °C', () => {
    expect(se.ionicConductivity_S_per_m({ temperature_K: 273.15 })).toBeLessThan(0.2);
    expect(se.ionicConductivity_S_per_m({ temperature_K: 273.15 })).toBeGreaterThan(0.05);
  });
});

describe(LiInCounterElectrode, () => {
  const liIn = new LiInCounterElectrode();

  it('is a CounterElectrode at 0.62 V vs Li with 1e-4 Ω m² (2 mV at 2 mA/cm² = 20 A/m²)', () => {
    expect(isCounterElectrode(liIn)).toBe(true);
    expect(liIn.id).toBe('li-in');
    expect(liIn.potentialVsLi_V).toBe(0.62);
    expect(liIn.areaSpecificResistance_ohm_m2).toBe(1e-4);
    expect(liIn.potentialUnderCurrent_V(20)).toBeCloseTo(0.618, 12);
    expect(liIn.potentialUnderCurrent_V(-20)).toBeCloseTo(0.622, 12);
    expect(isCounterElectrode(new Ptfe())).toBe(false);
  });
});

describe(Ptfe, () => {
  it('is an insulating binder of density 2200 kg/m³', () => {
    const ptfe = new Ptfe();
    expect(ptfe.role).toBe('binder');
    expect(ptfe.density_kg_per_m3).toBe(2200);
    expect(ptfe.ionicConductivity_S_per_m({ temperature_K: 298.15 })).toBe(0);
    expect(ptfe.electronicConductivity_S_per_m({ temperature_K: 298.15 })).toBeLessThan(1e-12);
  });
});

describe(resolveMaterialsParameters, () => {
  it('merges a partial override and keeps the other defaults', () => {
    const p = resolveMaterialsParameters({ li6ps5cl: { ionicActivationEnergy_eV: 0.3 } });
    expect(p.li6ps5cl.ionicActivationEnergy_eV).toBe(0.3);
    expect(p.li6ps5cl.ionicConductivity25_S_per_m).toBe(0.2);
    expect(p.liIn).toEqual(DEFAULT_MATERIALS_PARAMETERS.liIn);
  });

  it('names the dotted field, value and range of a bad override', () => {
    const error = failure(() =>
      resolveMaterialsParameters({ li6ps5cl: { ionicConductivity25_S_per_m: 2 } }),
    );
    expect(error.field).toBe('materials.li6ps5cl.ionicConductivity25_S_per_m');
    expect(error.value).toBe(2);
    expect(error.message).toBe(
      'materials.li6ps5cl.ionicConductivity25_S_per_m = 2 is not allowed: expected a finite number 0.1 ≤ x ≤ 0.4 S/m',
    );
    expect(
      failure(() => resolveMaterialsParameters({ liIn: { potentialVsLi_V: 0.7 } })).field,
    ).toBe('materials.liIn.potentialVsLi_V');
    expect(failure(() => resolveMaterialsParameters({ carbon: {} } as never)).message).toContain(
      '"carbon"',
    );
  });
});
