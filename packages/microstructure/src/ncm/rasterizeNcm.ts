// Voxelises the packed spheres and hits the NCM voxel count exactly by thresholding a depth score.
import { PhaseLabel, SolidCellError } from '@solidcell/core';
import { type GridGeometry, wrapIndex } from '../grid/GridGeometry.js';
import type { Sphere } from './SphereIndex.js';

/** Result of {@link rasterizeNcm}. */
export interface NcmRaster {
  /** Labels with NCM = 1 and every other voxel SE = 2 (x fastest). */
  readonly labels: Uint8Array;
  /** Index of the sphere that owns each NCM voxel, −1 elsewhere. */
  readonly owner: Int32Array;
  /**
   * Radius scale s = 1 − t of the threshold t: the NCM phase is (up to ties at the threshold)
   * the union of the spheres with radii s·r. s > 1 means particles were swollen (compacted).
   */
  readonly radiusScale: number;
}

/** Bytes per voxel {@link rasterizeNcm} allocates: score float32 4, owner int32 4, labels 1. */
export const NCM_RASTER_BYTES_PER_VOXEL = 9;

/**
 * Voxelises spheres so that exactly `targetCount` voxels are NCM.
 *
 * @remarks
 * Every voxel centre p gets the depth score S(p) = max_i (1 − |p − c_i| / r_i) (1 at a centre,
 * 0 on a surface, negative outside), evaluated up to a relative growth `maxGrowth` beyond each
 * surface. The `targetCount` voxels with the highest scores become NCM (ties broken by voxel
 * index, so the result is deterministic). Thresholding at S ≥ t is the same as scaling every
 * radius by 1 − t: spheres shrink when the packing overshoots and swell into each other
 * (limited-overlap compaction) when it falls short.
 * @throws SolidCellError `E_SOLVER_NOT_CONVERGED` when the spheres, even swollen by
 * `maxGrowth`, cover fewer voxels than the target.
 */
export function rasterizeNcm(
  grid: GridGeometry,
  spheres: readonly Sphere[],
  targetCount: number,
  maxGrowth: number,
): NcmRaster {
  const { nx, ny, nz, periodic } = grid;
  const total = nx * ny * nz;
  const score = new Float32Array(total).fill(Number.NEGATIVE_INFINITY);
  const owner = new Int32Array(total).fill(-1);
  spheres.forEach((s, k) => {
    const reach = s.radius * (1 + maxGrowth);
    const z0 = Math.floor(s.z - reach - 0.5);
    const z1 = Math.ceil(s.z + reach - 0.5);
    const y0 = Math.floor(s.y - reach - 0.5);
    const y1 = Math.ceil(s.y + reach - 0.5);
    const x0 = Math.floor(s.x - reach - 0.5);
    const x1 = Math.ceil(s.x + reach - 0.5);
    const invR = 1 / s.radius;
    const reach2 = reach * reach;
    for (let zi = z0; zi <= z1; zi++) {
      if (!periodic && (zi < 0 || zi >= nz)) continue;
      const dz = zi + 0.5 - s.z;
      const z = periodic ? wrapIndex(zi, nz) : zi;
      for (let yi = y0; yi <= y1; yi++) {
        if (!periodic && (yi < 0 || yi >= ny)) continue;
        const dy = yi + 0.5 - s.y;
        const dyz2 = dy * dy + dz * dz;
        if (dyz2 > reach2) continue;
        const rowBase = nx * ((periodic ? wrapIndex(yi, ny) : yi) + ny * z);
        for (let xi = x0; xi <= x1; xi++) {
          if (!periodic && (xi < 0 || xi >= nx)) continue;
          const dx = xi + 0.5 - s.x;
          const d2 = dx * dx + dyz2;
          if (d2 > reach2) continue;
          const value = 1 - Math.sqrt(d2) * invR;
          const i = rowBase + (periodic ? wrapIndex(xi, nx) : xi);
          if (value > score[i]!) {
            score[i] = value;
            owner[i] = k;
          }
        }
      }
    }
  });
  let finite = 0;
  for (let i = 0; i < total; i++) if (score[i]! > Number.NEGATIVE_INFINITY) finite++;
  if (finite < targetCount) {
    throw new SolidCellError(
      'E_SOLVER_NOT_CONVERGED',
      `NCM packing covers only ${finite} of the ${targetCount} voxels needed even with particles swollen by ${maxGrowth * 100}% (${spheres.length} particles); lower the NCM fraction, raise maxOverlap or use a larger box`,
      { field: 'volumeFractions.ncm', value: targetCount / total, allowed: 'a packable fraction' },
    );
  }
  const labels = new Uint8Array(total).fill(PhaseLabel.se);
  if (targetCount === 0) {
    owner.fill(-1);
    return { labels, owner, radiusScale: 1 };
  }
  const values = new Float32Array(finite);
  let j = 0;
  for (let i = 0; i < total; i++) if (score[i]! > Number.NEGATIVE_INFINITY) values[j++] = score[i]!;
  values.sort();
  const threshold = values[finite - targetCount]!;
  let count = 0;
  for (let i = 0; i < total; i++) {
    if (score[i]! > threshold) {
      labels[i] = PhaseLabel.ncm;
      count++;
    }
  }
  for (let i = 0; i < total && count < targetCount; i++) {
    if (score[i] === threshold) {
      labels[i] = PhaseLabel.ncm;
      count++;
    }
  }
  for (let i = 0; i < total; i++) if (labels[i] !== PhaseLabel.ncm) owner[i] = -1;
  return { labels, owner, radiusScale: 1 - threshold };
}
