// Container wiring of the effective-medium Transport (plugin id `effective-medium-transport`).
import { definePlugin, Transport } from '@solidcell/core';
import { ContainerModule } from 'inversify';
import {
  type EffectiveMediumParameters,
  EffectiveMediumTransport,
} from './EffectiveMediumTransport.js';

/** A ContainerModule binding an {@link EffectiveMediumTransport} with overridden coefficients. */
export function createEffectiveMediumTransportModule(
  parameters: Partial<EffectiveMediumParameters> = {},
): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(Transport).toConstantValue(new EffectiveMediumTransport(parameters));
  });
}

/** Binds the default {@link EffectiveMediumTransport} (id `effective-medium`) as one Transport. */
export const effectiveMediumTransportModule: ContainerModule =
  createEffectiveMediumTransportModule();

/** An effective-medium plugin with overridden coefficients (e.g. fitted to voxel results). */
export function createEffectiveMediumTransportPlugin(
  parameters: Partial<EffectiveMediumParameters> = {},
) {
  return definePlugin({
    id: 'effective-medium-transport',
    kinds: ['Transport'],
    module: createEffectiveMediumTransportModule(parameters),
  });
}

/** The effective-medium Transport plugin with default coefficients. */
export const effectiveMediumTransportPlugin = definePlugin({
  id: 'effective-medium-transport',
  kinds: ['Transport'],
  module: effectiveMediumTransportModule,
});
