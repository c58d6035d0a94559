// Residual porosity: small spherical pores carved out of carbon-free SE voxels, exact count.
import { PhaseLabel, type Random, SolidCellError } from '@solidcell/core';
import { type GridGeometry, wrapIndex } from '../grid/GridGeometry.js';

/**
 * Turns exactly `targetCount` SE voxels without carbon into pores (the generator calls it before carbon placement, so every non-NCM voxel qualifies).
 *
 * @remarks
 * Pores are balls of radius `radius` (voxel units) centred on random carbon-free SE voxels; each
 * ball converts only carbon-free SE voxels and the last one stops at the exact count. Residual
 * pores of cold-pressed sulfide composites sit in the SE (model.md §1); their size is a
 * low-confidence default. Bounded: at most 50 × target + 10 000 trial centres.
 * @throws SolidCellError `E_SOLVER_NOT_CONVERGED` when not enough SE is left.
 */
export function placePores(
  grid: GridGeometry,
  labels: Uint8Array,
  carbonFraction: Float32Array,
  targetCount: number,
  radius: number,
  random: Random,
): void {
  const { nx, ny, nz, periodic } = grid;
  const total = nx * ny * nz;
  const free = (i: number) => labels[i] === PhaseLabel.se && carbonFraction[i] === 0;
  let count = 0;
  const maxTrials = 50 * targetCount + 10_000;
  const r = Math.max(radius, 0.5);
  const reach = Math.ceil(r);
  for (let trial = 0; trial < maxTrials && count < targetCount; trial++) {
    const centre = random.nextInt(total);
    if (!free(centre)) continue;
    const cx = centre % nx;
    const cy = Math.floor(centre / nx) % ny;
    const cz = Math.floor(centre / (nx * ny));
    for (let dz = -reach; dz <= reach && count < targetCount; dz++) {
      for (let dy = -reach; dy <= reach && count < targetCount; dy++) {
        for (let dx = -reach; dx <= reach && count < targetCount; dx++) {
          if (dx * dx + dy * dy + dz * dz > r * r) continue;
          let x = cx + dx;
          let y = cy + dy;
          let z = cz + dz;
          if (periodic) {
            x = wrapIndex(x, nx);
            y = wrapIndex(y, ny);
            z = wrapIndex(z, nz);
          } else if (x < 0 || y < 0 || z < 0 || x >= nx || y >= ny || z >= nz) continue;
          const i = x + nx * (y + ny * z);
          if (!free(i)) continue;
          labels[i] = PhaseLabel.pore;
          count++;
        }
      }
    }
  }
  if (count < targetCount) {
    throw new SolidCellError(
      'E_SOLVER_NOT_CONVERGED',
      `could place only ${count} of ${targetCount} pore voxels in the carbon-free SE; lower the porosity`,
      {
        field: 'volumeFractions.pore',
        value: targetCount / total,
        allowed: 'a fraction the SE can hold',
      },
    );
  }
}
