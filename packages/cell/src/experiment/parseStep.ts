// Parser and formatter for readable protocol steps in the PyBaMM spirit, e.g.
// "Charge at 0.05C until 3.7 V", "Rest for 10 minutes", "Hold at 3.7 V until C/50".
import { invalidInput, SolidCellError } from '@solidcell/core';
import type { CapacitySpec, CurrentSpec, EndCondition, ProtocolStep } from './ProtocolStep.js';

/** Longest step string read (the longest sensible step is < 100 characters). */
const MAX_STEP_CHARS = 500;

const NUMBER = String.raw`[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?`;

function fail(text: string, expected: string): never {
  throw new SolidCellError(
    'E_INVALID_INPUT',
    `cannot parse protocol step "${text}": expected ${expected}`,
    { field: 'protocol step', value: text, allowed: expected },
  );
}

const TIME_UNITS: Readonly<Record<string, number>> = {
  s: 1,
  sec: 1,
  secs: 1,
  second: 1,
  seconds: 1,
  min: 60,
  mins: 60,
  minute: 60,
  minutes: 60,
  h: 3600,
  hr: 3600,
  hrs: 3600,
  hour: 3600,
  hours: 3600,
};

function parseNumber(text: string, token: string, what: string): number {
  const v = Number(token);
  if (!Number.isFinite(v)) fail(text, what);
  return v;
}

function parseDuration(text: string, part: string): number | undefined {
  const m = new RegExp(`^(${NUMBER})\\s*([a-z]+)$`, 'i').exec(part);
  if (m === null) return undefined;
  const unit = TIME_UNITS[m[2]!.toLowerCase()];
  if (unit === undefined) return undefined;
  return parseNumber(text, m[1]!, 'a duration such as "10 minutes"') * unit;
}

function parseCurrent(text: string, part: string): CurrentSpec | undefined {
  let m = new RegExp(`^(${NUMBER})\\s*C$`, 'i').exec(part);
  if (m !== null) return { cRate: parseNumber(text, m[1]!, 'a C-rate') };
  m = new RegExp(`^C\\s*/\\s*(${NUMBER})$`, 'i').exec(part);
  if (m !== null) return { cRate: 1 / parseNumber(text, m[1]!, 'a C-rate such as C/20') };
  m = new RegExp(`^(${NUMBER})\\s*(mA/cm2|mA/cm²|A/m2|A/m²|mA|A|uA|µA)$`).exec(part);
  if (m !== null) {
    const v = parseNumber(text, m[1]!, 'a current');
    switch (m[2]) {
      case 'mA/cm2':
      case 'mA/cm²':
        return { currentDensity_A_per_m2: v * 10 };
      case 'A/m2':
      case 'A/m²':
        return { currentDensity_A_per_m2: v };
      case 'mA':
        return { current_A: v * 1e-3 };
      case 'uA':
      case 'µA':
        return { current_A: v * 1e-6 };
      default:
        return { current_A: v };
    }
  }
  return undefined;
}

function parseCapacity(text: string, part: string): CapacitySpec | undefined {
  const m = new RegExp(`^(${NUMBER})\\s*(mAh/g|mAh/cm2|mAh/cm²|C/kg|C/m2|C/m²)$`).exec(part);
  if (m === null) return undefined;
  const v = parseNumber(text, m[1]!, 'a capacity');
  switch (m[2]) {
    case 'mAh/g':
      return { specificCapacity_C_per_kg: v * 3600 };
    case 'C/kg':
      return { specificCapacity_C_per_kg: v };
    case 'mAh/cm2':
    case 'mAh/cm²':
      return { arealCapacity_C_per_m2: v * 36_000 };
    default:
      return { arealCapacity_C_per_m2: v };
  }
}

function parseVoltage(text: string, part: string): number | undefined {
  const m = new RegExp(`^(${NUMBER})\\s*(mV|V)$`).exec(part);
  if (m === null) return undefined;
  const v = parseNumber(text, m[1]!, 'a voltage such as "3.7 V"');
  return m[2] === 'mV' ? v * 1e-3 : v;
}

const CONDITION_EXPECTED =
  'end conditions "until <voltage V | current (C/50, mA/cm2, A/m2, mA) | capacity (mAh/g, mAh/cm2)>" or "for <duration>", joined by "or"';

function parseConditions(text: string, rest: string): EndCondition[] {
  const trimmed = rest.trim();
  if (trimmed === '') fail(text, CONDITION_EXPECTED);
  const out: EndCondition[] = [];
  let mode: 'until' | 'for' | undefined;
  for (const raw of trimmed.split(/\s+or\s+/i)) {
    let part = raw.trim();
    const lead = /^(until|for)\s+/i.exec(part);
    if (lead !== null) {
      mode = lead[1]!.toLowerCase() as 'until' | 'for';
      part = part.slice(lead[0].length).trim();
    }
    if (mode === undefined) fail(text, CONDITION_EXPECTED);
    const duration = parseDuration(text, part);
    if (duration !== undefined) {
      out.push({ kind: 'time', duration_s: duration });
      continue;
    }
    if (mode === 'for') fail(text, 'a duration after "for", such as "for 10 minutes"');
    const voltage = parseVoltage(text, part);
    if (voltage !== undefined) {
      out.push({ kind: 'voltage', voltageVsLiIn_V: voltage });
      continue;
    }
    const capacity = parseCapacity(text, part);
    if (capacity !== undefined) {
      out.push({ kind: 'capacity', capacity });
      continue;
    }
    const current = parseCurrent(text, part);
    if (current !== undefined) {
      out.push({ kind: 'current', current });
      continue;
    }
    fail(text, `${CONDITION_EXPECTED}; could not read "${part}"`);
  }
  return out;
}

/**
 * Parses one readable protocol step (voltages vs Li-In).
 *
 * @remarks
 * Grammar (case-insensitive keywords):
 * - `Charge|Discharge at <current> <conditions>` — current `0.05C`, `C/20`, `1 mA/cm2`,
 *   `10 A/m2`, `0.5 mA`, `1 A`;
 * - `Rest <conditions>`; `Hold at <voltage> <conditions>`;
 * - `Pulse charge|discharge at <current> for <duration> then rest for <duration>`;
 * - `Sweep from <V> to <V> [to <V> …] at <rate> mV/s|V/s [<conditions>]`;
 * - conditions: `until <voltage|current|capacity>` or `for <duration>`, joined by `or`,
 *   e.g. `until 3.7 V or 20 hours`.
 *
 * @throws SolidCellError `E_INVALID_INPUT` naming the string and what was expected.
 */
export function parseStep(text: string): ProtocolStep {
  if (typeof text !== 'string' || text.length > MAX_STEP_CHARS) {
    invalidInput(
      'protocol step',
      text,
      `a readable step string of at most ${MAX_STEP_CHARS} characters`,
    );
  }
  const s = text.trim().replace(/\s+/g, ' ');
  let m =
    /^(charge|discharge) at (\S+(?: (?:mA\/cm2|mA\/cm²|A\/m2|A\/m²|mA|A|uA|µA))?) (.*)$/i.exec(s);
  if (m !== null) {
    const current = parseCurrent(text, m[2]!);
    if (current === undefined) {
      fail(text, `a current after "at" (0.05C, C/20, 1 mA/cm2, 10 A/m2, 0.5 mA), got "${m[2]}"`);
    }
    return {
      kind: 'current',
      direction: m[1]!.toLowerCase() as 'charge' | 'discharge',
      current,
      until: parseConditions(text, m[3]!),
    };
  }
  m = /^rest (.*)$/i.exec(s);
  if (m !== null) return { kind: 'rest', until: parseConditions(text, m[1]!) };
  m = new RegExp(`^hold at (${NUMBER} ?m?V) (.*)$`, 'i').exec(s);
  if (m !== null) {
    const v = parseVoltage(text, m[1]!);
    if (v === undefined) fail(text, 'a voltage after "Hold at", such as "3.7 V"');
    return { kind: 'voltage', voltageVsLiIn_V: v, until: parseConditions(text, m[2]!) };
  }
  m = /^pulse (charge|discharge) at (.+?) for (.+?) then rest for (.+)$/i.exec(s);
  if (m !== null) {
    const current = parseCurrent(text, m[2]!);
    const duration = parseDuration(text, m[3]!);
    const rest = parseDuration(text, m[4]!);
    if (current === undefined || duration === undefined || rest === undefined) {
      fail(text, '"Pulse charge at 1C for 1 minute then rest for 10 minutes"');
    }
    return {
      kind: 'pulse',
      direction: m[1]!.toLowerCase() as 'charge' | 'discharge',
      current,
      duration_s: duration,
      rest_s: rest,
    };
  }
  m = new RegExp(`^sweep from (.+?) at (${NUMBER}) ?(mV/s|V/s)(?: (.*))?$`, 'i').exec(s);
  if (m !== null) {
    const vertices = m[1]!.split(/ to /i).map((p) => parseVoltage(text, p.trim()));
    if (vertices.length < 2 || vertices.some((v) => v === undefined)) {
      fail(text, 'vertex voltages "from 2.5 V to 3.7 V [to …]"');
    }
    const rate = parseNumber(text, m[2]!, 'a scan rate') * (m[3] === 'mV/s' ? 1e-3 : 1);
    return {
      kind: 'sweep',
      scanRate_V_per_s: rate,
      vertices_V: vertices as number[],
      until: m[4] === undefined ? [] : parseConditions(text, m[4]),
    };
  }
  return fail(
    text,
    'a step starting with "Charge at", "Discharge at", "Rest", "Hold at", "Pulse charge|discharge at" or "Sweep from"',
  );
}

function formatCurrent(c: CurrentSpec): string {
  if ('cRate' in c) return `${c.cRate}C`;
  if ('current_A' in c) return `${c.current_A} A`;
  return `${c.currentDensity_A_per_m2} A/m2`;
}

function formatCondition(c: EndCondition): string {
  switch (c.kind) {
    case 'voltage':
      return `until ${c.voltageVsLiIn_V} V`;
    case 'time':
      return `for ${c.duration_s} s`;
    case 'current':
      return `until ${formatCurrent(c.current)}`;
    case 'capacity':
      return 'specificCapacity_C_per_kg' in c.capacity
        ? `until ${c.capacity.specificCapacity_C_per_kg} C/kg`
        : `until ${c.capacity.arealCapacity_C_per_m2} C/m2`;
  }
}

function formatConditions(until: readonly EndCondition[]): string {
  return until.map(formatCondition).join(' or ');
}

/**
 * Formats a step as a readable string in SI units that {@link parseStep} reads back to an
 * equal step (`parseStep(formatStep(s))` deep-equals `s`).
 */
export function formatStep(step: ProtocolStep): string {
  switch (step.kind) {
    case 'current': {
      const verb = step.direction === 'charge' ? 'Charge' : 'Discharge';
      return `${verb} at ${formatCurrent(step.current)} ${formatConditions(step.until)}`;
    }
    case 'rest':
      return `Rest ${formatConditions(step.until)}`;
    case 'voltage':
      return `Hold at ${step.voltageVsLiIn_V} V ${formatConditions(step.until)}`;
    case 'pulse':
      return `Pulse ${step.direction} at ${formatCurrent(step.current)} for ${step.duration_s} s then rest for ${step.rest_s} s`;
    case 'sweep': {
      const base = `Sweep from ${step.vertices_V.map((v) => `${v} V`).join(' to ')} at ${step.scanRate_V_per_s} V/s`;
      return step.until.length > 0 ? `${base} ${formatConditions(step.until)}` : base;
    }
  }
}
