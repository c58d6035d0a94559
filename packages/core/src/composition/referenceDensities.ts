// Reference densities of the paper's phases, with their sources (shared/physics/parameters.md §2).
import type { PhaseDensities_kg_per_m3 } from './phases.js';

/** Carbon additive shape: spherical carbon black agglomerates or carbon fibre. */
export type CarbonShape = 'spherical' | 'fiber';

/**
 * NCM811 density, kg/m³: back-calculated from both vol% values of Kim et al. 2024
 * (allowed 4754–4763); crystallographic value ≈ 4780.
 */
export const NCM811_DENSITY_kg_per_m3 = 4760;
/** Li6PS5Cl density, kg/m³: Archimedes (isopropanol) in Kim et al. 2024; crystallographic 1865. */
export const LI6PS5CL_DENSITY_kg_per_m3 = 1860;
/**
 * Spherical carbon black, apparent (envelope) density, kg/m³: Archimedes in isopropanol,
 * Kim et al. 2024. This is the volume carbon takes from the SE domain.
 */
export const CARBON_BLACK_APPARENT_DENSITY_kg_per_m3 = 670;
/** Carbon black skeletal density, kg/m³ (He pycnometry, Super P/C65 class); for surface area only. */
export const CARBON_BLACK_SKELETAL_DENSITY_kg_per_m3 = 1900;
/** Vapour-grown carbon fibre density, kg/m³ (VGCF-H manufacturer value; solid fibre). */
export const CARBON_FIBER_DENSITY_kg_per_m3 = 2000;
/** PTFE binder density, kg/m³ (handbook value 2150–2200). */
export const PTFE_DENSITY_kg_per_m3 = 2200;

/** Reference phase densities of the paper's electrodes for a carbon shape. */
export function referenceDensities(carbonShape: CarbonShape): PhaseDensities_kg_per_m3 {
  return {
    ncm: NCM811_DENSITY_kg_per_m3,
    se: LI6PS5CL_DENSITY_kg_per_m3,
    carbon:
      carbonShape === 'spherical'
        ? CARBON_BLACK_APPARENT_DENSITY_kg_per_m3
        : CARBON_FIBER_DENSITY_kg_per_m3,
    binder: PTFE_DENSITY_kg_per_m3,
  };
}
