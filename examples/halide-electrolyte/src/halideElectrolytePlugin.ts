// The plugin descriptor of the Li3InCl6 material: options validation, the ContainerModule and
// the descriptor. The only file of this package that knows about inversify.
// #region options
import { boundedNumber, definePlugin, invalidInput, Material, parseInput } from '@solidcell/core';
import { ContainerModule } from 'inversify';
import { LI3INCL6_DEFAULTS, type Li3InCl6Parameters } from './defaultParameters.js';
import { Li3InCl6 } from './Li3InCl6.js';

/** Options of {@link createHalideElectrolytePlugin}: any parameter may be overridden. */
export type HalideElectrolyteOptions = Partial<Li3InCl6Parameters>;

// Allowed ranges: wide enough for any halide Li⁺ conductor, narrow enough to catch unit slips
// (e.g. mS/cm typed where S/m is expected).
const BOUNDS = {
  ionicConductivity25C_S_per_m: boundedNumber({ min: 0, max: 10, unit: 'S/m', minExclusive: true }),
  activationEnergy_eV: boundedNumber({ min: 0.05, max: 1.5, unit: 'eV' }),
  density_kg_per_m3: boundedNumber({ min: 1000, max: 10_000, unit: 'kg/m³' }),
  electronicConductivity_S_per_m: boundedNumber({ min: 0, max: 1, unit: 'S/m' }),
} as const;

/**
 * Validates options and merges them over {@link LI3INCL6_DEFAULTS}.
 *
 * @throws SolidCellError `E_INVALID_INPUT` naming the field (e.g.
 * `halideElectrolyte.activationEnergy_eV`), the value and the allowed range.
 */
export function resolveHalideElectrolyteParameters(
  options: HalideElectrolyteOptions = {},
): Li3InCl6Parameters {
  const parameters: Record<string, number> = { ...LI3INCL6_DEFAULTS };
  for (const [key, value] of Object.entries(options)) {
    if (!Object.hasOwn(BOUNDS, key)) {
      invalidInput(`halideElectrolyte.${key}`, value, `one of ${Object.keys(BOUNDS).join(', ')}`);
    }
    if (value === undefined) continue;
    const schema = BOUNDS[key as keyof typeof BOUNDS];
    parameters[key] = parseInput(schema, value, `halideElectrolyte.${key}`);
  }
  return parameters as unknown as Li3InCl6Parameters;
}
// #endregion options

// #region plugin
/** Plugin id: the package name (it has no scope). */
export const HALIDE_ELECTROLYTE_PLUGIN_ID = 'solidcell-plugin-halide-electrolyte';

/**
 * A plugin that adds Li3InCl6 as one more {@link Material}.
 *
 * @remarks
 * Material is a multi kind: materials are told apart by `id`, so this plugin replaces nothing
 * and sits next to Li6PS5Cl; a cell picks it with `cell.material('solid-electrolyte', 'li3incl6')`.
 */
export function createHalideElectrolytePlugin(options: HalideElectrolyteOptions = {}) {
  const material = new Li3InCl6(resolveHalideElectrolyteParameters(options));
  return definePlugin({
    id: HALIDE_ELECTROLYTE_PLUGIN_ID,
    kinds: ['Material'],
    module: new ContainerModule(({ bind }) => {
      bind(Material).toConstantValue(material);
    }),
  });
}

/** The plugin with default parameters. */
export const halideElectrolytePlugin = createHalideElectrolytePlugin();
/** The module of {@link halideElectrolytePlugin}. */
export const halideElectrolyteModule = halideElectrolytePlugin.module;
/** Alias for loading by package name: `const { plugin } = await import(name)`. */
export const plugin = halideElectrolytePlugin;
// #endregion plugin
