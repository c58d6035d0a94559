import { describe, expect, it } from 'vitest';
import { CALIBRATED_PARAMETERS } from '../calibration/calibratedParameters.js';
import { isNumericStudyData } from '../reproduce/ExperimentCache.js';
import { powderSetup } from './cellSetup.fixtures.js';
import { ASSUMED_PARAMETERS, assumedParameterId, runSensitivity } from './runSensitivity.js';

describe('runSensitivity', () => {
  it('runs every assumption-grade parameter at both range ends and moves the outputs', () => {
    const result = runSensitivity(
      powderSetup({ ncm: 90, se: 7, carbon: 3 }, { parameterOverrides: CALIBRATED_PARAMETERS }),
    );
    expect(result.baseline).not.toBeNull();
    expect(Object.keys(result.rows)).toEqual(ASSUMED_PARAMETERS.map(assumedParameterId));
    expect(isNumericStudyData(result)).toBe(true); // cached as study data
    // The SE-oxidation passivation scale q* changes the formation's side-reaction charge.
    const qStar = result.rows['oxidation.carbonPassivationCharge_C_per_m2']!;
    expect(qStar.low).not.toBeNull();
    expect(qStar.high).not.toBeNull();
    expect(Math.abs(qStar.high!.irreversibleMahG - qStar.low!.irreversibleMahG)).toBeGreaterThan(
      0.1,
    );
    // The contact-loss scale k_ε moves the contact lost over the two charges about 20-fold.
    const loss = result.rows['contactLoss.contactLossPerVolumetricStrain']!;
    expect(loss.high!.contactLostPct).toBeGreaterThan(10 * loss.low!.contactLostPct);
  }, 120_000);
});
