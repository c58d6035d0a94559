// The inversify module and plugin descriptor that bind ArgyroditeOxidation as a SideReaction,
// with a factory for researcher-supplied parameters and carbon.
import { definePlugin, SideReaction } from '@solidcell/core';
import { ContainerModule } from 'inversify';
import {
  ARGYRODITE_OXIDATION_ID,
  ArgyroditeOxidation,
  type ArgyroditeOxidationOptions,
} from './ArgyroditeOxidation.js';

/**
 * Plugin with validated options: binds one {@link ArgyroditeOxidation} (default parameters and
 * the reference SC carbon unless given) as a core `SideReaction`.
 *
 * @throws SolidCellError `E_INVALID_INPUT` naming the offending parameter (validated eagerly).
 */
export function createArgyroditeOxidationPlugin(options: ArgyroditeOxidationOptions = {}) {
  const reaction = new ArgyroditeOxidation(options);
  return definePlugin({
    id: ARGYRODITE_OXIDATION_ID,
    kinds: ['SideReaction'],
    module: new ContainerModule(({ bind }) => {
      bind(SideReaction).toConstantValue(reaction);
    }),
  });
}

/** The plugin with default parameters (spherical carbon black). */
export const argyroditeOxidationPlugin = createArgyroditeOxidationPlugin();

/** The container module of {@link argyroditeOxidationPlugin}. */
export const argyroditeOxidationModule: ContainerModule = argyroditeOxidationPlugin.module;

/** Alias of {@link argyroditeOxidationPlugin} for loading by package name. */
export const plugin = argyroditeOxidationPlugin;
