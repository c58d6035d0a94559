// Areal loading ↔ electrode thickness ↔ areal capacity for a composite electrode.
import { invalidInput } from '../errors/SolidCellError.js';

/** What ties an electrode's thickness to its NCM mass and capacity. */
export interface ElectrodeLoadingBasis {
  /** Electrode volume fraction of NCM (0–1, porosity included). */
  readonly ncmVolumeFraction: number;
  /** NCM density (kg/m³). */
  readonly ncmDensity_kg_per_m3: number;
  /** Specific capacity that defines 1C (C/kg of NCM), e.g. 200 mAh/g = 720 000 C/kg. */
  readonly specificCapacity_C_per_kg: number;
}

function assertPositive(field: string, value: number): void {
  if (!Number.isFinite(value) || value <= 0) invalidInput(field, value, 'a finite number > 0');
}

function assertBasis(basis: ElectrodeLoadingBasis): void {
  if (
    !Number.isFinite(basis.ncmVolumeFraction) ||
    basis.ncmVolumeFraction <= 0 ||
    basis.ncmVolumeFraction > 1
  ) {
    invalidInput('ncmVolumeFraction', basis.ncmVolumeFraction, 'a volume fraction 0 < x ≤ 1');
  }
  assertPositive('ncmDensity_kg_per_m3', basis.ncmDensity_kg_per_m3);
  assertPositive('specificCapacity_C_per_kg', basis.specificCapacity_C_per_kg);
}

/** NCM areal mass (kg/m²) of an electrode of thickness L: m_A = L ρ_NCM ε_NCM. */
export function ncmArealMassFromThickness_kg_per_m2(
  thickness_m: number,
  basis: ElectrodeLoadingBasis,
): number {
  assertPositive('thickness_m', thickness_m);
  assertBasis(basis);
  return thickness_m * basis.ncmDensity_kg_per_m3 * basis.ncmVolumeFraction;
}

/** Electrode thickness (m) for an NCM areal mass (kg/m²). */
export function thicknessFromNcmArealMass_m(
  ncmArealMass_kg_per_m2: number,
  basis: ElectrodeLoadingBasis,
): number {
  assertPositive('ncmArealMass_kg_per_m2', ncmArealMass_kg_per_m2);
  assertBasis(basis);
  return ncmArealMass_kg_per_m2 / (basis.ncmDensity_kg_per_m3 * basis.ncmVolumeFraction);
}

/** Areal capacity (C/m²) of an electrode of thickness L. */
export function arealCapacityFromThickness_C_per_m2(
  thickness_m: number,
  basis: ElectrodeLoadingBasis,
): number {
  return ncmArealMassFromThickness_kg_per_m2(thickness_m, basis) * basis.specificCapacity_C_per_kg;
}

/** Electrode thickness (m) that holds a given areal capacity (C/m²). */
export function thicknessFromArealCapacity_m(
  arealCapacity_C_per_m2: number,
  basis: ElectrodeLoadingBasis,
): number {
  assertPositive('arealCapacity_C_per_m2', arealCapacity_C_per_m2);
  assertBasis(basis);
  return thicknessFromNcmArealMass_m(
    arealCapacity_C_per_m2 / basis.specificCapacity_C_per_kg,
    basis,
  );
}
