// Argument checks at the entry points of the cell engine (simulateExperiment, createCellModel):
// the configuration's shape (an object, no unknown fields at any named level), the solver
// tolerances and step limits, and the simulate options. The physics values themselves are
// checked where they are used (CellModel); this module only makes sure nothing is silently
// ignored and nothing reaches the solver as NaN or the wrong type.
import { describeBounds, invalidInput, type NumberBounds } from '@solidcell/core';
import type { CellModelConfig, CellSolverConfig } from './CellConfig.js';

/** Known fields of each named level of a {@link CellModelConfig}. */
const KNOWN_FIELDS: Readonly<Record<string, readonly string[]>> = {
  '': [
    'physics',
    'electrode',
    'separatorThickness_m',
    'counterElectrode',
    'temperature_K',
    'electrodeArea_m2',
    'mesh',
    'solver',
    'contactLoss',
  ],
  physics: [
    'chargeTransfer',
    'activeMaterial',
    'electrolyte',
    'carbon',
    'transport',
    'sideReactions',
  ],
  electrode: [
    'volumeFractions',
    'thickness_m',
    'arealCapacity_C_per_m2',
    'ncmArealMass_kg_per_m2',
    'microstructure',
    'contactFraction',
    'initialLithiation',
  ],
  counterElectrode: ['potentialVsLi_V', 'areaSpecificResistance_ohm_m2'],
  mesh: ['electrodeNodes', 'separatorNodes', 'particleShells', 'particleShellRatio'],
  solver: [
    'relativeTolerance',
    'potentialTolerance_V',
    'sideStateTolerance',
    'maxStepSize_s',
    'initialStepSize_s',
    'minStepSize_s',
    'maxOrder',
    'maxNewtonIterations',
    'maxStepsPerProtocolStep',
  ],
};

/**
 * Bounds of the solver settings: tolerances from 1e-12 (below double precision of the states
 * nothing converges) to 0.1; step sizes from 1e-12 s to one day; Newton 1–50 iterations; at
 * most 10⁷ steps per protocol step. The BDF order is checked by BdfStepper, its owner.
 */
const SOLVER_BOUNDS: Readonly<Record<Exclude<keyof CellSolverConfig, 'maxOrder'>, NumberBounds>> = {
  relativeTolerance: { min: 1e-12, max: 0.1, unit: '' },
  potentialTolerance_V: { min: 1e-12, max: 0.1, unit: 'V' },
  sideStateTolerance: { min: 1e-12, max: 0.1, unit: '' },
  maxStepSize_s: { min: 1e-12, max: 86_400, unit: 's' },
  initialStepSize_s: { min: 1e-12, max: 86_400, unit: 's' },
  minStepSize_s: { min: 1e-15, max: 86_400, unit: 's' },
  maxNewtonIterations: { min: 1, max: 50, unit: '', integer: true },
  maxStepsPerProtocolStep: { min: 1, max: 10_000_000, unit: '', integer: true },
};

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Checks one level; `level` is '' for the configuration itself, else its field name. */
function checkKnownFields(level: string, value: unknown, required: boolean): void {
  if (value === undefined && !required) return;
  if (!isRecord(value)) invalidInput(level || 'config', value, 'an object');
  const known = KNOWN_FIELDS[level] ?? [];
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown !== undefined) {
    const field = level ? `${level}.${unknown}` : unknown;
    invalidInput(field, value[unknown], `no such field (known: ${known.join(', ')})`);
  }
}

function inBounds(value: unknown, bounds: NumberBounds): boolean {
  return (
    typeof value === 'number' &&
    Number.isFinite(value) &&
    value >= bounds.min &&
    value <= bounds.max &&
    (!bounds.integer || Number.isInteger(value))
  );
}

/**
 * Checks the shape of a cell configuration and its solver settings.
 * @throws SolidCellError `E_INVALID_INPUT` naming the dotted field (`solver.relativeTolerance`).
 */
export function validateCellModelConfig(config: unknown): asserts config is CellModelConfig {
  checkKnownFields('', config, true);
  const root = config as Record<string, unknown>;
  checkKnownFields('physics', root.physics, true);
  checkKnownFields('electrode', root.electrode, true);
  for (const level of ['counterElectrode', 'mesh', 'solver']) {
    checkKnownFields(level, root[level], false);
  }
  const solver = (root.solver ?? {}) as Record<string, unknown>;
  for (const [key, bounds] of Object.entries(SOLVER_BOUNDS)) {
    const value = solver[key];
    if (value !== undefined && !inBounds(value, bounds)) {
      invalidInput(`solver.${key}`, value, describeBounds(bounds));
    }
  }
}

/** Checks the options of simulateExperiment: callbacks are functions, recordEvery ≥ 1. */
export function validateSimulateOptions(options: unknown): void {
  if (!isRecord(options)) invalidInput('options', options, 'an object of simulate options');
  for (const callback of ['onProgress', 'onStep']) {
    const value = options[callback];
    if (value !== undefined && typeof value !== 'function') {
      invalidInput(`options.${callback}`, value, 'a function');
    }
  }
  const every = options.recordEvery;
  const bounds = { min: 1, max: Number.MAX_SAFE_INTEGER, unit: 'steps', integer: true };
  if (every !== undefined && !inBounds(every, bounds)) {
    invalidInput('options.recordEvery', every, describeBounds(bounds));
  }
  const known = ['onProgress', 'onStep', 'recordEvery', 'initialState'];
  const unknown = Object.keys(options).find((key) => !known.includes(key));
  if (unknown !== undefined) invalidInput(`options.${unknown}`, options[unknown], 'no such option');
}
