// Rate capability: after formation, each C-rate discharge follows a 0.1C charge with a CV hold.
import { simulateExperiment } from '@solidcell/cell';
import type { ProgressCallback } from '@solidcell/core';
import { type CellSetup, cellModelConfig } from './cellSetup.js';
import { PAPER_SETTINGS } from './paperSettings.js';
import { FORMATION_PROTOCOL } from './runFormation.js';

/** Discharge capacity at each C-rate (JSON). */
export interface RateResult {
  readonly rate: readonly { readonly cRate: number; readonly dischargeMahG: number }[];
}

/** The rate-test protocol after formation (voltages vs Li-In). */
export function rateProtocol(cRates: readonly number[]): string[] {
  const { upperCutoffVsLiIn_V: upper, lowerCutoffVsLiIn_V: lower } = PAPER_SETTINGS;
  return [
    ...FORMATION_PROTOCOL,
    ...cRates.flatMap((c) => [
      `Charge at 0.1C until ${upper} V`,
      `Hold at ${upper} V until C/50`,
      `Discharge at ${c}C until ${lower} V`,
    ]),
  ];
}

/** Runs formation and the rate test. */
export function runRate(
  setup: CellSetup,
  cRates: readonly number[],
  onProgress?: ProgressCallback,
): RateResult {
  const result = simulateExperiment(cellModelConfig(setup), rateProtocol(cRates), {
    ...(onProgress ? { onProgress } : {}),
    recordEvery: 20,
  });
  // Cycle 1 is formation; cycle k + 2 holds the discharge at cRates[k].
  return {
    rate: cRates.map((cRate, k) => ({
      cRate,
      dischargeMahG: result.cycles[k + 1]?.dischargeCapacity_mAh_per_g ?? 0,
    })),
  };
}
