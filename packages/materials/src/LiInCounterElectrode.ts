// The Li-In alloy counter electrode: fixed potential vs Li/Li⁺ plus a small area-specific
// kinetic resistance (model.md §3 "Li-In counter electrode", parameters.md §9).
import type { CounterElectrode, MaterialConditions } from '@solidcell/core';
import { DEFAULT_MATERIALS_PARAMETERS, type LiInParameters } from './parameters.js';

/** Material id of {@link LiInCounterElectrode}. */
export const LI_IN_MATERIAL_ID = 'li-in';

/**
 * Li-In alloy counter electrode (role `counter-electrode`).
 *
 * @remarks
 * Potential 0.62 V vs Li/Li⁺ (In/InLi two-phase plateau 0.622 V, usable to ~45 at% Li; Braun et al.,
 * ACS Energy Lett. 2024, 9, 707). Area-specific resistance 1e-4 Ω m² (1 Ω cm²) is an
 * **assumption** chosen so the electrode is practically non-polarizable at ≤ 2 mA/cm² as
 * parameters.md §9 prescribes (2 mV at 2 mA/cm²). Polarisation = j · R_ASR; both are
 * temperature-independent here. Ionic conductivity 0 (metal), electronic that of indium.
 */
export class LiInCounterElectrode implements CounterElectrode {
  public readonly id = LI_IN_MATERIAL_ID;
  public readonly name = 'Li-In alloy counter electrode';
  public readonly role = 'counter-electrode' as const;
  /** Density (kg/m³), indium metal. */
  public readonly density_kg_per_m3: number;
  /** Equilibrium potential vs Li/Li⁺ (V). */
  public readonly potentialVsLi_V: number;
  /** Area-specific kinetic resistance (Ω m²). */
  public readonly areaSpecificResistance_ohm_m2: number;
  /** The parameters this electrode was built from. */
  public readonly parameters: LiInParameters;

  public constructor(parameters: LiInParameters = DEFAULT_MATERIALS_PARAMETERS.liIn) {
    this.parameters = parameters;
    this.density_kg_per_m3 = parameters.density_kg_per_m3;
    this.potentialVsLi_V = parameters.potentialVsLi_V;
    this.areaSpecificResistance_ohm_m2 = parameters.areaSpecificResistance_ohm_m2;
  }

  /**
   * Potential of the counter electrode vs Li/Li⁺ (V) while it carries the cell current density
   * `currentDensity_A_per_m2` (A/m² of electrode area, positive when the positive electrode is
   * charged, i.e. Li is plated into the Li-In): U_LiIn − j · R_ASR.
   */
  public potentialUnderCurrent_V(currentDensity_A_per_m2: number): number {
    return this.potentialVsLi_V - currentDensity_A_per_m2 * this.areaSpecificResistance_ohm_m2;
  }

  /** Li⁺ conductivity (S/m): 0, a metal. */
  public ionicConductivity_S_per_m(_conditions: MaterialConditions): number {
    return 0;
  }

  /** Electronic conductivity (S/m). */
  public electronicConductivity_S_per_m(_conditions: MaterialConditions): number {
    return this.parameters.electronicConductivity_S_per_m;
  }
}
