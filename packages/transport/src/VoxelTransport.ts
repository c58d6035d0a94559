// The voxel finite-volume Transport: effective conductivity, tortuosity factor and current-carrying
// fraction of a microstructure's voxel grid, via solveVoxelConduction.
import {
  invalidInput,
  type Transport,
  type TransportQuery,
  type TransportResult,
} from '@solidcell/core';
import { LABELLED_PHASES, labelConductivityTable } from './conductivityTable.js';
import { phaseVolumeFractions } from './phaseVolumeFractions.js';
import { solveVoxelConduction, type VoxelSolveOptions } from './solveVoxelConduction.js';

/** Options of {@link VoxelTransport}: those of the voxel solve (tolerance, limits, …). */
export type VoxelTransportOptions = VoxelSolveOptions;

/**
 * Transport by a voxel finite-volume solve on `microstructure.grid` (method `voxel`, id `voxel-fv`).
 *
 * @remarks
 * - σ_eff = I L / (A Δφ) from the solve (S/m).
 * - Tortuosity factor τ = ε_m σ_m / σ_eff of the main conducting phase m = argmax_k σ_k ε_k over
 *   the labelled phases (SE for the ionic path, normally carbon for the electronic one); ε_m
 *   measured on the grid with sub-voxel carbon. τ = +∞ when nothing percolates (σ_eff = 0).
 * - currentCarryingFraction = voxels of the cluster spanning both faces whose current is at least
 *   `currentThreshold` (default 1e-3) of the mean current per cross-section voxel, divided by all
 *   voxels with σ > 0. Isolated clusters, dead ends and stagnant pockets therefore do not count.
 * - Unconverged solves throw `E_SOLVER_NOT_CONVERGED` unless `onNotConverged: 'report'`, in
 *   which case `solver.converged` is false.
 * @see shared/physics/model.md M3 and §3 "Effective conductivity".
 */
export class VoxelTransport implements Transport {
  public readonly id = 'voxel-fv';
  public readonly method = 'voxel' as const;

  public constructor(private readonly options: VoxelTransportOptions = {}) {}

  public effectiveConductivity(query: TransportQuery): TransportResult {
    const grid = query.microstructure.grid;
    if (grid === undefined) {
      invalidInput(
        'microstructure.grid',
        undefined,
        'a voxel grid (use an effective-medium Transport for analytic morphologies)',
      );
    }
    const table = labelConductivityTable(query.phaseConductivity_S_per_m);
    const contacts = query.contactResistance_ohm_m2;
    const solution = solveVoxelConduction(
      grid,
      table,
      query.axis ?? 'x',
      contacts === undefined
        ? this.options
        : { ...this.options, contactResistance_ohm_m2: contacts },
    );
    const fractions = phaseVolumeFractions(grid);
    let mainCapacity = 0;
    let mainFraction = 0;
    let mainSigma = 0;
    for (const phase of LABELLED_PHASES) {
      const sigma = query.phaseConductivity_S_per_m[phase];
      const capacity = sigma * fractions[phase];
      if (capacity > mainCapacity) {
        mainCapacity = capacity;
        mainFraction = fractions[phase];
        mainSigma = sigma;
      }
    }
    const sigmaEff = solution.conductivity_S_per_m;
    return {
      conductivity_S_per_m: sigmaEff,
      tortuosityFactor:
        sigmaEff > 0 ? (mainFraction * mainSigma) / sigmaEff : Number.POSITIVE_INFINITY,
      currentCarryingFraction:
        solution.conductingVoxels > 0
          ? solution.currentCarryingVoxels / solution.conductingVoxels
          : 0,
      solver: {
        iterations: solution.iterations,
        relativeResidual: solution.relativeResidual,
        currentBalanceError: solution.currentBalanceError,
        seconds: solution.seconds,
        converged: solution.converged,
        unknowns: solution.activeVoxels,
        multigridLevels: solution.multigridLevels,
        setupSeconds: solution.setupSeconds,
      },
    };
  }
}
