// Re-runs the calibration of model.md §4 on the reproduction's own electrodes and writes the fitted
// values to calibratedParameters.ts (atomically). Usage, from the repository root:
//   pnpm --filter @solidcell/cli calibrate [--quick]
// Deterministic: the microstructures use the reproduction's seed; the fits are bisections.
import { fileURLToPath } from 'node:url';
import { writeFileAtomic } from '@solidcell/microstructure/node';
import { studySettings } from '../reproduce/studyPlan.js';
import { calibrateModel } from './calibrateModel.js';
import { reproductionCalibrationElectrodes } from './reproductionElectrodes.js';

/** The source text of calibratedParameters.ts for fitted values. */
export function calibratedParametersSource(
  solidDiffusivityRef_m2_per_s: number,
  carbonReactionZoneCharge_C_per_m2: number,
  settingsLabel: string,
): string {
  return `// Written by \`pnpm --filter @solidcell/cli calibrate\` (calibration/runCalibration.ts):
// the parameters fitted to model.md §4 target 3 on the reproduction's own electrodes (voxel
// descriptors, ionic law and cell settings of \`solidcell reproduce\`, ${settingsLabel}). Do not
// edit by hand.
import type { CellParameterOverrides } from '../studies/cellSetup.js';

/** Calibrated plugin parameters the reproduction applies (plugin defaults elsewhere). */
export const CALIBRATED_PARAMETERS: CellParameterOverrides = {
  ncm: { solidDiffusivityRef_m2_per_s: ${solidDiffusivityRef_m2_per_s.toPrecision(4)} },
  oxidation: { carbonReactionZoneCharge_C_per_m2: ${carbonReactionZoneCharge_C_per_m2.toPrecision(4)} },
};
`;
}

function main(): void {
  const quick = process.argv.includes('--quick');
  const settings = studySettings(quick, 1);
  const log = (message: string) => process.stderr.write(`${message}\n`);
  log(`stage 1 (${quick ? 'quick' : 'default'} settings): building the voxel electrodes`);
  const electrodes = reproductionCalibrationElectrodes(settings);
  const report = calibrateModel(electrodes, { onProgress: log });
  for (const { carbon_wtPct, metrics } of report.series) {
    log(
      `ncm90_sc${carbon_wtPct}: irreversible ${metrics.irreversibleCapacity_mAh_per_g.toFixed(2)} mAh/g, below 3.2 V ${(100 * metrics.sideChargeFractionBelow3p2V).toFixed(1)} %`,
    );
  }
  const target = fileURLToPath(new URL('./calibratedParameters.ts', import.meta.url));
  writeFileAtomic(
    target,
    calibratedParametersSource(
      report.solidDiffusivity.value,
      report.reactionZoneCharge.value,
      `${settings.voxels}³ voxels, seed ${settings.seed}`,
    ),
  );
  log(`wrote ${target}`);
}

if (process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1]) main();
