// One point's outcome as the database stores it: metrics or the error, never a thrown failure,
// so a failed point is recorded and the sweep goes on (locally or on a queue worker).
import { SOLIDCELL_VERSION } from '../version.js';
import type { SweepPoint, SweepTask } from './designPoints.js';
import type { PointRecord } from './resultStore.js';
import { runPoint } from './runPoint.js';

/** What running a task gives back (JSON). */
export type PointOutcome = Pick<
  PointRecord,
  'status' | 'metrics' | 'error' | 'seconds' | 'solidcell'
>;

/** Runs a task; a point that throws becomes a `failed` outcome with its one-line message. */
export function runPointOutcome(
  task: SweepTask,
  onProgress?: (fraction: number, stage: string) => void,
): PointOutcome {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    const metrics = runPoint(task, onProgress);
    // NaN (an experiment that did not run) is stored as null.
    const stored = Object.fromEntries(
      Object.entries(metrics).map(([name, value]) => [name, Number.isFinite(value) ? value : null]),
    );
    return {
      status: 'done',
      metrics: stored,
      error: null,
      seconds: seconds(),
      solidcell: SOLIDCELL_VERSION,
    };
  } catch (error) {
    const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
    return {
      status: 'failed',
      metrics: {},
      error: message,
      seconds: seconds(),
      solidcell: SOLIDCELL_VERSION,
    };
  }
}

/** The database row of a point and its outcome; a point that could not be built fails at once. */
export function pointRecord(point: SweepPoint, outcome?: PointOutcome): PointRecord {
  const result = outcome ?? {
    status: 'failed' as const,
    metrics: {},
    error: point.error ?? 'no task',
    seconds: 0,
    solidcell: SOLIDCELL_VERSION,
  };
  return { key: point.key, index: point.index, inputs: point.inputs, ...result };
}
