// The coordinator of a distributed sweep: enqueues the points not yet stored as BullMQ jobs whose
// id is the point key (enqueuing twice is a no-op, so a restarted coordinator resumes), keeps at
// most `inFlight` of them outstanding, and streams each result into the database as it finishes.
import { isSolidCellError, SolidCellError } from '@solidcell/core';
import { type Job, Queue, QueueEvents } from 'bullmq';
import type { TextSink } from '../../reproduce/ProgressDisplay.js';
import { SOLIDCELL_VERSION } from '../../version.js';
import type { DesignPlan, SweepPoint } from '../designPoints.js';
import { type PointOutcome, pointRecord } from '../pointOutcome.js';
import type { ResultStore } from '../resultStore.js';
import { isStored } from '../runLocalSweep.js';
import { type SweepCounts, SweepProgress } from '../sweepProgress.js';
import { bullConnection } from './connectRedis.js';
import { redactMessage, SWEEP_QUEUE_NAME } from './redisUrl.js';
import { SWEEP_JOB_OPTIONS, type SweepJobData } from './sweepJob.js';

/** Points enqueued together. */
const ENQUEUE_BATCH = 32;

/** Options of {@link runQueueSweep}. */
export interface QueueSweepOptions {
  readonly url: string;
  /** Points enqueued and not yet stored, at most (the coordinator's memory bound). */
  readonly inFlight: number;
  readonly progress: TextSink;
  readonly signal?: AbortSignal;
  readonly retryFailed?: boolean;
}

/** Enqueues a point; a job of the same key that failed for good (e.g. refused) is replaced. */
async function enqueue(queue: Queue<SweepJobData, PointOutcome>, point: SweepPoint) {
  const existing = await queue.getJob(point.key);
  if (existing !== undefined && (await existing.isFailed())) await existing.remove();
  return queue.add(
    'point',
    { solidcell: SOLIDCELL_VERSION, task: point.task! },
    { ...SWEEP_JOB_OPTIONS, jobId: point.key },
  );
}

/** Runs every point of a plan not yet stored on the queue's workers; returns the final counts. */
export async function runQueueSweep(
  plan: DesignPlan,
  store: ResultStore,
  options: QueueSweepOptions,
): Promise<SweepCounts> {
  const connection = bullConnection(options.url);
  const queue = new Queue<SweepJobData, PointOutcome>(SWEEP_QUEUE_NAME, { connection });
  const events = new QueueEvents(SWEEP_QUEUE_NAME, { connection });
  // Each waiting job listens on both; the in-flight bound is the real limit.
  queue.setMaxListeners(options.inFlight + 16);
  events.setMaxListeners(options.inFlight + 16);
  const progress = new SweepProgress(plan.count, options.progress);
  const pending = new Set<Promise<void>>();
  let refused: Error | undefined;
  const collect = async (point: SweepPoint, job: Job<SweepJobData, PointOutcome>) => {
    try {
      const outcome = await job.waitUntilFinished(events);
      await store.append([pointRecord(point, outcome)]);
      progress.add(outcome.status);
      // The result is in the database: the job's copy in Redis is no longer needed.
      await job.remove().catch(() => {});
    } catch (error) {
      // A job that failed for good (refused by a worker of another version, or retries
      // exhausted): not stored, so a later run enqueues it again.
      refused ??= new SolidCellError(
        'E_INVALID_INPUT',
        `point ${point.key.slice(0, 12)} failed on the queue: ${redactMessage((error as Error).message, options.url)}`,
      );
    }
  };
  // Points are enqueued a batch at a time, their commands in flight together on the connection
  // (one round trip per batch instead of two per point).
  let batch: SweepPoint[] = [];
  const submit = async () => {
    const points = batch;
    batch = [];
    const jobs = await Promise.all(points.map((point) => enqueue(queue, point)));
    jobs.forEach((job, k) => {
      const done: Promise<void> = collect(points[k]!, job).finally(() => pending.delete(done));
      pending.add(done);
    });
  };
  const stopped = aborted(options.signal);
  stopped.catch(() => {});
  try {
    await events.waitUntilReady();
    for (const point of plan.points()) {
      options.signal?.throwIfAborted();
      if (refused) throw refused;
      if (isStored(store, point.key, options.retryFailed === true)) {
        progress.add('stored');
        continue;
      }
      if (point.task === undefined) {
        await store.append([pointRecord(point)]);
        progress.add('failed');
        continue;
      }
      while (pending.size + batch.length >= options.inFlight) {
        if (batch.length > 0) await submit();
        else await Promise.race([...pending, stopped]);
      }
      batch.push(point);
      if (batch.length >= ENQUEUE_BATCH) await submit();
    }
    await submit();
    while (pending.size > 0) await Promise.race([...pending, stopped]);
    if (refused) throw refused;
  } catch (error) {
    if (options.signal?.aborted && !isSolidCellError(error)) {
      throw new SolidCellError('E_INTERRUPTED', 'sweep interrupted; run it again to resume');
    }
    throw error;
  } finally {
    progress.finish();
    await Promise.allSettled([events.close(), queue.close()]);
  }
  return progress.current;
}

/** A promise that rejects when `signal` aborts (never settles without one). */
function aborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (signal === undefined) return;
    if (signal.aborted) reject(signal.reason);
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
  });
}
