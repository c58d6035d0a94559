// The Li6PS5Cl argyrodite solid electrolyte: density and Arrhenius Li⁺ conductivity
// (parameters.md §2, §5).
import {
  BOLTZMANN_eV_per_K,
  type Material,
  type MaterialConditions,
  REFERENCE_TEMPERATURE_K,
} from '@solidcell/core';
import { DEFAULT_MATERIALS_PARAMETERS, type Li6ps5clParameters } from './parameters.js';

/** Material id of {@link Li6PS5Cl}. */
export const LI6PS5CL_MATERIAL_ID = 'li6ps5cl';

/**
 * Arrhenius factor exp[−(E_a/k_B)(1/T − 1/298.15 K)] with E_a in eV (dimensionless).
 *
 * @remarks 0.35 eV gives 4.2 between 25 and 60 °C (parameters.md §5).
 */
export function arrheniusFactorEv(activationEnergy_eV: number, temperature_K: number): number {
  return Math.exp(
    -(activationEnergy_eV / BOLTZMANN_eV_per_K) * (1 / temperature_K - 1 / REFERENCE_TEMPERATURE_K),
  );
}

/**
 * Li6PS5Cl argyrodite (role `solid-electrolyte`), a single-ion conductor (t+ = 1).
 *
 * @remarks
 * σ_ion(T) = σ_25 exp[−(E_a/k_B)(1/T − 1/298.15 K)], σ_25 = 0.2 S/m, E_a = 0.35 eV (Kraft et al.,
 * J. Am. Chem. Soc. 2017, 139, 10909; Hanghofer et al. 2019); σ_e = 1e-7 S/m; ρ = 1860 kg/m³
 * (Kim et al. 2024). Bulk pellet values; the composite's effective conductivity is a Transport's job.
 */
export class Li6PS5Cl implements Material {
  public readonly id = LI6PS5CL_MATERIAL_ID;
  public readonly name = 'Li6PS5Cl argyrodite';
  public readonly role = 'solid-electrolyte' as const;
  /** Density (kg/m³). */
  public readonly density_kg_per_m3: number;
  /** Molar mass (kg/mol): 0.2684 (stoichiometry, parameters.md §2). */
  public readonly molarMass_kg_per_mol = 0.2684;
  /** The parameters this material was built from. */
  public readonly parameters: Li6ps5clParameters;

  public constructor(parameters: Li6ps5clParameters = DEFAULT_MATERIALS_PARAMETERS.li6ps5cl) {
    this.parameters = parameters;
    this.density_kg_per_m3 = parameters.density_kg_per_m3;
  }

  /** Bulk Li⁺ conductivity (S/m) at `conditions.temperature_K`. */
  public ionicConductivity_S_per_m(conditions: MaterialConditions): number {
    return (
      this.parameters.ionicConductivity25_S_per_m *
      arrheniusFactorEv(this.parameters.ionicActivationEnergy_eV, conditions.temperature_K)
    );
  }

  /** Electronic conductivity (S/m), temperature-independent. */
  public electronicConductivity_S_per_m(_conditions: MaterialConditions): number {
    return this.parameters.electronicConductivity_S_per_m;
  }
}
