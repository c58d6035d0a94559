// The experiments of the reproduction and their inputs, for default and quick settings. Stage 1
// builds the voxel microstructures; stage 2 runs the cell experiments with the ionic transport law
// fitted to stage 1 and each electrode's measured descriptors.
import {
  type MassFractions_wtPct,
  type MicrostructureDescriptors,
  toMilliampHoursPerSquareCm,
} from '@solidcell/core';
import { CALIBRATED_PARAMETERS } from '../calibration/calibratedParameters.js';
import { PAPER_ELECTRODES, type PaperElectrode } from '../paperElectrodes.js';
import type { CellSetup, IonicTransportLaw } from '../studies/cellSetup.js';
import type { MicrostructureStudyInput } from '../studies/computeMicrostructure.js';
import { PAPER_SETTINGS as S } from '../studies/paperSettings.js';
import type { CarbonCvSetup } from '../studies/runCarbonCv.js';

/** Settings of one reproduction run (echoed in the report). */
export interface StudySettings {
  readonly quick: boolean;
  readonly seed: number;
  readonly voxels: number;
  readonly voxelSize_m: number;
  readonly axes: readonly ('x' | 'y' | 'z')[];
  readonly cyclingCycles: number;
  readonly longCycleCycles: number;
}

/**
 * Default or quick settings.
 *
 * @remarks
 * Default: 100³ voxels of 0.5 µm, a 50 µm box holding 5 NCM D50 (10 µm) per edge, the
 * representative volume issue 16 asks for. At 90/7/3 wt% SC (porosity 0.1, seeds 1–2) it gives
 * β = 0.53 ± 0.06 and σ_ion = (1.14 ± 0.14)e-3 S/m, against 0.53 ± 0.02 and (1.07 ± 0.06)e-3 S/m
 * at 128³ × 0.4 µm: the descriptors no longer move with the grid. The 24 µm box used before
 * (96³ × 0.25 µm) gave β = 0.43 for one seed. Quick: the same voxel size in a 32 µm box, x only.
 */
export function studySettings(quick: boolean, seed: number): StudySettings {
  return quick
    ? {
        quick,
        seed,
        voxels: 64,
        voxelSize_m: 0.5e-6,
        axes: ['x'],
        cyclingCycles: 20,
        longCycleCycles: 30,
      }
    : {
        quick,
        seed,
        voxels: 100,
        voxelSize_m: 0.5e-6,
        axes: ['x', 'y', 'z'],
        cyclingCycles: S.cyclingCycles,
        longCycleCycles: S.longCycleCycles,
      };
}

/** A stage-1 task. */
export interface MicrostructureTask {
  readonly kind: 'microstructure';
  readonly series: string;
  readonly input: MicrostructureStudyInput;
}

/** A stage-2 task. */
export type CellTask =
  | { readonly kind: 'formation'; readonly series: string; readonly setup: CellSetup }
  | {
      readonly kind: 'rate';
      readonly series: string;
      readonly setup: CellSetup;
      readonly cRates: readonly number[];
    }
  | {
      readonly kind: 'cycling';
      readonly series: string;
      readonly setup: CellSetup;
      readonly cRate: number;
      readonly cycles: number;
    }
  | { readonly kind: 'pulse'; readonly series: string; readonly setup: CellSetup }
  | { readonly kind: 'sensitivity'; readonly series: string; readonly setup: CellSetup }
  | { readonly kind: 'cv'; readonly series: string; readonly setup: CarbonCvSetup };

/** Any experiment of the study. */
export type ExperimentTask = MicrostructureTask | CellTask;

const POWDER = ['ncm80_sc3', 'ncm85_sc3', 'ncm90_sc3', 'ncm90_sc0', 'ncm90_sc1', 'ncm90_sc2'];
const SC_SERIES = ['ncm90_sc0', 'ncm90_sc1', 'ncm90_sc2', 'ncm90_sc3'];
const DRY = ['dry_sc1', 'dry_cf1'];

function electrode(id: string): PaperElectrode {
  const found = PAPER_ELECTRODES.find((e) => e.id === id);
  if (found === undefined) throw new Error(`unknown series ${id}`);
  return found;
}

/** Marker of the series name of a rate test at another areal loading. */
export const LOADING_SERIES_MARKER = '@';

/** Series name of an electrode's rate test at an areal loading, e.g. `ncm90_sc3@2.0mAh_cm2`. */
export function loadingSeries(id: string, arealCapacity_C_per_m2: number): string {
  return `${id}${LOADING_SERIES_MARKER}${toMilliampHoursPerSquareCm(arealCapacity_C_per_m2).toFixed(1)}mAh_cm2`;
}

/** Stage 1: one voxel microstructure per electrode. */
export function microstructureTasks(settings: StudySettings): MicrostructureTask[] {
  return PAPER_ELECTRODES.map((e) => ({
    kind: 'microstructure',
    series: e.id,
    input: {
      massFractions_wtPct: e.massFractions_wtPct as MassFractions_wtPct & { binder?: number },
      carbonShape: e.carbonShape,
      porosity: S.porosity,
      voxels: settings.voxels,
      voxelSize_m: settings.voxelSize_m,
      seed: settings.seed,
      temperature_K: S.temperature_K,
      axes: settings.axes,
    },
  }));
}

/** Stage 2: the cell experiments, given the fitted ionic law and measured descriptors. */
export function cellTasks(
  settings: StudySettings,
  ionicLaw: IonicTransportLaw,
  descriptors: Readonly<Record<string, MicrostructureDescriptors>>,
): CellTask[] {
  const setup = (id: string, overrides: Partial<CellSetup> = {}): CellSetup => {
    const e = electrode(id);
    const dry = DRY.includes(id);
    return {
      massFractions_wtPct: e.massFractions_wtPct,
      carbonShape: e.carbonShape,
      porosity: S.porosity,
      arealCapacity_C_per_m2: dry ? S.dryArealCapacity_C_per_m2 : S.powderArealCapacity_C_per_m2,
      temperature_K: S.temperature_K,
      sideReactions: true,
      ionicLaw,
      descriptors: descriptors[id],
      coarse: settings.quick,
      parameterOverrides: CALIBRATED_PARAMETERS,
      ...overrides,
    };
  };
  const cv = (shape: 'spherical' | 'fiber') => ({
    kind: 'cv' as const,
    series: shape === 'spherical' ? 'sc' : 'cf',
    setup: {
      carbonShape: shape,
      carbonMass_kg: S.cvCarbonMass_kg,
      scanRate_V_per_s: S.cvScanRate_V_per_s,
      from_V: S.cvFromVsLiIn_V,
      to_V: S.cvToVsLiIn_V,
      temperature_K: S.temperature_K,
    },
  });
  return [
    ...POWDER.map((id) => ({ kind: 'formation' as const, series: id, setup: setup(id) })),
    ...[...POWDER, ...DRY].map((id) => ({
      kind: 'rate' as const,
      series: id,
      setup: setup(id),
      cRates: S.rateCRates,
    })),
    // The powder loading is not stated in the paper: the rate test at both ends of its range.
    ...S.powderArealCapacityRange_C_per_m2.flatMap((loading) =>
      POWDER.map((id) => ({
        kind: 'rate' as const,
        series: loadingSeries(id, loading),
        setup: setup(id, { arealCapacity_C_per_m2: loading }),
        cRates: S.rateCRates,
      })),
    ),
    ...SC_SERIES.map((id) => ({
      kind: 'cycling' as const,
      series: id,
      setup: setup(id),
      cRate: S.cyclingCRate,
      cycles: settings.cyclingCycles,
    })),
    ...SC_SERIES.map((id) => ({ kind: 'pulse' as const, series: id, setup: setup(id) })),
    ...DRY.map((id) => ({
      kind: 'cycling' as const,
      series: `${id}_longcycle`,
      setup: setup(id, { temperature_K: S.longCycleTemperature_K }),
      cRate: S.longCycleCRate,
      cycles: settings.longCycleCycles,
    })),
    // Assumption-grade parameters across their ranges, on one electrode (reduced set).
    { kind: 'sensitivity' as const, series: 'ncm90_sc3', setup: setup('ncm90_sc3') },
    cv('spherical'),
    cv('fiber'),
  ];
}

/**
 * Rough relative run time of a task, for scheduling the longest first on the worker pool (the
 * results do not depend on the order). Measured on the default study (2026-11-30, one thread per
 * electrode): 1 wt% SC, just above the carbon network's percolation threshold, 13–14 s; the
 * other carbon-containing electrodes 5.4–7.6 s; no carbon 4.3 s (a trivial electronic solve).
 * Among the cell experiments the long cycling runs dominate.
 */
export function relativeCost(task: ExperimentTask): number {
  switch (task.kind) {
    case 'microstructure': {
      const carbon = task.input.massFractions_wtPct.carbon;
      const nearThreshold = task.input.carbonShape === 'spherical' && carbon > 0 && carbon <= 1;
      const weight = carbon === 0 ? 0.65 : nearThreshold ? 2 : 1;
      return task.input.voxels ** 3 * weight;
    }
    case 'cycling':
      return task.cycles / task.cRate;
    case 'pulse':
      return 20;
    case 'sensitivity':
      return 40;
    case 'rate':
    case 'formation':
      return 5;
    case 'cv':
      return 1;
  }
}

/** A short label for progress displays. */
export function taskLabel(task: ExperimentTask): string {
  return `${task.kind} ${task.series}`;
}
