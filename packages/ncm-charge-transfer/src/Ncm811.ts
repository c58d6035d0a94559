// The NCM811 (LiNi0.8Co0.1Mn0.1O2) active material: density, capacity, particle size and
// lithiation-dependent electronic conductivity (parameters.md §2, §3, §6.2, §7).
import type { ActiveMaterial, MaterialConditions } from '@solidcell/core';
import { arrheniusFactor } from './arrhenius.js';
import { DEFAULT_NCM_PARAMETERS, type NcmParameters } from './parameters.js';
import { ncm811ElectronicConductivity_S_per_m } from './transportLaws.js';

/** Material id of {@link Ncm811}. */
export const NCM811_MATERIAL_ID = 'ncm811';

/**
 * NCM811 as a core `ActiveMaterial`.
 *
 * @remarks
 * Density 4760 kg/m³, M = 0.09728 kg/mol, c_max = 48 930 mol/m³, 1C = 200 mAh/g (720 000 C/kg),
 * R = 5 µm by default (see {@link NcmParameters} for sources). Li⁺ conductivity of the particle
 * phase is 0 for the SE network (Li⁺ crosses the composite through the SE only, model.md M3; solid
 * diffusion inside particles is the ChargeTransfer's `solidDiffusivity_m2_per_s`). Electronic
 * conductivity follows {@link ncm811ElectronicConductivity_S_per_m}; when `conditions.lithiation`
 * is absent the lithiated (discharged, least conductive) state x_Li = 1 is used.
 */
export class Ncm811 implements ActiveMaterial {
  public readonly id = NCM811_MATERIAL_ID;
  public readonly name = 'NCM811 (LiNi0.8Co0.1Mn0.1O2)';
  public readonly role = 'active-material' as const;
  /** Density (kg/m³). */
  public readonly density_kg_per_m3: number;
  /** Molar mass of the lithiated formula unit (kg/mol). */
  public readonly molarMass_kg_per_mol: number;
  /** c_max (mol/m³). */
  public readonly maxConcentration_mol_per_m3: number;
  /** Capacity that defines 1C (C/kg). */
  public readonly referenceCapacity_C_per_kg: number;
  /** Theoretical one-Li capacity (C/kg). */
  public readonly theoreticalCapacity_C_per_kg: number;
  /** Mean secondary-particle radius (m). */
  public readonly particleRadius_m: number;
  /** The full parameter set this material was built from. */
  public readonly parameters: NcmParameters;

  /** @param parameters - validated parameters (see `resolveNcmParameters`). */
  public constructor(parameters: NcmParameters = DEFAULT_NCM_PARAMETERS) {
    this.parameters = parameters;
    this.density_kg_per_m3 = parameters.density_kg_per_m3;
    this.molarMass_kg_per_mol = parameters.molarMass_kg_per_mol;
    this.maxConcentration_mol_per_m3 = parameters.maxConcentration_mol_per_m3;
    this.referenceCapacity_C_per_kg = parameters.referenceCapacity_C_per_kg;
    this.theoreticalCapacity_C_per_kg = parameters.theoreticalCapacity_C_per_kg;
    this.particleRadius_m = parameters.particleRadius_m;
  }

  /** Li⁺ conductivity of the particle phase for the SE network (S/m): 0. */
  public ionicConductivity_S_per_m(_conditions: MaterialConditions): number {
    return 0;
  }

  /** Electronic conductivity (S/m) at `conditions.lithiation` (default x_Li = 1). */
  public electronicConductivity_S_per_m(conditions: MaterialConditions): number {
    return (
      ncm811ElectronicConductivity_S_per_m(conditions.lithiation ?? 1, this.parameters) *
      arrheniusFactor(
        this.parameters.electronicConductionActivationEnergy_J_per_mol,
        conditions.temperature_K,
      )
    );
  }
}
