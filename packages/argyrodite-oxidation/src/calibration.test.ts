import { FARADAY_C_per_mol, isSolidCellError } from '@solidcell/core';
import { describe, expect, it } from 'vitest';
import {
  CARBON_OXIDATION_REGION_LIMIT_V,
  calibrateCarbonRateConstant,
  calibrateNcmRateConstant,
} from './calibration.js';
import { integrateAreaCharge } from './integrateAreaCharge.js';
import { siteKinetics } from './kinetics.js';
import { ncmOcpFromTable_V, ocpChargeTrajectory } from './ocpTrajectory.js';
import {
  DEFAULT_ARGYRODITE_OXIDATION_PARAMETERS,
  resolveArgyroditeOxidationParameters,
} from './parameters.js';

describe(calibrateCarbonRateConstant, () => {
  // The recommended law of parameters.md §8 (no reaction-zone limit), as before the
  // zone-limited default: the stand-alone fit of k_C on the OCP trajectory.
  const recommended = { carbonReactionZoneCharge_C_per_m2: undefined };
  const fit = calibrateCarbonRateConstant({ parameters: recommended });

  it('finds k_C = 4.123e-19 mol/(m² s) for 29 C/m² of carbon area in the first 0.05C charge (recommended law)', () => {
    expect(fit.achievedCharge_C_per_m2).toBeCloseTo(29, 6);
    expect(fit.rateConstant_mol_per_m2_s).toBeCloseTo(4.123e-19, 21);
  });

  it('agrees with the closed form k = q*(e^{q/q*} − 1)/(F ∫exp(b(E − U))dt)', () => {
    const b = siteKinetics(DEFAULT_ARGYRODITE_OXIDATION_PARAMETERS, 'carbon', 298.15).tafel_per_V;
    const n = 200_000;
    const dt = 72_000 / n;
    let integral = 0;
    for (let k = 0; k < n; k++) {
      integral += Math.exp(b * (ncmOcpFromTable_V(((k + 0.5) * dt) / 72_000) - 2.9)) * dt;
    }
    const closedForm = (20 * Math.expm1(29 / 20)) / (FARADAY_C_per_mol * integral);
    expect(fit.rateConstant_mol_per_m2_s / closedForm).toBeCloseTo(1, 4);
  });

  it('recovers a known rate constant from the charge it produces (synthetic data)', () => {
    const known = 3.7e-18;
    const parameters = resolveArgyroditeOxidationParameters({
      carbonRateConstant_mol_per_m2_s: known,
      carbonReactionZoneCharge_C_per_m2: 80,
    });
    const synthetic = integrateAreaCharge(
      siteKinetics(parameters, 'carbon', 298.15),
      ocpChargeTrajectory(),
    ).finalCharge_C_per_m2;
    const recovered = calibrateCarbonRateConstant({
      targetCharge_C_per_m2: synthetic,
      parameters: { carbonReactionZoneCharge_C_per_m2: 80 },
    });
    expect(recovered.rateConstant_mol_per_m2_s / known).toBeCloseTo(1, 6);
  });

  it('target 4 check: the recommended law passes only 0.05 % of the carbon charge below 3.2 V vs Li-In', () => {
    // exp(−q/q*) cannot stop a reaction whose Tafel drive grows e-fold every 51 mV: above
    // 3.82 V vs Li the charge keeps growing ≈ q*·αF/RT·ΔE, so 29 C/m² accumulates near the top.
    expect(CARBON_OXIDATION_REGION_LIMIT_V).toBeCloseTo(3.82, 10);
    const fraction = fit.chargeBelowThreshold_C_per_m2 / fit.achievedCharge_C_per_m2;
    expect(fraction).toBeGreaterThan(1e-4);
    expect(fraction).toBeLessThan(1e-3);
  });

  it('target 4 check: a capacity-limited carbon reaction (q_zone = 29 C/m², k = 1e-14) passes 98 % below 3.2 V vs Li-In', () => {
    const parameters = resolveArgyroditeOxidationParameters({
      carbonRateConstant_mol_per_m2_s: 1e-14,
      carbonReactionZoneCharge_C_per_m2: 29,
    });
    const history = integrateAreaCharge(
      siteKinetics(parameters, 'carbon', 298.15),
      ocpChargeTrajectory(),
      { thresholdPotential_V: CARBON_OXIDATION_REGION_LIMIT_V },
    );
    expect(history.finalCharge_C_per_m2).toBeCloseTo(29, 6);
    expect(history.chargeBelowThreshold_C_per_m2 / history.finalCharge_C_per_m2).toBeGreaterThan(
      0.95,
    );
  });

  it('fails naming the target when it exceeds the reaction-zone charge', () => {
    try {
      calibrateCarbonRateConstant({ parameters: { carbonReactionZoneCharge_C_per_m2: 10 } });
      expect.unreachable();
    } catch (error) {
      expect(isSolidCellError(error) && error.code).toBe('E_SOLVER_NOT_CONVERGED');
      expect(isSolidCellError(error) && error.field).toBe('targetCharge_C_per_m2');
    }
  });
});

describe(calibrateNcmRateConstant, () => {
  it('gives the default k_N = 4.732e-13 mol/(m² s) for the assumed 10 C/m² without carbon', () => {
    const fit = calibrateNcmRateConstant();
    expect(fit.achievedCharge_C_per_m2).toBeCloseTo(10, 6);
    expect(
      fit.rateConstant_mol_per_m2_s /
        DEFAULT_ARGYRODITE_OXIDATION_PARAMETERS.ncmRateConstant_mol_per_m2_s,
    ).toBeCloseTo(1, 3);
  });
});
