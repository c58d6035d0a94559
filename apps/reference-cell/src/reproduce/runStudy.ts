// Runs the whole reproduction: stage 1 (voxel microstructures) in parallel, the ionic percolation
// law fitted to their conductivities, then stage 2 (cell experiments) in parallel. Every finished
// experiment is cached by a hash of its inputs, so an interrupted run resumes where it stopped.
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import type { MicrostructureDescriptors } from '@solidcell/core';
import { fitPercolationLaw, type PercolationFit } from '@solidcell/transport';
import { cellDescriptors } from '../studies/electronicConductivitySamples.js';
import type { CarbonCvReport } from '../studies/runCarbonCv.js';
import type { CyclingResult } from '../studies/runCycling.js';
import type { FormationResult } from '../studies/runFormation.js';
import type { PulseResult } from '../studies/runPulse.js';
import type { RateResult } from '../studies/runRate.js';
import type { SensitivityResult } from '../studies/runSensitivity.js';
import { SOLIDCELL_VERSION } from '../version.js';
import { ExperimentCache } from './ExperimentCache.js';
import { ProgressDisplay, type TextSink } from './ProgressDisplay.js';
import {
  type ExperimentOutcome,
  type MicrostructureTaskResult,
  runExperimentOutcome,
} from './runExperiment.js';
import { runTasks, usableJobs, WorkerPool } from './runTasks.js';
import {
  cellTasks,
  type ExperimentTask,
  microstructureTasks,
  relativeCost,
  type StudySettings,
  taskLabel,
} from './studyPlan.js';

/** Everything the report is built from. */
export interface StudyResults {
  readonly settings: StudySettings;
  readonly microstructure: Readonly<Record<string, MicrostructureTaskResult>>;
  readonly ionicLaw: PercolationFit;
  readonly formation: Readonly<Record<string, FormationResult>>;
  readonly rate: Readonly<Record<string, RateResult>>;
  readonly cycling: Readonly<Record<string, CyclingResult>>;
  readonly pulse: Readonly<Record<string, PulseResult>>;
  readonly cv: Readonly<Record<string, CarbonCvReport>>;
  /** Headline outputs across the assumption-grade parameters' ranges (reduced set). */
  readonly sensitivity: Readonly<Record<string, SensitivityResult>>;
  readonly experiments: { readonly computed: number; readonly cached: number };
  /** Experiments that failed, with the error that stopped them (not cached: retried next run). */
  readonly failures: readonly {
    readonly experiment: string;
    readonly code: string;
    readonly message: string;
  }[];
}

/** Options of {@link runStudy}. */
export interface RunStudyOptions {
  readonly outDir: string;
  /** Worker threads (1 = inline). */
  readonly jobs?: number;
  readonly progress?: TextSink;
  readonly signal?: AbortSignal;
}

// Bump when a result format changes, so old cache entries are not reused.
const CACHE_FORMAT = 5;

const WORKER_URL = new URL('./experimentWorker.js', import.meta.url);

/** Default parallelism: the machine's cores. */
export function defaultJobs(): number {
  return availableParallelism();
}

/** Worker threads of the study (1 = inline). */
function studyJobs(options: RunStudyOptions): number {
  return usableJobs(import.meta.url, options.jobs ?? defaultJobs());
}

async function runStage(
  tasks: readonly ExperimentTask[],
  cache: ExperimentCache,
  options: RunStudyOptions,
  counts: { computed: number; cached: number },
  pool: WorkerPool | undefined,
): Promise<ExperimentOutcome[]> {
  const display = new ProgressDisplay(
    tasks.map(taskLabel),
    options.progress ?? { write: () => true },
  );
  const keys = tasks.map((task) =>
    ExperimentCache.keyOf({ CACHE_FORMAT, version: SOLIDCELL_VERSION, task }),
  );
  const results = new Array<ExperimentOutcome>(tasks.length);
  const pending: number[] = [];
  for (const [index, key] of keys.entries()) {
    const entry = cache.get(key);
    if (entry.hit) {
      results[index] = { ok: true, value: entry.payload };
      display.cached(index);
      counts.cached += 1;
    } else {
      pending.push(index);
    }
  }
  // Longest first, so that no long experiment starts last on an otherwise idle pool.
  pending.sort((a, b) => relativeCost(tasks[b]!) - relativeCost(tasks[a]!));
  const jobs = pool === undefined ? 1 : studyJobs(options);
  await runTasks(
    pending.map((index) => tasks[index]!),
    {
      jobs,
      workerUrl: WORKER_URL,
      ...(pool ? { pool } : {}),
      runInline: (task, onProgress) => runExperimentOutcome(task, onProgress),
      onProgress: (p) => display.progress(pending[p.taskIndex]!, p.fraction, p.stage),
      onResult: (taskIndex, result) => {
        const index = pending[taskIndex]!;
        results[index] = result;
        counts.computed += 1;
        if (result.ok) {
          cache.set(keys[index]!, result.value);
          display.done(index);
        } else {
          display.failed(index);
        }
      },
      ...(options.signal ? { signal: options.signal } : {}),
    },
  );
  return results;
}

function bySeries<T>(
  tasks: readonly ExperimentTask[],
  results: readonly ExperimentOutcome[],
  kind: ExperimentTask['kind'],
): Record<string, T> {
  return Object.fromEntries(
    tasks.flatMap((task, i) => {
      const outcome = results[i];
      return task.kind === kind && outcome?.ok ? [[task.series, outcome.value as T]] : [];
    }),
  );
}

function failures(
  tasks: readonly ExperimentTask[],
  results: readonly ExperimentOutcome[],
): StudyResults['failures'] {
  return tasks.flatMap((task, i) => {
    const outcome = results[i];
    return outcome && !outcome.ok
      ? [{ experiment: taskLabel(task), code: outcome.code, message: outcome.message }]
      : [];
  });
}

/** Fits σ_ion/σ_SE = ((φ_SE,eff − φ_c)/(1 − φ_c))^t to the voxel results (φ_SE,eff = φ_SE − β φ_C). */
export function fitIonicLaw(
  microstructures: Readonly<Record<string, MicrostructureTaskResult>>,
  seConductivity_S_per_m: number,
): PercolationFit {
  const samples = Object.values(microstructures).flatMap(({ result }) => {
    const v = result.volumeFractions;
    const phiEff = v.se - result.carbonInSeDomainFraction * v.carbon;
    return Object.values(result.conductivitySPerM.ionic).map((sigma) => ({
      volumeFraction: phiEff,
      relativeConductivity: (sigma ?? 0) / seConductivity_S_per_m,
    }));
  });
  return fitPercolationLaw(samples);
}

/** Runs the study. */
export async function runStudy(
  settings: StudySettings,
  seConductivity_S_per_m: number,
  options: RunStudyOptions,
): Promise<StudyResults> {
  const jobs = studyJobs(options);
  // One pool for both stages: stage 2 starts on workers that are already loaded.
  const pool = jobs > 1 ? new WorkerPool(WORKER_URL, jobs) : undefined;
  try {
    return await runStages(settings, seConductivity_S_per_m, options, pool);
  } finally {
    await pool?.close();
  }
}

async function runStages(
  settings: StudySettings,
  seConductivity_S_per_m: number,
  options: RunStudyOptions,
  pool: WorkerPool | undefined,
): Promise<StudyResults> {
  const cache = new ExperimentCache(join(options.outDir, 'cache'));
  const counts = { computed: 0, cached: 0 };
  const stage1 = microstructureTasks(settings);
  const stage1Results = await runStage(stage1, cache, options, counts, pool);
  const microstructure = bySeries<MicrostructureTaskResult>(
    stage1,
    stage1Results,
    'microstructure',
  );
  const ionicLaw = fitIonicLaw(microstructure, seConductivity_S_per_m);
  const descriptors: Record<string, MicrostructureDescriptors> = {};
  for (const [series, m] of Object.entries(microstructure)) {
    descriptors[series] = cellDescriptors(m.result, m.electronicSamples, m.ionicConductivityRatio);
  }
  const stage2 = cellTasks(
    settings,
    { ionicExponent: ionicLaw.exponent, ionicThreshold: ionicLaw.threshold },
    descriptors,
  );
  const stage2Results = await runStage(stage2, cache, options, counts, pool);
  return {
    settings,
    microstructure,
    ionicLaw,
    formation: bySeries(stage2, stage2Results, 'formation'),
    rate: bySeries(stage2, stage2Results, 'rate'),
    cycling: bySeries(stage2, stage2Results, 'cycling'),
    pulse: bySeries(stage2, stage2Results, 'pulse'),
    cv: bySeries(stage2, stage2Results, 'cv'),
    sensitivity: bySeries(stage2, stage2Results, 'sensitivity'),
    experiments: counts,
    failures: [...failures(stage1, stage1Results), ...failures(stage2, stage2Results)],
  };
}
