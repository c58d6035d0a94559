// Per-voxel conductivity of a voxel grid: a lookup table by phase label plus the sub-voxel carbon
// mixing rule, validated against the phase conductivity map of a TransportQuery.
import { type ElectrodePhase, invalidInput, PhaseLabel, type VoxelGrid } from '@solidcell/core';

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

/**
 * Conductivity of voxel `index` of `grid` as the voxel solve sees it (S/m): its label's entry of
 * `table` (from {@link labelConductivityTable}) mixed with its sub-voxel carbon fraction.
 *
 * @throws SolidCellError `E_INVALID_INPUT` naming the voxel for an unknown label or a carbon
 *   fraction outside 0–1.
 */
export function voxelConductivity_S_per_m(
  grid: VoxelGrid,
  table: Float64Array,
  index: number,
): number {
  const label = grid.labels[index]!;
  const sigmaLabel_S_per_m = table[label]!;
  if (Number.isNaN(sigmaLabel_S_per_m)) {
    invalidInput(`grid.labels[${index}]`, label, 'a PhaseLabel 0–3');
  }
  const f = grid.carbonFraction?.[index] ?? 0;
  if (!(f >= 0 && f <= 1)) invalidInput(`grid.carbonFraction[${index}]`, f, 'a fraction 0–1');
  return f > 0
    ? mixedVoxelConductivity_S_per_m(sigmaLabel_S_per_m, f, table[PhaseLabel.carbon]!)
    : sigmaLabel_S_per_m;
}
