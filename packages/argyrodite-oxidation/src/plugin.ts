// The inversify module and plugin descriptor that bind ArgyroditeOxidation as a SideReaction. The
// reacting carbon is the cell's own carbon additive, resolved from the container (its density and
// BET area), unless a researcher supplies one.
import {
  type CarbonAdditive,
  definePlugin,
  invalidInput,
  isCarbonAdditive,
  Material,
  SideReaction,
} from '@solidcell/core';
import { ContainerModule } from 'inversify';
import {
  ARGYRODITE_OXIDATION_ID,
  ArgyroditeOxidation,
  type ArgyroditeOxidationOptions,
} from './ArgyroditeOxidation.js';

/**
 * The carbon additive among a cell's materials: the single bound `carbon-additive`, or none (a
 * carbon-free electrode: no carbon|SE area).
 *
 * @throws SolidCellError `E_INVALID_INPUT` when several carbon additives are bound (the reaction
 * cannot tell which one is in the electrode; pass `carbon` explicitly).
 */
export function cellCarbonAdditive(materials: readonly Material[]): CarbonAdditive | undefined {
  const carbons = materials.filter(isCarbonAdditive);
  if (carbons.length > 1) {
    invalidInput(
      'argyrodite-oxidation carbon',
      carbons.map((c) => c.id).join(', '),
      'one bound carbon additive, or the plugin option "carbon"',
    );
  }
  return carbons[0];
}

/**
 * Plugin with validated options: binds one {@link ArgyroditeOxidation} as a core `SideReaction`.
 *
 * @remarks
 * Without `options.carbon` the reaction takes the carbon additive bound in the same container
 * (so a carbon-fibre cell oxidises SE on fibre area, a carbon-black cell on carbon-black area);
 * the reaction is resolved once per container.
 * @throws SolidCellError `E_INVALID_INPUT` naming the offending parameter (validated eagerly).
 */
export function createArgyroditeOxidationPlugin(options: ArgyroditeOxidationOptions = {}) {
  // Validates the parameters (and a supplied carbon) now, not at the first resolution.
  const supplied = new ArgyroditeOxidation(options);
  return definePlugin({
    id: ARGYRODITE_OXIDATION_ID,
    kinds: ['SideReaction'],
    module: new ContainerModule(({ bind }) => {
      if (options.carbon !== undefined) {
        bind(SideReaction).toConstantValue(supplied);
        return;
      }
      bind(SideReaction)
        .toDynamicValue(
          (context) =>
            new ArgyroditeOxidation({
              ...options,
              carbon:
                cellCarbonAdditive(context.getAll(Material, { optional: true }) ?? []) ?? null,
            }),
        )
        .inSingletonScope();
    }),
  });
}

/** The plugin with default parameters (the cell's own carbon additive). */
export const argyroditeOxidationPlugin = createArgyroditeOxidationPlugin();

/** The container module of {@link argyroditeOxidationPlugin}. */
export const argyroditeOxidationModule: ContainerModule = argyroditeOxidationPlugin.module;

/** Alias of {@link argyroditeOxidationPlugin} for loading by package name. */
export const plugin = argyroditeOxidationPlugin;
