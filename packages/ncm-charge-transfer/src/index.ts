/**
 * `@solidcell/ncm-charge-transfer`: the NCM811 active material and its charge-transfer kinetics
 * (Chen 2020 OCP on the 200 mAh/g window, Butler–Volmer with film resistance, D_s(x)) as a
 * SolidCell plugin.
 *
 * @packageDocumentation
 */

export { arrheniusFactor } from './arrhenius.js';
export {
  type ButlerVolmerKinetics,
  butlerVolmerCurrentDensity_A_per_m2,
  butlerVolmerSlope_A_per_m2_V,
  FILM_SOLVER_MAX_ITERATIONS,
  type FilmCurrentSolution,
  inverseThermalVoltage_per_V,
  MAX_EXACT_EXPONENT,
  solveFilmCurrent,
} from './butlerVolmer.js';
export { NCM811_MATERIAL_ID, Ncm811 } from './Ncm811.js';
export { NCM_CHARGE_TRANSFER_ID, NcmChargeTransfer } from './NcmChargeTransfer.js';
export {
  CHEN2020_STOICHIOMETRY_DISCHARGED,
  CHEN2020_STOICHIOMETRY_SPAN,
  chen2020Nmc811Ocp_V,
  chen2020Nmc811OcpSlope_V,
  lithiationFromStateOfCharge,
  ncm811OpenCircuitPotential_V,
  ncm811OpenCircuitPotentialSlope_V,
  type OcpWindowCapacities,
  stateOfChargeFromLithiation,
} from './openCircuitPotential.js';
export {
  DEFAULT_NCM_PARAMETERS,
  NCM_PARAMETER_BOUNDS,
  type NcmParameters,
  ncmParameterOverridesSchema,
  resolveNcmParameters,
} from './parameters.js';
export {
  createNcmChargeTransferPlugin,
  NCM_CHARGE_TRANSFER_PLUGIN_ID,
  ncmChargeTransferModule,
  ncmChargeTransferPlugin,
  plugin,
} from './plugin.js';
export {
  ncm811ElectronicConductivity_S_per_m,
  ncm811SolidDiffusivity_m2_per_s,
} from './transportLaws.js';
