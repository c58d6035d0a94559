// Random sequential addition of polydisperse NCM spheres with a bounded-overlap rule.
import type { Random } from '@solidcell/core';
import type { GridGeometry } from '../grid/GridGeometry.js';
import { type Sphere, SphereIndex } from './SphereIndex.js';

/** Options of {@link packNcmSpheres}; lengths in voxel units. */
export interface PackSpheresOptions {
  /** Radii to place, largest first (voxels). */
  readonly radii: readonly number[];
  /**
   * Largest allowed overlap as a fraction of the sum of radii: centres keep at least
   * (1 − maxOverlap)(r_i + r_j) apart (0 = hard spheres).
   */
  readonly maxOverlap: number;
  /** Random trial positions per sphere before it is skipped. */
  readonly attemptsPerSphere: number;
}

/**
 * Places spheres one by one at uniformly random centres, accepting a trial position when it
 * respects the bounded-overlap rule with every placed sphere; a sphere that finds no place after
 * `attemptsPerSphere` trials is skipped. Bounded work: at most radii × attempts trials.
 *
 * @returns the placed spheres (voxel units), in placement order.
 */
export function packNcmSpheres(
  grid: GridGeometry,
  random: Random,
  options: PackSpheresOptions,
): Sphere[] {
  const maxRadius = options.radii.reduce((m, r) => Math.max(m, r), 0);
  const index = new SphereIndex(grid, 2 * maxRadius);
  const keep = 1 - options.maxOverlap;
  for (const radius of options.radii) {
    for (let attempt = 0; attempt < options.attemptsPerSphere; attempt++) {
      const x = random.nextFloat() * grid.nx;
      const y = random.nextFloat() * grid.ny;
      const z = random.nextFloat() * grid.nz;
      let blocked = false;
      index.forEachNear(x, y, z, keep * (radius + maxRadius), (i, dx, dy, dz) => {
        const minDistance = keep * (radius + index.spheres[i]!.radius);
        if (dx * dx + dy * dy + dz * dz < minDistance * minDistance) {
          blocked = true;
          return true;
        }
        return false;
      });
      if (!blocked) {
        index.add({ x, y, z, radius });
        break;
      }
    }
  }
  return index.spheres;
}
