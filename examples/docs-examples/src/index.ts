// The documentation samples as one module (for the docs site's data loaders and worker).
// formationCycle.ts is a script (it simulates on import) and is deliberately not re-exported.
export { composeHalide } from './composeHalide.js';
export { paperSeVolumePercent } from './compositionCheck.js';
export { type DesignPoint, designSweep } from './designSweep.js';
export { type EffectiveConductivities, effectiveConductivities } from './effectiveConductivity.js';
export { type FirstCell, firstCell } from './gettingStarted.js';
export {
  PERCOLATION_LAW_SC,
  type PercolationLaw,
  percolationIonicConductivity_S_per_m,
} from './percolationEstimate.js';
export { evaluatePlayground, type PlaygroundInput, type PlaygroundResult } from './playground.js';
export {
  type FormationBranch,
  type FormationCurve,
  formationCurve,
} from './playgroundFormation.js';
