// Cycling after formation at a constant C-rate (CC charge + CV hold, CC discharge): capacity
// retention and Coulombic efficiency per cycle.
import { createCellModel, type Protocol, repeat, simulateExperiment } from '@solidcell/cell';
import type { ProgressCallback } from '@solidcell/core';
import { type CellSetup, cellModelConfig } from './cellSetup.js';
import { type MechanismBudget, mechanismBudget } from './mechanismBudget.js';
import { PAPER_SETTINGS } from './paperSettings.js';
import { FORMATION_PROTOCOL } from './runFormation.js';

/** Cycling result (JSON); cycle 1 of the arrays is the first cycle after formation. */
export interface CyclingResult {
  readonly cRate: number;
  readonly dischargeMahG: readonly number[];
  readonly coulombicEfficiencyPct: readonly number[];
  /** Discharge capacity of the last cycle / the first (%). */
  readonly retentionPct: number;
  readonly finalCoulombicEfficiencyPct: number;
  /** Mean NCM film resistance at the end (Ω m²). */
  readonly finalFilmResistance_ohm_m2: number;
  /** Which mechanism the charge went to over the whole run, formation included. */
  readonly budget: MechanismBudget;
}

/** Formation, then `cycles` × (CC charge + CV hold to C/20, CC discharge) at `cRate`. */
export function cyclingProtocol(cRate: number, cycles: number): Protocol {
  const { upperCutoffVsLiIn_V: upper, lowerCutoffVsLiIn_V: lower } = PAPER_SETTINGS;
  return [
    ...FORMATION_PROTOCOL,
    repeat(cycles, [
      `Charge at ${cRate}C until ${upper} V`,
      `Hold at ${upper} V until C/20`,
      `Discharge at ${cRate}C until ${lower} V`,
    ]),
  ];
}

/** Runs formation then `cycles` cycles at `cRate`. */
export function runCycling(
  setup: CellSetup,
  cRate: number,
  cycles: number,
  onProgress?: ProgressCallback,
): CyclingResult {
  const protocol = cyclingProtocol(cRate, cycles);
  const model = createCellModel(cellModelConfig(setup));
  const result = simulateExperiment(model, protocol, {
    ...(onProgress ? { onProgress } : {}),
    recordEvery: 50,
  });
  const after = result.cycles.slice(1);
  const discharge = after.map((c) => c.dischargeCapacity_mAh_per_g);
  const ce = after.map((c) => 100 * (c.coulombicEfficiency ?? 0));
  const first = discharge[0] ?? 0;
  return {
    cRate,
    dischargeMahG: discharge,
    coulombicEfficiencyPct: ce,
    retentionPct: first > 0 ? (100 * (discharge.at(-1) ?? 0)) / first : 0,
    finalCoulombicEfficiencyPct: ce.at(-1) ?? 0,
    finalFilmResistance_ohm_m2: result.timeSeries.filmResistance_ohm_m2.at(-1) ?? 0,
    budget: mechanismBudget(model, result),
  };
}
