// The materials plugin: binds the Li6PS5Cl, Li-In and PTFE Materials.
import { definePlugin, Material } from '@solidcell/core';
import { ContainerModule } from 'inversify';
import { Li6PS5Cl } from './Li6PS5Cl.js';
import { LiInCounterElectrode } from './LiInCounterElectrode.js';
import { Ptfe } from './Ptfe.js';
import {
  type MaterialsOverrides,
  type MaterialsParameters,
  resolveMaterialsParameters,
} from './parameters.js';

/** Plugin id (package name without scope). */
export const MATERIALS_PLUGIN_ID = 'materials';

function moduleFor(parameters: MaterialsParameters): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(Material).toConstantValue(new Li6PS5Cl(parameters.li6ps5cl));
    bind(Material).toConstantValue(new LiInCounterElectrode(parameters.liIn));
    bind(Material).toConstantValue(new Ptfe(parameters.ptfe));
  });
}

/**
 * Creates the plugin with parameter overrides.
 *
 * @throws SolidCellError `E_INVALID_INPUT` naming the dotted field, value and allowed range.
 * @example
 * ```ts
 * createMaterialsPlugin({ li6ps5cl: { ionicConductivity25_S_per_m: 0.3 } });
 * ```
 */
export function createMaterialsPlugin(overrides: MaterialsOverrides = {}) {
  return definePlugin({
    id: MATERIALS_PLUGIN_ID,
    kinds: ['Material'],
    module: moduleFor(resolveMaterialsParameters(overrides)),
  });
}

/** Container module binding `li6ps5cl`, `li-in` and `ptfe` with default parameters. */
export const materialsModule: ContainerModule = moduleFor(resolveMaterialsParameters());

/** The plugin with default parameters. */
export const materialsPlugin = definePlugin({
  id: MATERIALS_PLUGIN_ID,
  kinds: ['Material'],
  module: materialsModule,
});

/** Alias of {@link materialsPlugin} for loading by package name. */
export const plugin = materialsPlugin;
