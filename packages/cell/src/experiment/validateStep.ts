// Physical bounds of protocol steps, checked like command-line flags before a step runs: C-rates
// and currents that a cell can carry, voltages inside the window of the Li-In reference, durations
// and capacities a single step can need. A typed step of an unknown kind or with unknown fields is
// refused, never run as something else.
import { describeBounds, invalidInput, type NumberBounds } from '@solidcell/core';
import type { EndCondition, ProtocolStep } from './ProtocolStep.js';

/**
 * Bounds of every number a step holds. C-rate 0.001–20 C as `--c-rate` (the paper's rate test
 * reaches 2C; 20C leaves room for pulse studies); voltages 0–5 V vs Li-In (0.62–5.62 V vs Li/Li⁺:
 * NCM811 runs at 1.9–3.7 V vs Li-In and argyrodite oxidation is studied up to ≈ 5 V vs Li); one
 * step at most 1000 h; capacities up to 1000 mAh/g (NCM811 holds ≈ 275) or 100 mAh/cm²;
 * scan rates 1 µV/s–1 V/s (a 5 V sweep within the 1000 h limit needs ≥ 1.4 µV/s).
 */
export const STEP_BOUNDS = {
  cRate: { min: 0.001, max: 20, unit: 'C' },
  currentDensity_A_per_m2: { min: 0, max: 10_000, unit: 'A/m²', minExclusive: true },
  current_A: { min: 0, max: 100, unit: 'A', minExclusive: true },
  voltageVsLiIn_V: { min: 0, max: 5, unit: 'V vs Li-In' },
  duration_s: { min: 0, max: 3_600_000, unit: 's (1000 h)', minExclusive: true },
  specificCapacity_C_per_kg: {
    min: 0,
    max: 3_600_000,
    unit: 'C/kg (1000 mAh/g)',
    minExclusive: true,
  },
  arealCapacity_C_per_m2: {
    min: 0,
    max: 3_600_000,
    unit: 'C/m² (100 mAh/cm²)',
    minExclusive: true,
  },
  scanRate_V_per_s: { min: 1e-6, max: 1, unit: 'V/s' },
} as const satisfies Record<string, NumberBounds>;

type StepQuantity = keyof typeof STEP_BOUNDS;

function checkNumber(field: string, value: unknown, quantity: StepQuantity): void {
  const bounds: NumberBounds = STEP_BOUNDS[quantity];
  const ok =
    typeof value === 'number' &&
    Number.isFinite(value) &&
    (bounds.minExclusive ? value > bounds.min : value >= bounds.min) &&
    value <= bounds.max;
  if (!ok) invalidInput(field, value, describeBounds(bounds));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The one key of an object such as `{ cRate: 1 }`, which must be among `allowed`. */
function checkOneOf(field: string, value: unknown, allowed: readonly StepQuantity[]): void {
  const keys = isRecord(value) ? Object.keys(value) : [];
  const key = keys[0] as StepQuantity | undefined;
  if (keys.length !== 1 || key === undefined || !allowed.includes(key)) {
    invalidInput(field, value, `an object with one of ${allowed.map((k) => `"${k}"`).join(', ')}`);
  }
  checkNumber(`${field}.${key}`, (value as Record<string, unknown>)[key], key);
}

function checkFields(field: string, value: Record<string, unknown>, known: readonly string[]) {
  const unknown = Object.keys(value).find((key) => !known.includes(key));
  if (unknown !== undefined) invalidInput(`${field}.${unknown}`, value[unknown], 'no such field');
}

/** The keys of a {@link CurrentSpec} and of a {@link CapacitySpec}. */
const CURRENTS = [
  'cRate',
  'current_A',
  'currentDensity_A_per_m2',
] as const satisfies readonly StepQuantity[];
const CAPACITIES = [
  'specificCapacity_C_per_kg',
  'arealCapacity_C_per_m2',
] as const satisfies readonly StepQuantity[];

/** The value field of each end-condition kind and how it is checked. */
const CONDITION_CHECKS: Readonly<
  Record<EndCondition['kind'], readonly [string, (field: string, value: unknown) => void]>
> = {
  voltage: ['voltageVsLiIn_V', (f, v) => checkNumber(f, v, 'voltageVsLiIn_V')],
  time: ['duration_s', (f, v) => checkNumber(f, v, 'duration_s')],
  current: ['current', (f, v) => checkOneOf(f, v, CURRENTS)],
  capacity: ['capacity', (f, v) => checkOneOf(f, v, CAPACITIES)],
};

function checkCondition(field: string, condition: unknown): void {
  if (!isRecord(condition)) invalidInput(field, condition, 'an end condition object');
  const check = Object.hasOwn(CONDITION_CHECKS, String(condition.kind))
    ? CONDITION_CHECKS[condition.kind as EndCondition['kind']]
    : undefined;
  if (check === undefined) {
    invalidInput(
      `${field}.kind`,
      condition.kind,
      'one of "voltage", "time", "current", "capacity"',
    );
  }
  const [key, checkValue] = check;
  checkFields(field, condition, ['kind', key]);
  checkValue(`${field}.${key}`, condition[key]);
}

function checkConditions(field: string, until: unknown, required: boolean): void {
  if (!Array.isArray(until) || (required && until.length === 0)) {
    invalidInput(
      field,
      until,
      required ? 'a non-empty list of end conditions' : 'a list of end conditions',
    );
  }
  for (const [k, condition] of until.entries()) checkCondition(`${field}[${k}]`, condition);
}

function checkDirection(field: string, direction: unknown): void {
  if (direction !== 'charge' && direction !== 'discharge') {
    invalidInput(field, direction, 'one of "charge", "discharge"');
  }
}

/**
 * Checks a typed or parsed protocol step against {@link STEP_BOUNDS}.
 * @param field - the step's place in the protocol, e.g. `protocol[3]`, for the error.
 * @throws SolidCellError `E_INVALID_INPUT` naming the field, the value and the allowed range.
 */
export function validateStep(field: string, step: unknown): asserts step is ProtocolStep {
  if (!isRecord(step))
    return invalidInput(field, step, 'a protocol step object or a readable step string');
  switch (step.kind as ProtocolStep['kind']) {
    case 'current':
      checkFields(field, step, ['kind', 'direction', 'current', 'until']);
      checkDirection(`${field}.direction`, step.direction);
      checkOneOf(`${field}.current`, step.current, CURRENTS);
      return checkConditions(`${field}.until`, step.until, true);
    case 'rest':
      checkFields(field, step, ['kind', 'until']);
      return checkConditions(`${field}.until`, step.until, true);
    case 'voltage':
      checkFields(field, step, ['kind', 'voltageVsLiIn_V', 'until']);
      checkNumber(`${field}.voltageVsLiIn_V`, step.voltageVsLiIn_V, 'voltageVsLiIn_V');
      return checkConditions(`${field}.until`, step.until, true);
    case 'pulse':
      checkFields(field, step, ['kind', 'direction', 'current', 'duration_s', 'rest_s']);
      checkDirection(`${field}.direction`, step.direction);
      checkOneOf(`${field}.current`, step.current, CURRENTS);
      checkNumber(`${field}.duration_s`, step.duration_s, 'duration_s');
      return checkNumber(`${field}.rest_s`, step.rest_s, 'duration_s');
    case 'sweep': {
      checkFields(field, step, ['kind', 'scanRate_V_per_s', 'vertices_V', 'until']);
      checkNumber(`${field}.scanRate_V_per_s`, step.scanRate_V_per_s, 'scanRate_V_per_s');
      const vertices = step.vertices_V;
      if (!Array.isArray(vertices) || vertices.length < 2) {
        invalidInput(`${field}.vertices_V`, vertices, 'a list of at least two voltages');
      }
      for (const [k, v] of vertices.entries()) {
        checkNumber(`${field}.vertices_V[${k}]`, v, 'voltageVsLiIn_V');
      }
      return checkConditions(`${field}.until`, step.until, false);
    }
    default:
      invalidInput(
        `${field}.kind`,
        step.kind,
        'one of "current", "rest", "voltage", "pulse", "sweep" (or a readable step string)',
      );
  }
}
