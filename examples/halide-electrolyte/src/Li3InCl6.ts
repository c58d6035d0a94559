// The Li3InCl6 halide solid electrolyte as a SolidCell Material: Arrhenius Li⁺ conduction,
// negligible electronic conduction. Plain class: no decorators, no container knowledge.
// #region material
import {
  BOLTZMANN_eV_per_K,
  invalidInput,
  type Material,
  type MaterialConditions,
  REFERENCE_TEMPERATURE_K,
} from '@solidcell/core';
import type { Li3InCl6Parameters } from './defaultParameters.js';

/** Material id of {@link Li3InCl6}. */
export const LI3INCL6_ID = 'li3incl6';

/**
 * Li3InCl6, a halide solid electrolyte (role `solid-electrolyte`).
 *
 * @remarks
 * σ_ion(T) = σ_25 · exp[−(E_a/k_B)(1/T − 1/298.15 K)] (Arrhenius, the same law as
 * shared/physics/parameters.md §5 uses for Li6PS5Cl). All methods are pure.
 */
export class Li3InCl6 implements Material {
  public readonly id = LI3INCL6_ID;
  public readonly name = 'Li3InCl6 (halide solid electrolyte)';
  public readonly role = 'solid-electrolyte' as const;
  public readonly density_kg_per_m3: number;

  public constructor(private readonly parameters: Li3InCl6Parameters) {
    this.density_kg_per_m3 = parameters.density_kg_per_m3;
  }

  /** Li⁺ conductivity (S/m) at a temperature; Arrhenius from the 25 °C value. */
  public ionicConductivity_S_per_m(conditions: MaterialConditions): number {
    const { temperature_K } = conditions;
    if (!Number.isFinite(temperature_K) || temperature_K <= 0 || temperature_K > 1000) {
      invalidInput('temperature_K', temperature_K, 'a finite number 0 < x ≤ 1000 K');
    }
    const { ionicConductivity25C_S_per_m, activationEnergy_eV } = this.parameters;
    const exponent =
      -(activationEnergy_eV / BOLTZMANN_eV_per_K) *
      (1 / temperature_K - 1 / REFERENCE_TEMPERATURE_K);
    return ionicConductivity25C_S_per_m * Math.exp(exponent);
  }

  /** Electronic conductivity (S/m): a constant, negligible value. */
  public electronicConductivity_S_per_m(_conditions: MaterialConditions): number {
    return this.parameters.electronicConductivity_S_per_m;
  }
}
// #endregion material
