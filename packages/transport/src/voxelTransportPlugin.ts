// Container wiring of the voxel finite-volume Transport (plugin id `voxel-transport`).
import { definePlugin, Transport } from '@solidcell/core';
import { ContainerModule } from 'inversify';
import { VoxelTransport, type VoxelTransportOptions } from './VoxelTransport.js';

/** A ContainerModule binding a {@link VoxelTransport} with the given options as one Transport. */
export function createVoxelTransportModule(options: VoxelTransportOptions = {}): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(Transport).toConstantValue(new VoxelTransport(options));
  });
}

/** Binds the default {@link VoxelTransport} (id `voxel-fv`) as one Transport. */
export const voxelTransportModule: ContainerModule = createVoxelTransportModule();

/**
 * A voxel-transport plugin with overridden solver options (tolerance, iteration limit, …).
 *
 * @example createVoxelTransportPlugin({ relativeTolerance: 1e-8 })
 */
export function createVoxelTransportPlugin(options: VoxelTransportOptions = {}) {
  return definePlugin({
    id: 'voxel-transport',
    kinds: ['Transport'],
    module: createVoxelTransportModule(options),
  });
}

/** The voxel finite-volume Transport plugin with default options. */
export const voxelTransportPlugin = definePlugin({
  id: 'voxel-transport',
  kinds: ['Transport'],
  module: voxelTransportModule,
});
