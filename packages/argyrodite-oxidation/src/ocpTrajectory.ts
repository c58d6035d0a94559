// The first-charge potential trajectory used for stand-alone calibration: the NCM811
// open-circuit potential table of parameters.md §7.1 traversed at constant current.
import { invalidInput } from '@solidcell/core';

/**
 * NCM811 OCP vs state of charge θ of the practical window (θ = 0 discharged, 1 at 200 mAh/g),
 * V vs Li/Li⁺: parameters.md §7.1 table (Chen 2020 fit mapped by s = 0.9084 − 0.6423 θ).
 */
export const NCM811_OCP_TABLE: readonly { readonly soc: number; readonly potential_V: number }[] = [
  { soc: 0, potential_V: 3.561 },
  { soc: 0.1, potential_V: 3.613 },
  { soc: 0.2, potential_V: 3.665 },
  { soc: 0.3, potential_V: 3.718 },
  { soc: 0.4, potential_V: 3.772 },
  { soc: 0.5, potential_V: 3.841 },
  { soc: 0.6, potential_V: 3.941 },
  { soc: 0.7, potential_V: 4.022 },
  { soc: 0.8, potential_V: 4.114 },
  { soc: 0.9, potential_V: 4.186 },
  { soc: 0.95, potential_V: 4.208 },
  { soc: 1, potential_V: 4.285 },
];

/** NCM811 OCP at θ by linear interpolation of {@link NCM811_OCP_TABLE} (V vs Li/Li⁺). */
export function ncmOcpFromTable_V(soc: number): number {
  if (!Number.isFinite(soc) || soc < 0 || soc > 1) invalidInput('soc', soc, '0 ≤ θ ≤ 1');
  const table = NCM811_OCP_TABLE;
  let i = 0;
  while (i < table.length - 2 && soc > table[i + 1]!.soc) i++;
  const a = table[i]!;
  const b = table[i + 1]!;
  return a.potential_V + ((soc - a.soc) / (b.soc - a.soc)) * (b.potential_V - a.potential_V);
}

/** A potential history E(t) over [0, duration] (V vs Li/Li⁺). */
export interface PotentialTrajectory {
  /** Duration (s). */
  readonly duration_s: number;
  /** Potential at time t (V vs Li/Li⁺), 0 ≤ t ≤ duration. */
  potential_V(time_s: number): number;
  /** Times where E(t) has kinks (s), so integrators can put step boundaries there. */
  readonly breakpoints_s: readonly number[];
}

/** 20 h: θ 0 → 1 at 0.05C. */
export const FIRST_CHARGE_DURATION_s = 20 * 3600;

/**
 * Electrode potential along a constant-current first charge that follows the NCM OCP (no
 * polarisation, all current into NCM): θ = t/duration, E = OCP(θ) (V vs Li/Li⁺).
 */
export function ocpChargeTrajectory(duration_s = FIRST_CHARGE_DURATION_s): PotentialTrajectory {
  if (!Number.isFinite(duration_s) || duration_s <= 0) {
    invalidInput('duration_s', duration_s, 'a finite duration > 0 s');
  }
  return {
    duration_s,
    potential_V: (time_s) => ncmOcpFromTable_V(Math.min(1, Math.max(0, time_s / duration_s))),
    breakpoints_s: NCM811_OCP_TABLE.map((row) => row.soc * duration_s),
  };
}
