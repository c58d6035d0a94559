// Mechanism M1 (volumetric occupation): wt% → solid vol% → electrode vol% and back.
import { invalidInput, SolidCellError } from '../errors/SolidCellError.js';
import {
  type ElectrodeVolumeFractions,
  type MassFractions_wtPct,
  type PhaseDensities_kg_per_m3,
  SOLID_PHASES,
  type SolidVolumeFractions,
} from './phases.js';

/** Tolerance on the wt% sum; anything further from 100 is rejected, never normalised. */
export const MASS_FRACTION_SUM_TOLERANCE_wtPct = 1e-6;

/** Checks a composition: every wt% finite in [0, 100] and the sum equal to 100. */
export function assertValidMassFractions(mass: MassFractions_wtPct, field = 'composition'): void {
  for (const phase of SOLID_PHASES) {
    const value = mass[phase] ?? 0;
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > 100) {
      invalidInput(`${field}.${phase}`, value, 'a finite number 0 ≤ x ≤ 100 wt%');
    }
  }
  const sum = SOLID_PHASES.reduce((total, phase) => total + (mass[phase] ?? 0), 0);
  if (Math.abs(sum - 100) > MASS_FRACTION_SUM_TOLERANCE_wtPct) {
    const parts = SOLID_PHASES.filter((phase) => (mass[phase] ?? 0) !== 0 || phase !== 'binder')
      .map((phase) => `${phase}=${mass[phase] ?? 0}`)
      .join(', ');
    throw new SolidCellError(
      'E_COMPOSITION_SUM',
      `${field}: mass fractions must sum to 100 wt% (got ${parts} → ${Number(sum.toPrecision(12))})`,
      { field, value: sum, allowed: '100 wt%' },
    );
  }
}

function assertValidDensities(densities: PhaseDensities_kg_per_m3): void {
  for (const phase of SOLID_PHASES) {
    const value = densities[phase];
    if (!Number.isFinite(value) || value <= 0 || value > 30_000) {
      invalidInput(`densities.${phase}_kg_per_m3`, value, 'a finite density 0 < ρ ≤ 30000 kg/m³');
    }
  }
}

/**
 * Solid volume fractions from mass fractions (pore-free basis).
 *
 * @remarks
 * φ_k = (w_k/ρ_k) / Σ_j (w_j/ρ_j)  (model.md M1). With ρ = 4760/1860/670 kg/m³,
 * 80/17/3 wt% NCM/SE/SC gives φ_SE = 0.300 and 90/7/3 gives 0.139.
 * @throws SolidCellError `E_COMPOSITION_SUM` if the wt% do not sum to 100, `E_INVALID_INPUT` for
 * negative, non-finite or out-of-range values.
 */
export function solidVolumeFractions(
  mass: MassFractions_wtPct,
  densities: PhaseDensities_kg_per_m3,
): SolidVolumeFractions {
  assertValidMassFractions(mass);
  assertValidDensities(densities);
  const ncm = mass.ncm / densities.ncm;
  const se = mass.se / densities.se;
  const carbon = mass.carbon / densities.carbon;
  const binder = (mass.binder ?? 0) / densities.binder;
  const total = ncm + se + carbon + binder;
  return { ncm: ncm / total, se: se / total, carbon: carbon / total, binder: binder / total };
}

/** Porosity bound (exclusive): an electrode of ≥ 90 % pores is no longer a composite electrode. */
export const POROSITY_UPPER_BOUND = 0.9;

/** Checks a porosity value: finite, 0 ≤ ε < {@link POROSITY_UPPER_BOUND}. */
export function assertValidPorosity(porosity: number, field = 'porosity'): void {
  if (!Number.isFinite(porosity) || porosity < 0 || porosity >= POROSITY_UPPER_BOUND) {
    invalidInput(field, porosity, `a volume fraction 0 ≤ ε < ${POROSITY_UPPER_BOUND}`);
  }
}

/** Electrode volume fractions: ε_k = (1 − ε_p) φ_k, plus the pore fraction ε_p. */
export function electrodeVolumeFractions(
  solid: SolidVolumeFractions,
  porosity: number,
): ElectrodeVolumeFractions {
  assertValidPorosity(porosity);
  const solidShare = 1 - porosity;
  return {
    ncm: solidShare * solid.ncm,
    se: solidShare * solid.se,
    carbon: solidShare * solid.carbon,
    binder: solidShare * solid.binder,
    pore: porosity,
  };
}

/** Mass fractions (wt%) from solid volume fractions; the inverse of {@link solidVolumeFractions}. */
export function massFractionsFromVolumeFractions(
  solid: SolidVolumeFractions,
  densities: PhaseDensities_kg_per_m3,
): Required<MassFractions_wtPct> {
  assertValidDensities(densities);
  const ncm = solid.ncm * densities.ncm;
  const se = solid.se * densities.se;
  const carbon = solid.carbon * densities.carbon;
  const binder = solid.binder * densities.binder;
  const total = ncm + se + carbon + binder;
  return {
    ncm: (100 * ncm) / total,
    se: (100 * se) / total,
    carbon: (100 * carbon) / total,
    binder: (100 * binder) / total,
  };
}

/** Density of the pore-free solid composite (kg/m³): Σ φ_k ρ_k. */
export function solidCompositeDensity_kg_per_m3(
  solid: SolidVolumeFractions,
  densities: PhaseDensities_kg_per_m3,
): number {
  return SOLID_PHASES.reduce((sum, phase) => sum + solid[phase] * densities[phase], 0);
}
