// Exact solve on the coarsest level: the level's conductance graph assembled densely and
// Cholesky-factorised once (float64), then forward/back substitution per cycle.
import { SolidCellError } from '@solidcell/core';
import type { LinkTable } from './aggregateLinks.js';
import type { LevelVector } from './stencilKernels.js';

/** Direct solver for a small conductance graph (a few hundred unknowns). */
export class DenseCoarseSolver {
  /** Vector entry of every unknown. */
  private readonly cells: Int32Array;
  /** Lower-triangular Cholesky factor, row-major n × n. */
  private readonly factor: Float64Array;
  private readonly work: Float64Array;

  public constructor(table: LinkTable) {
    const { n, rowStart, column, conductance, dirichlet } = table;
    this.cells = table.position ?? Int32Array.from({ length: n }, (_, u) => u);
    this.work = new Float64Array(n);
    const a = new Float64Array(n * n);
    for (let row = 0; row < n; row++) {
      let diag = dirichlet?.[row] ?? 0;
      const end = rowStart === undefined ? 6 * row + 6 : rowStart[row + 1]!;
      for (let t = rowStart === undefined ? 6 * row : rowStart[row]!; t < end; t++) {
        const g = conductance[t]!;
        diag += g;
        const col = column[t]!;
        if (g > 0 && col < n) a[row * n + col] = a[row * n + col]! - g;
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

  /** Bytes held (factor, work vector, unknown map). */
  public get bytes(): number {
    return this.factor.byteLength + this.work.byteLength + this.cells.byteLength;
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
