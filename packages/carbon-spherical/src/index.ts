/**
 * `@solidcell/carbon-spherical`: spherical carbon black (SC) — the `carbon-black` Material and
 * the `carbon-spherical` Morphology that disperses agglomerates through the SE domain (M2).
 *
 * @packageDocumentation
 */

export {
  CARBON_BLACK_DEFAULTS,
  type CarbonBlackParameters,
  createCarbonBlackMaterial,
} from './carbonBlackMaterial.js';
export {
  type CarbonSphericalOptions,
  carbonSphericalModule,
  carbonSphericalPlugin,
  createCarbonSphericalMorphology,
  createCarbonSphericalPlugin,
  plugin,
} from './carbonSphericalPlugin.js';
export {
  SPHERICAL_AGGLOMERATE_DEFAULTS,
  type SphericalAgglomerateParameters,
  SphericalAgglomeratePlacer,
} from './SphericalAgglomeratePlacer.js';
