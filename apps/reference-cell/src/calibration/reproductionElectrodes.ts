// The calibration electrodes exactly as the reproduction builds them: stage 1 (voxel
// microstructures of every paper electrode, the ionic law fitted to them, σ_el samples), then the
// 0.05C formation setups of the 90 wt% NCM series from the reproduction's own study plan.
import { createCell, fromCelsius } from '@solidcell/core';
import { firstPartyPlugin } from '../plugins/firstPartyPlugins.js';
import { type MicrostructureTaskResult, runExperiment } from '../reproduce/runExperiment.js';
import { fitIonicLaw } from '../reproduce/runStudy.js';
import { cellTasks, microstructureTasks, type StudySettings } from '../reproduce/studyPlan.js';
import type { CellSetup } from '../studies/cellSetup.js';
import { cellDescriptors } from '../studies/electronicConductivitySamples.js';

/** Bulk SE conductivity at 25 °C from the materials plugin (the voxel ionic results' scale). */
export function seConductivityAt25C_S_per_m(): number {
  return createCell([
    firstPartyPlugin('materials'),
    firstPartyPlugin('ncm-charge-transfer'),
    firstPartyPlugin('effective-medium-transport'),
  ])
    .material('solid-electrolyte')
    .ionicConductivity_S_per_m({ temperature_K: fromCelsius(25) });
}

/** The target-3 series of the reproduction: formation setups by carbon wt% (0–3 SC). */
export interface ReproductionCalibrationElectrodes {
  readonly settings: StudySettings;
  /** Formation setup of ncm90_sc{c}, as `reproduce` runs it (without calibrated overrides). */
  readonly formation: (carbon_wtPct: number) => CellSetup;
  /** Voxel σ_ion and σ_el (NCM lithiated) per paper electrode, axis means (S/m; target 2). */
  readonly conductivity_S_per_m: Readonly<
    Record<string, { readonly ionic: number; readonly electronic: number }>
  >;
}

function axisMean(values: Readonly<Partial<Record<string, number>>>): number {
  const defined = Object.values(values).filter((v): v is number => v !== undefined);
  return defined.reduce((a, b) => a + b, 0) / defined.length;
}

/**
 * Builds stage 1 of the reproduction in this thread (deterministic for the settings' seed) and
 * returns the formation setups of the 90 wt% NCM SC series from its study plan.
 */
export function reproductionCalibrationElectrodes(
  settings: StudySettings,
): ReproductionCalibrationElectrodes {
  const microstructure: Record<string, MicrostructureTaskResult> = {};
  for (const task of microstructureTasks(settings)) {
    microstructure[task.series] = runExperiment(task) as MicrostructureTaskResult;
  }
  const law = fitIonicLaw(microstructure, seConductivityAt25C_S_per_m());
  const descriptors = Object.fromEntries(
    Object.entries(microstructure).map(([id, m]) => [
      id,
      cellDescriptors(m.result, m.electronicSamples, m.ionicConductivityRatio),
    ]),
  );
  const tasks = cellTasks(
    settings,
    { ionicExponent: law.exponent, ionicThreshold: law.threshold },
    descriptors,
  );
  const formation = (carbon_wtPct: number): CellSetup => {
    const task = tasks.find(
      (t) => t.kind === 'formation' && t.series === `ncm90_sc${carbon_wtPct}`,
    );
    if (task === undefined || task.kind !== 'formation') {
      throw new Error(`the study plan has no formation of ncm90_sc${carbon_wtPct}`);
    }
    // The calibration supplies its own trial parameters.
    return { ...task.setup, parameterOverrides: undefined };
  };
  return {
    settings,
    formation,
    conductivity_S_per_m: Object.fromEntries(
      Object.entries(microstructure).map(([id, m]) => [
        id,
        {
          ionic: axisMean(m.result.conductivitySPerM.ionic),
          electronic: axisMean(m.result.conductivitySPerM.electronic),
        },
      ]),
    ),
  };
}
