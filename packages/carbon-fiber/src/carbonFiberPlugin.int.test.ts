import { createSolidCellContainer, isCarbonAdditive, Material, Morphology } from '@solidcell/core';
import { describe, expect, it } from 'vitest';
import { carbonFiberPlugin, createCarbonFiberPlugin, plugin } from './index.js';

describe('carbonFiberPlugin', () => {
  it('binds the carbon-fiber Material (2000 kg/m³, 13 m²/g, 8e3 S/m compact) and the carbon-fiber Morphology', () => {
    const container = createSolidCellContainer([carbonFiberPlugin], {
      requiredKinds: ['Material', 'Morphology'],
    });
    const [material] = container.getAll(Material);
    expect(material?.id).toBe('carbon-fiber');
    expect(material && isCarbonAdditive(material) && material.specificSurfaceArea_m2_per_kg).toBe(
      13_000,
    );
    expect(material?.density_kg_per_m3).toBe(2000);
    expect(material?.electronicConductivity_S_per_m({ temperature_K: 298.15 })).toBe(8e3);
    const morphologies = container.getAll(Morphology);
    expect(morphologies.map((m) => [m.id, m.carbonShape])).toEqual([['carbon-fiber', 'fiber']]);
    expect(plugin).toBe(carbonFiberPlugin);
  });

  it('lets options override the material parameters', () => {
    const container = createSolidCellContainer([
      createCarbonFiberPlugin({ material: { electronicConductivity_S_per_m: 2e4 } }),
    ]);
    expect(
      container.getAll(Material)[0]?.electronicConductivity_S_per_m({ temperature_K: 300 }),
    ).toBe(2e4);
  });
});
