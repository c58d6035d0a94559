// Reads a sweep design file (JSON or YAML), validates it and its base cell configuration; every
// error is one line naming the file, the dotted field, the rejected value and what is allowed.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { invalidInput, isSolidCellError, parseInput } from '@solidcell/core';
import { parse as parseYaml } from 'yaml';
import type { CellConfigInput } from '../config/cellConfigSchema.js';
import {
  parseCellConfig,
  validateProtocolSteps,
  withConfigFile,
} from '../config/loadCellConfig.js';
import { type SweepDesign, sweepDesignSchema } from './designSchema.js';

/** A validated design with its base cell configuration resolved to an object. */
export interface LoadedDesign {
  readonly design: SweepDesign;
  /** The base cell configuration as written (before defaults), axes not yet applied. */
  readonly base: CellConfigInput;
}

function readText(path: string, field: string, what: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return invalidInput(field, path, `a readable ${what} (${reason})`);
  }
}

/** JSON for `.json` files, YAML (a superset of JSON) otherwise. */
function parseDocument(text: string, path: string, field: string): unknown {
  try {
    return path.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    return invalidInput(
      field,
      path,
      `valid ${path.endsWith('.json') ? 'JSON' : 'YAML'} (${reason})`,
    );
  }
}

/**
 * Validates a parsed design; `base` given as a path is read relative to `directory`.
 * @throws SolidCellError `E_INVALID_INPUT` naming the dotted field (e.g. `axes.1.range.to`).
 */
export function parseDesign(input: unknown, directory: string): LoadedDesign {
  const design = parseInput(sweepDesignSchema, input);
  checkProtocol(design, input);
  let base: CellConfigInput;
  if (typeof design.base === 'string') {
    const path = resolve(directory, design.base);
    base = parseDocument(readText(path, 'base', 'cell configuration file'), path, 'base') as never;
    withConfigFile(path, () => parseCellConfig(base));
  } else {
    base = design.base as CellConfigInput;
    const config = base;
    prefixField('base', () => parseCellConfig(config));
  }
  return { design, base };
}

/**
 * Checks `experiments.protocol`: not "pulse" (it runs its own loop, not a protocol), readable
 * steps that parse, and neither `rateCRates` nor `cycling` beside it.
 */
function checkProtocol(design: SweepDesign, input: unknown): void {
  const protocol = design.experiments.protocol;
  if (protocol === undefined) return;
  const field = 'experiments.protocol';
  if (Array.isArray(protocol)) validateProtocolSteps(field, protocol);
  else if ((typeof protocol === 'string' ? protocol : protocol.name) === 'pulse') {
    invalidInput(field, 'pulse', 'a protocol other than "pulse", or readable steps');
  }
  const written = (input as { experiments?: Record<string, unknown> }).experiments ?? {};
  for (const other of ['rateCRates', 'cycling']) {
    if (written[other] !== undefined) {
      invalidInput(
        `experiments.${other}`,
        written[other],
        'nothing when experiments.protocol is given',
      );
    }
  }
}

/** Runs `body`, naming fields of its SolidCellError under `prefix` (`base.porosity`). */
function prefixField<T>(prefix: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (!isSolidCellError(error) || error.code !== 'E_INVALID_INPUT' || error.field === undefined)
      throw error;
    return invalidInput(`${prefix}.${error.field}`, error.value, error.allowed ?? 'a valid value');
  }
}

/** Reads and validates a design file. */
export function loadDesign(path: string): LoadedDesign {
  const text = readText(path, 'design', 'design file (JSON or YAML)');
  const input = parseDocument(text, path, 'design');
  return withConfigFile(path, () => parseDesign(input, dirname(resolve(path))));
}
