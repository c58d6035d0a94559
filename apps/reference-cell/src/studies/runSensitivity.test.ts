import { describe, expect, it } from 'vitest';
import { CALIBRATED_PARAMETERS } from '../calibration/calibratedParameters.js';
import { PAPER_SETTINGS } from './paperSettings.js';
import { ASSUMED_PARAMETERS, runSensitivity } from './runSensitivity.js';

describe('runSensitivity', () => {
  it('runs every assumption-grade parameter at both range ends and moves the outputs', () => {
    const result = runSensitivity({
      massFractions_wtPct: { ncm: 90, se: 7, carbon: 3 },
      carbonShape: 'spherical',
      porosity: PAPER_SETTINGS.porosity,
      arealCapacity_C_per_m2: PAPER_SETTINGS.powderArealCapacity_C_per_m2,
      temperature_K: PAPER_SETTINGS.temperature_K,
      sideReactions: true,
      parameterOverrides: CALIBRATED_PARAMETERS,
    });
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
