// The local sweep engine: streams the points of a plan, skips those already stored (resume), runs
// the rest on worker threads in small batches, stores each outcome as it arrives and reports
// progress. Only the points of one batch are held in memory.
import { isSolidCellError, SolidCellError } from '@solidcell/core';
import type { TextSink } from '../reproduce/ProgressDisplay.js';
import { runTasks, usableJobs, WorkerPool } from '../reproduce/runTasks.js';
import type { DesignPlan, SweepPoint, SweepTask } from './designPoints.js';
import { type PointOutcome, pointRecord, runPointOutcome } from './pointOutcome.js';
import type { ResultStore } from './resultStore.js';
import { type SweepCounts, SweepProgress } from './sweepProgress.js';

/** Options of {@link runLocalSweep}. */
export interface LocalSweepOptions {
  readonly jobs: number;
  readonly progress: TextSink;
  /** Abort (SIGINT): stored points stay stored; the next run resumes. */
  readonly signal?: AbortSignal;
  /** Run points stored as failed again. */
  readonly retryFailed?: boolean;
}

/** Whether a stored point is skipped. */
export function isStored(store: ResultStore, key: string, retryFailed: boolean): boolean {
  const status = store.statusOf(key);
  return status === 'done' || (status === 'failed' && !retryFailed);
}

const WORKER_URL = new URL('./sweepWorker.js', import.meta.url);

/** Runs every point of a plan not yet stored; returns the final counts. */
export async function runLocalSweep(
  plan: DesignPlan,
  store: ResultStore,
  options: LocalSweepOptions,
): Promise<SweepCounts> {
  const jobs = usableJobs(import.meta.url, options.jobs);
  const progress = new SweepProgress(plan.count, options.progress);
  const pool = jobs > 1 ? new WorkerPool(WORKER_URL, jobs) : undefined;
  const batchSize = Math.max(8, 4 * jobs);
  let batch: SweepPoint[] = [];
  const flush = async () => {
    const points = batch;
    batch = [];
    await runTasks<SweepTask, PointOutcome>(
      points.map((point) => point.task!),
      {
        jobs,
        workerUrl: WORKER_URL,
        runInline: runPointOutcome,
        ...(pool ? { pool } : {}),
        ...(options.signal ? { signal: options.signal } : {}),
        onResult: (index, outcome) => {
          // Counted as done once committed; the batch waits for its commits below.
          commits.push(
            store
              .append([pointRecord(points[index]!, outcome)])
              .then(() => progress.add(outcome.status)),
          );
        },
      },
    ).finally(() => Promise.all(commits.splice(0)));
  };
  const commits: Promise<void>[] = [];
  try {
    for (const point of plan.points()) {
      options.signal?.throwIfAborted();
      if (isStored(store, point.key, options.retryFailed === true)) {
        progress.add('stored');
      } else if (point.task === undefined) {
        await store.append([pointRecord(point)]);
        progress.add('failed');
      } else {
        batch.push(point);
        if (batch.length >= batchSize) await flush();
      }
    }
    if (batch.length > 0) await flush();
  } catch (error) {
    if (options.signal?.aborted && !isSolidCellError(error)) {
      throw new SolidCellError('E_INTERRUPTED', 'sweep interrupted; run it again to resume');
    }
    throw error;
  } finally {
    await pool?.close();
    progress.finish();
  }
  return progress.current;
}
