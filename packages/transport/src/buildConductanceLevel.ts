// Turns a VoxelGrid and phase conductivities into the finest GridLevel along a transport axis:
// harmonic-mean face conductances, half-voxel Dirichlet faces, and the conducting cluster that
// spans both electrodes (everything else is disconnected: zero conductances, no unknown).
import { type Axis, invalidInput, type VoxelGrid } from '@solidcell/core';
import { mixedVoxelConductivity_S_per_m } from './conductivityTable.js';
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
 * @throws SolidCellError `E_INVALID_INPUT` for an unknown label, inconsistent array sizes or a
 *   carbon fraction outside 0–1.
 */
export function buildConductanceLevel(
  grid: VoxelGrid,
  table: Float64Array,
  axis: Axis,
  scratch: { readonly sigma: Float32Array; readonly queue: Int32Array },
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
  const sigmaCarbon = table[3]!;
  let sigmaMax = 0;
  let conducting = 0;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      const row = sz * (k + 1) + sy * (j + 1) + 1;
      const gRow = sj * j + sk * k;
      for (let i = 0; i < nx; i++) {
        const g = gRow + si * i;
        const label = grid.labels[g]!;
        let value = table[label]!;
        if (Number.isNaN(value)) invalidInput(`grid.labels[${g}]`, label, 'a PhaseLabel 0–3');
        if (carbon !== undefined) {
          const f = carbon[g]!;
          if (!(f >= 0 && f <= 1)) invalidInput(`grid.carbonFraction[${g}]`, f, 'a fraction 0–1');
          if (f > 0) value = mixedVoxelConductivity_S_per_m(value, f, sigmaCarbon);
        }
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

  // Harmonic-mean face conductances; Dirichlet faces at half a voxel: 2σ.
  const harmonic = (a: number, b: number): number => (a > 0 && b > 0 ? (2 * a * b) / (a + b) : 0);
  for (let k = 1; k <= nz; k++) {
    for (let j = 1; j <= ny; j++) {
      const row = sz * k + sy * j;
      gx[row] = 2 * sigma[row + 1]!;
      for (let p = row + 1; p <= row + nx; p++) {
        const s = sigma[p]!;
        gx[p] = p === row + nx ? 2 * s : harmonic(s, sigma[p + 1]!);
        if (j < ny) gy[p] = harmonic(s, sigma[p + sy]!);
        if (k < nz) gz[p] = harmonic(s, sigma[p + sz]!);
      }
    }
  }

  const activeVoxels = keepSpanningCluster(level, scratch.queue, sigma);
  return {
    level: indexActiveRuns(level),
    sigmaScale_S_per_m: sigmaMax,
    stats: { conductingVoxels: conducting, activeVoxels },
    gridStrides: [si, sj, sk],
  };
}

/**
 * Flood-fills from the inlet and from the outlet through faces of positive conductance and zeroes
 * every face of cells not reached from both (isolated and dead-end-to-one-electrode clusters carry
 * no current). `marks` (the σ scratch, reused as 0/1/2/3 flags) is clobbered. Returns the number of
 * cells kept.
 */
function keepSpanningCluster(level: GridLevel, queue: Int32Array, marks: Float32Array): number {
  const { nx, ny, nz, sy, sz, gx, gy, gz } = level;
  marks.fill(0);
  for (const [bit, face] of [
    [1, 0],
    [2, nx - 1],
  ] as const) {
    let head = 0;
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
    while (head < tail) {
      const p = queue[head++]!;
      // Ghost neighbours are never entered: their connecting conductances are lateral zeros or
      // Dirichlet faces, which are excluded by the index checks below.
      const i = (p % sy) - 1;
      if (i > 0 && gx[p - 1]! > 0 && (marks[p - 1]! & bit) === 0) {
        marks[p - 1] = marks[p - 1]! | bit;
        queue[tail++] = p - 1;
      }
      if (i < nx - 1 && gx[p]! > 0 && (marks[p + 1]! & bit) === 0) {
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
