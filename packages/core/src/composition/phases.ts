// The phases of a composite positive electrode and the record types keyed by them.

/** Solid phases of the composite: active material, solid electrolyte, carbon, binder. */
export type SolidPhase = 'ncm' | 'se' | 'carbon' | 'binder';
/** All electrode phases including residual porosity. */
export type ElectrodePhase = SolidPhase | 'pore';

/** The solid phases in canonical order. */
export const SOLID_PHASES: readonly SolidPhase[] = ['ncm', 'se', 'carbon', 'binder'];

/** Mass fractions of the solids in wt% (must sum to 100). Binder defaults to 0. */
export interface MassFractions_wtPct {
  readonly ncm: number;
  readonly se: number;
  readonly carbon: number;
  readonly binder?: number | undefined;
}

/** Densities of the solid phases (kg/m³). Carbon uses its apparent (envelope) density. */
export interface PhaseDensities_kg_per_m3 {
  readonly ncm: number;
  readonly se: number;
  readonly carbon: number;
  readonly binder: number;
}

/** Volume fractions of the solids on a pore-free basis (0–1, sum 1). */
export interface SolidVolumeFractions {
  readonly ncm: number;
  readonly se: number;
  readonly carbon: number;
  readonly binder: number;
}

/** Volume fractions of the whole electrode including pores (0–1, sum 1). */
export interface ElectrodeVolumeFractions extends SolidVolumeFractions {
  readonly pore: number;
}
