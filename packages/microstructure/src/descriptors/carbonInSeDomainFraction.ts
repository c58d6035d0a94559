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
  const { nx, ny, nz, periodic } = grid;
  // Two smallest surface distances per voxel, accumulated sphere by sphere (each sphere visits
  // each voxel at most once: loop ranges are capped at one box length per axis).
  const first = new Float32Array(total).fill(Number.POSITIVE_INFINITY);
  const second = new Float32Array(total).fill(Number.POSITIVE_INFINITY);
  const range = (c: number, reach: number, n: number): [number, number] => {
    const lo = Math.floor(c - reach - 0.5);
    const hi = Math.ceil(c + reach - 0.5);
    return periodic ? [lo, Math.min(hi, lo + n - 1)] : [Math.max(0, lo), Math.min(n - 1, hi)];
  };
  const wrap = (i: number, n: number) => (periodic ? ((i % n) + n) % n : i);
  for (const s of particles.spheres) {
    const reach = s.radius + gapWidth;
    const [z0, z1] = range(s.z, reach, nz);
    const [y0, y1] = range(s.y, reach, ny);
    const [x0, x1] = range(s.x, reach, nx);
    for (let zi = z0; zi <= z1; zi++) {
      const dz = zi + 0.5 - s.z;
      const zBase = nx * ny * wrap(zi, nz);
      for (let yi = y0; yi <= y1; yi++) {
        const dy = yi + 0.5 - s.y;
        const yBase = zBase + nx * wrap(yi, ny);
        for (let xi = x0; xi <= x1; xi++) {
          const dx = xi + 0.5 - s.x;
          const d = Math.sqrt(dx * dx + dy * dy + dz * dz) - s.radius;
          if (d > gapWidth) continue;
          const i = yBase + wrap(xi, nx);
          const value = Math.max(0, d);
          if (value < first[i]!) {
            second[i] = first[i]!;
            first[i] = value;
          } else if (value < second[i]!) second[i] = value;
        }
      }
    }
  }
  for (let i = 0; i < total; i++) {
    const w = carbonVolume(i);
    if (w <= 0) continue;
    all += w;
    if (first[i]! + second[i]! > gapWidth) inSe += w;
  }
  return all > 0 ? inSe / all : 0;
}
