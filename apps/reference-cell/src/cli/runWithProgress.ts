// Runs one long computation with a single-row progress display on stderr.
import type { ProgressCallback } from '@solidcell/core';
import { ProgressDisplay } from '../reproduce/ProgressDisplay.js';

/**
 * Calls `work` with a progress callback that draws on stderr (unless quiet); the row is closed
 * when `work` returns or, for a promise, when it settles successfully.
 */
export function runWithProgress<T>(
  label: string,
  quiet: boolean,
  work: (onProgress: ProgressCallback) => T,
): T {
  if (quiet) return work(() => {});
  const display = new ProgressDisplay([label], process.stderr);
  const result = work((fraction, stage) => display.progress(0, fraction, stage));
  if (result instanceof Promise) {
    return result.then((value: unknown) => {
      display.done(0);
      return value;
    }) as T;
  }
  display.done(0);
  return result;
}
