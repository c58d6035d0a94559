// One level of the conductance hierarchy: a 7-point conductance graph on a ghost-padded grid, and
// the aggregation (2×2×2, Galerkin sum rescaled per direction) that builds the next coarser one.

/**
 * A 7-point conductance graph on an `nx × ny × nz` cell grid stored with one ghost layer on every
 * side (padded index p = (i+1) + sy (j+1) + sz (k+1), solver axis x = transport axis).
 *
 * @remarks
 * `gx[p]` is the (normalised, dimensionless) conductance between cell p and p+1; at i = −1 (the
 * ghost) it is the inlet Dirichlet conductance of cell (0, j, k), at i = nx−1 the outlet one.
 * `gy`/`gz` likewise along y/z; their ghost and last entries are 0 (no flux on lateral faces).
 * The diagonal is never stored: d = Σ of the six face conductances. A cell with d = 0 is
 * inactive (outside the conducting cluster) and is skipped by every kernel.
 */
export interface GridLevel {
  readonly nx: number;
  readonly ny: number;
  readonly nz: number;
  /** Padded stride along y. */
  readonly sy: number;
  /** Padded stride along z. */
  readonly sz: number;
  /** Padded array length. */
  readonly size: number;
  readonly gx: Float32Array;
  readonly gy: Float32Array;
  readonly gz: Float32Array;
  /**
   * Active cells as maximal runs along x: run r covers padded indices
   * `runs[2r] ≤ p < runs[2r+1]`; runs are ordered by row (j, k) then i.
   * Empty until {@link indexActiveRuns} is called.
   */
  readonly runs: Int32Array;
  /** Runs of row (j, k) (0-based, row = j + ny k) are `rowStart[row] ≤ r < rowStart[row+1]`. */
  readonly rowStart: Int32Array;
}

/** Padded layout of an `nx × ny × nz` grid. */
export function paddedLayout(
  nx: number,
  ny: number,
  nz: number,
): { sy: number; sz: number; size: number } {
  const sy = nx + 2;
  const sz = sy * (ny + 2);
  return { sy, sz, size: sz * (nz + 2) };
}

/** Allocates a level with zero conductances. */
export function allocateLevel(nx: number, ny: number, nz: number): GridLevel {
  const { sy, sz, size } = paddedLayout(nx, ny, nz);
  return {
    nx,
    ny,
    nz,
    sy,
    sz,
    size,
    gx: new Float32Array(size),
    gy: new Float32Array(size),
    gz: new Float32Array(size),
    runs: new Int32Array(0),
    rowStart: new Int32Array(ny * nz + 1),
  };
}

/**
 * Returns the level with its active cells (diagonal Σ g > 0) indexed as runs along x, so that
 * every kernel visits active cells only, in branch-free contiguous inner loops. Costs 8 bytes per
 * run plus 4 per row.
 */
export function indexActiveRuns(level: GridLevel): GridLevel {
  const { nx, ny, nz, sy, sz, gx, gy, gz } = level;
  const rowStart = new Int32Array(ny * nz + 1);
  let runs = new Int32Array(1024);
  let count = 0;
  let row = 0;
  for (let k = 1; k <= nz; k++) {
    for (let j = 1; j <= ny; j++) {
      rowStart[row] = count >> 1;
      row++;
      const base = sz * k + sy * j;
      let open = false;
      for (let p = base + 1; p <= base + nx + 1; p++) {
        const active =
          p <= base + nx && gx[p - 1]! + gx[p]! + gy[p - sy]! + gy[p]! + gz[p - sz]! + gz[p]! > 0;
        if (active === open) continue;
        if (count + 2 > runs.length) {
          const grown = new Int32Array(runs.length * 2);
          grown.set(runs);
          runs = grown;
        }
        runs[count++] = p;
        open = active;
      }
    }
  }
  rowStart[row] = count >> 1;
  return { ...level, runs: runs.slice(0, count), rowStart };
}

/** Whether {@link coarsenLevel} can reduce this level. */
export function canCoarsen(level: GridLevel): boolean {
  return level.nx > 1 || level.ny > 1 || level.nz > 1;
}

/**
 * Aggregates 2×2×2 blocks (1 along an axis of length 1; the last block along an odd axis is
 * one cell thick).
 *
 * @remarks
 * The coarse conductance across a block face is the sum of the fine face conductances crossing it
 * (exact Galerkin PᵀAP for piecewise-constant P) times 1/a, a = aggregation factor along that face
 * normal. Pure Galerkin aggregation overestimates the coarse operator by a factor 2 per level for
 * a smooth field; the 1/a factor restores the rediscretised conductance σ·A/L of the coarse cell
 * while keeping every coarse conductance a non-negative sum of fine ones. Hence insulating voxels
 * stay insulating, 1000:1 contrasts are summed, not averaged away, the coarse matrix stays SPD on
 * the active set, and a block is active exactly when it contains an active fine cell.
 */
export function coarsenLevel(fine: GridLevel, scale = 1): GridLevel {
  const { nx, ny, nz, sy, sz, gx, gy, gz } = fine;
  const ax = nx > 1 ? 2 : 1;
  const ay = ny > 1 ? 2 : 1;
  const az = nz > 1 ? 2 : 1;
  const coarse = allocateLevel(Math.ceil(nx / ax), Math.ceil(ny / ay), Math.ceil(nz / az));
  const cgx = coarse.gx;
  const cgy = coarse.gy;
  const cgz = coarse.gz;
  const csy = coarse.sy;
  const csz = coarse.sz;
  const fx = scale / ax;
  const fy = scale / ay;
  const fz = scale / az;
  for (let k = 0; k < nz; k++) {
    const K = Math.floor(k / az);
    const zFace = az === 1 || (k & 1) === 1 || k === nz - 1;
    for (let j = 0; j < ny; j++) {
      const J = Math.floor(j / ay);
      const yFace = ay === 1 || (j & 1) === 1 || j === ny - 1;
      const row = sz * (k + 1) + sy * (j + 1) + 1;
      const crow = csz * (K + 1) + csy * (J + 1) + 1;
      // Inlet Dirichlet conductances of this row go to the coarse inlet ghost.
      cgx[crow - 1]! += fx * gx[row - 1]!;
      for (let i = 0; i < nx; i++) {
        const p = row + i;
        const P = crow + (ax === 1 ? i : i >> 1);
        if (ax === 1 || (i & 1) === 1 || i === nx - 1) cgx[P]! += fx * gx[p]!;
        if (yFace) cgy[P]! += fy * gy[p]!;
        if (zFace) cgz[P]! += fz * gz[p]!;
      }
    }
  }
  return indexActiveRuns(coarse);
}

/**
 * Padded index in `coarse` (built by {@link coarsenLevel}) of the block holding each fine cell,
 * given the fine cells' padded indices.
 */
export function blockParents(
  fine: GridLevel,
  positions: Int32Array,
  coarse: GridLevel,
): Int32Array {
  const ax = coarse.nx < fine.nx ? 1 : 0;
  const ay = coarse.ny < fine.ny ? 1 : 0;
  const az = coarse.nz < fine.nz ? 1 : 0;
  const parent = new Int32Array(positions.length);
  for (let c = 0; c < positions.length; c++) {
    const p = positions[c]!;
    const k = Math.floor(p / fine.sz) - 1;
    const j = Math.floor((p % fine.sz) / fine.sy) - 1;
    const i = (p % fine.sy) - 1;
    parent[c] = coarse.sz * ((k >> az) + 1) + coarse.sy * ((j >> ay) + 1) + (i >> ax) + 1;
  }
  return parent;
}
