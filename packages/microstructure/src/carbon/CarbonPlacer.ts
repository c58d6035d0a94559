// The pluggable carbon placement step of the voxel generator, implemented by carbon plugins.
import type { CarbonShape, ElectrodeVolumeFractions, Random } from '@solidcell/core';
import type { GridGeometry } from '../grid/GridGeometry.js';
import type { Sphere, SphereIndex } from '../ncm/SphereIndex.js';
import type { CarbonDepositor } from './CarbonDepositor.js';

/** What a {@link CarbonPlacer} sees: the grid after NCM and pore placement (the rest is SE). */
export interface CarbonPlacementContext {
  /** Box shape and boundary (voxel units). */
  readonly grid: GridGeometry;
  /** Voxel edge length (m). */
  readonly voxelSize_m: number;
  /** Labels: NCM = 1, pore = 0, SE = 2; the depositor adds carbon. Read-only for placers. */
  readonly labels: Uint8Array;
  /** Index of the NCM particle owning each NCM voxel, −1 elsewhere. */
  readonly ncmOwner: Int32Array;
  /** The NCM particles as voxelised (effective radii, voxel units), indexed like `ncmOwner`. */
  readonly particles: readonly Sphere[];
  /** Spatial index over `particles`. */
  readonly particleIndex: SphereIndex;
  /** The only way to write carbon; stops exactly at the target volume. */
  readonly depositor: CarbonDepositor;
  /** Random stream reserved for carbon placement. */
  readonly random: Random;
}

/** A carbon fibre as placed (voxel units, unwrapped coordinates). */
export interface PlacedFibre {
  /** End touching particle `particles[0]`. */
  readonly start: readonly [number, number, number];
  /** End touching particle `particles[1]`. */
  readonly end: readonly [number, number, number];
  /** Indices of the two NCM particles the ends touch. */
  readonly particles: readonly [number, number];
  /** Polyline through the fibre (flat xyz list, voxel units). */
  readonly path: readonly number[];
}

/** What a placer reports. */
export interface CarbonPlacementReport {
  /** Number of primitives (agglomerates or fibres) placed. */
  readonly objectCount: number;
  /** Surface-to-volume ratio of the placed primitives (1/m), used for sub-voxel carbon area. */
  readonly surfaceToVolume_per_m: number;
  /** Fibres, for fibre placers. */
  readonly fibres?: readonly PlacedFibre[];
}

/**
 * Places the carbon of one carbon shape into a voxel grid whose NCM is already placed.
 *
 * @remarks
 * Implemented by the carbon plugins (`@solidcell/carbon-spherical`, `@solidcell/carbon-fiber`).
 * `place` must write carbon only through `context.depositor`, draw random numbers only from
 * `context.random`, stop when `depositor.done`, and be bounded (throw
 * `SolidCellError('E_SOLVER_NOT_CONVERGED')` when the target cannot be reached).
 */
export interface CarbonPlacer {
  /** Stable id, e.g. `"carbon-spherical"`. */
  readonly id: string;
  /** Carbon shape it places. */
  readonly carbonShape: CarbonShape;
  /** Places carbon until `context.depositor.done`. */
  place(context: CarbonPlacementContext): CarbonPlacementReport;
  /** Surface-to-volume ratio of one primitive (1/m), for analytic descriptors. */
  readonly surfaceToVolume_per_m: number;
  /**
   * Closed-form estimate of β, the fraction of the carbon volume inside the SE domain, for the
   * analytic (grid-free) descriptors.
   */
  estimateCarbonInSeDomainFraction(fractions: ElectrodeVolumeFractions): number;
}
