// Geometric multigrid V-cycle used as the preconditioner of the conjugate-gradient solve:
// aggregation hierarchy, symmetric red–black Gauss–Seidel smoothing, exact coarsest solve.
import { DenseCoarseSolver } from './DenseCoarseSolver.js';
import { canCoarsen, coarsenLevel, type GridLevel } from './GridLevel.js';
import {
  applyOperator,
  combineActive,
  dotActive,
  type LevelVector,
  operatorEnergy,
  prolongAdd,
  restrictResidualAfterSweep,
  smoothColour,
  smoothFirstColour,
} from './stencilKernels.js';

/** Options of {@link MultigridPreconditioner}. */
export interface MultigridOptions {
  /** Red–black Gauss–Seidel sweeps before and after the coarse correction (default 1). */
  readonly smoothingSteps?: number;
  /** Sweeps on the finest level only (default: `smoothingSteps`). */
  readonly fineSmoothingSteps?: number;
  /** Coarsening stops once a level has at most this many cells (default 512). */
  readonly coarsestMaxCells?: number;
  /**
   * `V` (one coarse visit per level, a linear SPD preconditioner) or `K` (Notay–Vassilevski
   * K-cycle: two flexible-CG steps on every coarse level, nonlinear, needs flexible outer CG).
   * @defaultValue 'K'
   */
  readonly cycle?: 'V' | 'K';
  /** Multiplier of the 1/a coarse conductance rescaling (default 1). */
  readonly coarseScale?: number;
}

interface CoarseLevel {
  readonly level: GridLevel;
  readonly b: Float32Array;
  readonly x: Float32Array;
  /** K-cycle work vectors (empty arrays for V-cycles). */
  readonly v: Float32Array;
  readonly d: Float32Array;
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
  private readonly fineSteps: number;
  private readonly kCycle: boolean;

  public constructor(
    private readonly fine: GridLevel,
    options: MultigridOptions = {},
  ) {
    this.steps = options.smoothingSteps ?? 1;
    this.fineSteps = options.fineSmoothingSteps ?? this.steps;
    this.kCycle = (options.cycle ?? 'K') === 'K';
    const kSize = (n: number) => (this.kCycle ? n : 0);
    const maxCells = options.coarsestMaxCells ?? 512;
    let level = fine;
    while (level.nx * level.ny * level.nz > maxCells && canCoarsen(level)) {
      level = coarsenLevel(level, options.coarseScale ?? 1);
      this.coarse.push({
        level,
        b: new Float32Array(level.size),
        x: new Float32Array(level.size),
        v: new Float32Array(kSize(level.size)),
        d: new Float32Array(kSize(level.size)),
      });
    }
    this.direct = new DenseCoarseSolver(level);
  }

  /** Levels including the fine one. */
  public get levels(): number {
    return this.coarse.length + 1;
  }

  /** Whether the preconditioner is nonlinear (K-cycle), so the outer CG must be flexible. */
  public get isNonlinear(): boolean {
    return this.kCycle && this.coarse.length > 1;
  }

  /** Bytes held by the coarse levels (conductances and vectors). */
  public get coarseBytes(): number {
    return this.coarse.reduce((sum, c) => sum + (this.kCycle ? 7 : 5) * 4 * c.level.size, 0);
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
    // Zero initial guess: the first colour-0 half sweep is x = b / diag, and the colour-1 sweep
    // after it overwrites every other active entry, so x needs no clearing.
    const steps = depth === 0 ? this.fineSteps : this.steps;
    smoothFirstColour(level, b, x);
    smoothColour(level, b, x, 1);
    for (let s = 1; s < steps; s++) {
      smoothColour(level, b, x, 0);
      smoothColour(level, b, x, 1);
    }
    const next = this.coarse[depth]!;
    restrictResidualAfterSweep(level, b, x, next.level, next.b);
    if (this.kCycle && depth + 1 < this.coarse.length) this.kSolve(depth + 1, next);
    else this.cycle(depth + 1, next.level, next.b, next.x);
    prolongAdd(next.level, next.x, level, x);
    for (let s = 0; s < steps; s++) {
      smoothColour(level, b, x, 1);
      smoothColour(level, b, x, 0);
    }
  }

  /**
   * Two flexible-CG steps on A e = b of a coarse level, preconditioned by the next cycle
   * (Notay & Vassilevski, Numer. Linear Algebra Appl. 15 (2008) 473), writing e into `c.x`.
   */
  private kSolve(depth: number, c: CoarseLevel): void {
    // b is this level's restricted residual, consumed here: it is overwritten by r̃ = b − α₁ A c.
    const { level, b, x, v, d } = c;
    this.cycle(depth, level, b, x);
    const rho1 = applyOperator(level, x, v);
    const alpha1 = dotActive(level, x, b);
    if (!(rho1 > 0)) return;
    const a1 = alpha1 / rho1;
    const reduction = subtractScaled(level, b, a1, v);
    if (reduction <= 0.0625) {
      combineActive(level, a1, x, 0, x);
      return;
    }
    this.cycle(depth, level, b, d);
    const beta = operatorEnergy(level, d);
    const gamma = dotActive(level, d, v);
    const alpha2 = dotActive(level, d, b);
    const rho2 = beta - (gamma * gamma) / rho1;
    if (!(rho2 > 0)) {
      combineActive(level, a1, x, 0, x);
      return;
    }
    const cx = a1 - (gamma * alpha2) / (rho1 * rho2);
    const cd = alpha2 / rho2;
    combineActive(level, cx, x, cd, d);
  }
}

/** b −= a v over the active cells; returns ‖b_new‖² / ‖b_old‖² (0 when b was 0). */
function subtractScaled(level: GridLevel, b: LevelVector, a: number, v: LevelVector): number {
  const { runs } = level;
  let rr0 = 0;
  let rr1 = 0;
  for (let r = 0; r < runs.length; r += 2) {
    const end = runs[r + 1]!;
    for (let p = runs[r]!; p < end; p++) {
      const bi = b[p]!;
      const value = bi - a * v[p]!;
      b[p] = value;
      rr0 += bi * bi;
      rr1 += value * value;
    }
  }
  return rr0 > 0 ? rr1 / rr0 : 0;
}
