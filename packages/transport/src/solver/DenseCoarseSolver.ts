// Exact solve on the coarsest level: the active cells' 7-point matrix assembled densely and
// Cholesky-factorised once (float64), then forward/back substitution per V-cycle.
import { SolidCellError } from '@solidcell/core';
import type { GridLevel } from './GridLevel.js';
import type { LevelVector } from './stencilKernels.js';

/** Direct solver for a small {@link GridLevel} (a few hundred cells). */
export class DenseCoarseSolver {
  /** Padded index of every active cell. */
  private readonly cells: Int32Array;
  /** Lower-triangular Cholesky factor, row-major n × n. */
  private readonly factor: Float64Array;
  private readonly work: Float64Array;

  public constructor(level: GridLevel) {
    const { nx, ny, nz, sy, sz, gx, gy, gz } = level;
    const indexOf = new Int32Array(level.size).fill(-1);
    const active: number[] = [];
    for (let k = 1; k <= nz; k++) {
      for (let j = 1; j <= ny; j++) {
        for (let i = 1; i <= nx; i++) {
          const p = i + sy * j + sz * k;
          const diag = gx[p - 1]! + gx[p]! + gy[p - sy]! + gy[p]! + gz[p - sz]! + gz[p]!;
          if (diag > 0) {
            indexOf[p] = active.length;
            active.push(p);
          }
        }
      }
    }
    const n = active.length;
    this.cells = Int32Array.from(active);
    this.work = new Float64Array(n);
    const a = new Float64Array(n * n);
    for (let row = 0; row < n; row++) {
      const p = active[row]!;
      const neighbours: readonly [number, number][] = [
        [p - 1, gx[p - 1]!],
        [p + 1, gx[p]!],
        [p - sy, gy[p - sy]!],
        [p + sy, gy[p]!],
        [p - sz, gz[p - sz]!],
        [p + sz, gz[p]!],
      ];
      let diag = 0;
      for (const [q, g] of neighbours) {
        diag += g;
        const col = indexOf[q]!;
        if (g > 0 && col >= 0) a[row * n + col] = -g;
      }
      a[row * n + row] = diag;
    }
    // In-place Cholesky (lower triangle).
    for (let col = 0; col < n; col++) {
      let pivot = a[col * n + col]!;
      for (let m = 0; m < col; m++) pivot -= a[col * n + m]! ** 2;
      if (!(pivot > 0)) {
        throw new SolidCellError(
          'E_SOLVER_NON_FINITE',
          `coarsest multigrid matrix is not positive definite (pivot ${pivot} at row ${col} of ${n})`,
        );
      }
      const l = Math.sqrt(pivot);
      a[col * n + col] = l;
      for (let row = col + 1; row < n; row++) {
        let value = a[row * n + col]!;
        for (let m = 0; m < col; m++) value -= a[row * n + m]! * a[col * n + m]!;
        a[row * n + col] = value / l;
      }
    }
    this.factor = a;
  }

  /** Number of active unknowns. */
  public get unknowns(): number {
    return this.cells.length;
  }

  /** x = A⁻¹ b on the active cells (inactive entries of x untouched). */
  public solve(b: LevelVector, x: LevelVector): void {
    const { cells, factor, work } = this;
    const n = cells.length;
    for (let row = 0; row < n; row++) {
      let value = b[cells[row]!]!;
      const base = row * n;
      for (let m = 0; m < row; m++) value -= factor[base + m]! * work[m]!;
      work[row] = value / factor[base + row]!;
    }
    for (let row = n - 1; row >= 0; row--) {
      let value = work[row]!;
      for (let m = row + 1; m < n; m++) value -= factor[m * n + row]! * work[m]!;
      work[row] = value / factor[row * n + row]!;
    }
    for (let row = 0; row < n; row++) x[cells[row]!] = work[row]!;
  }
}
