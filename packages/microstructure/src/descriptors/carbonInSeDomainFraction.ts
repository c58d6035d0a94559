// β of parameters.md §6.1 measured on a voxel grid: the share of the carbon volume that sits in
// the SE domain rather than in the narrow NCM–NCM gaps (crevices around particle contacts).
import { PhaseLabel } from '@solidcell/core';
import type { GridGeometry } from '../grid/GridGeometry.js';
import type { SphereIndex } from '../ncm/SphereIndex.js';
import { squaredDistanceTransform } from './distanceTransform.js';

/**
 * Fraction of the carbon volume inside the SE domain (β, 0–1).
 *
 * @remarks
 * Definition: a point of the non-NCM space belongs to an NCM–NCM gap when d₁ + d₂ ≤ w, where
 * d₁ ≤ d₂ are its distances to the surfaces of the two nearest NCM particles and w is the gap
 * width an SE particle cannot enter (default w = 2 R_SE = 3 µm, the SE particle diameter of
 * parameters.md §3). d₁ + d₂ is the local width of the gap through the point. Everything else of
 * the non-NCM space is the SE domain. β = (carbon volume in the SE domain) / (carbon volume),
 * evaluated at voxel centres and weighted by each voxel's carbon volume (1 for a carbon voxel, the
 * carbon fraction for a sub-voxel one). With no particle list (a grid from elsewhere) d₂ is
 * approximated by d₁ (symmetric crevice) using the distance transform of the NCM voxels. 0 when
 * there is no carbon.
 * @param gapWidth - w in voxel units.
 */
export function carbonInSeDomainFraction(
  grid: GridGeometry,
  labels: Uint8Array,
  carbonFraction: Float32Array | undefined,
  gapWidth: number,
  particles?: SphereIndex,
): number {
  const total = labels.length;
  const carbonVolume = (i: number): number =>
    labels[i] === PhaseLabel.carbon ? 1 : (carbonFraction?.[i] ?? 0);
  let all = 0;
  let inSe = 0;
  if (particles === undefined) {
    const ncm = new Uint8Array(total);
    for (let i = 0; i < total; i++) ncm[i] = labels[i] === PhaseLabel.ncm ? 1 : 0;
    const d2 = squaredDistanceTransform(grid, ncm);
    for (let i = 0; i < total; i++) {
      const w = carbonVolume(i);
      if (w <= 0) continue;
      all += w;
      if (2 * Math.max(0, Math.sqrt(d2[i]!) - 0.5) > gapWidth) inSe += w;
    }
    return all > 0 ? inSe / all : 0;
  }
  const { nx, ny } = grid;
  const maxRadius = particles.spheres.reduce((m, s) => Math.max(m, s.radius), 0);
  for (let i = 0; i < total; i++) {
    const w = carbonVolume(i);
    if (w <= 0) continue;
    all += w;
    const x = (i % nx) + 0.5;
    const y = (Math.floor(i / nx) % ny) + 0.5;
    const z = Math.floor(i / (nx * ny)) + 0.5;
    let d1 = Number.POSITIVE_INFINITY;
    let d2 = Number.POSITIVE_INFINITY;
    particles.forEachNear(x, y, z, gapWidth + maxRadius, (k, dx, dy, dz) => {
      const d = Math.max(0, Math.sqrt(dx * dx + dy * dy + dz * dz) - particles.spheres[k]!.radius);
      if (d < d1) {
        d2 = d1;
        d1 = d;
      } else if (d < d2) d2 = d;
      return false;
    });
    if (d1 + d2 > gapWidth) inSe += w;
  }
  return all > 0 ? inSe / all : 0;
}
