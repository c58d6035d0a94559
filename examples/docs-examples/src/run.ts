// Runs every documentation sample and prints its result: `pnpm --filter @solidcell/docs-examples start`.
import {
  composeHalide,
  designSweep,
  evaluatePlayground,
  firstCell,
  paperSeVolumePercent,
} from './index.js';

console.log('getting started:', firstCell());
console.log('formation cycle (80/17/3 SC, 0.05C):');
await import('./formationCycle.js');
console.log('paper SE vol%:', paperSeVolumePercent());
console.log('halide plugin:', composeHalide());
console.log('design sweep points:', designSweep().length);
console.log(
  'playground 90/7/3 SC, ε 0.1, 15 mg/cm²:',
  evaluatePlayground({
    ncm_wtPct: 90,
    se_wtPct: 7,
    carbon_wtPct: 3,
    carbonShape: 'spherical',
    porosity: 0.1,
    ncmLoading_mg_per_cm2: 15,
  }),
);
