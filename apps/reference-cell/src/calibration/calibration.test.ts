// Checks that the committed plugin defaults reproduce model.md §4 targets 3 and 4 in the
// full-cell 0.05C formation of the calibration settings, and the calibration procedure.
import { DEFAULT_ARGYRODITE_OXIDATION_PARAMETERS } from '@solidcell/argyrodite-oxidation';
import { DEFAULT_NCM_PARAMETERS } from '@solidcell/ncm-charge-transfer';
import { describe, expect, it } from 'vitest';
import { CALIBRATION_RANGES, CALIBRATION_TARGETS } from './calibrateModel.js';
import { evaluateFormation } from './evaluateFormation.js';
import { ncm90Powder } from './settings.js';

describe('committed calibrated defaults (90 wt% NCM, 15 mg/cm², 25 °C, 0.05C formation)', () => {
  const series = [0, 1, 2, 3].map((c) => evaluateFormation(ncm90Powder(c)));

  it('reproduce the 0 wt% SC irreversible capacity of target 3 within 0.3 mAh/g', () => {
    expect(
      Math.abs(
        series[0]!.irreversibleCapacity_mAh_per_g -
          CALIBRATION_TARGETS.irreversibleCapacityNoCarbon_mAh_per_g,
      ),
    ).toBeLessThan(0.3);
  });

  it('give a carbon side-reaction charge per carbon area equal to q_zone within 3 % at 1 and 2 wt% SC', () => {
    // 1 wt% SC at 15 mg NCM/cm²: carbon BET area per g NCM = (1/90)·62 m²/g; 1 mAh/g = 3.6 C/g.
    for (const c of [1, 2]) {
      const carbonSide =
        series[c]!.sideReactionCapacity_mAh_per_g - series[0]!.sideReactionCapacity_mAh_per_g;
      const perArea = (carbonSide * 3.6) / ((c / 90) * 62);
      expect(
        perArea / DEFAULT_ARGYRODITE_OXIDATION_PARAMETERS.carbonReactionZoneCharge_C_per_m2!,
      ).toBeGreaterThan(0.97);
      expect(
        perArea / DEFAULT_ARGYRODITE_OXIDATION_PARAMETERS.carbonReactionZoneCharge_C_per_m2!,
      ).toBeLessThan(1.03);
    }
  });

  it('reproduce the 3 wt% SC irreversible capacity of target 3 within 0.5 mAh/g', () => {
    expect(
      Math.abs(
        series[3]!.irreversibleCapacity_mAh_per_g -
          CALIBRATION_TARGETS.irreversibleCapacityThreePercentSc_mAh_per_g,
      ),
    ).toBeLessThan(0.5);
  });

  it('raise the irreversible capacity monotonically from 0 to 3 wt% SC', () => {
    for (const c of [1, 2, 3]) {
      expect(series[c]!.irreversibleCapacity_mAh_per_g).toBeGreaterThan(
        series[c - 1]!.irreversibleCapacity_mAh_per_g + 3,
      );
    }
  });

  it('are not transport-limited: the 3 wt% SC first charge reaches the 0 wt% one within 5 %', () => {
    expect(series[3]!.chargeCapacity_mAh_per_g).toBeGreaterThan(
      0.95 * series[0]!.chargeCapacity_mAh_per_g,
    );
  });

  it('target 4: ≥ 95 % of the side-reaction charge at 1–3 wt% SC passes below 3.2 V vs Li-In', () => {
    for (const c of [1, 2, 3]) expect(series[c]!.sideChargeFractionBelow3p2V).toBeGreaterThan(0.95);
  });

  it('keep the fitted parameters inside their literature ranges', () => {
    const d = DEFAULT_NCM_PARAMETERS.solidDiffusivityRef_m2_per_s;
    expect(d).toBeGreaterThanOrEqual(CALIBRATION_RANGES.solidDiffusivityRef_m2_per_s[0]);
    expect(d).toBeLessThanOrEqual(CALIBRATION_RANGES.solidDiffusivityRef_m2_per_s[1]);
    const q = DEFAULT_ARGYRODITE_OXIDATION_PARAMETERS.carbonReactionZoneCharge_C_per_m2!;
    expect(q).toBeGreaterThanOrEqual(CALIBRATION_RANGES.carbonReactionZoneCharge_C_per_m2[0]);
    expect(q).toBeLessThanOrEqual(CALIBRATION_RANGES.carbonReactionZoneCharge_C_per_m2[1]);
  });
});
