/**
 * `@solidcell/materials`: the Li6PS5Cl argyrodite solid electrolyte, the Li-In counter electrode
 * and the PTFE binder as SolidCell Materials, with sourced parameters.
 *
 * @packageDocumentation
 */

export { arrheniusFactorEv, LI6PS5CL_MATERIAL_ID, Li6PS5Cl } from './Li6PS5Cl.js';
export { LI_IN_MATERIAL_ID, LiInCounterElectrode } from './LiInCounterElectrode.js';
export { PTFE_MATERIAL_ID, Ptfe } from './Ptfe.js';
export {
  DEFAULT_MATERIALS_PARAMETERS,
  type Li6ps5clParameters,
  type LiInParameters,
  MATERIALS_PARAMETER_BOUNDS,
  type MaterialsOverrides,
  type MaterialsParameters,
  materialsOverridesSchema,
  type PtfeParameters,
  resolveMaterialsParameters,
} from './parameters.js';
export {
  createMaterialsPlugin,
  MATERIALS_PLUGIN_ID,
  materialsModule,
  materialsPlugin,
  plugin,
} from './plugin.js';
