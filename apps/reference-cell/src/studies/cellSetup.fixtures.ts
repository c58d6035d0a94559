// Test fixture: a powder electrode at the paper settings (side reactions on), for cell tests.
import type { MassFractions_wtPct } from '@solidcell/core';
import type { CellSetup } from './cellSetup.js';
import { PAPER_SETTINGS } from './paperSettings.js';

/** A spherical-carbon powder electrode of the paper (3.0 mAh/cm², 10 % porosity, 25 °C). */
export function powderSetup(
  massFractions_wtPct: MassFractions_wtPct,
  overrides: Partial<CellSetup> = {},
): CellSetup {
  return {
    massFractions_wtPct,
    carbonShape: 'spherical',
    porosity: PAPER_SETTINGS.porosity,
    arealCapacity_C_per_m2: PAPER_SETTINGS.powderArealCapacity_C_per_m2,
    temperature_K: PAPER_SETTINGS.temperature_K,
    sideReactions: true,
    ...overrides,
  };
}
