// The first-party plugins by id, each with the factory that builds it from (validated) options;
// configuration files and commands name plugins by these ids.
import { createArgyroditeOxidationPlugin } from '@solidcell/argyrodite-oxidation';
import { createCarbonFiberPlugin } from '@solidcell/carbon-fiber';
import { createCarbonSphericalPlugin } from '@solidcell/carbon-spherical';
import { type CarbonShape, invalidInput, type SolidCellPlugin } from '@solidcell/core';
import { createMaterialsPlugin } from '@solidcell/materials';
import { createNcmChargeTransferPlugin } from '@solidcell/ncm-charge-transfer';
import {
  createEffectiveMediumTransportPlugin,
  createVoxelTransportPlugin,
} from '@solidcell/transport';
import { checkOptionKeys, PLUGIN_OPTION_KEYS } from './pluginOptionKeys.js';

/** Builds a plugin from its options object (each factory validates its own options). */
export type PluginFactory = (options: Record<string, unknown>) => SolidCellPlugin;

// Each factory documents and validates its own options; the registry only forwards them.
const FACTORIES: Readonly<Record<string, PluginFactory>> = {
  materials: (options) => createMaterialsPlugin(options as never),
  'ncm-charge-transfer': (options) => createNcmChargeTransferPlugin(options as never),
  'carbon-spherical': (options) => createCarbonSphericalPlugin(options as never),
  'carbon-fiber': (options) => createCarbonFiberPlugin(options as never),
  'voxel-transport': (options) => createVoxelTransportPlugin(options as never),
  'effective-medium-transport': (options) => createEffectiveMediumTransportPlugin(options as never),
  'argyrodite-oxidation': (options) => createArgyroditeOxidationPlugin(options as never),
};

/** Ids of every first-party plugin. */
export const FIRST_PARTY_PLUGIN_IDS: readonly string[] = Object.keys(FACTORIES);

/**
 * Builds a first-party plugin by id; unknown ids fail with the list of known ones, unknown option
 * names (at any level) with the closest known name.
 */
export function firstPartyPlugin(
  id: string,
  options: Record<string, unknown> = {},
): SolidCellPlugin {
  const factory = FACTORIES[id];
  if (factory === undefined) {
    return invalidInput(
      'plugins[].id',
      id,
      `one of ${FIRST_PARTY_PLUGIN_IDS.map((k) => `"${k}"`).join(', ')}`,
    );
  }
  checkOptionKeys(options, PLUGIN_OPTION_KEYS[id] ?? {});
  return factory(options);
}

/** The carbon plugin id for a carbon shape. */
export function carbonPluginId(shape: CarbonShape): string {
  return shape === 'spherical' ? 'carbon-spherical' : 'carbon-fiber';
}
