// Turns any thrown value into a one-line message and an exit code; file-system errors (a full
// disk, a read-only folder) are named as such, not as internal errors.
import { isSolidCellError, type SolidCellErrorCode } from '@solidcell/core';
import { fileSystemFailure } from '../io/prepareOutputFolder.js';
import { TaskFailure } from '../reproduce/runTasks.js';
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
  E_PLUGIN_NO_EXPORT: EXIT_PLUGIN,
  E_PLUGIN_API_VERSION: EXIT_PLUGIN,
  E_SOLVER_NOT_CONVERGED: EXIT_SOLVER,
  E_SOLVER_NON_FINITE: EXIT_SOLVER,
  E_RESOURCE_LIMIT: EXIT_RESOURCE,
  E_INTERRUPTED: EXIT_INTERRUPTED,
};

/** Longest error line printed; a longer message (a huge value echoed back) is cut with "…". */
const MAX_LINE_CHARS = 500;

/** The first line of `text`, at most {@link MAX_LINE_CHARS} characters. */
function oneLine(text: string): string {
  const first = text.split('\n', 1)[0] ?? '';
  return first.length > MAX_LINE_CHARS ? `${first.slice(0, MAX_LINE_CHARS - 1)}…` : first;
}

/** A failure ready to print. */
export interface Failure {
  readonly exitCode: number;
  readonly line: string;
}

/** Classifies an error; SolidCell errors keep their message, anything else is an internal error. */
export function describeFailure(thrown: unknown): Failure {
  const error = fileSystemFailure(thrown) ?? thrown;
  if (isSolidCellError(error)) {
    return {
      exitCode: EXIT_BY_CODE[error.code] ?? EXIT_INTERNAL,
      line: `solidcell: error: ${oneLine(error.message)}`,
    };
  }
  if (error instanceof TaskFailure && error.code !== undefined && error.code in EXIT_BY_CODE) {
    // A SolidCellError thrown on a worker thread keeps the exit code of its class.
    return {
      exitCode: EXIT_BY_CODE[error.code as SolidCellErrorCode],
      line: `solidcell: error: ${oneLine(error.message)}`,
    };
  }
  const message = error instanceof Error ? error.message : String(error);
  return {
    exitCode: EXIT_INTERNAL,
    line: `solidcell: internal error: ${oneLine(message)} (please report this; rerun with SOLIDCELL_DEBUG=1 for the stack)`,
  };
}
