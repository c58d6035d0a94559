// `solidcell worker`: a BullMQ worker that runs sweep points on `jobs` worker threads, so the
// main thread stays free to renew job locks; a worker killed mid-point loses its lock and the
// point is moved back to the queue (stalled-job recovery) and runs on another worker.
import { Worker } from 'bullmq';
import type { TextSink } from '../../reproduce/ProgressDisplay.js';
import { usableJobs, WorkerPool } from '../../reproduce/runTasks.js';
import type { SweepTask } from '../designPoints.js';
import { type PointOutcome, runPointOutcome } from '../pointOutcome.js';
import { bullConnection } from './connectRedis.js';
import { redactMessage, SWEEP_QUEUE_NAME } from './redisUrl.js';
import { checkJobVersion, type SweepJobData } from './sweepJob.js';

/** Options of {@link runQueueWorker}. */
export interface QueueWorkerOptions {
  readonly url: string;
  readonly jobs: number;
  /** Job lock (ms): a point whose worker stops renewing it for this long runs again elsewhere. */
  readonly lockDuration_ms: number;
  readonly log: TextSink;
  readonly signal: AbortSignal;
}

const WORKER_URL = new URL('./sweepWorker.js', import.meta.url);

/** Threads, one per concurrent job, each reused for the next job. */
class ThreadSlots {
  private readonly free: WorkerPool[];

  public constructor(size: number) {
    this.free = Array.from({ length: size }, () => new WorkerPool(WORKER_URL, 1));
  }

  public async run(task: SweepTask): Promise<PointOutcome> {
    const pool = this.free.pop() ?? new WorkerPool(WORKER_URL, 1);
    try {
      const [outcome] = await pool.run<SweepTask, PointOutcome>([task]);
      this.free.push(pool);
      return outcome!;
    } catch (error) {
      // A crashed thread: its pool closed itself; a fresh one takes the slot.
      this.free.push(new WorkerPool(WORKER_URL, 1));
      throw error;
    }
  }

  public async close(): Promise<void> {
    await Promise.all(this.free.map((pool) => pool.close()));
  }
}

/** Serves sweep jobs until `signal` aborts; resolves once the worker has closed. */
export async function runQueueWorker(options: QueueWorkerOptions): Promise<void> {
  // Worker threads need the built JavaScript; from TypeScript sources (tests) points run inline.
  const slots = usableJobs(import.meta.url, 2) > 1 ? new ThreadSlots(options.jobs) : undefined;
  const worker = new Worker<SweepJobData, PointOutcome>(
    SWEEP_QUEUE_NAME,
    async (job) => {
      const task = checkJobVersion(job.data);
      return slots ? slots.run(task) : runPointOutcome(task);
    },
    {
      connection: bullConnection(options.url),
      concurrency: options.jobs,
      lockDuration: options.lockDuration_ms,
      stalledInterval: options.lockDuration_ms,
      maxStalledCount: 2,
    },
  );
  const say = (line: string) => options.log.write(`${redactMessage(line, options.url)}\n`);
  worker.on('failed', (job, error) =>
    say(`worker: point ${job?.id?.slice(0, 12)} failed: ${error.message}`),
  );
  worker.on('active', (job) => say(`worker: point ${job.id?.slice(0, 12)} started`));
  worker.on('error', (error) => say(`worker: ${error.message}`));
  await worker.waitUntilReady();
  say(`worker: serving ${SWEEP_QUEUE_NAME} with ${options.jobs} thread(s)`);
  await new Promise<void>((resolve) => {
    if (options.signal.aborted) resolve();
    options.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  await worker.close();
  await slots?.close();
}
