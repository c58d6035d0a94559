/**
 * `@solidcell/cell`: the through-thickness (P2D-type) cell engine of SolidCell — Li-In counter
 * electrode | Li6PS5Cl separator | composite NCM electrode — with an implicit, adaptive BDF
 * solver on the full DAE (banded Newton), experiment protocols (typed steps and readable
 * strings), event location of end conditions, and results with CSV/JSON export. Browser-safe:
 * no I/O.
 *
 * @packageDocumentation
 */

export {
  type ExecutableStep,
  type ExpandedStep,
  expandProtocol,
  MAX_EXPANDED_STEPS,
} from './experiment/expandProtocol.js';
export {
  type CapacitySpec,
  type CurrentDirection,
  type CurrentSpec,
  type CurrentStep,
  type EndCondition,
  type Protocol,
  type ProtocolItem,
  type ProtocolStep,
  type PulseStep,
  type RepeatGroup,
  type RestStep,
  repeat,
  type SweepStep,
  type VoltageStep,
} from './experiment/ProtocolStep.js';
export { formatStep, parseStep } from './experiment/parseStep.js';
export { STEP_BOUNDS, validateStep } from './experiment/validateStep.js';
export {
  CELL_DEFAULTS,
  type CellMeshConfig,
  type CellModelConfig,
  type CellPhysics,
  type CellSolverConfig,
  type CounterElectrodeConfig,
  type ElectrodeConfig,
} from './model/CellConfig.js';
export { CellModel, type ControlMode } from './model/CellModel.js';
export { ConductivityTable } from './model/ConductivityTable.js';
export { cellPhysicsFromComponents } from './model/cellPhysicsFromComponents.js';
export {
  ContactLossLaw,
  type ContactLossParameterOverrides,
  type ContactLossParameters,
  type ContactLossStructure,
  contactLossStructure,
  DEFAULT_CONTACT_LOSS_PARAMETERS,
  resolveContactLossParameters,
} from './model/contactLoss.js';
export { ElectronicConductivityLaw } from './model/electronicConductivityLaw.js';
export { estimateDescriptors } from './model/estimateDescriptors.js';
export { KirchhoffTable } from './model/KirchhoffTable.js';
export { BandedMatrix } from './numerics/BandedMatrix.js';
export type { FactorableMatrix } from './numerics/FactorableMatrix.js';
export { ShellCondensedMatrix, type ShellLayout } from './numerics/ShellCondensedMatrix.js';
export { cyclesToCsv, toCsv, toJson } from './results/exportResults.js';
export type {
  CellFacts,
  CycleSummary,
  SimulationResult,
  SolverSummary,
  StepEndReason,
  StepRecord,
  TimeSeries,
} from './results/SimulationResult.js';
export {
  createCellModel,
  type SimulateOptions,
  type StepInfo,
  simulateExperiment,
} from './simulate/simulateExperiment.js';
export {
  BdfStepper,
  CHARGE,
  INTEGRAL_COUNT,
  MAX_BDF_ORDER,
  SIDE_CHARGE,
  type StepperHistory,
  type StepperStatistics,
  type TrialResult,
} from './solver/BdfStepper.js';
