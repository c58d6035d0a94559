// Geometric multigrid V-cycle used as the preconditioner of the conjugate-gradient solve:
// aggregation hierarchy, symmetric red–black Gauss–Seidel smoothing, exact coarsest solve.
import { DenseCoarseSolver } from './DenseCoarseSolver.js';
import { canCoarsen, coarsenLevel, type GridLevel } from './GridLevel.js';
import {
  type LevelVector,
  prolongAdd,
  restrictResidual,
  smoothColour,
} from './stencilKernels.js';

/** Options of {@link MultigridPreconditioner}. */
export interface MultigridOptions {
  /** Red–black Gauss–Seidel sweeps before and after the coarse correction (default 1). */
  readonly smoothingSteps?: number;
  /** Coarsening stops once a level has at most this many cells (default 512). */
  readonly coarsestMaxCells?: number;
  /** Coarse visits per level: 1 = V-cycle, 2 = W-cycle (default 1). */
  readonly cycleIndex?: 1 | 2;
  /** Multiplier of the 1/a coarse conductance rescaling (default 1). */
  readonly coarseScale?: number;
}

interface CoarseLevel {
  readonly level: GridLevel;
  readonly b: Float32Array;
  readonly x: Float32Array;
}

/**
 * A symmetric V-cycle z = M r for the operator of a fine {@link GridLevel}.
 *
 * @remarks
 * Pre-smoothing red then black, post-smoothing black then red (the adjoint order), zero initial
 * guess on every level, restriction = Pᵀ, prolongation = P, exact (Cholesky) coarsest solve: M is
 * symmetric positive definite on the active cells, as preconditioned CG requires. Coarse vectors
 * are float32 (a preconditioner needs no more); their storage is about 1/7 of the fine grid.
 */
export class MultigridPreconditioner {
  private readonly coarse: CoarseLevel[] = [];
  private readonly direct: DenseCoarseSolver;
  private readonly steps: number;
  private readonly gamma: number;

  public constructor(
    private readonly fine: GridLevel,
    options: MultigridOptions = {},
  ) {
    this.steps = options.smoothingSteps ?? 1;
    this.gamma = options.cycleIndex ?? 1;
    const maxCells = options.coarsestMaxCells ?? 512;
    let level = fine;
    while (level.nx * level.ny * level.nz > maxCells && canCoarsen(level)) {
      level = coarsenLevel(level, options.coarseScale ?? 1);
      this.coarse.push({
        level,
        b: new Float32Array(level.size),
        x: new Float32Array(level.size),
      });
    }
    this.direct = new DenseCoarseSolver(level);
  }

  /** Levels including the fine one. */
  public get levels(): number {
    return this.coarse.length + 1;
  }

  /** Bytes held by the coarse levels (conductances and vectors). */
  public get coarseBytes(): number {
    return this.coarse.reduce((sum, c) => sum + 5 * 4 * c.level.size, 0);
  }

  /** z = M r on the fine level (z is overwritten; ghost entries of both stay 0). */
  public apply(r: LevelVector, z: LevelVector): void {
    this.cycle(0, this.fine, r, z);
  }

  private cycle(depth: number, level: GridLevel, b: LevelVector, x: LevelVector): void {
    if (depth === this.coarse.length) {
      this.direct.solve(b, x);
      return;
    }
    x.fill(0);
    for (let s = 0; s < this.steps; s++) {
      smoothColour(level, b, x, 0);
      smoothColour(level, b, x, 1);
    }
    const next = this.coarse[depth]!;
    for (let visit = 0; visit < (depth + 1 < this.coarse.length ? this.gamma : 1); visit++) {
      restrictResidual(level, b, x, next.level, next.b);
      this.cycle(depth + 1, next.level, next.b, next.x);
      prolongAdd(next.level, next.x, level, x);
    }
    for (let s = 0; s < this.steps; s++) {
      smoothColour(level, b, x, 1);
      smoothColour(level, b, x, 0);
    }
  }
}
