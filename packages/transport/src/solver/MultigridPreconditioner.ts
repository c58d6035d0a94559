// Multigrid cycle used as the preconditioner of the conjugate-gradient solve: a hierarchy of
// strength-aware aggregation levels (aggregateLinks), symmetric Gauss–Seidel smoothing, exact
// coarsest solve.
import { aggregateLinks, type LinkTable } from './aggregateLinks.js';
import { ClusterCorrection } from './ClusterCorrection.js';
import { DenseCoarseSolver } from './DenseCoarseSolver.js';
import {
  CompactFineSystem,
  type FineSystem,
  GridFineSystem,
  type LevelSystem,
} from './FineSystem.js';
import { GraphSystem } from './GraphSystem.js';
import { blockParents, canCoarsen, coarsenLevel, type GridLevel } from './GridLevel.js';
import type { LevelVector } from './stencilKernels.js';

/** Options of {@link MultigridPreconditioner}. */
export interface MultigridOptions {
  /** Gauss–Seidel sweeps before and after the coarse correction (default 1). */
  readonly smoothingSteps?: number;
  /** Sweeps on the finest level only (default: `smoothingSteps`). */
  readonly fineSmoothingSteps?: number;
  /** Coarsening stops once a level has at most this many unknowns (default 512). */
  readonly coarsestMaxCells?: number;
  /**
   * `V` (one coarse visit per level, a linear SPD preconditioner) or `K` (Notay–Vassilevski
   * K-cycle: two flexible-CG steps on every coarse level, nonlinear, needs flexible outer CG).
   * @defaultValue 'K'
   */
  readonly cycle?: 'V' | 'K';
  /** Multiplier of the ½ coarse conductance rescaling (default 1). */
  readonly coarseScale?: number;
  /**
   * `blocks`: every 2×2×2 block is one aggregate, coarse levels stored like the fine one
   * (structured or compact); `strong`: the strong components inside each block, coarse levels
   * as graphs (robust at high conductivity contrast). @defaultValue 'strong'
   */
  readonly aggregation?: 'blocks' | 'strong';
  /**
   * Add the cluster correction (ClusterCorrection) on the fine level, before pre- and after
   * post-smoothing, when the level has a contrast gap and coarse levels (default false).
   */
  readonly clusters?: boolean;
}

interface CoarseLevel {
  readonly ops: LevelSystem;
  /** Bytes held by this level (operator, transfer map). */
  readonly bytes: () => number;
  readonly b: Float32Array;
  readonly x: Float32Array;
  /** K-cycle work vectors (empty arrays for V-cycles). */
  readonly v: Float32Array;
  readonly d: Float32Array;
}

/**
 * The Galerkin operator of piecewise-constant aggregation over 2×2×2 blocks is about twice too
 * stiff for smooth fields (it forces each aggregate to one potential); halving it restores the
 * rediscretised σ·A/L of the coarse cells on uniform media.
 */
const GALERKIN_SCALE = 0.5;

/**
 * Coarse levels whose active fraction is below this are stored compactly (active cells only), as
 * long as a coarser level follows (block aggregation).
 */
const COMPACT_COARSE_FRACTION = 0.5;

/** Coarsening that keeps more than this fraction of the unknowns has stalled; stop there. */
const STALLED_COARSENING = 0.9;

/**
 * A symmetric V-cycle (or K-cycle) z = M r for the operator of a fine {@link LevelSystem}.
 *
 * @remarks
 * Fine level: red–black Gauss–Seidel, pre-smoothing red then black, post-smoothing black then red
 * (the adjoint order). Coarse levels: aggregates = connected components of the strong links inside
 * each 2×2×2 block (see aggregateLinks), Galerkin conductances × ½, forward Gauss–Seidel before and
 * backward after the coarse correction. Zero initial guess on every level, restriction = Pᵀ,
 * prolongation = P, exact (Cholesky) coarsest solve: a V-cycle M is symmetric positive definite
 * on the active cells, as preconditioned CG requires. Coarse vectors are float32.
 */
export class MultigridPreconditioner {
  private readonly coarse: CoarseLevel[] = [];
  private readonly direct: DenseCoarseSolver;
  private readonly steps: number;
  private readonly fineSteps: number;
  private readonly kCycle: boolean;
  private readonly fineOps: FineSystem;
  private directTraffic = 0;
  private clusterTraffic = 0;
  private readonly clusters: ClusterCorrection | undefined;

  public constructor(fine: FineSystem, options: MultigridOptions = {}) {
    this.steps = options.smoothingSteps ?? 1;
    this.fineSteps = options.fineSmoothingSteps ?? this.steps;
    this.kCycle = (options.cycle ?? 'K') === 'K';
    this.fineOps = fine;
    const maxCells = options.coarsestMaxCells ?? 512;
    const scale = options.coarseScale ?? 1;
    const coarsest =
      options.aggregation === 'blocks'
        ? this.buildBlockLevels(fine, maxCells, scale)
        : this.buildStrongLevels(fine, maxCells, GALERKIN_SCALE * scale);
    this.direct = new DenseCoarseSolver(coarsest);
    // Without coarse levels the cycle is the exact solve and needs no cluster correction.
    this.clusters =
      options.clusters === true && this.coarse.length > 0
        ? ClusterCorrection.build(fine)
        : undefined;
  }

  /** Strong-component aggregation (aggregateLinks); returns the coarsest level's table. */
  private buildStrongLevels(fine: LevelSystem, maxCells: number, scale: number): LinkTable {
    let ops: LevelSystem = fine;
    let table = fine.linkTable();
    while (table.n > maxCells) {
      const { graph, parent, table: next } = aggregateLinks(table, scale);
      if (graph.n > STALLED_COARSENING * table.n) break;
      const coarse = new GraphSystem(graph, next);
      ops.attachCoarse(parent, coarse);
      this.pushLevel(coarse, () => coarse.bytes);
      ops = coarse;
      table = next;
    }
    return table;
  }

  /**
   * Structured 2×2×2 aggregation (coarsenLevel); sparse coarse levels are stored compactly as long
   * as a coarser level follows. Returns the coarsest level's table.
   */
  private buildBlockLevels(fine: FineSystem, maxCells: number, scale: number): LinkTable {
    const levels: GridLevel[] = [];
    let level = fine.level;
    while (level.nx * level.ny * level.nz > maxCells && canCoarsen(level)) {
      level = coarsenLevel(level, scale);
      levels.push(level);
    }
    let ops: FineSystem = fine;
    let compact = fine instanceof CompactFineSystem;
    for (const [index, coarseLevel] of levels.entries()) {
      const cells = coarseLevel.nx * coarseLevel.ny * coarseLevel.nz;
      compact =
        compact &&
        index + 1 < levels.length &&
        activeCells(coarseLevel) < COMPACT_COARSE_FRACTION * cells;
      const coarse = compact ? new CompactFineSystem(coarseLevel) : new GridFineSystem(coarseLevel);
      let parent = blockParents(ops.level, ops.paddedPositions(), coarseLevel);
      if (coarse instanceof CompactFineSystem) {
        const index = new Int32Array(coarseLevel.size);
        const padded = coarse.paddedPositions();
        for (let c = 0; c < padded.length; c++) index[padded[c]!] = c;
        parent = parent.map((p) => index[p]!);
      }
      ops.attachCoarse(parent, coarse);
      const { size, runs, rowStart } = coarseLevel;
      this.pushLevel(
        coarse,
        () => 12 * size + 4 * (runs.length + rowStart.length) + coarse.extraBytes,
      );
      ops = coarse;
    }
    return ops.linkTable();
  }

  private pushLevel(ops: LevelSystem, bytes: () => number): void {
    const n = ops.length;
    const kSize = this.kCycle ? n : 0;
    this.coarse.push({
      ops,
      bytes,
      b: new Float32Array(n),
      x: new Float32Array(n),
      v: new Float32Array(kSize),
      d: new Float32Array(kSize),
    });
  }

  /** Levels including the fine one. */
  public get levels(): number {
    return this.coarse.length + 1;
  }

  /** Whether the preconditioner is nonlinear (K-cycle), so the outer CG must be flexible. */
  public get isNonlinear(): boolean {
    return this.kCycle && this.coarse.length > 1;
  }

  /** Bytes held by the coarse levels (graphs, transfer maps, vectors, dense factor, clusters). */
  public get coarseBytes(): number {
    let bytes = this.direct.bytes + (this.clusters?.bytes ?? 0);
    for (const { bytes: levelBytes, b, x, v, d } of this.coarse) {
      bytes += levelBytes() + b.byteLength + x.byteLength + v.byteLength + d.byteLength;
    }
    return bytes;
  }

  /** Modelled bytes moved so far on the coarse levels, by the coarsest solve and the clusters. */
  public get coarseTraffic(): number {
    let bytes = this.directTraffic + this.clusterTraffic;
    for (const { ops } of this.coarse) bytes += ops.traffic;
    return bytes;
  }

  /** z = M r on the fine level (z is overwritten; inactive entries of both stay 0). */
  public apply(r: LevelVector, z: LevelVector): void {
    if (this.clusters === undefined) this.cycle(0, this.fineOps, r, z);
    else this.clusterCycle(this.clusters, r, z);
  }

  /**
   * The fine level with the cluster correction Q on both ends, x = Q b first and x += Q (b − A x)
   * last, around pre-smoothing (from that x), coarse correction and post-smoothing: the error
   * propagator (I − QA)(I − SᵀA)(I − CA)(I − SA)(I − QA) is A-symmetric, so a V-cycle stays a
   * symmetric positive definite preconditioner.
   */
  private clusterCycle(clusters: ClusterCorrection, b: LevelVector, x: LevelVector): void {
    const fine = this.fineOps;
    x.fill(0);
    clusters.correct(b, x);
    for (let s = 0; s < this.fineSteps; s++) {
      fine.smooth(b, x, 0);
      fine.smooth(b, x, 1);
    }
    this.coarseCorrection(0, fine, b, x);
    fine.postSmooth(b, x, this.fineSteps);
    clusters.correct(b, x);
    this.clusterTraffic += 2 * clusters.traffic + 4 * fine.length;
  }

  private cycle(depth: number, ops: LevelSystem, b: LevelVector, x: LevelVector): void {
    if (depth === this.coarse.length) {
      this.directTraffic += 8 * this.direct.unknowns * (this.direct.unknowns + 2);
      this.direct.solve(b, x);
      return;
    }
    const steps = depth === 0 ? this.fineSteps : this.steps;
    ops.preSmooth(b, x, steps);
    this.coarseCorrection(depth, ops, b, x);
    ops.postSmooth(b, x, steps);
  }

  /** x += P e with e the next level's cycle (or K-cycle) on Pᵀ (b − A x), right after smoothing. */
  private coarseCorrection(depth: number, ops: LevelSystem, b: LevelVector, x: LevelVector): void {
    const next = this.coarse[depth]!;
    ops.restrict(b, x, next.b);
    if (this.kCycle && depth + 1 < this.coarse.length) this.kSolve(depth + 1, next);
    else this.cycle(depth + 1, next.ops, next.b, next.x);
    ops.prolongAdd(next.x, x);
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
