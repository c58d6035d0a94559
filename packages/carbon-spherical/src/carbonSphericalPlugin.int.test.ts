import { createSolidCellContainer, isCarbonAdditive, Material, Morphology } from '@solidcell/core';
import { describe, expect, it } from 'vitest';
import { carbonSphericalPlugin, createCarbonSphericalPlugin, plugin } from './index.js';

describe('carbonSphericalPlugin', () => {
  it('binds the carbon-black Material (670 kg/m³ apparent, 1900 skeletal, 62 m²/g, 500 S/m) and the carbon-spherical Morphology', () => {
    const container = createSolidCellContainer([carbonSphericalPlugin], {
      requiredKinds: ['Material', 'Morphology'],
    });
    const [material] = container.getAll(Material);
    expect(material?.id).toBe('carbon-black');
    expect(material && isCarbonAdditive(material) && material.specificSurfaceArea_m2_per_kg).toBe(
      62_000,
    );
    expect(material?.density_kg_per_m3).toBe(670);
    expect(material && isCarbonAdditive(material) && material.skeletalDensity_kg_per_m3).toBe(1900);
    expect(material?.electronicConductivity_S_per_m({ temperature_K: 298.15 })).toBe(500);
    const morphologies = container.getAll(Morphology);
    expect(morphologies.map((m) => [m.id, m.carbonShape])).toEqual([
      ['carbon-spherical', 'spherical'],
    ]);
    expect(plugin).toBe(carbonSphericalPlugin);
  });

  it('lets options override the material parameters', () => {
    const container = createSolidCellContainer([
      createCarbonSphericalPlugin({ material: { electronicConductivity_S_per_m: 2e4 } }),
    ]);
    expect(
      container.getAll(Material)[0]?.electronicConductivity_S_per_m({ temperature_K: 300 }),
    ).toBe(2e4);
  });
});
