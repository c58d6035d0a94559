// Turns any thrown value into a one-line message and an exit code.
import { isSolidCellError, type SolidCellErrorCode } from '@solidcell/core';
import {
  EXIT_INTERNAL,
  EXIT_INTERRUPTED,
  EXIT_INVALID_INPUT,
  EXIT_PLUGIN,
  EXIT_RESOURCE,
  EXIT_SOLVER,
} from './exitCodes.js';

const EXIT_BY_CODE: Record<SolidCellErrorCode, number> = {
  E_INVALID_INPUT: EXIT_INVALID_INPUT,
  E_COMPOSITION_SUM: EXIT_INVALID_INPUT,
  E_PLUGIN_UNKNOWN_KIND: EXIT_PLUGIN,
  E_PLUGIN_DUPLICATE_ID: EXIT_PLUGIN,
  E_PLUGIN_CONFLICT: EXIT_PLUGIN,
  E_PLUGIN_MISSING_KIND: EXIT_PLUGIN,
  E_PLUGIN_NOT_FOUND: EXIT_PLUGIN,
  E_SOLVER_NOT_CONVERGED: EXIT_SOLVER,
  E_SOLVER_NON_FINITE: EXIT_SOLVER,
  E_RESOURCE_LIMIT: EXIT_RESOURCE,
  E_INTERRUPTED: EXIT_INTERRUPTED,
};

/** A failure ready to print. */
export interface Failure {
  readonly exitCode: number;
  readonly line: string;
}

/** Classifies an error; SolidCell errors keep their message, anything else is an internal error. */
export function describeFailure(error: unknown): Failure {
  if (isSolidCellError(error)) {
    return {
      exitCode: EXIT_BY_CODE[error.code] ?? EXIT_INTERNAL,
      line: `solidcell: error: ${error.message}`,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    exitCode: EXIT_INTERNAL,
    line: `solidcell: internal error: ${message.split('\n')[0]} (please report this; rerun with SOLIDCELL_DEBUG=1 for the stack)`,
  };
}
