// Stand-alone calibration of the area-specific rate constants (parameters.md §11 order): k_C
// from the carbon-area charge of the first charge (model.md §4 target 3), bisection in log k.
import { fromVsLiIn, invalidInput, REFERENCE_TEMPERATURE_K, SolidCellError } from '@solidcell/core';
import { type AreaChargeHistory, integrateAreaCharge } from './integrateAreaCharge.js';
import { type OxidationSite, siteKinetics } from './kinetics.js';
import { ocpChargeTrajectory, type PotentialTrajectory } from './ocpTrajectory.js';
import {
  type ArgyroditeOxidationParameterOverrides,
  resolveArgyroditeOxidationParameters,
} from './parameters.js';

/**
 * q_dec,C: charge per carbon BET area in the first charge, 29 C/m² (≈ 8 mAh/m²),
 * parameters.md §8 (derived from Kim 2024's 0 → 3 wt% SC irreversible-capacity increase).
 */
export const CARBON_FIRST_CHARGE_TARGET_C_per_m2 = 29;

/**
 * Assumed (not calibrated) first-charge charge per NCM|SE area without carbon, 10 C/m²:
 * a ≈ 1.5 nm interphase (parameters.md §8.1 V_m/n), a modest share of the first-cycle loss.
 */
export const NCM_FIRST_CHARGE_ASSUMPTION_C_per_m2 = 10;

/** 3.2 V vs Li-In in V vs Li/Li⁺ (3.82 V): the upper edge of the carbon-oxidation region. */
export const CARBON_OXIDATION_REGION_LIMIT_V = fromVsLiIn(3.2);

/** Options of {@link calibrateCarbonRateConstant} and {@link calibrateNcmRateConstant}. */
export interface RateConstantCalibrationOptions {
  /** Charge per area the trajectory must pass (C/m²); default per site. */
  readonly targetCharge_C_per_m2?: number;
  /** Other parameters (validated); the rate constant being fitted is ignored. */
  readonly parameters?: ArgyroditeOxidationParameterOverrides;
  /** Temperature (K); default 298.15 K (parameters.md §11.2: use 25 °C). */
  readonly temperature_K?: number;
  /** Potential history; default {@link ocpChargeTrajectory} (0.05C, 20 h). */
  readonly trajectory?: PotentialTrajectory;
  /** Relative tolerance on the achieved charge; default 1e-9. */
  readonly relativeTolerance?: number;
  /** Steps per linear piece of the trajectory; default 50. */
  readonly stepsPerPiece?: number;
  /** Potential (V vs Li/Li⁺) for the "charge passed below" report; default 3.82 V (3.2 vs Li-In). */
  readonly thresholdPotential_V?: number;
}

/** Result of a rate-constant calibration. */
export interface RateConstantCalibration {
  /** Fitted rate constant at 25 °C reference (mol e⁻/(m² s)). */
  readonly rateConstant_mol_per_m2_s: number;
  /** Target charge per area (C/m²). */
  readonly targetCharge_C_per_m2: number;
  /** Charge per area the fitted constant passes (C/m²). */
  readonly achievedCharge_C_per_m2: number;
  /** Of which passed below `thresholdPotential_V` (C/m²). */
  readonly chargeBelowThreshold_C_per_m2: number;
  /** The threshold used (V vs Li/Li⁺). */
  readonly thresholdPotential_V: number;
  /** Bisection iterations. */
  readonly iterations: number;
  /** The charge history along the trajectory with the fitted constant. */
  readonly history: AreaChargeHistory;
}

const LOG10_K_MIN = -45;
const LOG10_K_MAX = -2;
const MAX_ITERATIONS = 300;

/**
 * Fits k_C (SE oxidation on carbon, per carbon BET area) so that the first charge passes the
 * target charge per carbon area (default 29 C/m²), by bisection in log10 k over [1e-45, 1e-2].
 *
 * @remarks
 * Stand-alone procedure (no cell model): along 0.05C the electrode potential follows the NCM811
 * OCP of parameters.md §7.1 (θ 0 → 1 over 20 h), the carbon reaction with passivation is
 * integrated with {@link integrateAreaCharge}. q(k) is increasing in k, so the bisection cannot
 * fail once the target is bracketed.
 * @throws SolidCellError `E_SOLVER_NOT_CONVERGED` when the target is not reachable in the k
 * range (e.g. above the reaction-zone charge), `E_INVALID_INPUT` for bad options.
 */
export function calibrateCarbonRateConstant(
  options: RateConstantCalibrationOptions = {},
): RateConstantCalibration {
  return calibrateRateConstant('carbon', CARBON_FIRST_CHARGE_TARGET_C_per_m2, options);
}

/**
 * Fits k_N (SE oxidation on NCM, per NCM|SE area, no intermediates) to a chosen first-charge
 * charge per NCM|SE area (default 10 C/m²). This is NOT a calibration target of model.md §4:
 * it turns an assumed modest interphase into a rate constant.
 *
 * @throws SolidCellError as {@link calibrateCarbonRateConstant}.
 */
export function calibrateNcmRateConstant(
  options: RateConstantCalibrationOptions = {},
): RateConstantCalibration {
  return calibrateRateConstant('ncm', NCM_FIRST_CHARGE_ASSUMPTION_C_per_m2, options);
}

function calibrateRateConstant(
  site: OxidationSite,
  defaultTarget: number,
  options: RateConstantCalibrationOptions,
): RateConstantCalibration {
  const target = options.targetCharge_C_per_m2 ?? defaultTarget;
  if (!Number.isFinite(target) || target <= 0 || target > 1e5) {
    invalidInput('targetCharge_C_per_m2', target, 'a finite number 0 < x ≤ 100000 C/m²');
  }
  const temperature = options.temperature_K ?? REFERENCE_TEMPERATURE_K;
  if (!Number.isFinite(temperature) || temperature < 150 || temperature > 600) {
    invalidInput('temperature_K', temperature, 'a finite number 150 ≤ x ≤ 600 K');
  }
  const tolerance = options.relativeTolerance ?? 1e-9;
  if (!Number.isFinite(tolerance) || tolerance <= 0 || tolerance >= 0.1) {
    invalidInput('relativeTolerance', tolerance, 'a finite number 0 < x < 0.1');
  }
  const base = resolveArgyroditeOxidationParameters(options.parameters ?? {}, 'parameters');
  const trajectory = options.trajectory ?? ocpChargeTrajectory();
  const threshold = options.thresholdPotential_V ?? CARBON_OXIDATION_REGION_LIMIT_V;
  const key =
    site === 'carbon' ? 'carbonRateConstant_mol_per_m2_s' : 'ncmRateConstant_mol_per_m2_s';
  const run = (log10k: number): AreaChargeHistory =>
    integrateAreaCharge(
      siteKinetics({ ...base, [key]: 10 ** log10k }, site, temperature),
      trajectory,
      {
        thresholdPotential_V: threshold,
        ...(options.stepsPerPiece === undefined ? {} : { stepsPerPiece: options.stepsPerPiece }),
      },
    );
  let lo = LOG10_K_MIN;
  let hi = LOG10_K_MAX;
  const low = run(lo).finalCharge_C_per_m2;
  const high = run(hi).finalCharge_C_per_m2;
  if (!(low < target && high > target)) {
    throw new SolidCellError(
      'E_SOLVER_NOT_CONVERGED',
      `cannot reach ${target} C/m² on ${site}: k from 1e${LOG10_K_MIN} to 1e${LOG10_K_MAX} mol/(m² s) ` +
        `passes ${low} … ${high} C/m² along the trajectory`,
      { field: 'targetCharge_C_per_m2', value: target, allowed: `${low} < x < ${high} C/m²` },
    );
  }
  let iterations = 0;
  let mid = 0.5 * (lo + hi);
  let history = run(mid);
  while (iterations < MAX_ITERATIONS) {
    iterations++;
    const error = history.finalCharge_C_per_m2 - target;
    if (Math.abs(error) <= tolerance * target || hi - lo < 1e-14) break;
    if (error > 0) hi = mid;
    else lo = mid;
    mid = 0.5 * (lo + hi);
    history = run(mid);
  }
  const achieved = history.finalCharge_C_per_m2;
  if (Math.abs(achieved - target) > Math.max(tolerance * target, 1e-6 * target)) {
    throw new SolidCellError(
      'E_SOLVER_NOT_CONVERGED',
      `rate-constant bisection stopped after ${iterations} iterations at ${achieved} C/m² (target ${target})`,
      { field: 'targetCharge_C_per_m2', value: target },
    );
  }
  return {
    rateConstant_mol_per_m2_s: 10 ** mid,
    targetCharge_C_per_m2: target,
    achievedCharge_C_per_m2: achieved,
    chargeBelowThreshold_C_per_m2: history.chargeBelowThreshold_C_per_m2,
    thresholdPotential_V: threshold,
    iterations,
    history,
  };
}
