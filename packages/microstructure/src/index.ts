/**
 * `@solidcell/microstructure`: the voxel microstructure generator of SolidCell (mechanism M2):
 * packed polydisperse NCM spheres with limited overlap, a pluggable {@link CarbonPlacer},
 * residual pores and SE, descriptors measured on the grid (fractions, interface areas,
 * three-phase area, percolation, carbon-in-SE-domain β) and analytic estimates without a grid.
 * Browser-safe; file export lives in `@solidcell/microstructure/node`.
 *
 * @packageDocumentation
 */

export { CarbonDepositor } from './carbon/CarbonDepositor.js';
export type {
  CarbonPlacementContext,
  CarbonPlacementReport,
  CarbonPlacer,
  PlacedFibre,
} from './carbon/CarbonPlacer.js';
export { createVoxelMorphology, type VoxelMorphology } from './createVoxelMorphology.js';
export { MICROSTRUCTURE_DEFAULTS } from './defaults.js';
export { carbonInSeDomainFraction } from './descriptors/carbonInSeDomainFraction.js';
export { type ContactFaceCounts, countContactFaces } from './descriptors/contactDescriptors.js';
export { squaredDistanceTransform } from './descriptors/distanceTransform.js';
export {
  ELECTRONIC_PERCOLATION_THRESHOLD,
  type EstimateDescriptorsInput,
  estimateDescriptors,
  SE_PERCOLATION_THRESHOLD,
} from './descriptors/estimateDescriptors.js';
export { countInterfaceFaces, forEachFace } from './descriptors/faceCounts.js';
export {
  type MeasureDescriptorsOptions,
  measureDescriptors,
  STAIRCASE_AREA_FACTOR,
} from './descriptors/measureDescriptors.js';
export { percolatingFractionAlongX } from './descriptors/percolatingFraction.js';
export {
  analyticMicrostructure,
  type GeneratedMicrostructure,
  type GenerateOptions,
  type GeneratorParameters,
  generateMicrostructure,
  type NcmParticle,
} from './generateMicrostructure.js';
export { axisDelta, type GridGeometry, voxelIndex, wrapIndex } from './grid/GridGeometry.js';
export {
  assertGridWithinLimits,
  DEFAULT_MEMORY_LIMIT_bytes,
  estimateGenerationMemory_bytes,
  generationBytesPerVoxel,
  MAX_GRID_VOXELS_PER_EDGE,
  microstructureBytesPerVoxel,
} from './grid/gridLimits.js';
export { logNormalSigmaFromSpan, sampleRadii } from './ncm/particleSizeDistribution.js';
export { type NcmRaster, rasterizeNcm } from './ncm/rasterizeNcm.js';
export { type Sphere, SphereIndex } from './ncm/SphereIndex.js';
export {
  densifySe,
  type PackSeOptions,
  packSeParticles,
  type SeDensification,
} from './se/packSeGrains.js';
