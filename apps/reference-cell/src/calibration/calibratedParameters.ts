// Written by `pnpm --filter @solidcell/cli calibrate` (calibration/runCalibration.ts):
// the parameters fitted to model.md §4 target 3 on the reproduction's own electrodes (voxel
// descriptors, ionic law and cell settings of `solidcell reproduce`, 100³ voxels, seed 1). Do not
// edit by hand.
import type { CellParameterOverrides } from '../studies/cellSetup.js';

/** Calibrated plugin parameters the reproduction applies (plugin defaults elsewhere). */
export const CALIBRATED_PARAMETERS: CellParameterOverrides = {
  ncm: { solidDiffusivityRef_m2_per_s: 1.548e-15 },
  oxidation: { carbonReactionZoneCharge_C_per_m2: 31.25 },
};
