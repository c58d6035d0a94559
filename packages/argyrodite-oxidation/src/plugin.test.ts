import { createSolidCellContainer, definePlugin, Material, SideReaction } from '@solidcell/core';
import { ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';
import { ArgyroditeOxidation } from './ArgyroditeOxidation.js';
import { referenceCarbonAdditive } from './carbon.js';
import { argyroditeOxidationPlugin, createArgyroditeOxidationPlugin, plugin } from './plugin.js';

describe('argyrodite-oxidation plugin', () => {
  it('binds exactly one SideReaction with the plugin id', () => {
    const container = createSolidCellContainer([argyroditeOxidationPlugin], {
      requiredKinds: ['SideReaction'],
    });
    const reactions = container.getAll(SideReaction);
    expect(reactions.map((r) => r.id)).toEqual(['argyrodite-oxidation']);
    expect(plugin.kinds).toEqual(['SideReaction']);
  });

  it('passes validated overrides and the carbon to the reaction', () => {
    const custom = createArgyroditeOxidationPlugin({
      parameters: { couplingFactor: 1 },
      carbon: referenceCarbonAdditive('fiber'),
    });
    const reaction = createSolidCellContainer([custom]).get(SideReaction) as ArgyroditeOxidation;
    expect(reaction.parameters.couplingFactor).toBe(1);
    expect(reaction.carbon?.specificSurfaceArea_m2_per_kg).toBe(13_000);
  });

  it("reacts on the cell's own carbon from the container: fibre area for CF, none without carbon", () => {
    const fibre = referenceCarbonAdditive('fiber');
    const carbonPlugin = definePlugin({
      id: 'test-fibre',
      kinds: ['Material'],
      module: new ContainerModule(({ bind }) => {
        bind(Material).toConstantValue(fibre);
      }),
    });
    const withFibre = createSolidCellContainer([carbonPlugin, argyroditeOxidationPlugin]).get(
      SideReaction,
    ) as ArgyroditeOxidation;
    expect(withFibre.carbon).toBe(fibre);
    expect(withFibre.carbon?.specificSurfaceArea_m2_per_kg).toBe(13_000);
    const withoutCarbon = createSolidCellContainer([argyroditeOxidationPlugin]).get(
      SideReaction,
    ) as ArgyroditeOxidation;
    expect(withoutCarbon.carbon).toBeUndefined();
  });

  it("can be replaced by a researcher's alternative through replaces", () => {
    const alternative = definePlugin({
      id: 'my-oxidation',
      kinds: ['SideReaction'],
      replaces: ['argyrodite-oxidation'],
      module: new ContainerModule(({ bind }) => {
        bind(SideReaction).toConstantValue({
          id: 'my-oxidation',
          sites: ['carbon|electrolyte'],
          stateVariables: [],
          rates: () => ({ volumetricCurrent_A_per_m3: 0, stateRates: [] }),
          effects: () => ({ activeMaterialFilmResistance_ohm_m2: 0, seVolumeFractionLost: 0 }),
        });
      }),
    });
    const container = createSolidCellContainer([argyroditeOxidationPlugin, alternative]);
    expect(container.getAll(SideReaction).map((r) => r.id)).toEqual(['my-oxidation']);
  });

  it('is an ArgyroditeOxidation with three state variables', () => {
    const reaction = createSolidCellContainer([plugin]).get(SideReaction);
    expect(reaction).toBeInstanceOf(ArgyroditeOxidation);
    expect(reaction.stateVariables.map((v) => v.name)).toEqual([
      'carbonOxidationCharge_C_per_m2',
      'intermediateConcentration_mol_per_m3',
      'ncmOxidationCharge_C_per_m2',
    ]);
  });
});
