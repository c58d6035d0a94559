// Hot loops of the voxel solver on a GridLevel: red–black Gauss–Seidel half sweeps, the operator
// product, fused residual + restriction, and piecewise-constant prolongation. No allocation.
import type { GridLevel } from './GridLevel.js';

/** Any float vector on the padded layout of a level (ghost entries must stay 0). */
export type LevelVector = Float32Array | Float64Array;

/**
 * One Gauss–Seidel half sweep over the cells of one colour ((i+j+k) mod 2 = colour) of A x = b.
 * Inactive cells (zero diagonal) are left untouched.
 */
export function smoothColour(
  level: GridLevel,
  b: LevelVector,
  x: LevelVector,
  colour: 0 | 1,
): void {
  const { nx, ny, nz, sy, sz, gx, gy, gz } = level;
  for (let k = 1; k <= nz; k++) {
    for (let j = 1; j <= ny; j++) {
      const row = sz * k + sy * j;
      const end = row + nx;
      for (let p = row + 1 + ((1 + j + k + colour) & 1); p <= end; p += 2) {
        const w = gx[p - 1]!;
        const e = gx[p]!;
        const s = gy[p - sy]!;
        const n = gy[p]!;
        const d = gz[p - sz]!;
        const u = gz[p]!;
        const diag = w + e + s + n + d + u;
        if (diag > 0) {
          x[p] =
            (b[p]! +
              w * x[p - 1]! +
              e * x[p + 1]! +
              s * x[p - sy]! +
              n * x[p + sy]! +
              d * x[p - sz]! +
              u * x[p + sz]!) /
            diag;
        }
      }
    }
  }
}

/** y = A x over all cells; returns x·y (float64 accumulation). */
export function applyOperator(level: GridLevel, x: LevelVector, y: LevelVector): number {
  const { nx, ny, nz, sy, sz, gx, gy, gz } = level;
  let dot = 0;
  for (let k = 1; k <= nz; k++) {
    for (let j = 1; j <= ny; j++) {
      const row = sz * k + sy * j;
      const end = row + nx;
      for (let p = row + 1; p <= end; p++) {
        const w = gx[p - 1]!;
        const e = gx[p]!;
        const s = gy[p - sy]!;
        const n = gy[p]!;
        const d = gz[p - sz]!;
        const u = gz[p]!;
        const xp = x[p]!;
        const value =
          (w + e + s + n + d + u) * xp -
          w * x[p - 1]! -
          e * x[p + 1]! -
          s * x[p - sy]! -
          n * x[p + sy]! -
          d * x[p - sz]! -
          u * x[p + sz]!;
        y[p] = value;
        dot += xp * value;
      }
    }
  }
  return dot;
}

/** x·A x (float64 accumulation) without storing A x. */
export function operatorEnergy(level: GridLevel, x: LevelVector): number {
  const { nx, ny, nz, sy, sz, gx, gy, gz } = level;
  let dot = 0;
  for (let k = 1; k <= nz; k++) {
    for (let j = 1; j <= ny; j++) {
      const row = sz * k + sy * j;
      const end = row + nx;
      for (let p = row + 1; p <= end; p++) {
        const w = gx[p - 1]!;
        const e = gx[p]!;
        const s = gy[p - sy]!;
        const n = gy[p]!;
        const d = gz[p - sz]!;
        const u = gz[p]!;
        const xp = x[p]!;
        dot +=
          xp *
          ((w + e + s + n + d + u) * xp -
            w * x[p - 1]! -
            e * x[p + 1]! -
            s * x[p - sy]! -
            n * x[p + sy]! -
            d * x[p - sz]! -
            u * x[p + sz]!);
      }
    }
  }
  return dot;
}

/**
 * Coarse right-hand side cb = Pᵀ (b − A x): the residual of every fine cell summed into its
 * aggregate (aggregation as in `coarsenLevel`). Ghost entries of `cb` stay 0.
 */
export function restrictResidual(
  fine: GridLevel,
  b: LevelVector,
  x: LevelVector,
  coarse: GridLevel,
  cb: LevelVector,
): void {
  const { nx, ny, nz, sy, sz, gx, gy, gz } = fine;
  const ax = coarse.nx < nx ? 1 : 0;
  const ay = coarse.ny < ny ? 1 : 0;
  const az = coarse.nz < nz ? 1 : 0;
  cb.fill(0);
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      const row = sz * (k + 1) + sy * (j + 1) + 1;
      const crow = coarse.sz * ((k >> az) + 1) + coarse.sy * ((j >> ay) + 1) + 1;
      for (let i = 0; i < nx; i++) {
        const p = row + i;
        const w = gx[p - 1]!;
        const e = gx[p]!;
        const s = gy[p - sy]!;
        const n = gy[p]!;
        const d = gz[p - sz]!;
        const u = gz[p]!;
        const r =
          b[p]! -
          (w + e + s + n + d + u) * x[p]! +
          w * x[p - 1]! +
          e * x[p + 1]! +
          s * x[p - sy]! +
          n * x[p + sy]! +
          d * x[p - sz]! +
          u * x[p + sz]!;
        cb[crow + (i >> ax)]! += r;
      }
    }
  }
}

/** x += P e: adds the coarse correction of every aggregate to its fine cells. */
export function prolongAdd(
  coarse: GridLevel,
  e: LevelVector,
  fine: GridLevel,
  x: LevelVector,
): void {
  const { nx, ny, nz, sy, sz } = fine;
  const ax = coarse.nx < nx ? 1 : 0;
  const ay = coarse.ny < ny ? 1 : 0;
  const az = coarse.nz < nz ? 1 : 0;
  for (let k = 0; k < nz; k++) {
    for (let j = 0; j < ny; j++) {
      const row = sz * (k + 1) + sy * (j + 1) + 1;
      const crow = coarse.sz * ((k >> az) + 1) + coarse.sy * ((j >> ay) + 1) + 1;
      for (let i = 0; i < nx; i++) {
        x[row + i]! += e[crow + (i >> ax)]!;
      }
    }
  }
}
