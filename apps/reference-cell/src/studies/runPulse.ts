// Pulse polarisation during the first charge: 0.05C charge segments, each followed by a 1C pulse
// and a rest; polarisation = voltage at the end of a pulse − voltage just before it.
import { createCellModel, simulateExperiment } from '@solidcell/cell';
import type { ProgressCallback } from '@solidcell/core';
import { type CellSetup, cellModelConfig } from './cellSetup.js';
import { PAPER_SETTINGS } from './paperSettings.js';

/** One pulse. */
export interface PulsePoint {
  /** Voltage before the pulse (V vs Li-In). */
  readonly voltageVsLiIn_V: number;
  /** Polarisation of the 1C pulse (mV). */
  readonly polarization_mV: number;
}

/** Pulse-test result (JSON). */
export interface PulseResult {
  readonly pulses: readonly PulsePoint[];
  /** Mean polarisation of pulses starting below 3.2 V vs Li-In (mV). */
  readonly meanBelow3v2_mV: number;
  /** Mean polarisation of pulses starting in 3.4–3.7 V vs Li-In (mV). */
  readonly mean3v4To3v7_mV: number;
  /** Why the test ended (the charge reached the cut-off, or a pulse overshot it). */
  readonly endedBy: string;
}

const MAX_SEGMENTS = 400;

function mean(values: readonly number[]): number {
  return values.length === 0 ? Number.NaN : values.reduce((a, b) => a + b, 0) / values.length;
}

/** Runs the pulse test from the pristine (discharged) electrode until the upper cut-off. */
export function runPulse(setup: CellSetup, onProgress?: ProgressCallback): PulseResult {
  const s = PAPER_SETTINGS;
  const model = createCellModel(cellModelConfig(setup));
  const charge = `Charge at 0.05C for ${s.pulseSegment_s} s or until ${s.upperCutoffVsLiIn_V} V`;
  const pulse = `Pulse charge at ${s.pulseCRate}C for ${s.pulse_s} s then rest for ${s.pulseRest_s} s`;
  const pulses: PulsePoint[] = [];
  let state: Float64Array | undefined;
  let endedBy = `${MAX_SEGMENTS} charge segments without reaching the cut-off`;
  for (let segment = 0; segment < MAX_SEGMENTS; segment++) {
    const charged = simulateExperiment(model, [charge], state ? { initialState: state } : {});
    state = charged.finalState;
    const before = charged.steps[0]!;
    if (before.endReason === 'voltage') {
      endedBy = `the 0.05C charge reached ${s.upperCutoffVsLiIn_V} V vs Li-In`;
      break;
    }
    const pulsed = simulateExperiment(model, [pulse], { initialState: state });
    state = pulsed.finalState;
    const pulseEnd = pulsed.steps[0]!;
    pulses.push({
      voltageVsLiIn_V: before.endVoltageVsLiIn_V,
      polarization_mV: 1000 * (pulseEnd.endVoltageVsLiIn_V - before.endVoltageVsLiIn_V),
    });
    onProgress?.(
      Math.min(0.99, (before.endVoltageVsLiIn_V - 2.9) / (s.upperCutoffVsLiIn_V - 2.9)),
      `pulse ${pulses.length}`,
    );
    if (pulseEnd.endVoltageVsLiIn_V >= s.upperCutoffVsLiIn_V + 0.3) {
      endedBy = `a 1C pulse from ${before.endVoltageVsLiIn_V.toFixed(3)} V vs Li-In overshot the ${s.upperCutoffVsLiIn_V} V cut-off by more than 0.3 V (${pulseEnd.endVoltageVsLiIn_V.toFixed(2)} V)`;
      break;
    }
  }
  return {
    pulses,
    meanBelow3v2_mV: mean(
      pulses.filter((p) => p.voltageVsLiIn_V < 3.2).map((p) => p.polarization_mV),
    ),
    mean3v4To3v7_mV: mean(
      pulses
        .filter((p) => p.voltageVsLiIn_V >= 3.4 && p.voltageVsLiIn_V <= 3.7)
        .map((p) => p.polarization_mV),
    ),
    endedBy,
  };
}
