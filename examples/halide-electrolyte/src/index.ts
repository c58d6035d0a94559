/**
 * `solidcell-plugin-halide-electrolyte`: an example third-party SolidCell plugin that adds the
 * halide solid electrolyte Li3InCl6 as a Material, using only the public API of
 * `@solidcell/core`.
 *
 * @packageDocumentation
 */

export { LI3INCL6_DEFAULTS, type Li3InCl6Parameters } from './defaultParameters.js';
export {
  createHalideElectrolytePlugin,
  HALIDE_ELECTROLYTE_PLUGIN_ID,
  type HalideElectrolyteOptions,
  halideElectrolyteModule,
  halideElectrolytePlugin,
  plugin,
  resolveHalideElectrolyteParameters,
} from './halideElectrolytePlugin.js';
export { LI3INCL6_ID, Li3InCl6 } from './Li3InCl6.js';
