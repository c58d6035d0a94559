// Docs sample (Guides › Design sweep): NCM 80–95 wt% × carbon 0–3 wt% × SC/CF, the rest SE,
// mapped to solid volume fractions with core's composition maths (M1).
// #region sweep
import { type CarbonShape, referenceDensities, solidVolumeFractions } from '@solidcell/core';

/** One electrode design of the sweep and its solid volume fractions (%, pore-free basis). */
export interface DesignPoint {
  readonly ncm_wtPct: number;
  readonly carbon_wtPct: number;
  readonly se_wtPct: number;
  readonly carbonShape: CarbonShape;
  readonly ncm_volPct: number;
  readonly se_volPct: number;
  readonly carbon_volPct: number;
}

/** The sweep grid: every NCM wt% × carbon wt% × carbon shape; SE fills the rest. */
export function designSweep(
  ncm_wtPct: readonly number[] = [80, 85, 90, 95],
  carbon_wtPct: readonly number[] = [0, 1, 2, 3],
  shapes: readonly CarbonShape[] = ['spherical', 'fiber'],
): DesignPoint[] {
  return shapes.flatMap((carbonShape) =>
    ncm_wtPct.flatMap((ncm) =>
      carbon_wtPct.map((carbon) => {
        const se = 100 - ncm - carbon;
        const phi = solidVolumeFractions({ ncm, se, carbon }, referenceDensities(carbonShape));
        return {
          ncm_wtPct: ncm,
          carbon_wtPct: carbon,
          se_wtPct: se,
          carbonShape,
          ncm_volPct: 100 * phi.ncm,
          se_volPct: 100 * phi.se,
          carbon_volPct: 100 * phi.carbon,
        };
      }),
    ),
  );
}
// #endregion sweep
