// Test helper shared by the config tests: the SolidCellError a call throws (other errors propagate).
import { isSolidCellError, type SolidCellError } from '@solidcell/core';

/** Runs `body` and returns the SolidCellError it throws; fails when it throws nothing. */
export function thrown(body: () => unknown): SolidCellError {
  try {
    body();
  } catch (error) {
    if (isSolidCellError(error)) return error;
    throw error;
  }
  throw new Error('expected a SolidCellError');
}
