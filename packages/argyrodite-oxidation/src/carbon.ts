// Carbon additives the reaction needs when none is supplied (SC and CF reference values of
// parameters.md §2 and §4), and the check that a supplied CarbonAdditive is usable.
import {
  CARBON_BLACK_APPARENT_DENSITY_kg_per_m3,
  CARBON_BLACK_SKELETAL_DENSITY_kg_per_m3,
  CARBON_FIBER_DENSITY_kg_per_m3,
  type CarbonAdditive,
  type CarbonShape,
  invalidInput,
} from '@solidcell/core';

/** BET area of spherical carbon black (Super P / C65 class), m²/kg (62 m²/g, parameters.md §4). */
export const CARBON_BLACK_BET_m2_per_kg = 62_000;
/** BET area of vapour-grown carbon fibre, m²/kg (13 m²/g, parameters.md §4). */
export const CARBON_FIBER_BET_m2_per_kg = 13_000;

/**
 * A minimal {@link CarbonAdditive} with the reference values of parameters.md for a shape:
 * SC = 670 kg/m³ apparent, 1900 kg/m³ skeletal, 62 m²/g; CF = 2000 kg/m³, 13 m²/g.
 *
 * @remarks
 * Only the densities and the BET area are used by this package; the conductivities are the
 * parameters.md §6.2 recommended values (500 S/m SC compact, 1e5 S/m CF axial) for completeness.
 * Prefer the carbon material plugin of the cell when one is bound.
 */
export function referenceCarbonAdditive(shape: CarbonShape): CarbonAdditive {
  const spherical = shape === 'spherical';
  const electronic_S_per_m = spherical ? 500 : 1e5;
  return {
    id: spherical ? 'reference-carbon-black' : 'reference-carbon-fiber',
    name: spherical ? 'Spherical carbon black (reference)' : 'Carbon fibre, VGCF type (reference)',
    role: 'carbon-additive',
    shape,
    density_kg_per_m3: spherical
      ? CARBON_BLACK_APPARENT_DENSITY_kg_per_m3
      : CARBON_FIBER_DENSITY_kg_per_m3,
    skeletalDensity_kg_per_m3: spherical
      ? CARBON_BLACK_SKELETAL_DENSITY_kg_per_m3
      : CARBON_FIBER_DENSITY_kg_per_m3,
    specificSurfaceArea_m2_per_kg: spherical
      ? CARBON_BLACK_BET_m2_per_kg
      : CARBON_FIBER_BET_m2_per_kg,
    ionicConductivity_S_per_m: () => 0,
    electronicConductivity_S_per_m: () => electronic_S_per_m,
  };
}

/**
 * Checks the carbon properties this package reads.
 *
 * @throws SolidCellError `E_INVALID_INPUT` naming `<field>.density_kg_per_m3` or
 * `<field>.specificSurfaceArea_m2_per_kg`.
 */
export function assertUsableCarbon(carbon: CarbonAdditive, field = 'carbon'): void {
  const density = carbon.density_kg_per_m3;
  if (typeof density !== 'number' || !Number.isFinite(density) || density <= 0 || density > 1e4) {
    invalidInput(`${field}.density_kg_per_m3`, density, 'a finite number 0 < x ≤ 10000 kg/m³');
  }
  const area = carbon.specificSurfaceArea_m2_per_kg;
  if (typeof area !== 'number' || !Number.isFinite(area) || area < 0 || area > 5e6) {
    invalidInput(
      `${field}.specificSurfaceArea_m2_per_kg`,
      area,
      'a finite number 0 ≤ x ≤ 5000000 m²/kg',
    );
  }
}
