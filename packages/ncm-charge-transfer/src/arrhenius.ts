// Arrhenius temperature factor relative to 25 °C, shared by the kinetic and transport laws here.
import { GAS_CONSTANT_J_per_mol_K, REFERENCE_TEMPERATURE_K } from '@solidcell/core';

/**
 * Arrhenius factor exp[−(E_a/R)(1/T − 1/T_ref)] (dimensionless), T_ref = 298.15 K.
 *
 * @param activationEnergy_J_per_mol - E_a (J/mol), ≥ 0.
 * @param temperature_K - T (K), > 0.
 * @returns 1 at 298.15 K; > 1 above it for E_a > 0.
 */
export function arrheniusFactor(activationEnergy_J_per_mol: number, temperature_K: number): number {
  if (activationEnergy_J_per_mol === 0) return 1;
  return Math.exp(
    -(activationEnergy_J_per_mol / GAS_CONSTANT_J_per_mol_K) *
      (1 / temperature_K - 1 / REFERENCE_TEMPERATURE_K),
  );
}
