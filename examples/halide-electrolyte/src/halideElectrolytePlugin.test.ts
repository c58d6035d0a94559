import {
  ChargeTransfer,
  createCell,
  createSolidCellContainer,
  definePlugin,
  isSolidCellError,
  LI6PS5CL_DENSITY_kg_per_m3,
  Material,
  massFractionsFromVolumeFractions,
  referenceDensities,
  type SolidCellError,
  solidVolumeFractions,
  Transport,
} from '@solidcell/core';
import { ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';
import { LI3INCL6_DEFAULTS } from './defaultParameters.js';
import {
  createHalideElectrolytePlugin,
  HALIDE_ELECTROLYTE_PLUGIN_ID,
  halideElectrolytePlugin,
  resolveHalideElectrolyteParameters,
} from './halideElectrolytePlugin.js';

function failure(fn: () => unknown): SolidCellError {
  try {
    fn();
  } catch (error) {
    if (isSolidCellError(error)) return error;
    throw error;
  }
  throw new Error('expected a SolidCellError');
}

// #region fakes
// Stand-ins for the first-party plugins: a cell needs one ChargeTransfer and a Transport.
const fakeChargeTransferPlugin = definePlugin({
  id: 'fake-charge-transfer',
  kinds: ['ChargeTransfer', 'Material'],
  module: new ContainerModule(({ bind }) => {
    bind(ChargeTransfer).toConstantValue({
      id: 'fake-bv',
      activeMaterialId: 'ncm811',
      lithiationWindow: { discharged: 1, charged: 0.27 },
      openCircuitPotential_V: () => 3.8,
      openCircuitPotentialSlope_V: () => -1,
      exchangeCurrentDensity_A_per_m2: () => 1,
      currentDensity_A_per_m2: (eta) => 2 * Math.sinh(eta / 0.0514),
      solidDiffusivity_m2_per_s: () => 4e-15,
    });
    bind(Material).toConstantValue({
      id: 'ncm811',
      name: 'NCM811 (fake)',
      role: 'active-material',
      density_kg_per_m3: 4760,
      ionicConductivity_S_per_m: () => 0,
      electronicConductivity_S_per_m: () => 1e-3,
    });
  }),
});
const fakeTransportPlugin = definePlugin({
  id: 'fake-transport',
  kinds: ['Transport'],
  module: new ContainerModule(({ bind }) => {
    bind(Transport).toConstantValue({
      id: 'fake-transport',
      method: 'effective-medium',
      effectiveConductivity: () => ({
        conductivity_S_per_m: 1,
        tortuosityFactor: 1,
        currentCarryingFraction: 1,
      }),
    });
  }),
});
// #endregion fakes

describe(resolveHalideElectrolyteParameters, () => {
  it('returns the defaults when no option is given', () => {
    expect(resolveHalideElectrolyteParameters()).toEqual(LI3INCL6_DEFAULTS);
  });

  // #region validation-test
  it('names the field, the value and the allowed range of a bad option', () => {
    const error = failure(() => createHalideElectrolytePlugin({ activationEnergy_eV: 3.5 }));
    expect(error.code).toBe('E_INVALID_INPUT');
    expect(error.field).toBe('halideElectrolyte.activationEnergy_eV');
    expect(error.message).toBe(
      'halideElectrolyte.activationEnergy_eV = 3.5 is not allowed: expected a finite number 0.05 ≤ x ≤ 1.5 eV',
    );
  });
  // #endregion validation-test

  it('rejects an unknown option naming it', () => {
    const error = failure(() =>
      resolveHalideElectrolyteParameters({ conductivity: 1 } as unknown as object),
    );
    expect(error.field).toBe('halideElectrolyte.conductivity');
  });

  it('rejects a conductivity typed in mS/cm where S/m is expected (15 > 10 S/m)', () => {
    expect(
      failure(() => createHalideElectrolytePlugin({ ionicConductivity25C_S_per_m: 15 })).field,
    ).toBe('halideElectrolyte.ionicConductivity25C_S_per_m');
  });
});

describe('composing the halide plugin', () => {
  // #region compose-test
  it('adds li3incl6 next to a fake ChargeTransfer without replacing anything', () => {
    const container = createSolidCellContainer([fakeChargeTransferPlugin, halideElectrolytePlugin]);
    expect(container.getAll(Material).map((m) => m.id)).toEqual(['ncm811', 'li3incl6']);
    expect(container.get(ChargeTransfer).id).toBe('fake-bv');

    const cell = createCell([
      fakeChargeTransferPlugin,
      fakeTransportPlugin,
      halideElectrolytePlugin,
    ]);
    const electrolyte = cell.material('solid-electrolyte', 'li3incl6');
    expect(electrolyte.ionicConductivity_S_per_m({ temperature_K: 298.15 })).toBeCloseTo(0.15, 12);
  });
  // #endregion compose-test

  it('passes overridden parameters through the container', () => {
    const plugin = createHalideElectrolytePlugin({ ionicConductivity25C_S_per_m: 0.3 });
    const container = createSolidCellContainer([plugin]);
    expect(container.get(Material).ionicConductivity_S_per_m({ temperature_K: 298.15 })).toBe(0.3);
    expect(plugin.id).toBe(HALIDE_ELECTROLYTE_PLUGIN_ID);
  });

  // #region composition-test
  it('occupies 23.0 vol% at 80/17/3 wt% NCM/Li3InCl6/SC, less than Li6PS5Cl (30.0 vol%)', () => {
    const mass = { ncm: 80, se: 17, carbon: 3 };
    const densities = referenceDensities('spherical');
    const halide = solidVolumeFractions(mass, {
      ...densities,
      se: LI3INCL6_DEFAULTS.density_kg_per_m3,
    });
    const argyrodite = solidVolumeFractions(mass, densities);
    // φ_SE = (w_SE/ρ_SE) / Σ_j (w_j/ρ_j), written out for the halide's 2670 kg/m³.
    const expected = 17 / 2670 / (80 / 4760 + 17 / 2670 + 3 / 670);
    expect(halide.se).toBeCloseTo(expected, 12);
    expect(halide.se).toBeCloseTo(0.2303, 4);
    expect(argyrodite.se).toBeCloseTo(0.3, 3);
  });

  it('needs 22.7 wt% Li3InCl6 to fill the 30.0 vol% that 17 wt% Li6PS5Cl fills', () => {
    const densities = { ...referenceDensities('spherical'), se: 2670 };
    const argyrodite = solidVolumeFractions(
      { ncm: 80, se: 17, carbon: 3 },
      { ...densities, se: LI6PS5CL_DENSITY_kg_per_m3 },
    );
    const mass = massFractionsFromVolumeFractions(argyrodite, densities);
    expect(solidVolumeFractions(mass, densities).se).toBeCloseTo(argyrodite.se, 12);
    expect(mass.se).toBeGreaterThan(17);
    expect(mass.se).toBeCloseTo(22.7, 1);
  });
  // #endregion composition-test
});
