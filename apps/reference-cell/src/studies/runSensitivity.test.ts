import { describe, expect, it } from 'vitest';
import { CALIBRATED_PARAMETERS } from '../calibration/calibratedParameters.js';
import { powderSetup } from './cellSetup.fixtures.js';
import { ASSUMED_PARAMETERS, runSensitivity } from './runSensitivity.js';

describe('runSensitivity', () => {
  it('runs every assumption-grade parameter at both range ends and moves the outputs', () => {
    const result = runSensitivity(
      powderSetup({ ncm: 90, se: 7, carbon: 3 }, { parameterOverrides: CALIBRATED_PARAMETERS }),
    );
    expect(result.baseline).not.toBeNull();
    expect(result.rows.map((r) => r.parameter)).toEqual(
      ASSUMED_PARAMETERS.map((p) => `${p.plugin}.${p.name}`),
    );
    // The SE-oxidation passivation scale q* changes the formation's side-reaction charge.
    const qStar = result.rows.find((r) =>
      r.parameter.endsWith('carbonPassivationCharge_C_per_m2'),
    )!;
    expect(qStar.low).not.toBeNull();
    expect(qStar.high).not.toBeNull();
    expect(Math.abs(qStar.high!.irreversibleMahG - qStar.low!.irreversibleMahG)).toBeGreaterThan(
      0.1,
    );
  }, 120_000);
});
