/**
 * `@solidcell/carbon-fiber`: vapour-grown carbon fibre (CF) — the `carbon-fiber` Material and the
 * `carbon-fiber` Morphology that lays fibres bridging neighbouring NCM particles (M2).
 *
 * @packageDocumentation
 */

export {
  CARBON_FIBER_DEFAULTS,
  type CarbonFiberParameters,
  createCarbonFiberMaterial,
} from './carbonFiberMaterial.js';
export {
  type CarbonFiberOptions,
  carbonFiberModule,
  carbonFiberPlugin,
  createCarbonFiberMorphology,
  createCarbonFiberPlugin,
  plugin,
} from './carbonFiberPlugin.js';
export {
  FIBER_BRIDGE_DEFAULTS,
  type FiberBridgeParameters,
  FiberBridgePlacer,
} from './FiberBridgePlacer.js';
