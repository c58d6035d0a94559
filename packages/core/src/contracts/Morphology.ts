// The Morphology contract: turns a composition into a microstructure and its descriptors (M2).
import type { ServiceIdentifier } from 'inversify';
import type { ElectrodeVolumeFractions } from '../composition/phases.js';
import type { CarbonShape } from '../composition/referenceDensities.js';
import type { Microstructure } from './Microstructure.js';

/** What a morphology is asked to build. All lengths in metres. */
export interface MorphologyRequest {
  /** Target electrode volume fractions (0–1, sum 1), from the composition maths. */
  readonly volumeFractions: ElectrodeVolumeFractions;
  /** Seed of every stochastic step. */
  readonly seed: number;
  /** Grid: voxels per edge (cubic box) and voxel edge length. Omit for analytic morphologies. */
  readonly grid?: {
    readonly voxels: number;
    readonly voxelSize_m: number;
    readonly periodic?: boolean;
  };
  /** NCM particle-size distribution: median diameter and span ((D90 − D10)/D50). */
  readonly ncmParticles?: { readonly d50_m: number; readonly span: number };
  /** SE particle-size distribution before pressing: median diameter and span. */
  readonly seParticles?: { readonly d50_m: number; readonly span: number };
}

/** Progress callback: fraction done (0–1) and a short stage name. */
export type ProgressCallback = (fractionDone: number, stage: string) => void;

/**
 * Builds microstructures for one carbon shape.
 *
 * @remarks
 * Lifecycle: a singleton per container; `generate` is deterministic for a given request
 * (same seed ⇒ byte-identical labels) and must hit the target volume fractions within
 * ±0.5 vol% absolute. Multi-binding: one morphology per carbon shape, selected by `carbonShape`
 * or `id`.
 * @see shared/physics/model.md, M2 and §3 "Microstructure".
 */
export interface Morphology {
  /** Stable id, e.g. `"carbon-spherical"`. */
  readonly id: string;
  /** Carbon shape this morphology places. */
  readonly carbonShape: CarbonShape;
  /** Builds the microstructure and measures its descriptors. */
  generate(request: MorphologyRequest, onProgress?: ProgressCallback): Microstructure;
}

/** Service identifier of {@link Morphology} (multi-binding). */
export const Morphology: ServiceIdentifier<Morphology> = Symbol.for('@solidcell/core/Morphology');
