// Hot loops of the voxel solver on a GridLevel: red–black Gauss–Seidel half sweeps, the operator
// product, fused residual + restriction, prolongation and active-cell vector operations. Every
// kernel walks the level's active runs only (contiguous, branch-free inner loops); inactive cells
// are never read as unknowns nor written. No allocation.
import type { GridLevel } from './GridLevel.js';

/** Any float vector on the padded layout of a level (ghost and inactive entries stay 0). */
export type LevelVector = Float32Array | Float64Array;

/**
 * Parity that padded indices of colour `colour` have in row (j, k) (1-based padded j, k): cell
 * (i, j, k) has colour (i + j + k + 1) mod 2 with 0-based i, i.e. p ≡ base + j + k + colour.
 */
function rowParity(base: number, j: number, k: number, colour: 0 | 1): number {
  return (base + j + k + colour) & 1;
}

/**
 * One Gauss–Seidel half sweep over the active cells of one colour of A x = b.
 */
export function smoothColour(
  level: GridLevel,
  b: LevelVector,
  x: LevelVector,
  colour: 0 | 1,
): void {
  const { ny, nz, sy, sz, gx, gy, gz, runs, rowStart } = level;
  let row = 0;
  for (let k = 1; k <= nz; k++) {
    for (let j = 1; j <= ny; j++, row++) {
      const r0 = rowStart[row]!;
      const r1 = rowStart[row + 1]!;
      if (r0 === r1) continue;
      const t = rowParity(sz * k + sy * j, j, k, colour);
      for (let r = 2 * r0; r < 2 * r1; r += 2) {
        const start = runs[r]!;
        const end = runs[r + 1]!;
        for (let p = start + ((start ^ t) & 1); p < end; p += 2) {
          const w = gx[p - 1]!;
          const e = gx[p]!;
          const s = gy[p - sy]!;
          const n = gy[p]!;
          const d = gz[p - sz]!;
          const u = gz[p]!;
          x[p] =
            (b[p]! +
              w * x[p - 1]! +
              e * x[p + 1]! +
              s * x[p - sy]! +
              n * x[p + sy]! +
              d * x[p - sz]! +
              u * x[p + sz]!) /
            (w + e + s + n + d + u);
        }
      }
    }
  }
}

/**
 * The first colour-0 half sweep from a zero initial guess: x = b / diag on colour-0 cells (their
 * neighbours are all colour 1, still zero). Colour-1 entries of x are left stale: the colour-1
 * half sweep that must follow overwrites them.
 */
export function smoothFirstColour(level: GridLevel, b: LevelVector, x: LevelVector): void {
  const { ny, nz, sy, sz, gx, gy, gz, runs, rowStart } = level;
  let row = 0;
  for (let k = 1; k <= nz; k++) {
    for (let j = 1; j <= ny; j++, row++) {
      const r0 = rowStart[row]!;
      const r1 = rowStart[row + 1]!;
      if (r0 === r1) continue;
      const t = rowParity(sz * k + sy * j, j, k, 0);
      for (let r = 2 * r0; r < 2 * r1; r += 2) {
        const start = runs[r]!;
        const end = runs[r + 1]!;
        for (let p = start + ((start ^ t) & 1); p < end; p += 2) {
          x[p] = b[p]! / (gx[p - 1]! + gx[p]! + gy[p - sy]! + gy[p]! + gz[p - sz]! + gz[p]!);
        }
      }
    }
  }
}

/** y = A x over the active cells; returns x·y (float64 accumulation). */
export function applyOperator(level: GridLevel, x: LevelVector, y: LevelVector): number {
  const { sy, sz, gx, gy, gz, runs } = level;
  let dot = 0;
  for (let r = 0; r < runs.length; r += 2) {
    const end = runs[r + 1]!;
    for (let p = runs[r]!; p < end; p++) {
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
  return dot;
}

/** x·A x (float64 accumulation) without storing A x. */
export function operatorEnergy(level: GridLevel, x: LevelVector): number {
  const { sy, sz, gx, gy, gz, runs } = level;
  let dot = 0;
  for (let r = 0; r < runs.length; r += 2) {
    const end = runs[r + 1]!;
    for (let p = runs[r]!; p < end; p++) {
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
  return dot;
}

/**
 * Coarse right-hand side cb += Pᵀ (b − A x) right after a colour-1 Gauss–Seidel half sweep: the
 * residual of colour-1 cells is then exactly zero, so only colour-0 residuals are computed and
 * summed into their aggregates `parent[p]`.
 */
export function restrictAfterSweepByParent(
  level: GridLevel,
  b: LevelVector,
  x: LevelVector,
  parent: Int32Array,
  cb: LevelVector,
): void {
  const { ny, nz, sy, sz, gx, gy, gz, runs, rowStart } = level;
  let row = 0;
  for (let k = 1; k <= nz; k++) {
    for (let j = 1; j <= ny; j++, row++) {
      const r0 = rowStart[row]!;
      const r1 = rowStart[row + 1]!;
      if (r0 === r1) continue;
      const t = rowParity(sz * k + sy * j, j, k, 0);
      for (let r = 2 * r0; r < 2 * r1; r += 2) {
        const start = runs[r]!;
        const end = runs[r + 1]!;
        for (let p = start + ((start ^ t) & 1); p < end; p += 2) {
          const w = gx[p - 1]!;
          const e = gx[p]!;
          const s = gy[p - sy]!;
          const n = gy[p]!;
          const d = gz[p - sz]!;
          const u = gz[p]!;
          const residual =
            b[p]! -
            (w + e + s + n + d + u) * x[p]! +
            w * x[p - 1]! +
            e * x[p + 1]! +
            s * x[p - sy]! +
            n * x[p + sy]! +
            d * x[p - sz]! +
            u * x[p + sz]!;
          const c = parent[p]!;
          cb[c] = cb[c]! + residual;
        }
      }
    }
  }
}

/** x += P e: adds the coarse correction of every aggregate `parent[p]` to its active cells. */
export function prolongAddByParent(
  level: GridLevel,
  parent: Int32Array,
  e: LevelVector,
  x: LevelVector,
): void {
  const { runs } = level;
  for (let r = 0; r < runs.length; r += 2) {
    const end = runs[r + 1]!;
    for (let p = runs[r]!; p < end; p++) x[p] = x[p]! + e[parent[p]!]!;
  }
}

/** a·b over the active cells (float64 accumulation). */
export function dotActive(level: GridLevel, a: LevelVector, b: LevelVector): number {
  const { runs } = level;
  let sum = 0;
  for (let r = 0; r < runs.length; r += 2) {
    const end = runs[r + 1]!;
    for (let p = runs[r]!; p < end; p++) sum += a[p]! * b[p]!;
  }
  return sum;
}

/** a = α a + β b over the active cells. */
export function combineActive(
  level: GridLevel,
  alpha: number,
  a: LevelVector,
  beta: number,
  b: LevelVector,
): void {
  const { runs } = level;
  for (let r = 0; r < runs.length; r += 2) {
    const end = runs[r + 1]!;
    for (let p = runs[r]!; p < end; p++) a[p] = alpha * a[p]! + beta * b[p]!;
  }
}
