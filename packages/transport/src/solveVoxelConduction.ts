// The voxel conduction solve: ∇·(σ∇φ) = 0 with φ = 1 / 0 on the two faces normal to the axis,
// by conjugate gradients preconditioned with a multigrid cycle. Returns σ_eff, currents and the
// solver report; all storage is typed arrays allocated once before the iterations.
import {
  type Axis,
  type ContactResistances_ohm_m2,
  SolidCellError,
  type VoxelGrid,
} from '@solidcell/core';
import { buildConductanceLevel } from './buildConductanceLevel.js';
import { resolveContactResistances } from './contactFaces.js';
import { DissipationMonitor } from './solver/DissipationMonitor.js';
import { CompactFineSystem, type FineSystem, GridFineSystem } from './solver/FineSystem.js';
import { MultigridPreconditioner } from './solver/MultigridPreconditioner.js';

/** Coarsest multigrid level size (cells), as in MultigridPreconditioner. */
const COARSEST_MAX_CELLS = 512;
/**
 * `storage: 'auto'` solves on the compact active-cell list when the spanning cluster holds less
 * than this fraction of the voxels (measured crossover, see bench/solve.bench.ts).
 */
const COMPACT_ACTIVE_FRACTION = 0.5;

/**
 * {@link VoxelSolution.solverBytes} per padded voxel (`(nx+2)(ny+2)(nz+2)`) on electrode grids:
 * face conductances gx, gy, gz (float32) 12, the conjugate-gradient vectors r, p, w, z (float32)
 * 16 and x (float64) 8, and about 20 for the multigrid hierarchy, the compact active-cell list
 * and the cluster lists. Measured on generated electrodes at 40³: 27–53 (ionic and electronic,
 * 90/9/1 SC and 70/27/3 CF); synthetic sphere packs with many dead-end clusters reach 100.
 */
export const SOLVER_BYTES_PER_PADDED_VOXEL = 56;

/** Estimated peak bytes of one {@link solveVoxelConduction} on a grid of this shape. */
export function estimateVoxelSolveMemory_bytes(shape: readonly [number, number, number]): number {
  return SOLVER_BYTES_PER_PADDED_VOXEL * (shape[0] + 2) * (shape[1] + 2) * (shape[2] + 2);
}

/** Below the tolerance, the recurrence residual is replaced by the true one every drop by this. */
const REPLACEMENT_DROP = 1e-2;

declare const performance: { now(): number };

/** Options of {@link solveVoxelConduction}. */
export interface VoxelSolveOptions {
  /**
   * Area-specific contact resistances (Ω m²) added in series on the faces where grains,
   * particles or carbon pieces meet (`grid.grainId`, `grid.carbonPieceId`); absent: ideal.
   */
  readonly contactResistance_ohm_m2?: Partial<ContactResistances_ohm_m2>;
  /** Stop when ‖b − A x‖₂ / ‖b‖₂ falls below this (–). @defaultValue 1e-6 */
  readonly relativeTolerance?: number;
  /**
   * Also require the estimated relative error of σ_eff below this: σ_eff comes from the
   * dissipation P = Σ g (Δφ)², which falls to the exact value from above with an error quadratic
   * in the potential error, and the error left is estimated from its last two drops. The
   * residual norm alone under-resolves σ_eff at high contrast (–). @defaultValue 1e-5
   */
  readonly conductivityTolerance?: number;
  /**
   * Optionally also require |I_in − I_out| / |I_in| below this. The face currents carry the
   * float32 rounding of the search directions (≈ 1e-4 on the paper's SC electrodes at 96³,
   * electronic path), so values under ≈ 1e-4 can stall the solve there (–).
   */
  readonly currentBalanceTolerance?: number;
  /** Iteration limit of the conjugate-gradient loop. @defaultValue 500 */
  readonly maxIterations?: number;
  /** `multigrid` (V- or K-cycle) or `none` (plain CG, for comparison). @defaultValue 'multigrid' */
  readonly preconditioner?: 'multigrid' | 'none';
  /** Red–black Gauss–Seidel sweeps before and after each coarse correction. @defaultValue 2 */
  readonly smoothingSteps?: number;
  /**
   * What to do when the iteration limit is reached first: `throw` a SolidCellError
   * `E_SOLVER_NOT_CONVERGED`, or `report` the result with `solver.converged = false`.
   * @defaultValue 'throw'
   */
  readonly onNotConverged?: 'throw' | 'report';
  /**
   * A voxel of the spanning cluster counts as current-carrying when the current through it
   * (half the sum of |face currents|) is at least this fraction of the mean current per
   * cross-section voxel, I / (n_j n_k) (–). @defaultValue 1e-3
   */
  readonly currentThreshold?: number;
  /**
   * Multigrid tuning: `cycle` 'V' (linear V-cycle, standard PCG; default on compact storage) or
   * 'K' (nonlinear K-cycle, flexible CG; default on grid storage); `coarseScale` multiplies
   * the 1/a coarse conductance rescaling; `fineSmoothingSteps` (default 1 on compact storage when
   * `smoothingSteps` is not given, else `smoothingSteps`).
   */
  readonly multigrid?: {
    readonly cycle?: 'V' | 'K';
    readonly coarseScale?: number;
    readonly fineSmoothingSteps?: number;
    /**
     * Coarse levels: `blocks` (each 2×2×2 block one aggregate) or `strong` (the strongly linked
     * components inside each block, so that a carbon strand and the NCM around it are corrected
     * separately: iterations nearly independent of a two-phase conductivity contrast, 12 instead
     * of 79 at 128³ and 1000:1, but each iteration costs about twice as much, and on the
     * reproduction's electrodes with sub-voxel carbon it is slower: 80/17/3 wt% SC at 64³,
     * electronic, 74 iterations in 5.0 s vs 88 in 2.2 s). @defaultValue 'blocks'
     */
    readonly aggregation?: 'blocks' | 'strong';
    /**
     * Finest-level storage: `grid` (structured padded arrays, active runs), `compact` (active
     * cells only, colour-sorted, with neighbour indices) or `auto` (compact when the spanning
     * cluster is under half of the voxels). @defaultValue 'auto'
     */
    readonly storage?: 'auto' | 'grid' | 'compact';
    /**
     * Add a coarse correction over the strongly linked clusters (carbon islands with the voxels
     * of sub-voxel carbon around them) to the fine level of the cycle. Without it the
     * iterations on the paper's SC electrodes, electronic path, stall: ncm90_sc1 at 64³ did not
     * reach the current balance in 500 iterations and its σ_eff was 0.7 % off; with it 48
     * iterations. @defaultValue true
     */
    readonly clusters?: boolean;
  };
  /** Wall clock in ms for the report (default `performance.now`). */
  readonly clock?: () => number;
}

/** Outcome of {@link solveVoxelConduction}; conductivities in S/m. */
export interface VoxelSolution {
  /** σ_eff = P L / (A Δφ²) with Δφ = 1 V, P the dissipation (= I Δφ at the solution) (S/m). */
  readonly conductivity_S_per_m: number;
  /** Current entering through the inlet face per unit area-conductance scale: I_in·L/(A Δφ) (S/m). */
  readonly inletConductance_S_per_m: number;
  /** Same through the outlet face (S/m). */
  readonly outletConductance_S_per_m: number;
  readonly iterations: number;
  readonly relativeResidual: number;
  readonly currentBalanceError: number;
  readonly converged: boolean;
  readonly seconds: number;
  readonly setupSeconds: number;
  /** Voxels with σ > 0. */
  readonly conductingVoxels: number;
  /** Voxels of the cluster connected to both faces (the unknowns). */
  readonly activeVoxels: number;
  /** Active voxels whose current passes the `currentThreshold`. */
  readonly currentCarryingVoxels: number;
  readonly multigridLevels: number;
  /** Bytes held by the solver's arrays (conductances, vectors, hierarchy), for memory budgets. */
  readonly solverBytes: number;
  /** Finest-level storage used: structured `grid` or `compact` active-cell list. */
  readonly storage?: 'grid' | 'compact';
  /**
   * Modelled bytes the kernels move per conjugate-gradient iteration (all levels; every array
   * element streamed once per kernel call), for comparison with the memory bandwidth.
   */
  readonly bytesMovedPerIteration?: number;
}

const DEFAULTS = {
  relativeTolerance: 1e-6,
  maxIterations: 500,
  currentThreshold: 1e-3,
} as const;

function assertOption(field: string, value: number, ok: boolean, allowed: string): void {
  if (!ok) {
    throw new SolidCellError('E_INVALID_INPUT', `${field} = ${value} is not allowed: ${allowed}`, {
      field,
      value,
      allowed,
    });
  }
}

/**
 * Solves steady conduction on a voxel grid and returns the effective conductivity along `axis`.
 *
 * @remarks
 * Finite volumes on the voxel centres: face conductance σ_f = 2σ_aσ_b/(σ_a+σ_b) (harmonic mean,
 * exact for layers in series), φ = 1 V / 0 V imposed at the two faces normal to `axis` half a voxel
 * from the first/last voxel centres, no flux through the four lateral faces. Only the conducting
 * cluster connected to both faces is solved; other voxels carry no current by construction, so
 * zero-conductivity phases need no artificial floor. Unknowns: float64 potential, float32
 * residual/search/work vectors, float32 face conductances normalised by the largest σ; dot
 * products and the final residual check in float64 (the true residual b − A x is recomputed
 * whenever the recurrence claims convergence, and replaces it if it does not). σ_eff is the
 * dissipation P = Σ g (Δφ)² (the current at Δφ = 1 V by Thomson's principle, an upper bound
 * whose error is quadratic in the potential error) times L/(A Δφ²); the inlet and outlet face
 * currents are reported beside it.
 * @param table - conductivity by voxel label (S/m), from `labelConductivityTable`.
 * @throws SolidCellError `E_SOLVER_NOT_CONVERGED` (iteration limit, unless `onNotConverged` is
 *   `report`), `E_SOLVER_NON_FINITE` (breakdown), `E_INVALID_INPUT` (bad grid or options).
 * @see shared/physics/model.md §3 "Effective conductivity".
 */
export function solveVoxelConduction(
  grid: VoxelGrid,
  table: Float64Array,
  axis: Axis,
  options: VoxelSolveOptions = {},
): VoxelSolution {
  const clock = options.clock ?? (() => performance.now());
  const start = clock();
  const tol = options.relativeTolerance ?? DEFAULTS.relativeTolerance;
  const maxIterations = options.maxIterations ?? DEFAULTS.maxIterations;
  const conductivityTol = options.conductivityTolerance ?? 1e-5;
  const balanceTol = options.currentBalanceTolerance;
  const threshold = options.currentThreshold ?? DEFAULTS.currentThreshold;
  const steps = options.smoothingSteps ?? 2;
  assertOption('relativeTolerance', tol, tol >= 1e-14 && tol <= 0.1, 'expected 1e-14 ≤ x ≤ 0.1');
  assertOption(
    'conductivityTolerance',
    conductivityTol,
    conductivityTol > 0 && conductivityTol <= 0.1,
    'expected 0 < x ≤ 0.1',
  );
  if (balanceTol !== undefined) {
    assertOption(
      'currentBalanceTolerance',
      balanceTol,
      balanceTol > 0 && balanceTol <= 1,
      'expected 0 < x ≤ 1',
    );
  }
  assertOption(
    'maxIterations',
    maxIterations,
    Number.isInteger(maxIterations) && maxIterations >= 1,
    'expected an integer ≥ 1',
  );
  assertOption(
    'currentThreshold',
    threshold,
    threshold >= 0 && threshold < 1,
    'expected 0 ≤ x < 1',
  );
  assertOption(
    'smoothingSteps',
    steps,
    Number.isInteger(steps) && steps >= 1 && steps <= 8,
    'expected an integer 1–8',
  );
  const [gnx, gny, gnz] = grid.shape;
  for (const [index, n] of grid.shape.entries()) {
    assertOption(
      `grid.shape[${index}]`,
      n,
      Number.isInteger(n) && n >= 1,
      'expected an integer ≥ 1',
    );
  }
  const voxels = gnx * gny * gnz;
  const paddedSize = (gnx + 2) * (gny + 2) * (gnz + 2);

  // Setup scratch: the σ field (float32, padded) and the flood-fill queue; they become the grid
  // storage's r and p vectors when the structured fine level is kept.
  const sigmaScratch = new Float32Array(paddedSize);
  const queueScratch = new Float32Array(paddedSize);
  const built = buildConductanceLevel(
    grid,
    table,
    axis,
    {
      sigma: sigmaScratch,
      queue: new Int32Array(queueScratch.buffer, 0, Math.min(voxels, paddedSize)),
    },
    resolveContactResistances(options.contactResistance_ohm_m2),
  );
  const { level, sigmaScale_S_per_m, stats } = built;
  const { nx, ny, nz } = level;
  const geometry = nx / (ny * nz);
  const conductanceBytes = 3 * 4 * paddedSize + 8 * (level.runs.length + level.rowStart.length);

  const emptyResult = (setupEnd: number): VoxelSolution => ({
    conductivity_S_per_m: 0,
    inletConductance_S_per_m: 0,
    outletConductance_S_per_m: 0,
    iterations: 0,
    relativeResidual: 0,
    currentBalanceError: 0,
    converged: true,
    seconds: (clock() - start) / 1000,
    setupSeconds: (setupEnd - start) / 1000,
    conductingVoxels: stats.conductingVoxels,
    activeVoxels: 0,
    currentCarryingVoxels: 0,
    multigridLevels: 0,
    solverBytes: conductanceBytes,
  });
  if (stats.activeVoxels === 0) return emptyResult(clock());

  const useMultigrid = options.preconditioner !== 'none';
  const storage = options.multigrid?.storage ?? 'auto';
  const compact =
    useMultigrid &&
    voxels > COARSEST_MAX_CELLS &&
    (storage === 'compact' ||
      (storage === 'auto' && stats.activeVoxels < COMPACT_ACTIVE_FRACTION * voxels));
  const fine: FineSystem = compact ? new CompactFineSystem(level) : new GridFineSystem(level);
  const length = fine.length;
  const r = compact ? new Float32Array(length) : sigmaScratch;
  const p = compact ? new Float32Array(length) : queueScratch;
  const w = new Float32Array(length);
  const x = new Float64Array(length);
  p.fill(0);
  // b: inlet Dirichlet conductance × 1 V on the first layer; x0 = 0 so r0 = b.
  const bNorm = Math.sqrt(fine.rightHandSide(r));

  // Defaults (bench/solve.bench.ts): sparse clusters on compact storage converge fastest per
  // second with a V-cycle over whole blocks, one fine and two coarse sweeps; dense clusters use
  // the K-cycle over whole blocks with two sweeps (see `multigrid.aggregation` for the strong
  // aggregates and why they are not the default).
  const tuned = options.multigrid ?? {};
  const multigrid = useMultigrid
    ? new MultigridPreconditioner(fine, {
        smoothingSteps: steps,
        cycle: tuned.cycle ?? (compact ? 'V' : 'K'),
        aggregation: tuned.aggregation ?? 'blocks',
        fineSmoothingSteps:
          tuned.fineSmoothingSteps ?? (compact && options.smoothingSteps === undefined ? 1 : steps),
        ...(tuned.coarseScale === undefined ? {} : { coarseScale: tuned.coarseScale }),
        clusters: tuned.clusters ?? true,
      })
    : undefined;
  // Flexible CG (Polak–Ribière β) when the K-cycle makes the preconditioner nonlinear; it then
  // needs its own z vector, otherwise z shares storage with q = A p.
  const flexible = multigrid?.isNonlinear ?? false;
  const z = flexible ? new Float32Array(length) : w;
  const precondition = (): void => {
    if (multigrid === undefined) z.set(r);
    else multigrid.apply(r, z);
  };
  const setupEnd = clock();

  precondition();
  p.set(z);
  let rz = fine.dot(r, z);
  let iterations = 0;
  let relativeResidual = 1;
  let converged = false;
  let replaceBelow = tol;
  // σ_eff settles by the dissipation (one pass per iteration, so that fast solves need not wait
  // for two windows after reaching the tolerance), optionally with the face currents' balance.
  const monitor = new DissipationMonitor(conductivityTol);
  const settled = (): boolean =>
    monitor.record(fine.dissipation(x)) &&
    (balanceTol === undefined || fine.currents(x).balance < balanceTol);
  while (iterations < maxIterations) {
    const pq = fine.apply(p, w);
    if (!(pq > 0) || !(rz > 0)) {
      if (rz === 0) {
        converged = true;
        relativeResidual = 0;
        break;
      }
      throw new SolidCellError(
        'E_SOLVER_NON_FINITE',
        `conjugate-gradient breakdown at iteration ${iterations}: p·Ap = ${pq}, r·z = ${rz} ` +
          `(${stats.activeVoxels} unknowns)`,
      );
    }
    const alpha = rz / pq;
    const rr = fine.update(alpha, p, w, x, r);
    iterations++;
    relativeResidual = Math.sqrt(rr) / bNorm;
    const sigmaSettled = settled();
    // Converged when the residual is below the tolerance and σ_eff has settled; the true float64
    // residual confirms. The float32 recurrence drifts from the true residual, so every further
    // drop by REPLACEMENT_DROP it is replaced by the true residual and the search restarts.
    if (relativeResidual < replaceBelow || (relativeResidual < tol && sigmaSettled)) {
      relativeResidual = Math.sqrt(fine.trueResidual(x, r)) / bNorm;
      if (relativeResidual < tol && sigmaSettled) {
        converged = true;
        break;
      }
      replaceBelow = Math.min(tol, relativeResidual * REPLACEMENT_DROP);
      precondition();
      p.set(z);
      rz = fine.dot(r, z);
      continue;
    }
    precondition();
    const rzNew = fine.dot(r, z);
    // Polak–Ribière: β = z·(r_new − r_old)/rz_old with r_new − r_old = −α q (q = w).
    const beta = flexible ? (-alpha * fine.dot(z, w)) / rz : rzNew / rz;
    rz = rzNew;
    fine.combine(beta, p, 1, z);
  }
  if (!converged) relativeResidual = Math.sqrt(fine.trueResidual(x, r)) / bNorm;

  // Currents through both electrode faces, and the current-carrying voxels.
  const { inlet, outlet, balance } = fine.currents(x);
  const current = fine.dissipation(x);
  if (!Number.isFinite(inlet) || !Number.isFinite(outlet) || !Number.isFinite(current)) {
    throw new SolidCellError(
      'E_SOLVER_NON_FINITE',
      `non-finite current after ${iterations} iterations (inlet ${inlet}, outlet ${outlet}, ` +
        `dissipation ${current})`,
    );
  }
  const currentCarryingVoxels = fine.countCurrentCarrying(x, (threshold * current) / (ny * nz));
  const vectorBytes = (4 * (flexible ? 4 : 3) + 8) * length;
  const seconds = (clock() - start) / 1000;
  if (!converged && options.onNotConverged !== 'report') {
    throw new SolidCellError(
      'E_SOLVER_NOT_CONVERGED',
      `voxel conduction solve stopped at the iteration limit ${maxIterations} with relative ` +
        `residual ${relativeResidual.toExponential(3)} > tolerance ${tol} ` +
        `(${stats.activeVoxels} unknowns, axis ${axis}, ${seconds.toFixed(3)} s)`,
      { field: 'maxIterations', value: maxIterations, allowed: 'enough iterations to converge' },
    );
  }
  return {
    conductivity_S_per_m: current * geometry * sigmaScale_S_per_m,
    inletConductance_S_per_m: inlet * geometry * sigmaScale_S_per_m,
    outletConductance_S_per_m: outlet * geometry * sigmaScale_S_per_m,
    iterations,
    relativeResidual,
    currentBalanceError: balance,
    converged,
    seconds,
    setupSeconds: (setupEnd - start) / 1000,
    conductingVoxels: stats.conductingVoxels,
    activeVoxels: stats.activeVoxels,
    currentCarryingVoxels,
    multigridLevels: multigrid?.levels ?? 0,
    solverBytes: conductanceBytes + vectorBytes + fine.extraBytes + (multigrid?.coarseBytes ?? 0),
    storage: compact ? 'compact' : 'grid',
    bytesMovedPerIteration:
      iterations > 0 ? (fine.traffic + (multigrid?.coarseTraffic ?? 0)) / iterations : 0,
  };
}
