// Per-voxel conductivity of a voxel grid: a lookup table by phase label plus the sub-voxel carbon
// mixing rule, validated against the phase conductivity map of a TransportQuery.
import { type ElectrodePhase, invalidInput, PhaseLabel } from '@solidcell/core';

/** Phases that have a voxel label (binder has none and is ignored by voxel solves). */
export const LABELLED_PHASES = ['pore', 'ncm', 'se', 'carbon'] as const;

/**
 * Conductivity of every voxel label (S/m); NaN for labels that are not a {@link PhaseLabel}.
 *
 * @param phaseConductivity_S_per_m - bulk conductivity of each phase (S/m), finite and ≥ 0.
 * @throws SolidCellError `E_INVALID_INPUT` naming the phase for a negative or non-finite value.
 */
export function labelConductivityTable(
  phaseConductivity_S_per_m: Readonly<Record<ElectrodePhase, number>>,
): Float64Array {
  const table = new Float64Array(256).fill(Number.NaN);
  for (const phase of LABELLED_PHASES) {
    const value = phaseConductivity_S_per_m[phase];
    if (typeof value !== 'number' || !Number.isFinite(value) || value < 0) {
      invalidInput(`phaseConductivity_S_per_m.${phase}`, value, 'a finite conductivity ≥ 0 S/m');
    }
    table[PhaseLabel[phase]] = value;
  }
  return table;
}

/**
 * Conductivity of a voxel with label conductivity σ_label that holds a sub-voxel carbon volume
 * fraction f (S/m).
 *
 * @remarks
 * Parallel (Voigt, arithmetic) mixing σ = (1 − f) σ_label + f σ_carbon: the sub-voxel carbon is
 * taken to be connected along the current, the upper Wiener bound of the voxel. It is exact for
 * strands (fibres) aligned with the local current and overestimates isolated sub-voxel specks;
 * resolve carbon on the grid where that matters.
 * @param sigmaLabel_S_per_m - conductivity of the voxel's labelled phase (S/m).
 * @param carbonFraction - sub-voxel carbon volume fraction, 0–1.
 * @param sigmaCarbon_S_per_m - carbon conductivity (S/m).
 */
export function mixedVoxelConductivity_S_per_m(
  sigmaLabel_S_per_m: number,
  carbonFraction: number,
  sigmaCarbon_S_per_m: number,
): number {
  return (1 - carbonFraction) * sigmaLabel_S_per_m + carbonFraction * sigmaCarbon_S_per_m;
}
