// Reads a cell configuration file: JSON syntax, the schema, readable protocol steps; every error
// names the file, the field, the rejected value and what is allowed.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { parseStep } from '@solidcell/cell';
import { invalidInput, isSolidCellError, parseInput, SolidCellError } from '@solidcell/core';
import { type CellConfig, cellConfigSchema } from './cellConfigSchema.js';

/**
 * Validates a parsed configuration object (schema, then each readable protocol step).
 * @throws SolidCellError `E_INVALID_INPUT` naming the dotted field, value and allowed range.
 */
export function parseCellConfig(input: unknown): CellConfig {
  const config = parseInput(cellConfigSchema, input);
  if (Array.isArray(config.protocol)) {
    config.protocol.forEach((text, k) => {
      try {
        parseStep(text);
      } catch (error) {
        if (!isSolidCellError(error)) throw error;
        invalidInput(`protocol[${k}]`, text, error.allowed ?? 'a readable protocol step');
      }
    });
  }
  return config;
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

/**
 * Reads and validates a cell configuration file.
 * @param flag - the flag that named the file, for read errors (default `--config`).
 * @throws SolidCellError `E_INVALID_INPUT` when the file cannot be read, is not JSON or does not
 * match the schema.
 */
export function loadCellConfig(path: string, flag = '--config'): CellConfig {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? 'unreadable';
    return invalidInput(flag, path, `a readable JSON cell configuration file (${reason})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return invalidInput(flag, path, `valid JSON (${(error as Error).message})`);
  }
  return withConfigFile(path, () => parseCellConfig(json));
}
