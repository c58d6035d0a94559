/**
 * `@solidcell/argyrodite-oxidation`: coupled oxidation of the argyrodite solid electrolyte
 * Li6PS5Cl on carbon and NCM surfaces as a SolidCell `SideReaction` plugin (model.md M5–M7),
 * its stand-alone calibration along the NCM811 OCP, and carbon–SE cyclic voltammetry.
 *
 * @packageDocumentation
 */

export {
  ARGYRODITE_OXIDATION_ID,
  ARGYRODITE_OXIDATION_STATE,
  ArgyroditeOxidation,
  type ArgyroditeOxidationOptions,
  type ArgyroditeOxidationStateSummary,
} from './ArgyroditeOxidation.js';
export {
  CARBON_FIRST_CHARGE_TARGET_C_per_m2,
  CARBON_OXIDATION_REGION_LIMIT_V,
  calibrateCarbonRateConstant,
  calibrateNcmRateConstant,
  NCM_FIRST_CHARGE_ASSUMPTION_C_per_m2,
  type RateConstantCalibration,
  type RateConstantCalibrationOptions,
} from './calibration.js';
export {
  assertUsableCarbon,
  CARBON_BLACK_BET_m2_per_kg,
  CARBON_FIBER_BET_m2_per_kg,
  referenceCarbonAdditive,
} from './carbon.js';
export { type CarbonCvInput, type CarbonCvResult, simulateCarbonCv } from './carbonCv.js';
export {
  type AreaChargeHistory,
  type IntegrateAreaChargeOptions,
  integrateAreaCharge,
} from './integrateAreaCharge.js';
export {
  type IntegrateSideReactionOptions,
  integrateSideReaction,
  type SideReactionHistory,
} from './integrateSideReaction.js';
export {
  activationChargeOverStep_C_per_m2,
  activationCurrentDensity_A_per_m2,
  advancePassivatingCharge_C_per_m2,
  arrheniusFactor,
  intermediateEnhancement,
  MAX_TAFEL_EXPONENT,
  type OxidationSite,
  oxidationCurrentDensity_A_per_m2,
  passivationFactor,
  type SiteKinetics,
  siteKinetics,
  tafelCoefficient_per_V,
} from './kinetics.js';
export {
  FIRST_CHARGE_DURATION_s,
  NCM811_OCP_TABLE,
  ncmOcpFromTable_V,
  ocpChargeTrajectory,
  type PotentialTrajectory,
} from './ocpTrajectory.js';
export {
  type ArgyroditeOxidationParameterOverrides,
  type ArgyroditeOxidationParameters,
  argyroditeOxidationParametersSchema,
  DEFAULT_ARGYRODITE_OXIDATION_PARAMETERS,
  resolveArgyroditeOxidationParameters,
} from './parameters.js';
export {
  argyroditeOxidationModule,
  argyroditeOxidationPlugin,
  cellCarbonAdditive,
  createArgyroditeOxidationPlugin,
  plugin,
} from './plugin.js';
export { type ReactiveAreas, reactiveAreas } from './reactiveAreas.js';
