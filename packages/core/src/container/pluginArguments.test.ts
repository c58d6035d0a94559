// Reliability class 11: createCell and createSolidCellContainer name a bad plugin list instead
// of throwing raw TypeErrors.
import { describe, expect, it } from 'vitest';
import { isSolidCellError } from '../errors/SolidCellError.js';
import { createCell } from './createCell.js';
import { createSolidCellContainer } from './createSolidCellContainer.js';

function invalidField(body: () => unknown): string | undefined {
  try {
    body();
  } catch (error) {
    if (isSolidCellError(error) && error.code === 'E_INVALID_INPUT') return error.field;
    throw error;
  }
  throw new Error('expected E_INVALID_INPUT');
}

describe('plugin lists', () => {
  it.each([
    ['createCell(null)', () => createCell(null as never), 'plugins'],
    ['createCell([null])', () => createCell([null as never]), 'plugins[0]'],
    [
      'a plugin without module',
      () => createSolidCellContainer([{ id: 'x', kinds: ['Material'] } as never]),
      'plugins[0]',
    ],
    [
      'a plugin without kinds',
      () => createSolidCellContainer([{ id: 'x', module: {} } as never]),
      'plugins[0]',
    ],
  ])('%s → E_INVALID_INPUT naming the argument', (_name, body, field) => {
    expect(invalidField(body)).toBe(field);
  });
});
