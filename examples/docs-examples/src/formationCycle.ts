// Docs sample (Getting started): composes the first-party plugins into a cell and simulates one
// 0.05C formation cycle (charge to 3.7 V, discharge to 2.5 V vs Li-In), printing mAh/g. A script
// (it runs on import), so index.ts does not re-export it; examples.test.ts imports it.
// #region formation
import { argyroditeOxidationPlugin } from '@solidcell/argyrodite-oxidation';
import { carbonSphericalPlugin } from '@solidcell/carbon-spherical';
import { cellPhysicsFromComponents, simulateExperiment } from '@solidcell/cell';
import { createCell, describeComposition, fromMilliampHoursPerSquareCm } from '@solidcell/core';
import { materialsPlugin } from '@solidcell/materials';
import { ncmChargeTransferPlugin } from '@solidcell/ncm-charge-transfer';
import { effectiveMediumTransportPlugin } from '@solidcell/transport';

const plugins = [materialsPlugin, ncmChargeTransferPlugin, carbonSphericalPlugin];
const cell = createCell([...plugins, effectiveMediumTransportPlugin, argyroditeOxidationPlugin]);
const massFractions_wtPct = { ncm: 80, se: 17, carbon: 3 };
const composition = { massFractions_wtPct, carbonShape: 'spherical', porosity: 0.1 } as const;
const volumeFractions = describeComposition(composition).electrodeVolumeFractions;
const electrode = { volumeFractions, arealCapacity_C_per_m2: fromMilliampHoursPerSquareCm(3) };
const physics = cellPhysicsFromComponents(cell);
const formation = ['Charge at 0.05C until 3.7 V', 'Discharge at 0.05C until 2.5 V'];
const cycle = simulateExperiment({ physics, electrode }, formation).cycles[0]!;
console.log(`charge ${cycle.chargeCapacity_mAh_per_g.toFixed(1)} mAh/g`);
console.log(`discharge ${cycle.dischargeCapacity_mAh_per_g.toFixed(1)} mAh/g`);
// #endregion formation
