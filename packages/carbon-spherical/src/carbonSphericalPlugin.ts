// Binds the carbon-black Material and the carbon-spherical voxel Morphology.
import { type CarbonAdditive, definePlugin, Material, Morphology } from '@solidcell/core';
import {
  createVoxelMorphology,
  type GeneratorParameters,
  type VoxelMorphology,
} from '@solidcell/microstructure';
import { ContainerModule } from 'inversify';
import { type CarbonBlackParameters, createCarbonBlackMaterial } from './carbonBlackMaterial.js';
import {
  type SphericalAgglomerateParameters,
  SphericalAgglomeratePlacer,
} from './SphericalAgglomeratePlacer.js';

/** Options of {@link createCarbonSphericalPlugin}: overrides of every parameter group. */
export interface CarbonSphericalOptions {
  readonly material?: Partial<CarbonBlackParameters>;
  readonly agglomerates?: Partial<SphericalAgglomerateParameters>;
  readonly generator?: GeneratorParameters;
}

/** The `carbon-spherical` voxel morphology with the given options. */
export function createCarbonSphericalMorphology(
  options: CarbonSphericalOptions = {},
): VoxelMorphology {
  return createVoxelMorphology(
    'carbon-spherical',
    new SphericalAgglomeratePlacer(options.agglomerates),
    options.generator,
  );
}

/** Creates the plugin with overridden parameters. */
export function createCarbonSphericalPlugin(options: CarbonSphericalOptions = {}) {
  const material: CarbonAdditive = createCarbonBlackMaterial(options.material);
  const morphology = createCarbonSphericalMorphology(options);
  return definePlugin({
    id: 'carbon-spherical',
    kinds: ['Material', 'Morphology'],
    module: new ContainerModule(({ bind }) => {
      bind(Material).toConstantValue(material);
      bind(Morphology).toConstantValue(morphology);
    }),
  });
}

/** The plugin with default parameters. */
export const carbonSphericalPlugin = createCarbonSphericalPlugin();
/** The ContainerModule of {@link carbonSphericalPlugin}. */
export const carbonSphericalModule = carbonSphericalPlugin.module;
/** Alias for loading by package name. */
export const plugin = carbonSphericalPlugin;
