// Runs one experiment of the study (on a worker thread or inline) and returns a JSON result.
import {
  type ElectronicConductivitySample,
  isSolidCellError,
  type ProgressCallback,
} from '@solidcell/core';
import { computeMicrostructure } from '../studies/computeMicrostructure.js';
import {
  electronicConductivitySamples,
  ionicConductivityRatio,
} from '../studies/electronicConductivitySamples.js';
import { runCarbonCv } from '../studies/runCarbonCv.js';
import { runCycling } from '../studies/runCycling.js';
import { runFormation } from '../studies/runFormation.js';
import { runPulse } from '../studies/runPulse.js';
import { runRate } from '../studies/runRate.js';
import { runSensitivity } from '../studies/runSensitivity.js';
import type { ExperimentTask } from './studyPlan.js';

/**
 * Result of a microstructure task: the study result, σ_el,eff at two NCM states for the cell, and
 * a mid-plane slice for figures.
 */
export interface MicrostructureTaskResult {
  readonly result: ReturnType<typeof computeMicrostructure>['result'];
  readonly electronicSamples: readonly ElectronicConductivitySample[];
  /** σ_ion,eff / σ_SE of the structure's ionic solves (–), the cell's as-built ionic network. */
  readonly ionicConductivityRatio: number;
  readonly slice: {
    readonly width: number;
    readonly height: number;
    readonly labels: number[];
    readonly carbonFraction: number[];
  };
}

function midSlice(
  study: ReturnType<typeof computeMicrostructure>,
): MicrostructureTaskResult['slice'] {
  const grid = study.microstructure.grid;
  if (grid === undefined) return { width: 0, height: 0, labels: [], carbonFraction: [] };
  const [nx, ny, nz] = grid.shape;
  const offset = nx * ny * Math.floor(nz / 2);
  const labels = Array.from(grid.labels.subarray(offset, offset + nx * ny));
  const carbonFraction = grid.carbonFraction
    ? Array.from(
        grid.carbonFraction.subarray(offset, offset + nx * ny),
        (f) => Math.round(f * 1000) / 1000,
      )
    : [];
  return { width: nx, height: ny, labels, carbonFraction };
}

/** Runs a task. */
export function runExperiment(
  task: ExperimentTask,
  onProgress: ProgressCallback = () => {},
): unknown {
  switch (task.kind) {
    case 'microstructure': {
      const study = computeMicrostructure(task.input, onProgress);
      return {
        result: study.result,
        electronicSamples: electronicConductivitySamples(study, task.input.temperature_K),
        ionicConductivityRatio: ionicConductivityRatio(study),
        slice: midSlice(study),
      } satisfies MicrostructureTaskResult;
    }
    case 'formation':
      return runFormation(task.setup, onProgress);
    case 'rate':
      return runRate(task.setup, task.cRates, onProgress);
    case 'cycling':
      return runCycling(task.setup, task.cRate, task.cycles, onProgress);
    case 'pulse':
      return runPulse(task.setup, onProgress);
    case 'sensitivity':
      return runSensitivity(task.setup);
    case 'cv':
      return runCarbonCv(task.setup);
  }
}

/** What an experiment ended with: its result, or the solver/input error that stopped it. */
export type ExperimentOutcome =
  | { readonly ok: true; readonly value: unknown }
  | { readonly ok: false; readonly code: string; readonly message: string };

/**
 * Runs a task and turns a SolidCellError (a solver that failed loudly, bad input) into a failed
 * outcome, so one failing experiment is reported without discarding the others; any other
 * error is a bug and propagates.
 */
export function runExperimentOutcome(
  task: ExperimentTask,
  onProgress?: ProgressCallback,
): ExperimentOutcome {
  try {
    return { ok: true, value: runExperiment(task, onProgress) };
  } catch (error) {
    if (isSolidCellError(error)) return { ok: false, code: error.code, message: error.message };
    throw error;
  }
}
