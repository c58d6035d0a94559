// model.md §4 on the reproduction's own electrodes: stage 1 of the default `solidcell reproduce`
// (100³ × 0.5 µm voxel descriptors, fitted ionic law, σ_ion and σ_el of each structure) and its
// formation setups with the calibrated parameters it applies. Fails when a target leaves its
// tolerance. Slow (a few CPU-minutes: eight voxel electrodes in this thread).
import { simulateExperiment } from '@solidcell/cell';
import { describeComposition, parseCompositionInput } from '@solidcell/core';
import { beforeAll, describe, expect, it } from 'vitest';
import { studySettings } from '../reproduce/studyPlan.js';
import { cellModelConfig } from '../studies/cellSetup.js';
import { FORMATION_PROTOCOL } from '../studies/runFormation.js';
import { CALIBRATED_PARAMETERS } from './calibratedParameters.js';
import { CALIBRATION_TARGETS } from './calibrateModel.js';
import { type FormationMetrics, formationMetrics } from './evaluateFormation.js';
import {
  type ReproductionCalibrationElectrodes,
  reproductionCalibrationElectrodes,
} from './reproductionElectrodes.js';

/** Tolerance of target 3 (issue 17): ± 1 mAh/g. */
const IRREVERSIBLE_TOLERANCE_mAh_per_g = 1;

let electrodes: ReproductionCalibrationElectrodes;
const formation: Record<number, FormationMetrics> = {};

beforeAll(() => {
  electrodes = reproductionCalibrationElectrodes(studySettings(false, 1));
  for (const c of [0, 3]) {
    const setup = { ...electrodes.formation(c), parameterOverrides: CALIBRATED_PARAMETERS };
    formation[c] = formationMetrics(simulateExperiment(cellModelConfig(setup), FORMATION_PROTOCOL));
  }
}, 1_800_000);

describe('calibration targets in the reproduction (default settings, seed 1)', () => {
  it('target 1: 30.0 and 13.9 vol% SE at 80/17/3 and 90/7/3 wt% SC (solids basis)', () => {
    const se = (ncm: number, seWt: number) =>
      describeComposition(
        parseCompositionInput({
          massFractions_wtPct: { ncm, se: seWt, carbon: 3 },
          carbonShape: 'spherical',
          porosity: 0,
        }),
      ).solidVolumeFractions.se;
    expect(100 * se(80, 17)).toBeCloseTo(30.0, 1);
    expect(100 * se(90, 7)).toBeCloseTo(13.9, 1);
  });

  it('target 2: σ_ion(90/7/3) / σ_ion(80/17/3) in 0.05–0.2 and σ_el rising with NCM (80 → 85 → 90 wt%)', () => {
    const k = electrodes.conductivity_S_per_m;
    const ratio = k.ncm90_sc3!.ionic / k.ncm80_sc3!.ionic;
    expect(ratio).toBeGreaterThan(0.05);
    expect(ratio).toBeLessThan(0.2);
    expect(k.ncm85_sc3!.electronic).toBeGreaterThan(k.ncm80_sc3!.electronic);
    expect(k.ncm90_sc3!.electronic).toBeGreaterThan(k.ncm85_sc3!.electronic);
  });

  it('target 3: formation irreversible capacity 26.3 (0 wt% SC) and 42.9 mAh/g (3 wt% SC) ± 1', () => {
    expect(
      Math.abs(
        formation[0]!.irreversibleCapacity_mAh_per_g -
          CALIBRATION_TARGETS.irreversibleCapacityNoCarbon_mAh_per_g,
      ),
    ).toBeLessThan(IRREVERSIBLE_TOLERANCE_mAh_per_g);
    expect(
      Math.abs(
        formation[3]!.irreversibleCapacity_mAh_per_g -
          CALIBRATION_TARGETS.irreversibleCapacityThreePercentSc_mAh_per_g,
      ),
    ).toBeLessThan(IRREVERSIBLE_TOLERANCE_mAh_per_g);
  });

  // Target 4 is qualitative ("appears below 3.2 V"). In the 50 µm box the 90/7/3 SC cell is
  // polarised enough that its voltage passes 3.2 V before the carbon zone is used up: 89.8 % below
  // 3.2 V (it was ≥ 95 % in the earlier 24 µm box); NCM-site oxidation is < 0.1 % of the charge.
  it('target 4: ≥ 80 % of the 3 wt% SC first-charge SE oxidation passes below 3.2 V vs Li-In', () => {
    expect(formation[3]!.sideChargeFractionBelow3p2V).toBeGreaterThan(0.8);
  });
});
