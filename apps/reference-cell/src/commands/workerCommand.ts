// `solidcell worker --queue <url>`: serves the points of distributed sweeps on this machine until
// SIGINT/SIGTERM (a point in progress is then finished or, on SIGKILL, run again elsewhere).
import { SolidCellError } from '@solidcell/core';
import type { Command } from 'commander';
import type { CommandOutput } from '../cli/output.js';
import { parseBoundedOption, parseJobsOption } from '../cli/parseNumberOption.js';
import { checkRedis } from '../sweep/queue/connectRedis.js';
import { parseQueueUrl, redactUrl } from '../sweep/queue/redisUrl.js';
import { runQueueWorker } from '../sweep/queue/runQueueWorker.js';

interface WorkerFlags {
  readonly queue?: string;
  readonly jobs?: string;
  readonly lockSeconds: string;
}

/** Runs a worker until interrupted. */
export async function runWorker(flags: WorkerFlags, output: CommandOutput): Promise<void> {
  if (flags.queue === undefined) {
    throw new SolidCellError('E_INVALID_INPUT', '--queue is required: the Redis URL of the sweep', {
      field: '--queue',
      value: undefined,
      allowed: 'redis://host:port/db',
    });
  }
  const url = parseQueueUrl('--queue', flags.queue);
  const jobs = parseJobsOption(flags.jobs);
  const lockSeconds = parseBoundedOption('--lock-seconds', flags.lockSeconds, {
    min: 1,
    max: 3600,
    unit: 's',
  });
  await checkRedis('--queue', url);
  const controller = new AbortController();
  const stop = () => controller.abort();
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  try {
    output.message(`worker: ${redactUrl(url)}`);
    await runQueueWorker({
      url,
      jobs,
      lockDuration_ms: lockSeconds * 1000,
      log: process.stderr,
      signal: controller.signal,
    });
  } finally {
    process.removeListener('SIGINT', stop);
    process.removeListener('SIGTERM', stop);
  }
  throw new SolidCellError('E_INTERRUPTED', 'worker stopped; its unfinished points run elsewhere');
}

/** Registers the command. */
export function registerWorkerCommand(program: Command, output: CommandOutput): void {
  program
    .command('worker')
    .description('serve the points of distributed sweeps (`sweep --queue`) from BullMQ on Redis')
    .option('--queue <url>', 'Redis URL: redis://[user:password@]host:port/db or rediss://')
    .option('--jobs <n>', 'points run at once, one worker thread each (default: number of cores)')
    .option(
      '--lock-seconds <s>',
      'job lock; a point whose worker died is run again elsewhere after this long',
      '30',
    )
    .action((flags: WorkerFlags) => runWorker(flags, output));
}
