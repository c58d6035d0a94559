import { createSolidCellContainer, isCounterElectrode, Material } from '@solidcell/core';
import { describe, expect, it } from 'vitest';
import { createMaterialsPlugin, plugin } from './plugin.js';

describe('materials plugin in a SolidCell container', () => {
  it('binds the three Materials li6ps5cl, li-in and ptfe', () => {
    const container = createSolidCellContainer([plugin], { requiredKinds: ['Material'] });
    expect(container.getAll(Material).map((m) => m.id)).toEqual(['li6ps5cl', 'li-in', 'ptfe']);
    expect(container.getAll(Material).filter(isCounterElectrode)).toHaveLength(1);
  });

  it('applies overrides given to createMaterialsPlugin', () => {
    const container = createSolidCellContainer([
      createMaterialsPlugin({ li6ps5cl: { ionicConductivity25_S_per_m: 0.3 } }),
    ]);
    const se = container.getAll(Material).find((m) => m.id === 'li6ps5cl')!;
    expect(se.ionicConductivity_S_per_m({ temperature_K: 298.15 })).toBe(0.3);
  });
});
