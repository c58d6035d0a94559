// Microstructure data shared by Morphology and Transport: voxel labels and measured descriptors.
import type { ElectrodeVolumeFractions } from '../composition/phases.js';
import type { CarbonShape } from '../composition/referenceDensities.js';

/** Voxel phase labels (uint8). */
export const PhaseLabel = { pore: 0, ncm: 1, se: 2, carbon: 3 } as const;
/** One of the values of {@link PhaseLabel}. */
export type PhaseLabel = (typeof PhaseLabel)[keyof typeof PhaseLabel];

/** A voxelised microstructure; structure-of-arrays, x varies fastest. */
export interface VoxelGrid {
  /** Number of voxels along x, y, z. */
  readonly shape: readonly [number, number, number];
  /** Edge length of one cubic voxel (m). */
  readonly voxelSize_m: number;
  /** Phase label per voxel (see {@link PhaseLabel}), index = x + nx (y + ny z). */
  readonly labels: Uint8Array;
  /**
   * Optional sub-voxel carbon volume fraction per voxel (0–1) for carbon finer than the grid;
   * the remainder of such a voxel belongs to the phase in `labels`.
   */
  readonly carbonFraction?: Float32Array;
  /** Whether the box is periodic in x, y, z (else walled). */
  readonly periodic: boolean;
  /**
   * Optional identity of the particle or grain that owns the labelled phase of each voxel (−1:
   * none). A face between two voxels of the same label but different ids is a contact (NCM–NCM)
   * or a grain boundary (SE–SE) and carries that pair's contact resistance in a voxel solve.
   */
  readonly grainId?: Int32Array;
  /**
   * Optional identity of the carbon piece (agglomerate, fibre) in each carbon-bearing voxel (−1:
   * none). A face between carbon of two different pieces is a carbon–carbon contact.
   */
  readonly carbonPieceId?: Int32Array;
  /**
   * Optional flag per voxel: 1 where the sub-voxel carbon is a continuous strand (a fibre)
   * crossing the voxel, which conducts along itself whatever its volume share; 0 where it is a
   * dispersion (agglomerates), which connects only beyond an effective-medium threshold.
   */
  readonly carbonStrand?: Uint8Array;
}

/** Interfacial area per unit electrode volume for each phase pair (m²/m³). */
export interface InterfaceAreas_m2_per_m3 {
  readonly ncm_se: number;
  readonly carbon_se: number;
  readonly ncm_carbon: number;
  readonly ncm_pore: number;
  readonly se_pore: number;
  readonly carbon_pore: number;
}

/** Measured (or estimated) descriptors of a microstructure. */
export interface MicrostructureDescriptors {
  /** Phase volume fractions (0–1). */
  readonly volumeFractions: ElectrodeVolumeFractions;
  /** Interfacial area per electrode volume for each phase pair. */
  readonly interfaceAreaPerVolume_m2_per_m3: InterfaceAreas_m2_per_m3;
  /**
   * NCM|SE contact per electrode volume where carbon touches it (m²/m³). Voxel grids: each
   * NCM|SE face weighted by the carbon within one voxel (model.md §2a); analytic estimates: NCM|SE
   * area with carbon within one SE particle radius.
   */
  readonly threePhaseNcmAreaPerVolume_m2_per_m3: number;
  /** Fraction of each conducting network connected face to face across the box (0–1). */
  readonly percolatingFraction: {
    readonly se: number;
    readonly electronic: number;
    /** Carbon alone (voxels holding carbon), when measured. */
    readonly carbon?: number;
    /** NCM alone, when measured. */
    readonly ncm?: number;
  };
  /** Fraction of the NCM surface that touches SE (0–1), when measured on a grid. */
  readonly ncmSeCoverage?: number;
  /** Fraction of the NCM|SE contact that is three-phase (0–1), when measured on a grid. */
  readonly threePhaseFraction?: number;
  /** SE grain–grain contact (grain-boundary) area per electrode volume (m²/m³), when measured. */
  readonly seGrainContactAreaPerVolume_m2_per_m3?: number;
  /**
   * Volume-median equivalent-sphere diameters of the particles as generated (m): NCM particles
   * and densified SE grains, when the grid carries grain ids.
   */
  readonly effectiveD50_m?: { readonly ncm: number; readonly seGrain: number };
  /** Fraction of the carbon volume that sits inside the SE domain (β of parameters.md §6.1). */
  readonly carbonInSeDomainFraction: number;
  /**
   * Effective electronic conductivity of this structure solved at several NCM conductivities
   * (NCM's σ_e depends on its lithiation), so a cell can take σ_el,eff(x_Li) from the voxel
   * solves instead of a closed form. Optional: absent for estimated descriptors.
   */
  readonly electronicConductivitySamples?: readonly ElectronicConductivitySample[];
  /**
   * σ_ion,eff / σ_SE of this structure's own voxel solves (mean over the solved axes, –), so a cell
   * starts from the electrode's measured ionic network rather than a law fitted across electrodes.
   * Optional: absent for estimated descriptors.
   */
  readonly ionicConductivityRatio?: number;
}

/** One voxel solve of the electronic network at a given NCM conductivity. */
export interface ElectronicConductivitySample {
  /** Bulk electronic conductivity given to the NCM voxels (S/m). */
  readonly ncmConductivity_S_per_m: number;
  /** Effective electronic conductivity of the electrode, mean over the solved axes (S/m). */
  readonly effectiveConductivity_S_per_m: number;
}

/** A microstructure produced by a {@link Morphology}. */
export interface Microstructure {
  /** Id of the morphology plugin that produced it. */
  readonly morphologyId: string;
  /** Carbon shape it was built for. */
  readonly carbonShape: CarbonShape;
  /** Seed used (same seed ⇒ same bytes). */
  readonly seed: number;
  /** Target fractions the generator aimed at. */
  readonly targetVolumeFractions: ElectrodeVolumeFractions;
  /** Descriptors measured on the structure. */
  readonly descriptors: MicrostructureDescriptors;
  /** The voxel grid, absent for analytic (effective-medium) morphologies. */
  readonly grid?: VoxelGrid;
}
