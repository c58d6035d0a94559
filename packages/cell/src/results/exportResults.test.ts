import { describe, expect, it } from 'vitest';
import { simulateExperiment } from '../simulate/simulateExperiment.js';
import { fixtureConfig } from '../testing/cell.fixtures.js';
import { cyclesToCsv, toCsv, toJson } from './exportResults.js';

describe('exportResults', () => {
  const result = simulateExperiment(fixtureConfig(), [
    'Charge at 1C for 120 s',
    'Discharge at 0.2C for 60 s or until 2.5 V',
  ]);

  it('writes one CSV row per sample with the Li-In reference in the header', () => {
    const csv = toCsv(result);
    const lines = csv.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^# voltage vs Li-In; V_vs_Li = V_vs_LiIn \+ 0.62 V; 1C = 20/);
    expect(lines[1]).toBe(
      'time_s,voltageVsLiIn_V,currentDensity_A_per_m2,charge_C_per_m2,sideReactionCharge_C_per_m2,filmResistance_ohm_m2,seVolumeFraction,meanLithiation,stepIndex,cycleIndex',
    );
    expect(lines).toHaveLength(2 + result.timeSeries.time_s.length);
    const lastRow = lines[lines.length - 1]!.split(',').map(Number);
    expect(lastRow[0]).toBeCloseTo(180, 9);
    expect(result.steps[1]!.endReason).toBe('time');
    expect(lastRow[3]).toBeCloseTo(20 * 120 - 4 * 60, 6);
  });

  it('round-trips the result through JSON', () => {
    const parsed = JSON.parse(toJson(result)) as {
      cycles: unknown[];
      cell: { voltageReference: string };
      finalState: number[];
    };
    expect(parsed.cell.voltageReference).toBe('Li-In');
    expect(parsed.cycles).toHaveLength(1);
    expect(parsed.finalState).toHaveLength(result.finalState.length);
    expect(cyclesToCsv(result).split('\n')[0]).toMatch(/^cycle,chargeCapacity_C_per_m2/);
  });
});
