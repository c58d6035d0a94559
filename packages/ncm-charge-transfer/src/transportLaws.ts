// Lithiation-dependent transport laws of NCM811: electronic conductivity (parameters.md §6.2)
// and solid-state Li diffusivity (parameters.md §7).
import { arrheniusFactor } from './arrhenius.js';
import type { NcmParameters } from './parameters.js';

function clampUnit(value: number): number {
  return Math.min(1, Math.max(0, value));
}

/**
 * NCM811 electronic conductivity σ_e(x_Li) (S/m), log-linear in lithiation (parameters.md §6.2):
 * log10 σ = log10 σ(1) + (log10 σ(0.5) − log10 σ(1)) · min(1, (1 − x_Li)/0.5).
 *
 * @remarks
 * 1e-3 S/m at x_Li = 1 and 1 S/m for x_Li ≤ 0.5 with the defaults. x_Li is clamped to [0, 1].
 * The Arrhenius factor of `electronicConductionActivationEnergy_J_per_mol` is applied by the
 * Material (`Ncm811.electronicConductivity_S_per_m`).
 */
export function ncm811ElectronicConductivity_S_per_m(
  lithiation: number,
  parameters: Pick<
    NcmParameters,
    'electronicConductivityLithiated_S_per_m' | 'electronicConductivityDelithiated_S_per_m'
  >,
): number {
  const extracted = Math.min(1, (1 - clampUnit(lithiation)) / 0.5);
  const logLithiated = Math.log10(parameters.electronicConductivityLithiated_S_per_m);
  const logDelithiated = Math.log10(parameters.electronicConductivityDelithiated_S_per_m);
  return 10 ** (logLithiated + (logDelithiated - logLithiated) * extracted);
}

/**
 * NCM811 solid diffusivity D_s(x_Li, T) (m²/s), parameters.md §7:
 * D_s = D_ref · 10^(−n · max(0, (x_Li − x_on)/(1 − x_on))) · Arrhenius(E_a,D, T).
 *
 * @remarks
 * Defaults D_ref = 1.54e-15 m²/s (calibrated, Chen 2020 4e-15), n = 2 decades, x_on = 0.85,
 * E_a,D = 0 (not given by the sources): D_ref up to x_Li = 0.85, D_ref/100 at x_Li = 1. x_Li is clamped to [0, 1].
 */
export function ncm811SolidDiffusivity_m2_per_s(
  lithiation: number,
  temperature_K: number,
  parameters: Pick<
    NcmParameters,
    | 'solidDiffusivityRef_m2_per_s'
    | 'solidDiffusivityDropDecades'
    | 'solidDiffusivityDropOnsetLithiation'
    | 'solidDiffusionActivationEnergy_J_per_mol'
  >,
): number {
  const onset = parameters.solidDiffusivityDropOnsetLithiation;
  const progress = Math.max(0, (clampUnit(lithiation) - onset) / (1 - onset));
  return (
    parameters.solidDiffusivityRef_m2_per_s *
    10 ** (-parameters.solidDiffusivityDropDecades * progress) *
    arrheniusFactor(parameters.solidDiffusionActivationEnergy_J_per_mol, temperature_K)
  );
}
