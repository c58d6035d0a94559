// Turns a VoxelGrid and phase conductivities into the finest GridLevel along a transport axis:
// harmonic-mean face conductances with contact resistances in series (grain boundaries, particle
// and carbon contacts), half-voxel Dirichlet faces, and the conducting cluster that
// spans both electrodes (everything else is disconnected: zero conductances, no unknown).
import {
  type Axis,
  type ContactResistances_ohm_m2,
  invalidInput,
  type VoxelGrid,
} from '@solidcell/core';
import { voxelConductivity_S_per_m } from './conductivityTable.js';
import { applyContactResistances } from './contactFaces.js';
import { allocateLevel, type GridLevel, indexActiveRuns } from './solver/GridLevel.js';

/** Statistics of a built level. */
export interface ConductanceLevelStats {
  /** Voxels with σ > 0 (any phase, including sub-voxel carbon). */
  readonly conductingVoxels: number;
  /** Voxels of the conducting cluster connected to both electrode faces (the unknowns). */
  readonly activeVoxels: number;
}

/** The finest level of a voxel solve plus its normalisation. */
export interface ConductanceLevel {
  readonly level: GridLevel;
  /** Largest voxel conductivity (S/m); conductances are σ/σ_scale (dimensionless). */
  readonly sigmaScale_S_per_m: number;
  readonly stats: ConductanceLevelStats;
  /** Grid strides of solver axes (i, j, k) in the VoxelGrid's index. */
  readonly gridStrides: readonly [number, number, number];
}

/** Solver axis order (i = transport axis) for each transport axis. */
const AXIS_ORDER: Readonly<Record<Axis, readonly [0 | 1 | 2, 0 | 1 | 2, 0 | 1 | 2]>> = {
  x: [0, 1, 2],
  y: [1, 0, 2],
  z: [2, 0, 1],
};

/**
 * Builds the finest conductance level.
 *
 * @param grid - the voxel grid (lateral faces are treated as no-flux walls whatever `periodic`).
 * @param table - conductivity by label (S/m), see `labelConductivityTable`.
 * @param axis - transport axis.
 * @param scratch - a Float32Array of the level's padded size used for the voxel σ field, and an
 *   Int32Array of at least the voxel count used as the flood-fill queue (both clobbered).
 * @param contacts - area-specific contact resistances (Ω m², validated), see `contactFaces.ts`.
 * @throws SolidCellError `E_INVALID_INPUT` for an unknown label, inconsistent array sizes or a
 *   carbon fraction outside 0–1.
 */
export function buildConductanceLevel(
  grid: VoxelGrid,
  table: Float64Array,
  axis: Axis,
  scratch: { readonly sigma: Float32Array; readonly queue: Int32Array },
  contacts?: ContactResistances_ohm_m2,
): ConductanceLevel {
  const [gnx, gny, gnz] = grid.shape;
  const voxels = gnx * gny * gnz;
  if (grid.labels.length !== voxels) {
    invalidInput('grid.labels.length', grid.labels.length, `shape product ${voxels}`);
  }
  const carbon = grid.carbonFraction;
  if (carbon !== undefined && carbon.length !== voxels) {
    invalidInput('grid.carbonFraction.length', carbon.length, `shape product ${voxels}`);
  }
  const order = AXIS_ORDER[axis];
  const gridStrideOf = [1, gnx, gnx * gny] as const;
  const dims = [gnx, gny, gnz] as const;
  const nx = dims[order[0]];
  const ny = dims[order[1]];
  const nz = dims[order[2]];
  const si = gridStrideOf[order[0]];
  const sj = gridStrideOf[order[1]];
  const sk = gridStrideOf[order[2]];
  const level = allocateLevel(nx, ny, nz);
  const { sy, sz, gx, gy, gz } = level;
  const sigma = scratch.sigma;
  sigma.fill(0);

  // Voxel conductivities in solver order and their maximum.
  let sigmaMax = 0;
  let conducting = 0;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      const row = sz * (k + 1) + sy * (j + 1) + 1;
      const gRow = sj * j + sk * k;
      for (let i = 0; i < nx; i++) {
        const value = voxelConductivity_S_per_m(grid, table, gRow + si * i);
        sigma[row + i] = value;
        if (value > 0) conducting++;
        if (value > sigmaMax) sigmaMax = value;
      }
    }
  }
  if (sigmaMax === 0) {
    return {
      level,
      sigmaScale_S_per_m: 0,
      stats: { conductingVoxels: 0, activeVoxels: 0 },
      gridStrides: [si, sj, sk],
    };
  }
  const inv = 1 / sigmaMax;
  for (let p = 0; p < sigma.length; p++) sigma[p] = sigma[p]! * inv;

  // Harmonic-mean face conductances 2ab/(a+b) (0 when either side is 0: the tiny addend only
  // turns 0/0 into 0 and is below the rounding of any non-zero sum); ghost σ = 0 gives zero
  // lateral faces. Dirichlet faces at half a voxel: 2σ.
  for (let k = 1; k <= nz; k++) {
    for (let j = 1; j <= ny; j++) {
      const row = sz * k + sy * j;
      const last = row + nx;
      for (let p = row + 1; p <= last; p++) {
        const s = sigma[p]!;
        const east = sigma[p + 1]!;
        const north = sigma[p + sy]!;
        const up = sigma[p + sz]!;
        gx[p] = (2 * s * east) / (s + east + 1e-300);
        gy[p] = (2 * s * north) / (s + north + 1e-300);
        gz[p] = (2 * s * up) / (s + up + 1e-300);
      }
      gx[row] = 2 * sigma[row + 1]!;
      gx[last] = 2 * sigma[last]!;
    }
  }

  if (contacts !== undefined) {
    applyContactResistances(level, grid, [si, sj, sk], contacts, sigmaMax);
  }
  const marks = new Uint8Array(sigma.buffer, sigma.byteOffset, sigma.length);
  const activeVoxels = keepSpanningCluster(level, scratch.queue, marks);
  return {
    level: indexActiveRuns(level),
    sigmaScale_S_per_m: sigmaMax,
    stats: { conductingVoxels: conducting, activeVoxels },
    gridStrides: [si, sj, sk],
  };
}

/**
 * Flood-fills (depth-first) from the inlet and from the outlet through faces of positive conductance and zeroes
 * every face of cells not reached from both (isolated and dead-end-to-one-electrode clusters carry
 * no current). `marks` (a byte view of the σ scratch, 0/1/2/3 flags) is clobbered. Returns the number of
 * cells kept.
 */
function keepSpanningCluster(level: GridLevel, queue: Int32Array, marks: Uint8Array): number {
  const { nx, ny, nz, sy, sz, gx, gy, gz } = level;
  marks.fill(0);
  // The x ghosts are marked as reached from both sides so the fill never enters them through the
  // Dirichlet conductances; y/z ghosts are behind zero lateral conductances.
  for (let k = 1; k <= nz; k++) {
    for (let j = 1; j <= ny; j++) {
      const row = sz * k + sy * j;
      marks[row] = 3;
      marks[row + nx + 1] = 3;
    }
  }
  for (const [bit, face] of [
    [1, 0],
    [2, nx - 1],
  ] as const) {
    let tail = 0;
    for (let k = 1; k <= nz; k++) {
      for (let j = 1; j <= ny; j++) {
        const p = sz * k + sy * j + 1 + face;
        const g = face === 0 ? gx[p - 1]! : gx[p]!;
        if (g > 0) {
          marks[p] = marks[p]! | bit;
          queue[tail++] = p;
        }
      }
    }
    // Depth-first (stack) order: it stays near the last cell, so the conductances and marks it
    // reads are mostly in cache (a breadth-first front spans whole planes).
    while (tail > 0) {
      const p = queue[--tail]!;
      if (gx[p - 1]! > 0 && (marks[p - 1]! & bit) === 0) {
        marks[p - 1] = marks[p - 1]! | bit;
        queue[tail++] = p - 1;
      }
      if (gx[p]! > 0 && (marks[p + 1]! & bit) === 0) {
        marks[p + 1] = marks[p + 1]! | bit;
        queue[tail++] = p + 1;
      }
      if (gy[p - sy]! > 0 && (marks[p - sy]! & bit) === 0) {
        marks[p - sy] = marks[p - sy]! | bit;
        queue[tail++] = p - sy;
      }
      if (gy[p]! > 0 && (marks[p + sy]! & bit) === 0) {
        marks[p + sy] = marks[p + sy]! | bit;
        queue[tail++] = p + sy;
      }
      if (gz[p - sz]! > 0 && (marks[p - sz]! & bit) === 0) {
        marks[p - sz] = marks[p - sz]! | bit;
        queue[tail++] = p - sz;
      }
      if (gz[p]! > 0 && (marks[p + sz]! & bit) === 0) {
        marks[p + sz] = marks[p + sz]! | bit;
        queue[tail++] = p + sz;
      }
    }
  }
  let active = 0;
  for (let k = 1; k <= nz; k++) {
    for (let j = 1; j <= ny; j++) {
      const row = sz * k + sy * j;
      for (let p = row + 1; p <= row + nx; p++) {
        if (marks[p] === 3) {
          active++;
          continue;
        }
        if (gx[p - 1]! + gx[p]! + gy[p - sy]! + gy[p]! + gz[p - sz]! + gz[p]! === 0) continue;
        gx[p - 1] = 0;
        gx[p] = 0;
        gy[p - sy] = 0;
        gy[p] = 0;
        gz[p - sz] = 0;
        gz[p] = 0;
      }
    }
  }
  return active;
}
