// The Transport contract: effective ionic/electronic conductivity of a microstructure (M3).
import type { ServiceIdentifier } from 'inversify';
import type { ElectrodePhase } from '../composition/phases.js';
import type { Microstructure } from './Microstructure.js';

/** Transport axis of a voxel solve. */
export type Axis = 'x' | 'y' | 'z';

/** Which conducting network is solved. */
export type TransportPath = 'ionic' | 'electronic';

/** A request for an effective conductivity. */
export interface TransportQuery {
  /** The microstructure (voxel transports need `grid`, effective-medium ones use descriptors). */
  readonly microstructure: Microstructure;
  /** Network being solved. */
  readonly path: TransportPath;
  /** Bulk conductivity of every phase for this path (S/m), ≥ 0. */
  readonly phaseConductivity_S_per_m: Readonly<Record<ElectrodePhase, number>>;
  /** Axis of the applied potential difference (default `x`). */
  readonly axis?: Axis;
  /**
   * Area-specific resistances (Ω m²) of the contacts of this path; absent entries are 0 (ideal
   * contact). Voxel solves add them in series to the faces where two grains, particles or carbon
   * pieces meet (see {@link ContactResistances_ohm_m2}).
   */
  readonly contactResistance_ohm_m2?: Partial<ContactResistances_ohm_m2>;
}

/** Area-specific contact resistances (Ω m²) per pair, each ≥ 0 (+∞: no conduction). */
export interface ContactResistances_ohm_m2 {
  /** SE grain boundary (two different SE grains). */
  readonly se_se: number;
  /** Two different NCM particles. */
  readonly ncm_ncm: number;
  /** Two different carbon pieces (agglomerates, fibres). */
  readonly carbon_carbon: number;
  /** Carbon on NCM. */
  readonly ncm_carbon: number;
}

/** Linear-solver report of a voxel solve. */
export interface SolverReport {
  readonly iterations: number;
  /** Final ‖r‖/‖b‖. */
  readonly relativeResidual: number;
  /** |I_in − I_out| / |I_in| between the two electrode faces. */
  readonly currentBalanceError: number;
  /** Wall time of the whole solve including setup (s). */
  readonly seconds: number;
  /**
   * False when the iteration limit stopped the solve before the tolerance was met (only reported
   * when the caller asked for a report instead of an `E_SOLVER_NOT_CONVERGED` error); absent or
   * true otherwise.
   */
  readonly converged?: boolean;
  /** Number of unknowns actually solved (voxels of the conducting cluster spanning both faces). */
  readonly unknowns?: number;
  /** Multigrid levels used by the preconditioner (1 = no coarsening, 0 = none). */
  readonly multigridLevels?: number;
  /** Part of {@link SolverReport.seconds} spent building conductances and the hierarchy (s). */
  readonly setupSeconds?: number;
}

/** Result of a {@link Transport} evaluation. */
export interface TransportResult {
  /** Effective conductivity σ_eff = I L / (A Δφ) (S/m). */
  readonly conductivity_S_per_m: number;
  /** Tortuosity factor τ = ε σ_bulk / σ_eff of the main conducting phase (–). */
  readonly tortuosityFactor: number;
  /** Fraction of the conducting phase volume that carries current (0–1). */
  readonly currentCarryingFraction: number;
  /** Solver statistics (voxel transports only). */
  readonly solver?: SolverReport;
}

/**
 * Computes effective conductivities.
 *
 * @remarks
 * Lifecycle: singleton; pure and deterministic. Multi-binding selected by `id` (e.g. a voxel
 * solver for microstructure studies and a fast effective-medium law inside the cell model).
 * Side reactions that consume SE feed back into σ_ion,eff by querying an effective-medium transport
 * with the reduced SE fraction in the descriptors.
 * @see shared/physics/model.md, M3 and §3 "Effective conductivity".
 */
export interface Transport {
  /** Stable id, e.g. `"voxel-fv"` or `"effective-medium"`. */
  readonly id: string;
  /** Whether it needs a voxel grid. */
  readonly method: 'voxel' | 'effective-medium';
  /** Effective conductivity of one network along one axis. */
  effectiveConductivity(query: TransportQuery): TransportResult;
}

/** Service identifier of {@link Transport} (multi-binding, selected by id). */
export const Transport: ServiceIdentifier<Transport> = Symbol.for('@solidcell/core/Transport');
