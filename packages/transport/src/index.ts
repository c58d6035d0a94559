/**
 * `@solidcell/transport`: effective ionic and electronic conductivity of composite-electrode
 * microstructures (mechanism M3). A voxel finite-volume conduction solver (conjugate gradients
 * preconditioned by an aggregation multigrid cycle) as the `voxel-fv` Transport, closed-form
 * percolation / effective-medium laws as the `effective-medium` Transport, a log-space fit of the
 * percolation law to voxel results, and small synthetic voxel structures for verification.
 *
 * @packageDocumentation
 */

export {
  LABELLED_PHASES,
  labelConductivityTable,
  mixedVoxelConductivity_S_per_m,
  strandVoxelConductivity_S_per_m,
  voxelConductivity_S_per_m,
} from './conductivityTable.js';
export {
  applyContactResistances,
  faceContactResistance_ohm_m2,
  resolveContactResistances,
} from './contactFaces.js';
export {
  CONTACT_RESISTANCE_DEFAULTS,
  type ContactResistanceParameter,
  contactResistancesFor,
} from './contactResistanceDefaults.js';
export {
  DEFAULT_EFFECTIVE_MEDIUM_PARAMETERS,
  type EffectiveMediumParameters,
  EffectiveMediumTransport,
} from './EffectiveMediumTransport.js';
export {
  createEffectiveMediumTransportModule,
  createEffectiveMediumTransportPlugin,
  effectiveMediumTransportModule,
  effectiveMediumTransportPlugin,
} from './effectiveMediumTransportPlugin.js';
export {
  fitPercolationLaw,
  type PercolationFit,
  type PercolationLaw,
  type PercolationSample,
  percolationRatio,
} from './percolationLaw.js';
export { type LabelledVolumeFractions, phaseVolumeFractions } from './phaseVolumeFractions.js';
export {
  estimateVoxelSolveMemory_bytes,
  SOLVER_BYTES_PER_PADDED_VOXEL,
  solveVoxelConduction,
  type VoxelSolution,
  type VoxelSolveOptions,
} from './solveVoxelConduction.js';
export {
  createLayeredGrid,
  createRandomSpheresGrid,
  createSphereGrid,
  createThreePhaseGrid,
  paintSpheres,
  type RandomSpheresOptions,
  type ThreePhaseOptions,
  type VoxelSphere,
} from './syntheticGrids.js';
export { VoxelTransport, type VoxelTransportOptions } from './VoxelTransport.js';
export {
  type ElectronicLawInput,
  type ElectronicVoxelLaw,
  electronicConductivity_S_per_m,
  fitIonicVoxelLaw,
  type IonicLawInput,
  type IonicLawSample,
  type IonicVoxelLaw,
  ionicConductivityRatio,
  VOXEL_ELECTRONIC_LAW,
  VOXEL_IONIC_LAW,
} from './voxelTransportLaws.js';
export {
  createVoxelTransportModule,
  createVoxelTransportPlugin,
  voxelTransportModule,
  voxelTransportPlugin,
  voxelTransportPlugin as plugin,
} from './voxelTransportPlugin.js';
