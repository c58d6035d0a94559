// Measures the descriptors of a voxel microstructure: fractions, interface areas with staircase
// correction, three-phase NCM area, percolating fractions and carbon-in-SE-domain β.
import {
  type InterfaceAreas_m2_per_m3,
  type MicrostructureDescriptors,
  PhaseLabel,
  type VoxelGrid,
} from '@solidcell/core';
import type { GridGeometry } from '../grid/GridGeometry.js';
import type { SphereIndex } from '../ncm/SphereIndex.js';
import { carbonInSeDomainFraction } from './carbonInSeDomainFraction.js';
import { countContactFaces } from './contactDescriptors.js';
import { countInterfaceFaces, LABEL_COUNT } from './faceCounts.js';
import { percolatingFractionAlongX } from './percolatingFraction.js';

/**
 * Staircase correction of voxel face counts: for an isotropic (randomly oriented) surface the
 * expected voxel face area is 3/2 of the true area (Cauchy: the mean of |n_x|+|n_y|+|n_z| over
 * the unit sphere is 3/2), so areas are face count × h² × 2/3.
 */
export const STAIRCASE_AREA_FACTOR = 2 / 3;

/** Options of {@link measureDescriptors}. */
export interface MeasureDescriptorsOptions {
  /** Gap width below which non-NCM space counts as NCM–NCM gap, not SE domain (m). */
  readonly seGapWidth_m: number;
  /** Surface-to-volume ratio of sub-voxel carbon (1/m); its area is counted as carbon|SE. */
  readonly subVoxelCarbonSurfaceToVolume_per_m: number;
  /** NCM particles (voxel units) for the β measurement; omit for grids from elsewhere. */
  readonly particles?: SphereIndex;
}
/**
 * Bytes per voxel {@link measureDescriptors} allocates at most at once: four network masks
 * (uint8) 4, the percolation labelling (component and queue, int32) 8, β's two surface distances
 * (float32) 8.
 */
export const DESCRIPTOR_SCRATCH_BYTES_PER_VOXEL = 20;

/**
 * Measures {@link MicrostructureDescriptors} on a voxel grid.
 *
 * @remarks
 * - Volume fractions: NCM and pore voxel counts / N; carbon = carbon voxels + Σ sub-voxel
 *   fractions; SE = SE voxels − their sub-voxel carbon. Binder is not a voxel phase (reported 0).
 * - Interface areas: faces between differently labelled voxels × h² × {@link STAIRCASE_AREA_FACTOR}
 *   per box volume; sub-voxel carbon adds S/V × its volume to carbon|SE.
 * - Three-phase NCM area: NCM|SE faces (corrected), each weighted by the carbon within one voxel
 *   (see {@link countContactFaces}); coverage = NCM|SE / all NCM surface; SE grain-contact area
 *   and effective particle sizes from `grid.grainId`.
 * - Percolating fractions (along x, 6-connectivity): ionic network = SE-labelled voxels whose
 *   carbon fraction is below ½; electronic network = NCM, carbon and every voxel holding carbon.
 * - β: see {@link carbonInSeDomainFraction}.
 */
export function measureDescriptors(
  grid: VoxelGrid,
  options: MeasureDescriptorsOptions,
): MicrostructureDescriptors {
  const [nx, ny, nz] = grid.shape;
  const geometry: GridGeometry = { nx, ny, nz, periodic: grid.periodic };
  const { labels, carbonFraction } = grid;
  const total = labels.length;
  const h = grid.voxelSize_m;
  const counts = [0, 0, 0, 0];
  let subVoxelCarbon = 0;
  for (let i = 0; i < total; i++) {
    counts[labels[i]!]! += 1;
    if (carbonFraction !== undefined && labels[i] !== PhaseLabel.carbon) {
      subVoxelCarbon += carbonFraction[i]!;
    }
  }
  const volumeFractions = {
    ncm: counts[PhaseLabel.ncm]! / total,
    se: (counts[PhaseLabel.se]! - subVoxelCarbon) / total,
    carbon: (counts[PhaseLabel.carbon]! + subVoxelCarbon) / total,
    binder: 0,
    pore: counts[PhaseLabel.pore]! / total,
  };
  const faces = countInterfaceFaces(geometry, labels);
  const perFace = (STAIRCASE_AREA_FACTOR * h * h) / (total * h ** 3);
  const area = (a: number, b: number) => faces[a * LABEL_COUNT + b]! * perFace;
  const subVoxelArea = (options.subVoxelCarbonSurfaceToVolume_per_m * subVoxelCarbon) / total;
  const interfaceAreaPerVolume_m2_per_m3: InterfaceAreas_m2_per_m3 = {
    ncm_se: area(PhaseLabel.ncm, PhaseLabel.se),
    carbon_se: area(PhaseLabel.carbon, PhaseLabel.se) + subVoxelArea,
    ncm_carbon: area(PhaseLabel.ncm, PhaseLabel.carbon),
    ncm_pore: area(PhaseLabel.ncm, PhaseLabel.pore),
    se_pore: area(PhaseLabel.se, PhaseLabel.pore),
    carbon_pore: area(PhaseLabel.carbon, PhaseLabel.pore),
  };
  const hasCarbon = new Uint8Array(total);
  const ionic = new Uint8Array(total);
  const electronic = new Uint8Array(total);
  for (let i = 0; i < total; i++) {
    const label = labels[i]!;
    const c = carbonFraction?.[i] ?? 0;
    hasCarbon[i] = label === PhaseLabel.carbon || c > 0 ? 1 : 0;
    ionic[i] = label === PhaseLabel.se && c < 0.5 ? 1 : 0;
    electronic[i] = label === PhaseLabel.ncm || hasCarbon[i] ? 1 : 0;
  }
  const contacts = countContactFaces(geometry, grid);
  const ncmSurface =
    interfaceAreaPerVolume_m2_per_m3.ncm_se +
    interfaceAreaPerVolume_m2_per_m3.ncm_carbon +
    interfaceAreaPerVolume_m2_per_m3.ncm_pore;
  const threePhase = contacts.threePhaseWeightedFaces * perFace;
  const ncmOnly = new Uint8Array(total);
  for (let i = 0; i < total; i++) ncmOnly[i] = labels[i] === PhaseLabel.ncm ? 1 : 0;
  return {
    volumeFractions,
    interfaceAreaPerVolume_m2_per_m3,
    threePhaseNcmAreaPerVolume_m2_per_m3: threePhase,
    percolatingFraction: {
      se: percolatingFractionAlongX(geometry, ionic),
      electronic: percolatingFractionAlongX(geometry, electronic),
      carbon: percolatingFractionAlongX(geometry, hasCarbon),
      ncm: percolatingFractionAlongX(geometry, ncmOnly),
    },
    ncmSeCoverage: ncmSurface > 0 ? interfaceAreaPerVolume_m2_per_m3.ncm_se / ncmSurface : 0,
    threePhaseFraction:
      interfaceAreaPerVolume_m2_per_m3.ncm_se > 0
        ? threePhase / interfaceAreaPerVolume_m2_per_m3.ncm_se
        : 0,
    seGrainContactAreaPerVolume_m2_per_m3: contacts.seGrainContactFaces * perFace,
    ...(grid.grainId === undefined
      ? {}
      : {
          effectiveD50_m: {
            ncm: contacts.ncmD50_voxels * h,
            seGrain: contacts.seGrainD50_voxels * h,
          },
        }),
    carbonInSeDomainFraction: carbonInSeDomainFraction(
      geometry,
      labels,
      carbonFraction,
      options.seGapWidth_m / h,
      options.particles,
    ),
  };
}
