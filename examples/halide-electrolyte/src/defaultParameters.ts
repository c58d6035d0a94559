// #region parameters
// Default Li3InCl6 parameters with their sources; SI units throughout.
import { fromGramsPerCubicCm, fromMilliSiemensPerCm } from '@solidcell/core';

/** Parameters of the {@link Li3InCl6} material; SI units. */
export interface Li3InCl6Parameters {
  /** Bulk Li⁺ conductivity at 25 °C (S/m). */
  readonly ionicConductivity25C_S_per_m: number;
  /** Arrhenius activation energy of Li⁺ conduction (eV). */
  readonly activationEnergy_eV: number;
  /** Density used for volume bookkeeping (kg/m³). */
  readonly density_kg_per_m3: number;
  /** Electronic conductivity (S/m); an insulator, kept > 0 only so matrices stay regular. */
  readonly electronicConductivity_S_per_m: number;
}

/**
 * Default Li3InCl6 parameters.
 *
 * @remarks
 * - σ_ion(25 °C) = 1.5 mS/cm = 0.15 S/m: water-mediated synthesis, Li et al., Angew. Chem. Int.
 *   Ed. 2019; wet-chemistry routes reach 2–4 mS/cm (Bonsu et al., Adv. Sci. 2024).
 * - E_a = 0.35 eV: an **assumption** in the 0.3–0.4 eV range typical of halide Li⁺ conductors,
 *   not taken from the sources above.
 * - ρ = 2.67 g/cm³: **crystallographic estimate** (monoclinic C2/m, Z = 2, M = 348.3 g/mol,
 *   cell volume ≈ 432 Å³); a pressed pellet is lighter.
 * - σ_e = 1e-8 S/m: negligible (electronic insulator); assumption.
 */
export const LI3INCL6_DEFAULTS: Li3InCl6Parameters = {
  ionicConductivity25C_S_per_m: fromMilliSiemensPerCm(1.5),
  activationEnergy_eV: 0.35,
  density_kg_per_m3: fromGramsPerCubicCm(2.67),
  electronicConductivity_S_per_m: 1e-8,
};
// #endregion parameters
