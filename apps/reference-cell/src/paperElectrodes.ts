// The electrodes of Kim et al., Adv. Funct. Mater. 2024 (series names used in every report).
import type { CarbonShape, MassFractions_wtPct } from '@solidcell/core';

/** One electrode of the paper's study. */
export interface PaperElectrode {
  /** Series id used in reports, e.g. `ncm90_sc3`. */
  readonly id: string;
  readonly description: string;
  readonly massFractions_wtPct: MassFractions_wtPct;
  readonly carbonShape: CarbonShape;
}

const powder = (ncm: number, se: number, carbon: number): PaperElectrode => ({
  id: `ncm${ncm}_sc${carbon}`,
  description: `powder electrode ${ncm}/${se}/${carbon} wt% NCM/SE/SC`,
  massFractions_wtPct: { ncm, se, carbon },
  carbonShape: 'spherical',
});

// The dry electrodes carry "a few tenths of a wt%" PTFE-type binder (model.md §1); 0.3 wt% is
// our assumption, taken from the SE share.
const dry = (shape: CarbonShape): PaperElectrode => ({
  id: `dry_${shape === 'spherical' ? 'sc' : 'cf'}1`,
  description: `dry electrode 90/8.7/1/0.3 wt% NCM/SE/${shape === 'spherical' ? 'SC' : 'CF'}/PTFE`,
  massFractions_wtPct: { ncm: 90, se: 8.7, carbon: 1, binder: 0.3 },
  carbonShape: shape,
});

/** All electrodes of the study, in report order. */
export const PAPER_ELECTRODES: readonly PaperElectrode[] = [
  powder(80, 17, 3),
  powder(85, 12, 3),
  powder(90, 7, 3),
  powder(90, 10, 0),
  powder(90, 9, 1),
  powder(90, 8, 2),
  dry('spherical'),
  dry('fiber'),
];
