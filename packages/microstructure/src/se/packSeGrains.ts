// Particulate solid electrolyte: SE particles (log-normal sizes) packed into the space the NCM
// leaves, then densified as cold pressing does — the soft SE flows into the voids (grows from its
// particle surfaces) while the hard NCM keeps its shape — keeping each SE grain's identity.
import { PhaseLabel, type Random, SolidCellError } from '@solidcell/core';
import { type GridGeometry, wrapIndex } from '../grid/GridGeometry.js';
import { type Sphere, SphereIndex } from '../ncm/SphereIndex.js';

/** Options of {@link packSeParticles}; lengths in voxel units. */
export interface PackSeOptions {
  /** SE particle radii to offer, largest first (voxels). */
  readonly radii: readonly number[];
  /**
   * Largest overlap of an SE particle with an NCM or SE particle as a fraction of r_i + r_j: the
   * soft SE is indented by its neighbours during pressing (0 = hard spheres).
   */
  readonly maxOverlap: number;
  /** Random trial positions per particle before it is skipped. */
  readonly attemptsPerParticle: number;
}

/**
 * Places SE particles by random sequential addition among the (already placed, effective) NCM
 * spheres: a trial centre must lie in a non-NCM voxel and keep (1 − maxOverlap)(r_i + r_j) from
 * every NCM and SE centre. Particles that find no place are skipped (the densification step
 * fills their volume). Bounded: at most radii × attempts trials.
 *
 * @returns the placed SE particles (voxel units), in placement order (index = grain id).
 */
export function packSeParticles(
  grid: GridGeometry,
  labels: Uint8Array,
  ncm: SphereIndex,
  random: Random,
  options: PackSeOptions,
): Sphere[] {
  const maxSe = options.radii.reduce((m, r) => Math.max(m, r), 0);
  const maxNcm = ncm.spheres.reduce((m, s) => Math.max(m, s.radius), 0);
  const se = new SphereIndex(grid, 2 * Math.max(1, maxSe));
  const keep = 1 - options.maxOverlap;
  const blockedBy = (
    index: SphereIndex,
    reach: number,
    x: number,
    y: number,
    z: number,
    r: number,
  ) => {
    let blocked = false;
    index.forEachNear(x, y, z, reach, (i, dx, dy, dz) => {
      const min = keep * (r + index.spheres[i]!.radius);
      if (dx * dx + dy * dy + dz * dz < min * min) blocked = true;
      return blocked;
    });
    return blocked;
  };
  for (const radius of options.radii) {
    for (let attempt = 0; attempt < options.attemptsPerParticle; attempt++) {
      const x = random.nextFloat() * grid.nx;
      const y = random.nextFloat() * grid.ny;
      const z = random.nextFloat() * grid.nz;
      const voxel = Math.floor(x) + grid.nx * (Math.floor(y) + grid.ny * Math.floor(z));
      if (labels[voxel] === PhaseLabel.ncm) continue;
      if (blockedBy(ncm, keep * (radius + maxNcm), x, y, z, radius)) continue;
      if (blockedBy(se, keep * (radius + maxSe), x, y, z, radius)) continue;
      se.add({ x, y, z, radius });
      break;
    }
  }
  return se.spheres;
}

/** Result of {@link densifySe}. */
export interface SeDensification {
  /** Grain (SE particle index) owning each SE-domain voxel, −1 elsewhere. */
  readonly grain: Int32Array;
  /**
   * Distance (voxels) the SE had to flow beyond its particle surfaces to fill the SE domain:
   * negative when the particles, indented by their neighbours, more than fill it.
   */
  readonly flowDistance_voxels: number;
}

/** Bytes per voxel {@link densifySe} allocates: score float32 4, grain int32 4. */
export const SE_DENSIFY_BYTES_PER_VOXEL = 8;

/**
 * Densifies the SE: of the non-NCM voxels, exactly `targetCount` become SE domain — those
 * nearest to an SE particle surface (score |p − c_i| − r_i, the additively weighted Voronoi
 * distance), each owned by the nearest particle's grain; the rest stay void (pores). Equivalent to
 * every SE particle flowing by the same distance into the surrounding voids, as a soft solid under
 * uniform pressure does; the voids left are those farthest from any SE particle (NCM crevices
 * when the SE is coarse). Ties at the threshold are broken by voxel index (deterministic).
 * Labels: selected voxels become SE, other non-NCM voxels pore.
 * @throws SolidCellError `E_SOLVER_NOT_CONVERGED` when no SE particle could be placed.
 */
export function densifySe(
  grid: GridGeometry,
  labels: Uint8Array,
  particles: readonly Sphere[],
  targetCount: number,
): SeDensification {
  const { nx, ny, nz, periodic } = grid;
  const total = nx * ny * nz;
  if (particles.length === 0 && targetCount > 0) {
    throw new SolidCellError(
      'E_SOLVER_NOT_CONVERGED',
      'no SE particle fits between the NCM particles (SE particles larger than the gaps)',
      {
        field: 'seParticles.d50_m',
        value: undefined,
        allowed: 'SE particles smaller than the NCM gaps',
      },
    );
  }
  const score = new Float32Array(total).fill(Number.POSITIVE_INFINITY);
  const grain = new Int32Array(total).fill(-1);
  let reach = Math.max(
    2,
    particles.reduce((m, s) => Math.max(m, s.radius), 0),
  );
  const edge = Math.max(nx, ny, nz);
  for (;;) {
    let reached = 0;
    score.fill(Number.POSITIVE_INFINITY);
    for (const [id, s] of particles.entries()) {
      const outer = s.radius + reach;
      for (let zi = Math.floor(s.z - outer); zi <= Math.ceil(s.z + outer); zi++) {
        const z = periodic ? wrapIndex(zi, nz) : zi;
        if (z < 0 || z >= nz) continue;
        const dz = zi + 0.5 - s.z;
        for (let yi = Math.floor(s.y - outer); yi <= Math.ceil(s.y + outer); yi++) {
          const y = periodic ? wrapIndex(yi, ny) : yi;
          if (y < 0 || y >= ny) continue;
          const dy = yi + 0.5 - s.y;
          const row = nx * (y + ny * z);
          for (let xi = Math.floor(s.x - outer); xi <= Math.ceil(s.x + outer); xi++) {
            const x = periodic ? wrapIndex(xi, nx) : xi;
            if (x < 0 || x >= nx) continue;
            const i = row + x;
            if (labels[i] === PhaseLabel.ncm) continue;
            const dx = xi + 0.5 - s.x;
            const d = Math.sqrt(dx * dx + dy * dy + dz * dz) - s.radius;
            if (d > reach) continue;
            if (d < score[i]!) {
              if (score[i] === Number.POSITIVE_INFINITY) reached++;
              score[i] = d;
              grain[i] = id;
            }
          }
        }
      }
    }
    if (reached >= targetCount || reach > edge) break;
    reach *= 2;
  }
  const finite: number[] = [];
  for (let i = 0; i < total; i++) if (score[i]! < Number.POSITIVE_INFINITY) finite.push(score[i]!);
  const sorted = Float32Array.from(finite).sort();
  if (sorted.length < targetCount) {
    throw new SolidCellError(
      'E_SOLVER_NOT_CONVERGED',
      `the SE reached only ${sorted.length} of ${targetCount} voxels of the SE domain`,
      {
        field: 'volumeFractions.se',
        value: targetCount / total,
        allowed: 'a fraction the non-NCM space can hold',
      },
    );
  }
  const threshold = targetCount > 0 ? sorted[Math.min(targetCount, sorted.length) - 1]! : -Infinity;
  let below = 0;
  for (let k = 0; k < sorted.length && sorted[k]! < threshold; k++) below++;
  let tiesLeft = targetCount - below;
  for (let i = 0; i < total; i++) {
    if (labels[i] === PhaseLabel.ncm) continue;
    const s = score[i]!;
    const take = s < threshold || (s === threshold && tiesLeft-- > 0);
    if (take) {
      labels[i] = PhaseLabel.se;
    } else {
      labels[i] = PhaseLabel.pore;
      grain[i] = -1;
    }
  }
  return { grain, flowDistance_voxels: threshold };
}
