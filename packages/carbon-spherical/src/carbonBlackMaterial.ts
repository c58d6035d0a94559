// The spherical carbon black (SC) Material: two densities, BET area and compact conductivity.
import {
  CARBON_BLACK_APPARENT_DENSITY_kg_per_m3,
  CARBON_BLACK_SKELETAL_DENSITY_kg_per_m3,
  type CarbonAdditive,
  invalidInput,
} from '@solidcell/core';

/** Parameters of the carbon-black material; SI units. */
export interface CarbonBlackParameters {
  /** Apparent (envelope) density for volume bookkeeping (kg/m³). parameters.md §2: 670. */
  readonly apparentDensity_kg_per_m3: number;
  /** Skeletal density for mass ↔ area geometry (kg/m³). parameters.md §2: 1900. */
  readonly skeletalDensity_kg_per_m3: number;
  /** BET area (m²/kg). parameters.md §4: 62 m²/g = 62 000 m²/kg (Super P / C65). */
  readonly specificSurfaceArea_m2_per_kg: number;
  /**
   * Electronic conductivity on the powder-compact basis (S/m), the basis shared with the carbon
   * fibre: parameters.md §6.2, pressed conductive-black (Super P/C65 class) powders, 500 (range
   * 100–2000). Low confidence.
   */
  readonly electronicConductivity_S_per_m: number;
}

/** Default carbon-black parameters (parameters.md §2, §4, §6.2). */
export const CARBON_BLACK_DEFAULTS: CarbonBlackParameters = {
  apparentDensity_kg_per_m3: CARBON_BLACK_APPARENT_DENSITY_kg_per_m3,
  skeletalDensity_kg_per_m3: CARBON_BLACK_SKELETAL_DENSITY_kg_per_m3,
  specificSurfaceArea_m2_per_kg: 62_000,
  electronicConductivity_S_per_m: 500,
};

function positive(field: string, value: number, max: number, unit: string): void {
  if (!Number.isFinite(value) || value <= 0 || value > max) {
    invalidInput(field, value, `a finite number 0 < x ≤ ${max} ${unit}`);
  }
}

/**
 * Creates the `carbon-black` {@link CarbonAdditive} (shape `spherical`).
 *
 * @remarks
 * `density_kg_per_m3` is the apparent density (the volume SC takes from the SE domain, M1);
 * no ionic conduction; electronic conductivity is temperature independent.
 * @throws SolidCellError `E_INVALID_INPUT` for non-positive or absurd parameters.
 */
export function createCarbonBlackMaterial(
  overrides: Partial<CarbonBlackParameters> = {},
): CarbonAdditive {
  const p = { ...CARBON_BLACK_DEFAULTS, ...overrides };
  positive('apparentDensity_kg_per_m3', p.apparentDensity_kg_per_m3, 30_000, 'kg/m³');
  positive('skeletalDensity_kg_per_m3', p.skeletalDensity_kg_per_m3, 30_000, 'kg/m³');
  positive('specificSurfaceArea_m2_per_kg', p.specificSurfaceArea_m2_per_kg, 5e6, 'm²/kg');
  positive('electronicConductivity_S_per_m', p.electronicConductivity_S_per_m, 1e8, 'S/m');
  return {
    id: 'carbon-black',
    name: 'Spherical carbon black (Super P / C65 class)',
    role: 'carbon-additive',
    shape: 'spherical',
    density_kg_per_m3: p.apparentDensity_kg_per_m3,
    skeletalDensity_kg_per_m3: p.skeletalDensity_kg_per_m3,
    specificSurfaceArea_m2_per_kg: p.specificSurfaceArea_m2_per_kg,
    ionicConductivity_S_per_m: () => 0,
    electronicConductivity_S_per_m: () => p.electronicConductivity_S_per_m,
  };
}
