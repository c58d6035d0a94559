// The calibration module of the reference cell: fixed settings, formation evaluator, procedure.
export {
  CALIBRATION_RANGES,
  CALIBRATION_TARGETS,
  type CalibrateModelOptions,
  type CalibrationReport,
  calibrateModel,
  type FitRecord,
} from './calibrateModel.js';
export {
  type CalibrationCellOptions,
  type CalibrationOverrides,
  calibrationCellConfig,
  evaluateFormation,
  type FormationMetrics,
  formationMetrics,
} from './evaluateFormation.js';
export {
  type CalibrationElectrode,
  ncm90Powder,
  PAPER_CELL_SETTINGS,
  type PaperCellSettings,
} from './settings.js';
