/**
 * `@solidcell/core`: the contracts SolidCell plugins implement (Material, Morphology, Transport,
 * ChargeTransfer, SideReaction), the inversify container that composes them, composition maths
 * (mechanism M1), SI units and conversions, input validation and a seeded random generator.
 *
 * @packageDocumentation
 */

export {
  type CompositionDescription,
  describeComposition,
} from './composition/describeComposition.js';
export {
  arealCapacityFromThickness_C_per_m2,
  type ElectrodeLoadingBasis,
  ncmArealMassFromThickness_kg_per_m2,
  thicknessFromArealCapacity_m,
  thicknessFromNcmArealMass_m,
} from './composition/loading.js';
export {
  type ElectrodePhase,
  type ElectrodeVolumeFractions,
  type MassFractions_wtPct,
  type PhaseDensities_kg_per_m3,
  SOLID_PHASES,
  type SolidPhase,
  type SolidVolumeFractions,
} from './composition/phases.js';
export {
  CARBON_BLACK_APPARENT_DENSITY_kg_per_m3,
  CARBON_BLACK_SKELETAL_DENSITY_kg_per_m3,
  CARBON_FIBER_DENSITY_kg_per_m3,
  type CarbonShape,
  LI6PS5CL_DENSITY_kg_per_m3,
  NCM811_DENSITY_kg_per_m3,
  PTFE_DENSITY_kg_per_m3,
  referenceDensities,
} from './composition/referenceDensities.js';
export {
  assertValidMassFractions,
  assertValidPorosity,
  electrodeVolumeFractions,
  MASS_FRACTION_SUM_TOLERANCE_wtPct,
  massFractionsFromVolumeFractions,
  POROSITY_UPPER_BOUND,
  solidCompositeDensity_kg_per_m3,
  solidVolumeFractions,
} from './composition/volumeFractions.js';
export { CELL_REQUIRED_KINDS, type CellComponents, createCell } from './container/createCell.js';
export {
  type CreateContainerOptions,
  createSolidCellContainer,
} from './container/createSolidCellContainer.js';
export {
  definePlugin,
  PLUGIN_KINDS,
  type PluginKind,
  type SolidCellPlugin,
} from './container/definePlugin.js';
export {
  definePluginPackage,
  PLUGIN_PACKAGE_EXPORT,
  SOLIDCELL_PLUGIN_API_VERSION,
  type SolidCellPluginPackage,
} from './container/pluginPackage.js';
export { SERVICE_IDENTIFIERS } from './container/serviceIdentifiers.js';
export { ChargeTransfer, type InterfaceConditions } from './contracts/ChargeTransfer.js';
export {
  type ActiveMaterial,
  type CarbonAdditive,
  type CounterElectrode,
  isActiveMaterial,
  isCarbonAdditive,
  isCounterElectrode,
  Material,
  type MaterialConditions,
  type MaterialRole,
} from './contracts/Material.js';
export {
  type ElectronicConductivitySample,
  type InterfaceAreas_m2_per_m3,
  type Microstructure,
  type MicrostructureDescriptors,
  PhaseLabel,
  type VoxelGrid,
} from './contracts/Microstructure.js';
export {
  Morphology,
  type MorphologyRequest,
  type ProgressCallback,
} from './contracts/Morphology.js';
export {
  SideReaction,
  type SideReactionConditions,
  type SideReactionEffects,
  type SideReactionRates,
  type SideReactionSite,
  type SideReactionStateVariable,
} from './contracts/SideReaction.js';
export {
  type Axis,
  type ContactResistances_ohm_m2,
  type SolverReport,
  Transport,
  type TransportPath,
  type TransportQuery,
  type TransportResult,
} from './contracts/Transport.js';
export {
  formatValue,
  invalidInput,
  isSolidCellError,
  SolidCellError,
  type SolidCellErrorCode,
  type SolidCellErrorDetails,
} from './errors/SolidCellError.js';
export { createRandom, type Random, xoshiro128StarStar } from './random/createRandom.js';
export {
  BOLTZMANN_eV_per_K,
  FARADAY_C_per_mol,
  GAS_CONSTANT_J_per_mol_K,
  REFERENCE_TEMPERATURE_K,
  ZERO_CELSIUS_K,
} from './units/constants.js';
export {
  cRateFromCurrentDensity,
  currentDensityFromCRate_A_per_m2,
  fromCelsius,
  fromGramsPerCubicCm,
  fromMicrometres,
  fromMilliampHoursPerGram,
  fromMilliampHoursPerSquareCm,
  fromMilliampsPerSquareCm,
  fromMilliSiemensPerCm,
  fromVsLiIn,
  LI_IN_POTENTIAL_VS_LI_V,
  toCelsius,
  toGramsPerCubicCm,
  toMicrometres,
  toMilliampHoursPerGram,
  toMilliampHoursPerSquareCm,
  toMilliampsPerSquareCm,
  toMilliSiemensPerCm,
  toVsLiIn,
} from './units/conversions.js';
export {
  type CompositionInput,
  compositionInputSchema,
  parseCompositionInput,
} from './validation/compositionInput.js';
export {
  boundedNumber,
  describeBounds,
  type NumberBounds,
  oneOf,
  parseInput,
} from './validation/schemas.js';
