// Template of a SolidCell plugin package: a Tafel-law oxidation of the solid electrolyte on the
// carbon|electrolyte interface, exported as `solidcellPlugin` so that `solidcell` loads it by
// package name ({"package": "<this package>"} in a cell configuration, or --plugin).
import {
  definePlugin,
  definePluginPackage,
  SideReaction,
  type SideReactionConditions,
  SOLIDCELL_PLUGIN_API_VERSION,
  SolidCellError,
} from '@solidcell/core';
import { ContainerModule } from 'inversify';

const FARADAY_C_PER_MOL = 96485.33212;
const GAS_CONSTANT_J_PER_MOL_K = 8.314462618;

/** Parameters of the side reaction (SI). Defaults are template values, not a calibration. */
export interface TafelOxidationOptions {
  /**
   * Current density at the onset potential (A/m² of carbon|SE area). Assumption (template value,
   * no source): 1e-13 A/m² adds a few mAh/g to the first charge of a 90/9/1 wt% electrode to 3.7 V
   * vs Li-In; fit it to a stepwise CV on the carbon you model.
   */
  readonly onsetCurrentDensity_A_per_m2: number;
  /** Potential vs Li/Li⁺ at which the current is the onset current (V); 2.5–3.2 V for Li6PS5Cl on carbon (Dewald et al., Chem. Mater. 2019). */
  readonly onsetPotential_V: number;
  /** Anodic transfer coefficient (dimensionless), 0.3–0.7. */
  readonly transferCoefficient: number;
}

export const TAFEL_OXIDATION_DEFAULTS: TafelOxidationOptions = {
  onsetCurrentDensity_A_per_m2: 1e-13,
  onsetPotential_V: 2.9,
  transferCoefficient: 0.5,
};

const BOUNDS: Readonly<Record<keyof TafelOxidationOptions, readonly [number, number]>> = {
  onsetCurrentDensity_A_per_m2: [0, 1],
  onsetPotential_V: [2, 5],
  transferCoefficient: [0.1, 0.9],
};

/**
 * Merges options over the defaults.
 * @throws SolidCellError `E_INVALID_INPUT` naming an unknown option or a value out of range.
 */
export function resolveOptions(options: Readonly<Record<string, unknown>>): TafelOxidationOptions {
  const resolved: Record<string, number> = { ...TAFEL_OXIDATION_DEFAULTS };
  for (const [key, value] of Object.entries(options)) {
    const bounds = BOUNDS[key as keyof TafelOxidationOptions];
    if (bounds === undefined) {
      throw new SolidCellError(
        'E_INVALID_INPUT',
        `${key} is not an option: expected one of ${Object.keys(BOUNDS).join(', ')}`,
        { field: key, value, allowed: Object.keys(BOUNDS).join(', ') },
      );
    }
    if (typeof value !== 'number' || !(value >= bounds[0] && value <= bounds[1])) {
      throw new SolidCellError(
        'E_INVALID_INPUT',
        `${key} = ${String(value)} is out of range: expected ${bounds[0]} ≤ ${key} ≤ ${bounds[1]}`,
        { field: key, value, allowed: `${bounds[0]}..${bounds[1]}` },
      );
    }
    resolved[key] = value;
  }
  return resolved as unknown as TafelOxidationOptions;
}

/** The side reaction: i = a_C|SE · i_onset · exp(α F (E − E_onset) / R T), no state, no effects. */
export function createTafelOxidation(options: TafelOxidationOptions): SideReaction {
  return {
    id: 'template-tafel-oxidation',
    sites: ['carbon|electrolyte'],
    stateVariables: [],
    rates(conditions: SideReactionConditions) {
      const area_m2_per_m3 = conditions.descriptors.interfaceAreaPerVolume_m2_per_m3.carbon_se;
      const exponent =
        (options.transferCoefficient *
          FARADAY_C_PER_MOL *
          (conditions.electrodePotential_V - options.onsetPotential_V)) /
        (GAS_CONSTANT_J_PER_MOL_K * conditions.temperature_K);
      const current = area_m2_per_m3 * options.onsetCurrentDensity_A_per_m2 * Math.exp(exponent);
      return { volumetricCurrent_A_per_m3: current, stateRates: [] };
    },
    effects() {
      return { activeMaterialFilmResistance_ohm_m2: 0, seVolumeFractionLost: 0 };
    },
  };
}

// #region package
/** What `solidcell` loads from this package. */
export const solidcellPlugin = definePluginPackage({
  pluginApiVersion: SOLIDCELL_PLUGIN_API_VERSION,
  createPlugin(options) {
    const reaction = createTafelOxidation(resolveOptions(options));
    return definePlugin({
      id: 'solidcell-plugin-template',
      kinds: ['SideReaction'],
      module: new ContainerModule(({ bind }) => {
        bind(SideReaction).toConstantValue(reaction);
      }),
    });
  },
});
// #endregion package
