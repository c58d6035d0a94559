// Rate capability: after formation, each C-rate discharge follows a 0.1C charge with a CV hold.
import { type SimulationResult, simulateExperiment } from '@solidcell/cell';
import type { ProgressCallback } from '@solidcell/core';
import { type CellSetup, cellModelConfig } from './cellSetup.js';
import { PAPER_SETTINGS } from './paperSettings.js';
import { FORMATION_PROTOCOL } from './runFormation.js';

/** One C-rate of the rate test (JSON). */
export interface RatePoint {
  readonly cRate: number;
  /** Discharge capacity (mAh/g of NCM); null when the discharge did not run. */
  readonly dischargeMahG: number | null;
  /** Why the discharge ended (its end condition, or why it could not start). */
  readonly endedBy: string;
}

/** Discharge capacity at each C-rate (JSON). */
export interface RateResult {
  readonly rate: readonly RatePoint[];
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
  return { rate: ratePoints(result, cRates) };
}

/**
 * The rate points of a simulated {@link rateProtocol}: cycle 1 is formation; cycle k + 2 holds
 * the discharge at cRates[k], protocol step formation + 3k + 2 (charge, hold, discharge).
 */
export function ratePoints(result: SimulationResult, cRates: readonly number[]): RatePoint[] {
  return cRates.map((cRate, k) => {
    const discharge = result.steps[FORMATION_PROTOCOL.length + 3 * k + 2];
    const capacity = result.cycles[k + 1]?.dischargeCapacity_mAh_per_g;
    const ran = discharge !== undefined && !discharge.notStarted && capacity !== undefined;
    return {
      cRate,
      dischargeMahG: ran ? capacity : null,
      endedBy: discharge?.endedBy ?? 'not reached: an earlier step of the protocol ended the run',
    };
  });
}
