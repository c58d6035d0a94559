// The worker-thread side of runTasks: receives tasks, runs them, posts progress and results.
import { parentPort } from 'node:worker_threads';
import { isSolidCellError } from '@solidcell/core';
import type { TaskRunner, WorkerReply, WorkerRequest } from './runTasks.js';

/** Serves tasks on this worker thread with `runner`. */
export function serveTasks<TTask, TResult>(runner: TaskRunner<TTask, TResult>): void {
  const port = parentPort;
  if (port === null) throw new Error('serveTasks must run on a worker thread');
  port.on('message', async ({ taskIndex, task }: WorkerRequest<TTask>) => {
    const post = (reply: WorkerReply<TResult>) => port.postMessage(reply);
    try {
      const result = await runner(task, (fraction, stage) =>
        post({ type: 'progress', taskIndex, fraction, stage }),
      );
      post({ type: 'done', taskIndex, result });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      post(
        isSolidCellError(error)
          ? { type: 'failed', taskIndex, message, code: error.code }
          : { type: 'failed', taskIndex, message },
      );
    }
  });
}
