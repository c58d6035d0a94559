// Binds the carbon-fiber Material and the carbon-fiber voxel Morphology.
import { type CarbonAdditive, definePlugin, Material, Morphology } from '@solidcell/core';
import {
  createVoxelMorphology,
  type GeneratorParameters,
  type VoxelMorphology,
} from '@solidcell/microstructure';
import { ContainerModule } from 'inversify';
import { type CarbonFiberParameters, createCarbonFiberMaterial } from './carbonFiberMaterial.js';
import { type FiberBridgeParameters, FiberBridgePlacer } from './FiberBridgePlacer.js';

/** Options of {@link createCarbonFiberPlugin}: overrides of every parameter group. */
export interface CarbonFiberOptions {
  readonly material?: Partial<CarbonFiberParameters>;
  readonly fibers?: Partial<FiberBridgeParameters>;
  readonly generator?: GeneratorParameters;
}

/** The `carbon-fiber` voxel morphology with the given options. */
export function createCarbonFiberMorphology(options: CarbonFiberOptions = {}): VoxelMorphology {
  return createVoxelMorphology(
    'carbon-fiber',
    new FiberBridgePlacer(options.fibers),
    options.generator,
  );
}

/** Creates the plugin with overridden parameters. */
export function createCarbonFiberPlugin(options: CarbonFiberOptions = {}) {
  const material: CarbonAdditive = createCarbonFiberMaterial(options.material);
  const morphology = createCarbonFiberMorphology(options);
  return definePlugin({
    id: 'carbon-fiber',
    kinds: ['Material', 'Morphology'],
    module: new ContainerModule(({ bind }) => {
      bind(Material).toConstantValue(material);
      bind(Morphology).toConstantValue(morphology);
    }),
  });
}

/** The plugin with default parameters. */
export const carbonFiberPlugin = createCarbonFiberPlugin();
/** The ContainerModule of {@link carbonFiberPlugin}. */
export const carbonFiberModule = carbonFiberPlugin.module;
/** Alias for loading by package name. */
export const plugin = carbonFiberPlugin;
