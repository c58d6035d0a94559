import { describe, expect, it } from 'vitest';
import { runTasks, TaskFailure, usableJobs, WorkerPool } from './runTasks.js';

const workerUrl = new URL('./__fixtures__/squareWorker.mjs', import.meta.url);
const runInline = (task: number) => task * task;

describe(runTasks, () => {
  it('returns results in task order on worker threads and reports progress', async () => {
    const progress: number[] = [];
    const done: number[] = [];
    const results = await runTasks([1, 2, 3, 4, 5], {
      jobs: 2,
      workerUrl,
      runInline,
      onProgress: (p) => progress.push(p.taskIndex),
      onResult: (i) => done.push(i),
    });
    expect(results).toEqual([1, 4, 9, 16, 25]);
    expect(progress.sort()).toEqual([0, 1, 2, 3, 4]);
    expect(done.sort()).toEqual([0, 1, 2, 3, 4]);
  });

  it('gives the same results in this thread with jobs = 1', async () => {
    expect(await runTasks([1, 2, 3], { jobs: 1, workerUrl, runInline })).toEqual([1, 4, 9]);
  });

  it('rejects with the failing task and its code', async () => {
    const failure = await runTasks([1, -2, 3], { jobs: 2, workerUrl, runInline }).catch(
      (error: unknown) => error,
    );
    expect(failure).toBeInstanceOf(TaskFailure);
    expect((failure as TaskFailure).taskIndex).toBe(1);
    expect((failure as TaskFailure).code).toBe('E_INVALID_INPUT');
  });

  it('stops when aborted, keeping results delivered so far', async () => {
    const controller = new AbortController();
    const done: number[] = [];
    const outcome = runTasks([1, 2, 3], {
      jobs: 1,
      workerUrl,
      runInline: (task: number) => {
        if (task === 2) controller.abort(new Error('SIGINT'));
        return task;
      },
      onResult: (i) => done.push(i),
      signal: controller.signal,
    });
    await expect(outcome).rejects.toThrow('SIGINT');
    expect(done).toEqual([0, 1]);
  });

  it('reuses one worker pool across runs and closes it after a failure', async () => {
    const pool = new WorkerPool(workerUrl, 2);
    try {
      expect(await runTasks([1, 2, 3], { jobs: 2, workerUrl, runInline, pool })).toEqual([1, 4, 9]);
      expect(await pool.run([4, 5])).toEqual([16, 25]);
      expect(await pool.run([])).toEqual([]);
      await expect(pool.run([6, -1])).rejects.toBeInstanceOf(TaskFailure);
      await expect(pool.run([1])).rejects.toThrow('closed');
    } finally {
      await pool.close();
    }
  });

  it('runs inline from TypeScript sources and on at least one worker from built JavaScript', () => {
    expect(usableJobs('file:///app/src/reproduce/runStudy.ts', 8)).toBe(1);
    expect(usableJobs('file:///app/dist/index.js', 8)).toBe(8);
    expect(usableJobs('file:///app/dist/index.js', 0)).toBe(1);
  });
});
