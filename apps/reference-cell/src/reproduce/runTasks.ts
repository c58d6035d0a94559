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

/** Options of {@link runTasks}. */
export interface RunTasksOptions<TTask, TResult> {
  /** Parallel workers; 1 runs in this thread with `runInline`. */
  readonly jobs: number;
  /** Worker module (used when jobs > 1). */
  readonly workerUrl: URL;
  /** The same runner, for jobs = 1. */
  readonly runInline: TaskRunner<TTask, TResult>;
  readonly onProgress?: (progress: TaskProgress) => void;
  /** Called as each task finishes (e.g. to cache it at once). */
  readonly onResult?: (taskIndex: number, result: TResult) => void;
  /** Aborts outstanding work (SIGINT); completed results are kept by `onResult`. */
  readonly signal?: AbortSignal;
}

/** Runs every task and returns the results in task order; the first failure rejects. */
export async function runTasks<TTask, TResult>(
  tasks: readonly TTask[],
  options: RunTasksOptions<TTask, TResult>,
): Promise<TResult[]> {
  const results = new Array<TResult>(tasks.length);
  if (options.jobs <= 1) {
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
  let next = 0;
  const workers: Worker[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      let finished = 0;
      if (tasks.length === 0) resolve();
      const abort = () => reject(options.signal?.reason ?? new Error('aborted'));
      options.signal?.addEventListener('abort', abort, { once: true });
      const feed = (worker: Worker) => {
        if (next >= tasks.length) return;
        const taskIndex = next++;
        worker.postMessage({
          taskIndex,
          task: tasks[taskIndex] as TTask,
        } satisfies WorkerRequest<TTask>);
      };
      for (let i = 0; i < Math.min(options.jobs, tasks.length); i++) {
        const worker = new Worker(options.workerUrl);
        workers.push(worker);
        worker.on('message', (reply: WorkerReply<TResult>) => {
          if (reply.type === 'progress') {
            options.onProgress?.({
              taskIndex: reply.taskIndex,
              fraction: reply.fraction,
              stage: reply.stage,
            });
          } else if (reply.type === 'failed') {
            reject(new TaskFailure(reply.taskIndex, reply.message, reply.code));
          } else {
            results[reply.taskIndex] = reply.result;
            options.onResult?.(reply.taskIndex, reply.result);
            finished += 1;
            if (finished === tasks.length) resolve();
            else feed(worker);
          }
        });
        worker.on('error', reject);
        feed(worker);
      }
    });
  } finally {
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
  return results;
}
