// The carbon fibre (CF, VGCF type) Material: density, BET area and powder-compact conductivity.
import { CARBON_FIBER_DENSITY_kg_per_m3, type CarbonAdditive, invalidInput } from '@solidcell/core';

/** Parameters of the carbon-fiber material; SI units. */
export interface CarbonFiberParameters {
  /** Density (kg/m³); solid fibres, apparent = true. parameters.md §2: 2000 (VGCF-H). */
  readonly density_kg_per_m3: number;
  /** BET area (m²/kg). parameters.md §4: 13 m²/g = 13 000 m²/kg (VGCF-H; geometric 13.3). */
  readonly specificSurfaceArea_m2_per_kg: number;
  /**
   * Electronic conductivity on the powder-compact basis (S/m), the basis of the carbon-black value
   * (parameters.md §6.2, SC compact 500 S/m), so both carbons compare like for like: VGCF-H
   * manufacturer powder resistivity ≈ 0.01–0.015 Ω cm at 0.8 g/cm³ compaction (Showa Denko /
   * Resonac VGCF-H data) → 7e3–1e4 S/m. The single-fibre axial value (1e5 S/m, range 1e4–1e6,
   * parameters.md §6.2) is an upper bound that ignores fibre–fibre contacts. Default 8e3;
   * range 3e3–2e4 (compaction, grade). Medium confidence.
   */
  readonly electronicConductivity_S_per_m: number;
}

/** Default carbon-fiber parameters (parameters.md §2, §4, §6.2). */
export const CARBON_FIBER_DEFAULTS: CarbonFiberParameters = {
  density_kg_per_m3: CARBON_FIBER_DENSITY_kg_per_m3,
  specificSurfaceArea_m2_per_kg: 13_000,
  electronicConductivity_S_per_m: 8e3,
};

function positive(field: string, value: number, max: number, unit: string): void {
  if (!Number.isFinite(value) || value <= 0 || value > max) {
    invalidInput(field, value, `a finite number 0 < x ≤ ${max} ${unit}`);
  }
}

/**
 * Creates the `carbon-fiber` {@link CarbonAdditive} (shape `fiber`).
 *
 * @remarks
 * Solid fibres have no internal voids, so the skeletal density equals the density used for
 * volume bookkeeping. No ionic conduction; conductivity temperature independent.
 * @throws SolidCellError `E_INVALID_INPUT` for non-positive or absurd parameters.
 */
export function createCarbonFiberMaterial(
  overrides: Partial<CarbonFiberParameters> = {},
): CarbonAdditive {
  const p = { ...CARBON_FIBER_DEFAULTS, ...overrides };
  positive('density_kg_per_m3', p.density_kg_per_m3, 30_000, 'kg/m³');
  positive('specificSurfaceArea_m2_per_kg', p.specificSurfaceArea_m2_per_kg, 5e6, 'm²/kg');
  positive('electronicConductivity_S_per_m', p.electronicConductivity_S_per_m, 1e8, 'S/m');
  return {
    id: 'carbon-fiber',
    name: 'Vapour-grown carbon fibre (VGCF type)',
    role: 'carbon-additive',
    shape: 'fiber',
    density_kg_per_m3: p.density_kg_per_m3,
    skeletalDensity_kg_per_m3: p.density_kg_per_m3,
    specificSurfaceArea_m2_per_kg: p.specificSurfaceArea_m2_per_kg,
    ionicConductivity_S_per_m: () => 0,
    electronicConductivity_S_per_m: () => p.electronicConductivity_S_per_m,
  };
}
