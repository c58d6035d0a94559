// Geometric multigrid V-cycle used as the preconditioner of the conjugate-gradient solve:
// aggregation hierarchy, symmetric red–black Gauss–Seidel smoothing, exact coarsest solve.
import { DenseCoarseSolver } from './DenseCoarseSolver.js';
import { CompactFineSystem, type FineSystem, GridFineSystem } from './FineSystem.js';
import { canCoarsen, coarsenLevel, type GridLevel } from './GridLevel.js';
import type { LevelVector } from './stencilKernels.js';

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
  /** Store sparse coarse levels compactly below a compact finest level (default true). */
  readonly compactCoarse?: boolean;
}

interface CoarseLevel {
  readonly ops: FineSystem;
  readonly b: Float32Array;
  readonly x: Float32Array;
  /** K-cycle work vectors (empty arrays for V-cycles). */
  readonly v: Float32Array;
  readonly d: Float32Array;
}

/**
 * Coarse levels whose active fraction is below this are stored compactly (active cells only), as
 * long as a coarser level follows (the dense coarsest solve works on the grid).
 */
const COMPACT_COARSE_FRACTION = 0.5;

/**
 * A symmetric V-cycle (or K-cycle) z = M r for the operator of a fine {@link GridLevel}.
 *
 * @remarks
 * Pre-smoothing red then black, post-smoothing black then red (the adjoint order), zero initial
 * guess on every level, restriction = Pᵀ, prolongation = P, exact (Cholesky) coarsest solve: M is
 * symmetric positive definite on the active cells, as preconditioned CG requires. Coarse vectors
 * are float32 (a preconditioner needs no more). Sparse levels (ionic networks) are stored as
 * compact active-cell lists, dense ones as structured grids walked along active runs.
 */
export class MultigridPreconditioner {
  private readonly coarse: CoarseLevel[] = [];
  private readonly direct: DenseCoarseSolver;
  private readonly steps: number;
  private readonly fineSteps: number;
  private readonly kCycle: boolean;
  private readonly fineOps: FineSystem;
  private directTraffic = 0;

  /**
   * @param fine - the structured finest level (coarse levels are aggregated from it).
   * @param fineSystem - the storage the outer solve uses on the finest level (default: `fine`).
   */
  public constructor(
    fine: GridLevel,
    options: MultigridOptions = {},
    fineSystem: FineSystem = new GridFineSystem(fine),
  ) {
    this.steps = options.smoothingSteps ?? 1;
    this.fineSteps = options.fineSmoothingSteps ?? this.steps;
    this.kCycle = (options.cycle ?? 'K') === 'K';
    this.fineOps = fineSystem;
    const kSize = (n: number) => (this.kCycle ? n : 0);
    const maxCells = options.coarsestMaxCells ?? 512;
    const levels: GridLevel[] = [];
    let level = fine;
    while (level.nx * level.ny * level.nz > maxCells && canCoarsen(level)) {
      level = coarsenLevel(level, options.coarseScale ?? 1);
      levels.push(level);
    }
    let compact = fineSystem instanceof CompactFineSystem;
    for (const [index, coarse] of levels.entries()) {
      const cells = coarse.nx * coarse.ny * coarse.nz;
      compact =
        compact &&
        index + 1 < levels.length &&
        options.compactCoarse !== false &&
        activeCells(coarse) < COMPACT_COARSE_FRACTION * cells;
      const ops = compact ? new CompactFineSystem(coarse) : new GridFineSystem(coarse);
      const n = ops.length;
      this.coarse.push({
        ops,
        b: new Float32Array(n),
        x: new Float32Array(n),
        v: new Float32Array(kSize(n)),
        d: new Float32Array(kSize(n)),
      });
    }
    this.direct = new DenseCoarseSolver(level);
    const all = [fineSystem, ...this.coarse.map((c) => c.ops)];
    for (let depth = 0; depth + 1 < all.length; depth++) {
      const ops = all[depth]!;
      if (ops instanceof CompactFineSystem) ops.attachCoarse(all[depth + 1]!);
    }
  }

  /** Levels including the fine one. */
  public get levels(): number {
    return this.coarse.length + 1;
  }

  /** Whether the preconditioner is nonlinear (K-cycle), so the outer CG must be flexible. */
  public get isNonlinear(): boolean {
    return this.kCycle && this.coarse.length > 1;
  }

  /** Bytes held by the coarse levels (conductances, run index, vectors, compact storage). */
  public get coarseBytes(): number {
    let bytes = 0;
    for (const { ops, b, x, v, d } of this.coarse) {
      const { level } = ops;
      bytes += 12 * level.size + 4 * (level.runs.length + level.rowStart.length) + ops.extraBytes;
      bytes += b.byteLength + x.byteLength + v.byteLength + d.byteLength;
    }
    return bytes;
  }

  /** Modelled bytes moved so far on the coarse levels and by the coarsest solve (see FineSystem). */
  public get coarseTraffic(): number {
    let bytes = this.directTraffic;
    for (const { ops } of this.coarse) bytes += ops.traffic;
    return bytes;
  }

  /** z = M r on the fine level (z is overwritten; inactive entries of both stay 0). */
  public apply(r: LevelVector, z: LevelVector): void {
    this.cycle(0, this.fineOps, r, z);
  }

  private cycle(depth: number, ops: FineSystem, b: LevelVector, x: LevelVector): void {
    if (depth === this.coarse.length) {
      this.directTraffic += 8 * this.direct.unknowns * (this.direct.unknowns + 2);
      this.direct.solve(b, x);
      return;
    }
    // Zero initial guess: the first colour-0 half sweep is x = b / diag, and the colour-1 sweep
    // after it overwrites every other active entry, so x needs no clearing.
    const steps = depth === 0 ? this.fineSteps : this.steps;
    ops.smoothFirst(b, x);
    ops.smooth(b, x, 1);
    for (let s = 1; s < steps; s++) {
      ops.smooth(b, x, 0);
      ops.smooth(b, x, 1);
    }
    const next = this.coarse[depth]!;
    ops.restrictAfterSweep(b, x, next.ops, next.b);
    if (this.kCycle && depth + 1 < this.coarse.length) this.kSolve(depth + 1, next);
    else this.cycle(depth + 1, next.ops, next.b, next.x);
    ops.prolongAdd(next.ops, next.x, x);
    for (let s = 0; s < steps; s++) {
      ops.smooth(b, x, 1);
      ops.smooth(b, x, 0);
    }
  }

  /**
   * Two flexible-CG steps on A e = b of a coarse level, preconditioned by the next cycle
   * (Notay & Vassilevski, Numer. Linear Algebra Appl. 15 (2008) 473), writing e into `c.x`.
   */
  private kSolve(depth: number, c: CoarseLevel): void {
    // b is this level's restricted residual, consumed here: it is overwritten by r̃ = b − α₁ A c.
    const { ops, b, x, v, d } = c;
    this.cycle(depth, ops, b, x);
    const rho1 = ops.apply(x, v);
    const alpha1 = ops.dot(x, b);
    if (!(rho1 > 0)) return;
    const a1 = alpha1 / rho1;
    const rr0 = ops.dot(b, b);
    ops.combine(1, b, -a1, v);
    const rr1 = ops.dot(b, b);
    if (rr1 <= 0.0625 * rr0) {
      ops.combine(a1, x, 0, x);
      return;
    }
    this.cycle(depth, ops, b, d);
    const beta = ops.energy(d);
    const gamma = ops.dot(d, v);
    const alpha2 = ops.dot(d, b);
    const rho2 = beta - (gamma * gamma) / rho1;
    if (!(rho2 > 0)) {
      ops.combine(a1, x, 0, x);
      return;
    }
    const cx = a1 - (gamma * alpha2) / (rho1 * rho2);
    const cd = alpha2 / rho2;
    ops.combine(cx, x, cd, d);
  }
}

function activeCells(level: GridLevel): number {
  let n = 0;
  for (let r = 0; r < level.runs.length; r += 2) n += level.runs[r + 1]! - level.runs[r]!;
  return n;
}
