// Integration of one passivating area-specific oxidation charge q along a prescribed potential
// history (stand-alone calibration and checks): exact between linear pieces of E(t).
import { invalidInput } from '@solidcell/core';
import {
  activationChargeOverStep_C_per_m2,
  advancePassivatingCharge_C_per_m2,
  type SiteKinetics,
} from './kinetics.js';
import type { PotentialTrajectory } from './ocpTrajectory.js';

/** Options of {@link integrateAreaCharge}. */
export interface IntegrateAreaChargeOptions {
  /** Steps per linear piece of the trajectory (≥ 1); default 50. */
  readonly stepsPerPiece?: number;
  /** Potential (V vs Li/Li⁺) below which the passed charge is also reported; default none. */
  readonly thresholdPotential_V?: number;
}

/** Result of {@link integrateAreaCharge}. */
export interface AreaChargeHistory {
  /** Step boundaries (s). */
  readonly time_s: number[];
  /** Potential at the step boundaries (V vs Li/Li⁺). */
  readonly potential_V: number[];
  /** Charge per area passed up to each boundary (C/m²). */
  readonly charge_C_per_m2: number[];
  /** Total charge per area at the end (C/m²). */
  readonly finalCharge_C_per_m2: number;
  /** Charge per area passed while E < threshold (C/m²); NaN-free, 0 without threshold. */
  readonly chargeBelowThreshold_C_per_m2: number;
}

/**
 * Integrates dq/dt = k F exp[b(E(t) − U)]·exp(−q/q*)(·zone) from q = 0 along a trajectory.
 *
 * @remarks
 * Between step boundaries E is taken linear (exact for piecewise-linear trajectories such as the
 * OCP table, whose kinks are step boundaries); the activation integral is exact and the
 * passivation update is exact without the zone limit (implicit otherwise, see
 * {@link advancePassivatingCharge_C_per_m2}), so the result does not depend on the step count for
 * the recommended law. Steps that cross the threshold are split at the crossing.
 */
export function integrateAreaCharge(
  kinetics: SiteKinetics,
  trajectory: PotentialTrajectory,
  options: IntegrateAreaChargeOptions = {},
): AreaChargeHistory {
  const stepsPerPiece = options.stepsPerPiece ?? 50;
  if (!Number.isInteger(stepsPerPiece) || stepsPerPiece < 1 || stepsPerPiece > 1e6) {
    invalidInput('stepsPerPiece', stepsPerPiece, 'an integer 1 ≤ n ≤ 1000000');
  }
  const threshold = options.thresholdPotential_V;
  const cuts = [0, trajectory.duration_s, ...trajectory.breakpoints_s]
    .filter((t) => t >= 0 && t <= trajectory.duration_s)
    .sort((a, b) => a - b)
    .filter((t, i, all) => i === 0 || t > all[i - 1]!);
  const time = [0];
  const potential = [trajectory.potential_V(0)];
  const charge = [0];
  let q = 0;
  let below = 0;
  const advance = (t0: number, e0: number, t1: number, e1: number): void => {
    const before = q;
    q = advancePassivatingCharge_C_per_m2(
      kinetics,
      q,
      activationChargeOverStep_C_per_m2(kinetics, e0, e1, t1 - t0),
    );
    if (threshold !== undefined && Math.max(e0, e1) <= threshold) below += q - before;
  };
  for (let piece = 0; piece + 1 < cuts.length; piece++) {
    const start = cuts[piece]!;
    const end = cuts[piece + 1]!;
    for (let n = 0; n < stepsPerPiece; n++) {
      const t0 = start + ((end - start) * n) / stepsPerPiece;
      const t1 = n + 1 === stepsPerPiece ? end : start + ((end - start) * (n + 1)) / stepsPerPiece;
      const e0 = trajectory.potential_V(t0);
      const e1 = trajectory.potential_V(t1);
      if (threshold !== undefined && (e0 - threshold) * (e1 - threshold) < 0) {
        const tc = t0 + ((threshold - e0) / (e1 - e0)) * (t1 - t0);
        advance(t0, e0, tc, threshold);
        advance(tc, threshold, t1, e1);
      } else {
        advance(t0, e0, t1, e1);
      }
      time.push(t1);
      potential.push(e1);
      charge.push(q);
    }
  }
  return {
    time_s: time,
    potential_V: potential,
    charge_C_per_m2: charge,
    finalCharge_C_per_m2: q,
    chargeBelowThreshold_C_per_m2: below,
  };
}
