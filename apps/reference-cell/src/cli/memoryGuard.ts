// Memory guard of `solidcell microstructure`: the peak resident memory of a study, summed from
// the bytes per voxel the generator, descriptors and voxel solver export beside their
// allocations and the --jobs worker threads, checked before anything is allocated.
import { invalidInput, SolidCellError } from '@solidcell/core';
import {
  estimateGenerationMemory_bytes,
  MAX_GRID_VOXELS_PER_EDGE,
  microstructureBytesPerVoxel,
} from '@solidcell/microstructure';
import { nodeMemoryLimit_bytes } from '@solidcell/microstructure/node';
import { estimateVoxelSolveMemory_bytes } from '@solidcell/transport';
import { usableJobs } from '../reproduce/runTasks.js';

const MiB = 1024 ** 2;

/**
 * Heap the study grows beyond the process at start, independent of the grid (compiled code,
 * V8 heap, result objects). Measured: peak RSS extrapolated to zero voxels minus the RSS at the
 * check, 26–30 MiB (64³–128³, jobs 1).
 */
export const STUDY_HEAP_bytes = 30 * MiB;

/**
 * Resident memory of one worker thread before its first task (its isolate, modules and heap).
 * Measured: intercept of peak RSS against voxels with --jobs 2 (64³, 96³), 29 MiB per thread.
 */
export const WORKER_THREAD_bytes = 29 * MiB;

/** Solves of one study (ionic and electronic along x, y, z): more workers would idle. */
const STUDY_SOLVES = 6;

/** Environment variable that replaces the default limit (half of the physical memory), in MiB. */
export const MEMORY_LIMIT_ENV = 'SOLIDCELL_MEMORY_LIMIT_MIB';

/**
 * Estimated peak resident memory (bytes) of a microstructure study on an `n³` grid.
 *
 * With `jobs` = 1 the solves run in this thread: the larger of generation and (finished
 * microstructure + one solve). With worker threads, this thread keeps the microstructure and
 * each worker holds its thread, a structured-clone copy of the microstructure (plus the
 * serialised message on this side) and one solve.
 *
 * @param startRss_bytes - resident memory of the process at the check.
 */
export function estimateMicrostructurePeak_bytes(
  voxelsPerEdge: number,
  jobs: number,
  startRss_bytes: number,
): number {
  const n3 = voxelsPerEdge ** 3;
  const held = n3 * microstructureBytesPerVoxel();
  const solve = estimateVoxelSolveMemory_bytes([voxelsPerEdge, voxelsPerEdge, voxelsPerEdge]);
  const base = startRss_bytes + STUDY_HEAP_bytes;
  const workers = usableJobs(import.meta.url, Math.min(jobs, STUDY_SOLVES));
  if (workers <= 1)
    return base + Math.max(estimateGenerationMemory_bytes(voxelsPerEdge), held + solve);
  return base + held + workers * (WORKER_THREAD_bytes + 2 * held + solve);
}

/** The memory limit (bytes): `SOLIDCELL_MEMORY_LIMIT_MIB`, else half of the physical memory. */
export function memoryLimit_bytes(env: NodeJS.ProcessEnv = process.env): number {
  const text = env[MEMORY_LIMIT_ENV];
  if (text === undefined) return nodeMemoryLimit_bytes();
  const mib = /^\d+$/.test(text.trim()) ? Number(text) : Number.NaN;
  if (!(mib >= 1)) invalidInput(MEMORY_LIMIT_ENV, text, 'an integer number of MiB ≥ 1');
  return mib * MiB;
}

/**
 * Refuses a study whose estimated peak exceeds the limit, before allocating.
 *
 * @throws SolidCellError `E_RESOURCE_LIMIT` (exit 5) naming the estimate, the limit and the
 * largest `--voxels` that fits with these `--jobs`.
 */
export function assertMicrostructureFitsMemory(
  voxelsPerEdge: number,
  jobs: number,
  limit_bytes: number = memoryLimit_bytes(),
  startRss_bytes: number = process.memoryUsage().rss,
): void {
  const peak = (n: number) => estimateMicrostructurePeak_bytes(n, jobs, startRss_bytes);
  const estimate = peak(voxelsPerEdge);
  if (estimate <= limit_bytes) return;
  let largest = Math.min(voxelsPerEdge, MAX_GRID_VOXELS_PER_EDGE);
  while (largest > 0 && peak(largest) > limit_bytes) largest -= 1;
  const fewerJobs = jobs > 1 ? ' (fewer --jobs use less)' : '';
  const fit = largest > 0 ? `the largest that fits is --voxels ${largest}` : 'no grid fits';
  throw new SolidCellError(
    'E_RESOURCE_LIMIT',
    `--voxels ${voxelsPerEdge} with --jobs ${jobs} needs about ${Math.ceil(estimate / MiB)} MiB, ` +
      `above the limit of ${Math.floor(limit_bytes / MiB)} MiB (${MEMORY_LIMIT_ENV} or half of ` +
      `the physical memory); ${fit}${fewerJobs}`,
    { field: '--voxels', value: voxelsPerEdge, allowed: fit },
  );
}
