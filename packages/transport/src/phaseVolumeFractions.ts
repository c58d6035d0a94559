// Volume fractions of the labelled phases of a voxel grid, sub-voxel carbon included.
import type { VoxelGrid } from '@solidcell/core';

/** Volume fractions (0–1) of the four labelled phases of a voxel grid. */
export interface LabelledVolumeFractions {
  readonly pore: number;
  readonly ncm: number;
  readonly se: number;
  readonly carbon: number;
}

/**
 * Measures phase volume fractions on a grid; a voxel with sub-voxel carbon fraction f counts f
 * towards carbon and 1 − f towards its labelled phase.
 */
export function phaseVolumeFractions(grid: VoxelGrid): LabelledVolumeFractions {
  const counts = new Float64Array(4);
  const { labels, carbonFraction } = grid;
  for (let index = 0; index < labels.length; index++) {
    const label = labels[index]!;
    const f = carbonFraction?.[index] ?? 0;
    if (label < 4) counts[label] = counts[label]! + 1 - f;
    counts[3] = counts[3]! + f;
  }
  const n = labels.length || 1;
  return { pore: counts[0]! / n, ncm: counts[1]! / n, se: counts[2]! / n, carbon: counts[3]! / n };
}
