// The paper protocols by name (formation, rate, cycling, pulse), shared by `simulate` flags and
// cell configuration files, and the protocol a configuration file selects.
import type { Protocol } from '@solidcell/cell';
import { invalidInput } from '@solidcell/core';
import { PAPER_SETTINGS } from '../studies/paperSettings.js';
import { cyclingProtocol } from '../studies/runCycling.js';
import { FORMATION_PROTOCOL } from '../studies/runFormation.js';
import { rateProtocol } from '../studies/runRate.js';
import { NAMED_PROTOCOLS, type ProtocolSpec } from './cellConfigSchema.js';

/** A protocol ready to simulate, with the name reports show (`custom` for readable steps). */
export interface ResolvedProtocol {
  readonly name: string;
  /** Steps; empty for `pulse`, which runs its own loop (studies/runPulse.ts). */
  readonly protocol: Protocol;
}

/** Settings of the named cycling protocol. */
export interface CyclingSettings {
  /** C-rate of charge and discharge (C). */
  readonly cRate: number;
  readonly cycles: number;
}

/** Readable description of the pulse test, for settings echoes. */
export const PULSE_PROTOCOL_DESCRIPTION =
  '0.05C charge in 10-minute segments, each followed by a 1-minute 1C pulse and 10 minutes rest, until 3.7 V';

/**
 * The steps of a named paper protocol.
 * @param field - the flag or config field that named it, for the error message.
 * @throws SolidCellError `E_INVALID_INPUT` for an unknown name.
 */
export function namedProtocol(
  name: string,
  field: string,
  cycling: CyclingSettings,
): ResolvedProtocol {
  switch (name) {
    case 'formation':
      return { name, protocol: [...FORMATION_PROTOCOL] };
    case 'rate':
      return { name, protocol: rateProtocol(PAPER_SETTINGS.rateCRates) };
    case 'cycling':
      return { name, protocol: cyclingProtocol(cycling.cRate, cycling.cycles) };
    case 'pulse':
      return { name, protocol: [] };
    default:
      return invalidInput(field, name, `one of ${NAMED_PROTOCOLS.map((p) => `"${p}"`).join(', ')}`);
  }
}

/** Cycling defaults of the paper's powder series (PAPER_SETTINGS: 0.5C, 100 cycles). */
export const PAPER_CYCLING: CyclingSettings = {
  cRate: PAPER_SETTINGS.cyclingCRate,
  cycles: PAPER_SETTINGS.cyclingCycles,
};

/**
 * The protocol of a configuration file: readable steps run as `custom`; a named protocol takes
 * its cycling settings from the file, else from `defaults`.
 */
export function protocolFromConfig(
  spec: ProtocolSpec,
  defaults: CyclingSettings = PAPER_CYCLING,
): ResolvedProtocol {
  if (Array.isArray(spec)) return { name: 'custom', protocol: [...spec] };
  const named = typeof spec === 'string' ? { name: spec } : spec;
  return namedProtocol(named.name, 'protocol', {
    cRate: named.cRate ?? defaults.cRate,
    cycles: named.cycles ?? defaults.cycles,
  });
}
