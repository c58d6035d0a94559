// Runs independent tasks either in this thread (jobs = 1) or on a pool of worker threads, with
// progress events and results delivered in task order.
import { Worker } from 'node:worker_threads';

/** A message a task sends while it runs. */
export interface TaskProgress {
  readonly taskIndex: number;
  readonly fraction: number;
  readonly stage: string;
}

/** What every worker module implements: run one task, reporting progress. */
export type TaskRunner<TTask, TResult> = (
  task: TTask,
  onProgress: (fraction: number, stage: string) => void,
) => Promise<TResult> | TResult;

/** Messages exchanged with a worker. */
export type WorkerRequest<TTask> = { readonly taskIndex: number; readonly task: TTask };
export type WorkerReply<TResult> =
  | {
      readonly type: 'progress';
      readonly taskIndex: number;
      readonly fraction: number;
      readonly stage: string;
    }
  | { readonly type: 'done'; readonly taskIndex: number; readonly result: TResult }
  | {
      readonly type: 'failed';
      readonly taskIndex: number;
      readonly message: string;
      readonly code?: string;
    };

/** Error carried back from a failed task. */
export class TaskFailure extends Error {
  public constructor(
    public readonly taskIndex: number,
    message: string,
    public readonly code: string | undefined,
  ) {
    super(message);
    this.name = 'TaskFailure';
  }
}

/** What one run of tasks reports back (in this thread or from a {@link WorkerPool}). */
export interface RunCallbacks<TResult> {
  readonly onProgress?: (progress: TaskProgress) => void;
  /** Called as each task finishes (e.g. to cache it at once). */
  readonly onResult?: (taskIndex: number, result: TResult) => void;
  /** Aborts outstanding work (SIGINT); completed results are kept by `onResult`. */
  readonly signal?: AbortSignal;
}

/** Options of {@link runTasks}. */
export interface RunTasksOptions<TTask, TResult> extends RunCallbacks<TResult> {
  /** Parallel workers; 1 runs in this thread with `runInline`. */
  readonly jobs: number;
  /** Worker module (used when jobs > 1 and no pool is given). */
  readonly workerUrl: URL;
  /** The same runner, for jobs = 1. */
  readonly runInline: TaskRunner<TTask, TResult>;
  /** Workers to reuse (started by an earlier run); otherwise a pool lives for this run only. */
  readonly pool?: WorkerPool;
}

/**
 * Worker threads of one worker module, started on first use and kept between runs, so that a
 * second batch of tasks skips the start-up (≈ 0.45 s to load the reproduction's worker bundle)
 * and finds the shared code already compiled. After a rejected run the pool is closed.
 */
export class WorkerPool {
  private readonly workers: Worker[] = [];
  private closed = false;

  public constructor(
    private readonly workerUrl: URL,
    private readonly size: number,
  ) {}

  private worker(index: number): Worker {
    while (this.workers.length <= index) this.workers.push(new Worker(this.workerUrl));
    return this.workers[index]!;
  }

  /** Runs every task on up to `size` workers; results in task order; the first failure rejects. */
  public async run<TTask, TResult>(
    tasks: readonly TTask[],
    callbacks: RunCallbacks<TResult> = {},
  ): Promise<TResult[]> {
    if (this.closed) throw new Error('the worker pool is closed');
    const results = new Array<TResult>(tasks.length);
    if (tasks.length === 0) return results;
    const active = Array.from({ length: Math.min(this.size, tasks.length) }, (_, i) =>
      this.worker(i),
    );
    const detach: (() => void)[] = [];
    try {
      await new Promise<void>((resolve, reject) => {
        let next = 0;
        let finished = 0;
        const abort = () => reject(callbacks.signal?.reason ?? new Error('aborted'));
        callbacks.signal?.addEventListener('abort', abort, { once: true });
        detach.push(() => callbacks.signal?.removeEventListener('abort', abort));
        const feed = (worker: Worker) => {
          if (next >= tasks.length) return;
          const taskIndex = next++;
          worker.postMessage({
            taskIndex,
            task: tasks[taskIndex] as TTask,
          } satisfies WorkerRequest<TTask>);
        };
        for (const worker of active) {
          const onMessage = (reply: WorkerReply<TResult>) => {
            if (reply.type === 'progress') {
              callbacks.onProgress?.({
                taskIndex: reply.taskIndex,
                fraction: reply.fraction,
                stage: reply.stage,
              });
            } else if (reply.type === 'failed') {
              reject(new TaskFailure(reply.taskIndex, reply.message, reply.code));
            } else {
              results[reply.taskIndex] = reply.result;
              callbacks.onResult?.(reply.taskIndex, reply.result);
              finished += 1;
              if (finished === tasks.length) resolve();
              else feed(worker);
            }
          };
          worker.on('message', onMessage);
          worker.on('error', reject);
          detach.push(() => {
            worker.off('message', onMessage);
            worker.off('error', reject);
          });
          feed(worker);
        }
      });
    } catch (error) {
      await this.close();
      throw error;
    } finally {
      for (const undo of detach) undo();
    }
    return results;
  }

  /** Terminates the workers. */
  public async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.workers.map((worker) => worker.terminate()));
    this.workers.length = 0;
  }
}

/**
 * Worker threads a module at `moduleUrl` can use for `jobs` requested: they need the built
 * JavaScript, so from TypeScript sources (tests) everything runs inline (1).
 */
export function usableJobs(moduleUrl: string, jobs: number): number {
  return moduleUrl.endsWith('.ts') ? 1 : Math.max(1, jobs);
}

/** Runs every task and returns the results in task order; the first failure rejects. */
export async function runTasks<TTask, TResult>(
  tasks: readonly TTask[],
  options: RunTasksOptions<TTask, TResult>,
): Promise<TResult[]> {
  if (options.jobs <= 1) {
    const results = new Array<TResult>(tasks.length);
    for (const [taskIndex, task] of tasks.entries()) {
      // Yield to the event loop so a signal handler (SIGINT → abort) runs between tasks.
      await new Promise((resolve) => setImmediate(resolve));
      options.signal?.throwIfAborted();
      const result = await options.runInline(task, (fraction, stage) =>
        options.onProgress?.({ taskIndex, fraction, stage }),
      );
      results[taskIndex] = result;
      options.onResult?.(taskIndex, result);
    }
    return results;
  }
  const pool = options.pool ?? new WorkerPool(options.workerUrl, options.jobs);
  try {
    return await pool.run(tasks, options);
  } finally {
    if (options.pool === undefined) await pool.close();
  }
}
