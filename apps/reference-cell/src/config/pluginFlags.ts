// `--plugin <package>`: puts the plugin of each named npm package into the role its declared
// kinds give (carbon and charge transfer replace, side reactions add, materials replace).

import type { CarbonShape } from '@solidcell/core';
import { SolidCellError } from '@solidcell/core';
import { carbonPluginId } from '../plugins/firstPartyPlugins.js';
import type { CellPluginSpecs } from './cellConfigSchema.js';
import { roleOfKinds } from './composePlugins.js';
import { pluginFromPackage } from './loadPluginPackage.js';

/** The first-party plugin specs of a cell described by flags (as `simulate` composes it). */
export function firstPartySpecs(carbonShape: CarbonShape, sideReactions: boolean): CellPluginSpecs {
  return {
    materials: { id: 'materials' },
    chargeTransfer: { id: 'ncm-charge-transfer' },
    carbon: { id: carbonPluginId(carbonShape) },
    sideReactions: sideReactions ? [{ id: 'argyrodite-oxidation' }] : [],
  };
}

/**
 * The specs with the plugin of each package (loaded from the working folder's project, default
 * options) in its role.
 * @throws SolidCellError of {@link pluginFromPackage} for an unusable package;
 * `E_PLUGIN_MISSING_KIND` for a plugin whose kinds fit no role.
 */
export function withPackagePlugins(
  specs: CellPluginSpecs,
  packages: readonly string[],
  flag = '--plugin',
): CellPluginSpecs {
  let result = specs;
  for (const name of packages) {
    const { kinds } = pluginFromPackage(name, {}, flag);
    const role = roleOfKinds(kinds);
    const spec = { package: name };
    if (role === undefined) {
      throw new SolidCellError(
        'E_PLUGIN_MISSING_KIND',
        `${flag} ${name} binds ${kinds.join(', ') || 'nothing'}, which fits no role: expected a materials, carbon (Morphology), charge-transfer or side-reaction plugin`,
        {
          field: flag,
          value: name,
          allowed: 'a materials, carbon, charge-transfer or side-reaction plugin',
        },
      );
    }
    result =
      role === 'sideReactions'
        ? { ...result, sideReactions: [...result.sideReactions, spec] }
        : { ...result, [role]: spec };
  }
  return result;
}
