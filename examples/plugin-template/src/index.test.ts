import {
  createSolidCellContainer,
  SideReaction,
  type SideReactionConditions,
  SOLIDCELL_PLUGIN_API_VERSION,
} from '@solidcell/core';
import { describe, expect, it } from 'vitest';
import {
  createTafelOxidation,
  resolveOptions,
  solidcellPlugin,
  TAFEL_OXIDATION_DEFAULTS,
} from './index.js';

const conditionsAt = (electrodePotential_V: number): SideReactionConditions =>
  ({
    electrodePotential_V,
    temperature_K: 298.15,
    descriptors: { interfaceAreaPerVolume_m2_per_m3: { carbon_se: 2e5 } },
  }) as unknown as SideReactionConditions;

describe('template Tafel oxidation', () => {
  const reaction = createTafelOxidation(TAFEL_OXIDATION_DEFAULTS);

  it('passes the onset current density times the carbon|SE area at the onset potential', () => {
    const rates = reaction.rates(conditionsAt(TAFEL_OXIDATION_DEFAULTS.onsetPotential_V), []);
    expect(rates.volumetricCurrent_A_per_m3).toBeCloseTo(2e5 * 1e-13, 20);
  });

  it('grows by one decade per Tafel slope ln(10) R T / (α F) (118 mV at α = 0.5, 25 °C)', () => {
    const slope_V = (Math.log(10) * 8.314462618 * 298.15) / (0.5 * 96485.33212);
    const low = reaction.rates(conditionsAt(3.0), []).volumetricCurrent_A_per_m3;
    const high = reaction.rates(conditionsAt(3.0 + slope_V), []).volumetricCurrent_A_per_m3;
    expect(high / low).toBeCloseTo(10, 9);
  });

  it('refuses an unknown option and a value out of range, naming the field', () => {
    expect(() => resolveOptions({ onsetPotental_V: 3 })).toThrow(
      /onsetPotental_V is not an option/,
    );
    expect(() => resolveOptions({ transferCoefficient: 2 })).toThrow(
      /transferCoefficient = 2 is out of range/,
    );
  });

  it('exports a plugin package for this plugin API that binds one SideReaction', () => {
    expect(solidcellPlugin.pluginApiVersion).toBe(SOLIDCELL_PLUGIN_API_VERSION);
    const plugin = solidcellPlugin.createPlugin({ onsetPotential_V: 3.1 });
    expect(plugin.kinds).toEqual(['SideReaction']);
    const container = createSolidCellContainer([plugin]);
    expect(container.getAll(SideReaction).map((r) => r.id)).toEqual(['template-tafel-oxidation']);
  });
});
