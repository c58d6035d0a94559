// What a sweep job carries on the queue and how a worker checks it: the point's task and the
// SolidCell version of the coordinator, which must equal the worker's (same model, same results).
import { UnrecoverableError } from 'bullmq';
import { SOLIDCELL_VERSION } from '../../version.js';
import type { SweepTask } from '../designPoints.js';

/** Job data (JSON). */
export interface SweepJobData {
  readonly solidcell: string;
  readonly task: SweepTask;
}

/** Job options: the point key is the job id (idempotent), retries with exponential backoff. */
export const SWEEP_JOB_OPTIONS = {
  attempts: 3,
  backoff: { type: 'exponential', delay: 1000 },
  removeOnComplete: false,
  removeOnFail: false,
} as const;

/**
 * Refuses a job enqueued by another SolidCell version (no retry: no worker of this version
 * would accept it either).
 * @throws UnrecoverableError naming both versions.
 */
export function checkJobVersion(data: SweepJobData, workerVersion = SOLIDCELL_VERSION): SweepTask {
  if (data.solidcell !== workerVersion) {
    throw new UnrecoverableError(
      `refused: the job was enqueued by SolidCell ${data.solidcell} but this worker runs ${workerVersion}; run the same version on the coordinator and every worker`,
    );
  }
  return data.task;
}
