// The calibration procedure of model.md §4 targets 3 and 4 in the order of parameters.md §11, on
// the reproduction's own electrodes (voxel descriptors, ionic law, settings), re-runnable whenever
// the microstructures or a plugin change: i0,ref sensitivity → D_s,ref (0 wt% SC) → carbon
// reaction-zone charge q_zone (3 wt% SC) → predictions at 1 and 2 wt% SC and target 4.
import { DEFAULT_ARGYRODITE_OXIDATION_PARAMETERS } from '@solidcell/argyrodite-oxidation';
import { simulateExperiment } from '@solidcell/cell';
import { DEFAULT_NCM_PARAMETERS } from '@solidcell/ncm-charge-transfer';
import { type CellSetup, cellModelConfig } from '../studies/cellSetup.js';
import { FORMATION_PROTOCOL } from '../studies/runFormation.js';
import {
  type CalibrationOverrides,
  type FormationMetrics,
  formationMetrics,
} from './evaluateFormation.js';
import type { ReproductionCalibrationElectrodes } from './reproductionElectrodes.js';

/**
 * Calibration targets (model.md §4 target 3): formation irreversible capacity at 90 wt% NCM with
 * 0 and 3 wt% SC (mAh/g NCM). Inputs of the fit only — never written into simulated outputs.
 */
export const CALIBRATION_TARGETS = Object.freeze({
  irreversibleCapacityNoCarbon_mAh_per_g: 26.3,
  irreversibleCapacityThreePercentSc_mAh_per_g: 42.9,
  /** Target 4: SE oxidation on carbon below this cell voltage (V vs Li-In). */
  carbonOxidationBelowVsLiIn_V: 3.2,
});

/** Literature ranges of the fitted parameters (parameters.md §7, §8). */
export const CALIBRATION_RANGES = Object.freeze({
  exchangeCurrentDensityRef_A_per_m2: [0.05, 5] as const,
  solidDiffusivityRef_m2_per_s: [1e-16, 1e-13] as const,
  /** q_dec,C 5–12 mAh/m² of carbon BET area (parameters.md §8) in C/m². */
  carbonReactionZoneCharge_C_per_m2: [5 * 3.6, 12 * 3.6] as const,
});

/** One bisection record. */
export interface FitRecord {
  readonly parameter: string;
  readonly value: number;
  readonly range: readonly [number, number];
  readonly iterations: number;
  /** Objective at the fitted value and its target (mAh/g). */
  readonly achieved: number;
  readonly target: number;
  /** True when the target lies outside what the range can reach (value at the range edge). */
  readonly atRangeEdge: boolean;
}

/** Result of {@link calibrateModel}. */
export interface CalibrationReport {
  /** Irreversible capacity at 0 wt% SC for i0,ref at its range ends and default (mAh/g). */
  readonly exchangeCurrentSensitivity: readonly { i0_A_per_m2: number; irr_mAh_per_g: number }[];
  readonly solidDiffusivity: FitRecord;
  /**
   * q_zone fitted by full-cell bisection so that the 3 wt% SC formation gives the target
   * irreversible capacity (side-reaction charge and the Li it strands by transport together).
   */
  readonly reactionZoneCharge: FitRecord;
  /** The fitted overrides (to be copied into the plugin defaults). */
  readonly overrides: CalibrationOverrides;
  /** Formation metrics at 0, 1, 2, 3 wt% SC with the fitted overrides. */
  readonly series: readonly { carbon_wtPct: number; metrics: FormationMetrics }[];
}

/** Options of {@link calibrateModel}. */
export interface CalibrateModelOptions {
  /** Relative bisection tolerance on the parameter (default 1e-3). */
  readonly tolerance?: number;
  /** Progress messages. */
  readonly onProgress?: (message: string) => void;
}

function bisect(
  objective: (x: number) => number,
  target: number,
  range: readonly [number, number],
  logScale: boolean,
  increasing: boolean,
  tolerance: number,
): { value: number; achieved: number; iterations: number; atRangeEdge: boolean } {
  const map = (x: number) => (logScale ? Math.log(x) : x);
  const unmap = (y: number) => Math.min(range[1], Math.max(range[0], logScale ? Math.exp(y) : y));
  let lo = map(range[0]);
  let hi = map(range[1]);
  const fLo = objective(unmap(lo)) - target;
  const fHi = objective(unmap(hi)) - target;
  const sign = increasing ? 1 : -1;
  if (sign * fLo >= 0)
    return { value: unmap(lo), achieved: fLo + target, iterations: 2, atRangeEdge: true };
  if (sign * fHi <= 0)
    return { value: unmap(hi), achieved: fHi + target, iterations: 2, atRangeEdge: true };
  let iterations = 2;
  let achieved = Number.NaN;
  let mid = 0.5 * (lo + hi);
  while (Math.abs(unmap(hi) - unmap(lo)) > tolerance * Math.abs(unmap(mid)) && iterations < 60) {
    mid = 0.5 * (lo + hi);
    const f = objective(unmap(mid)) - target;
    achieved = f + target;
    iterations += 1;
    if (sign * f < 0) lo = mid;
    else hi = mid;
  }
  mid = 0.5 * (lo + hi);
  achieved = objective(unmap(mid));
  return { value: unmap(mid), achieved, iterations: iterations + 1, atRangeEdge: false };
}

/**
 * Calibrates the composed model against model.md §4 targets 3 and 4 (parameters.md §11 order).
 *
 * @remarks
 * 1. i0,ref (parameters.md §11 first): its effect on the formation irreversible capacity is
 *    reported over its range (0.05–5 A/m²); it shifts the charge and discharge ends alike and
 *    cannot carry target 3, so it stays at the recommended 1.0 A/m² (no polarisation number is a
 *    target).
 * 2. D_s,ref (1e-16–1e-13 m²/s, SOC law of parameters.md §7 kept: 2 decades drop above
 *    x = 0.85) by bisection in log D so that 0 wt% SC gives the target irreversible capacity —
 *    the intrinsic kinetic hindrance near x → 1 that parameters.md §7 names as its origin.
 * 3. q_zone, the carbon reaction-zone charge (5–12 mAh/m² of carbon BET area, parameters.md §8),
 *    by bisection so that 3 wt% SC gives the target irreversible capacity itself. At 90/7/3 SC
 *    the SE consumed by the carbon-site reaction also thins the Li⁺ network (β ≈ 0.5 measured on
 *    the 50 µm voxel box), so part of the irreversible capacity is Li stranded by transport; the
 *    mechanism budget of the report shows the split. k_C stays at its default (fast enough that
 *    the zone is consumed below 3.2 V vs Li-In).
 * 4. γ and σ_int stay at their defaults (middle of range); 1 and 2 wt% SC are predictions.
 * Each evaluation is a full-cell formation (≈ 0.2 s).
 */
export function calibrateModel(
  electrodes: ReproductionCalibrationElectrodes,
  options: CalibrateModelOptions = {},
): CalibrationReport {
  const ncm90Powder = electrodes.formation;
  const evaluateFormation = (
    setup: CellSetup,
    run: { overrides?: CalibrationOverrides; sideReactions?: boolean } = {},
  ): FormationMetrics =>
    formationMetrics(
      simulateExperiment(
        cellModelConfig({
          ...setup,
          sideReactions: run.sideReactions ?? true,
          parameterOverrides: {
            ...(run.overrides?.ncm
              ? { ncm: { ...run.overrides.ncm } as Record<string, number> }
              : {}),
            ...(run.overrides?.oxidation
              ? { oxidation: { ...run.overrides.oxidation } as Record<string, number> }
              : {}),
          },
        }),
        FORMATION_PROTOCOL,
      ),
    );
  const tolerance = options.tolerance ?? 1e-3;
  const log = options.onProgress ?? (() => undefined);
  const exchangeCurrentSensitivity = [
    0.05,
    DEFAULT_NCM_PARAMETERS.exchangeCurrentDensityRef_A_per_m2,
    5,
  ].map((i0) => ({
    i0_A_per_m2: i0,
    irr_mAh_per_g: evaluateFormation(ncm90Powder(0), {
      overrides: { ncm: { exchangeCurrentDensityRef_A_per_m2: i0 } },
    }).irreversibleCapacity_mAh_per_g,
  }));
  log(`i0 sensitivity ${JSON.stringify(exchangeCurrentSensitivity)}`);

  const dsRange = CALIBRATION_RANGES.solidDiffusivityRef_m2_per_s;
  const ds = bisect(
    (d) =>
      evaluateFormation(ncm90Powder(0), { overrides: { ncm: { solidDiffusivityRef_m2_per_s: d } } })
        .irreversibleCapacity_mAh_per_g,
    CALIBRATION_TARGETS.irreversibleCapacityNoCarbon_mAh_per_g,
    dsRange,
    true,
    false,
    tolerance,
  );
  log(`D_s,ref = ${ds.value.toExponential(4)} m²/s → ${ds.achieved.toFixed(3)} mAh/g`);
  const ncm = { solidDiffusivityRef_m2_per_s: ds.value };
  const qRange = CALIBRATION_RANGES.carbonReactionZoneCharge_C_per_m2;
  const qz = bisect(
    (q) =>
      evaluateFormation(ncm90Powder(3), {
        overrides: { ncm, oxidation: { carbonReactionZoneCharge_C_per_m2: q } },
      }).irreversibleCapacity_mAh_per_g,
    CALIBRATION_TARGETS.irreversibleCapacityThreePercentSc_mAh_per_g,
    qRange,
    false,
    true,
    tolerance,
  );
  log(`q_zone = ${qz.value.toFixed(3)} C/m² → ${qz.achieved.toFixed(3)} mAh/g at 3 wt% SC`);
  const zone: FitRecord = {
    parameter: 'oxidation.carbonReactionZoneCharge_C_per_m2',
    value: qz.value,
    range: qRange,
    iterations: qz.iterations,
    achieved: qz.achieved,
    target: CALIBRATION_TARGETS.irreversibleCapacityThreePercentSc_mAh_per_g,
    atRangeEdge: qz.atRangeEdge,
  };
  const overrides: CalibrationOverrides = {
    ncm,
    oxidation: {
      carbonRateConstant_mol_per_m2_s:
        DEFAULT_ARGYRODITE_OXIDATION_PARAMETERS.carbonRateConstant_mol_per_m2_s,
      carbonReactionZoneCharge_C_per_m2: zone.value,
    },
  };
  const series = [0, 1, 2, 3].map((carbon_wtPct) => ({
    carbon_wtPct,
    metrics: evaluateFormation(ncm90Powder(carbon_wtPct), { overrides }),
  }));
  return {
    exchangeCurrentSensitivity,
    solidDiffusivity: {
      parameter: 'ncm.solidDiffusivityRef_m2_per_s',
      value: ds.value,
      range: dsRange,
      iterations: ds.iterations,
      achieved: ds.achieved,
      target: CALIBRATION_TARGETS.irreversibleCapacityNoCarbon_mAh_per_g,
      atRangeEdge: ds.atRangeEdge,
    },
    reactionZoneCharge: zone,
    overrides,
    series,
  };
}
