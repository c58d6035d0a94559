// The cell runs without a side-reaction plugin, with argyrodite oxidation, and with a
// researcher's alternative registered in its place (issue: plugins stay independent).
import type { ArgyroditeOxidation } from '@solidcell/argyrodite-oxidation';
import { cellPhysicsFromComponents, simulateExperiment } from '@solidcell/cell';
import { createCell, definePlugin, SideReaction, type SolidCellPlugin } from '@solidcell/core';
import { ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';
import { type CellSetup, cellModelConfig, cellPlugins } from './cellSetup.js';
import { PAPER_SETTINGS } from './paperSettings.js';

const setup: CellSetup = {
  massFractions_wtPct: { ncm: 90, se: 9, carbon: 1 },
  carbonShape: 'spherical',
  porosity: PAPER_SETTINGS.porosity,
  arealCapacity_C_per_m2: PAPER_SETTINGS.powderArealCapacity_C_per_m2,
  temperature_K: PAPER_SETTINGS.temperature_K,
  sideReactions: false,
  coarse: true,
};
const charge = ['Charge at 0.5C until 3.7 V'];

/** A researcher's law: a constant parasitic current per electrode volume, no state, no effects. */
const CONSTANT_SIDE_CURRENT_A_PER_M3 = 50;
const constantOxidation = definePlugin({
  id: 'constant-oxidation',
  kinds: ['SideReaction'],
  replaces: ['argyrodite-oxidation'],
  module: new ContainerModule(({ bind }) => {
    bind(SideReaction).toConstantValue({
      id: 'constant-oxidation',
      sites: ['carbon|electrolyte'],
      stateVariables: [],
      rates: () => ({ volumetricCurrent_A_per_m3: CONSTANT_SIDE_CURRENT_A_PER_M3, stateRates: [] }),
      effects: () => ({ activeMaterialFilmResistance_ohm_m2: 0, seVolumeFractionLost: 0 }),
    });
  }),
});

/** First 0.5C charge with the setup's plugins, plus `extra` plugins composed after them. */
function firstCharge(sideReactions: boolean, extra: readonly SolidCellPlugin[] = []) {
  const withSide = { ...setup, sideReactions };
  const physics = cellPhysicsFromComponents(createCell([...cellPlugins(withSide), ...extra]), {
    transportId: 'effective-medium',
  });
  const result = simulateExperiment({ ...cellModelConfig(withSide), physics }, charge);
  return { result, side: result.cycles[0]!.sideReactionCharge_C_per_m2 };
}

describe('side-reaction plugins in the composed cell', () => {
  it('without a side-reaction plugin no charge goes into side reactions', () => {
    expect(firstCharge(false).side).toBe(0);
  });

  it('with argyrodite oxidation the first charge oxidises SE', () => {
    const { result, side } = firstCharge(true);
    expect(side).toBeGreaterThan(0);
    expect(side).toBeLessThan(result.cycles[0]!.chargeCapacity_C_per_m2);
  });

  it("oxidises SE on the cell's own carbon: fibre density and BET area in a CF cell", () => {
    for (const carbonShape of ['spherical', 'fiber'] as const) {
      const cell = createCell(cellPlugins({ ...setup, carbonShape, sideReactions: true }));
      const reaction = cell.sideReactions[0] as ArgyroditeOxidation;
      expect(reaction.carbon).toBe(cell.material('carbon-additive'));
      expect(reaction.carbon?.shape).toBe(carbonShape);
    }
  });

  it("with a researcher's alternative in its place the cell integrates that law exactly", () => {
    const { result, side } = firstCharge(true, [constantOxidation]);
    const duration_s = result.steps[0]!.endTime_s - result.steps[0]!.startTime_s;
    const expected = CONSTANT_SIDE_CURRENT_A_PER_M3 * result.cell.electrodeThickness_m * duration_s;
    expect(side / expected).toBeCloseTo(1, 6);
  });
});
