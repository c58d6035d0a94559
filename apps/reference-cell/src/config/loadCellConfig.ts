// Reads a cell configuration file: JSON syntax, the schema, readable protocol steps; every error
// names the file, the field, the rejected value and what is allowed.
import { closeSync, constants, fstatSync, openSync, readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseStep, validateStep } from '@solidcell/cell';
import { invalidInput, isSolidCellError, parseInput, SolidCellError } from '@solidcell/core';
import { type CellConfig, cellConfigSchema } from './cellConfigSchema.js';

/**
 * Validates a parsed configuration object (schema, then each readable protocol step).
 * @throws SolidCellError `E_INVALID_INPUT` naming the dotted field, value and allowed range.
 */
export function parseCellConfig(input: unknown): CellConfig {
  const config = parseInput(cellConfigSchema, input);
  if (Array.isArray(config.protocol)) validateProtocolSteps('protocol', config.protocol);
  return config;
}

/**
 * Parses and bounds-checks readable protocol steps (the grammar of `simulate --step`).
 * @param field - the protocol's field, e.g. `protocol`; errors name `<field>[k]`.
 * @throws SolidCellError `E_INVALID_INPUT` naming the step's field, its text and what is allowed.
 */
export function validateProtocolSteps(field: string, steps: readonly string[]): void {
  steps.forEach((text, k) => {
    let step: unknown;
    try {
      step = parseStep(text);
    } catch (error) {
      if (!isSolidCellError(error)) throw error;
      invalidInput(`${field}[${k}]`, text, error.allowed ?? 'a readable protocol step');
    }
    validateStep(`${field}[${k}]`, step);
  });
}

/**
 * Runs `body`, prefixing the message of any SolidCellError with the file name, so a one-line CLI
 * error says which file is wrong.
 */
export function withConfigFile<T>(path: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    if (!isSolidCellError(error)) throw error;
    throw new SolidCellError(error.code, `${basename(path)}: ${error.message}`, {
      ...(error.field === undefined ? {} : { field: error.field }),
      value: error.value,
      ...(error.allowed === undefined ? {} : { allowed: error.allowed }),
    });
  }
}

/** Largest configuration file read (the paper's configs are < 2 KiB; a cell with a long protocol < 100 KiB). */
export const MAX_CONFIG_BYTES = 1024 * 1024;

/**
 * The text of a configuration file: a regular file (not a device, FIFO or folder, which could be
 * read forever) of at most {@link MAX_CONFIG_BYTES}.
 */
function readConfigText(path: string, flag: string): string {
  let fd: number;
  try {
    // Non-blocking, so that opening a FIFO without a writer returns at once and is refused below.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return invalidInput(flag, path, `a readable JSON cell configuration file (${reason})`);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) {
      invalidInput(flag, path, 'a regular JSON file (not a device, pipe or folder)');
    }
    if (stats.size > MAX_CONFIG_BYTES) {
      invalidInput(
        flag,
        path,
        `a JSON file of at most ${MAX_CONFIG_BYTES} bytes (it has ${stats.size})`,
      );
    }
    return readFileSync(fd, 'utf8');
  } finally {
    closeSync(fd);
  }
}

/**
 * Reads and validates a cell configuration file.
 * @param flag - the flag that named the file, for read errors (default `--config`).
 * @throws SolidCellError `E_INVALID_INPUT` when the file cannot be read, is not JSON or does not
 * match the schema.
 */
export function loadCellConfig(path: string, flag = '--config'): CellConfig {
  const text = readConfigText(path, flag);
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return invalidInput(flag, path, `valid JSON (${(error as Error).message})`);
  }
  return withConfigFile(path, () => parseCellConfig(json));
}
