// The NCM811 parameter set: every physical input of this plugin with unit, default, allowed range
// and source (shared/physics/parameters.md §2, §3, §6.2, §7), and validation of overrides.
import { boundedNumber, type NumberBounds, parseInput } from '@solidcell/core';
import { z } from 'zod';

/**
 * All parameters of the NCM811 material and its charge-transfer kinetics (SI units).
 *
 * @remarks
 * Defaults are {@link DEFAULT_NCM_PARAMETERS}; allowed ranges are {@link NCM_PARAMETER_BOUNDS}.
 */
export interface NcmParameters {
  /** NCM811 density (kg/m³). Default 4760: back-out from Kim 2024 vol% (parameters.md §2). */
  readonly density_kg_per_m3: number;
  /** Molar mass of LiNi0.8Co0.1Mn0.1O2 (kg/mol). Default 0.09728: stoichiometry (§7). */
  readonly molarMass_kg_per_mol: number;
  /** Crystallographic maximum Li concentration c_max (mol/m³). Default 48 930 = ρ/M (§7). */
  readonly maxConcentration_mol_per_m3: number;
  /**
   * Theoretical capacity for one Li per formula unit (C/kg). Default 991 800 (275.5 mAh/g,
   * F/(3.6 M), §7); maps extracted capacity to lithiation: x_Li = 1 − Q/Q_th.
   */
  readonly theoreticalCapacity_C_per_kg: number;
  /**
   * Practical reversible capacity that defines 1C and the OCP window θ = 0…1 (C/kg).
   * Default 720 000 (200 mAh/g; §7 "Q_prac", §9 "C-rate basis").
   */
  readonly referenceCapacity_C_per_kg: number;
  /** Mean secondary-particle radius (m). Default 5e-6: Chen et al. 2020 5.22 µm (§3). */
  readonly particleRadius_m: number;
  /** Electronic conductivity, lithiated (x_Li = 1) (S/m). Default 1e-3 (§6.2). */
  readonly electronicConductivityLithiated_S_per_m: number;
  /** Electronic conductivity, delithiated (x_Li ≤ 0.5) (S/m). Default 1: Amin & Chiang 2016 (§6.2). */
  readonly electronicConductivityDelithiated_S_per_m: number;
  /**
   * Exchange current density at x_s = 0.5 and 25 °C per NCM–SE contact area (A/m²). Default 1.0
   * (§7.2); a calibration input (model.md §4, parameters.md §11.3).
   */
  readonly exchangeCurrentDensityRef_A_per_m2: number;
  /** Charge-transfer activation energy E_a,ct (J/mol). Default 40 000 (§7.2). */
  readonly chargeTransferActivationEnergy_J_per_mol: number;
  /** Anodic transfer coefficient α_a (–). Default 0.5 (§7.2). */
  readonly anodicTransferCoefficient: number;
  /** Cathodic transfer coefficient α_c (–). Default 0.5 (§7.2). */
  readonly cathodicTransferCoefficient: number;
  /**
   * Regularisation δ of the surface lithiation in i₀ (–): x_s is clamped to [δ, 1 − δ] so that
   * i₀ > 0 at full lithiation and Newton Jacobians stay non-singular. Default 1e-6 (numerical
   * choice, i₀(x=1) = 2e-3 · i₀,ref); 0 gives the pure law.
   */
  readonly lithiationRegularisation: number;
  /**
   * Solid diffusivity for x_Li ≤ onset (m²/s). Default 1.54e-15: calibrated (model.md §4 target
   * 3, 0 wt% carbon; apps/reference-cell/CALIBRATION.md) inside the literature range 1e-16–1e-13
   * (§7: Chen et al. 2020 4e-15; GITT values span 3–4 decades, Kang & Chueh 2021).
   */
  readonly solidDiffusivityRef_m2_per_s: number;
  /** Decades D_s drops between the onset lithiation and x_Li = 1 (–). Default 2 (§7). */
  readonly solidDiffusivityDropDecades: number;
  /** Lithiation above which D_s drops log-linearly (–). Default 0.85 (§7). */
  readonly solidDiffusivityDropOnsetLithiation: number;
  /**
   * Activation energy of D_s (J/mol). Default 30 000 — assumption-grade: parameters.md §7 gives
   * none for NCM811; Arrhenius fits of Li chemical diffusivity in layered oxides span roughly
   * 20–60 kJ/mol (temperature-dependent GITT/capacity methods, e.g. Okubo et al., J. Phys.
   * Chem. B 2009, 113, 2840); the report's sensitivity analysis covers that range.
   */
  readonly solidDiffusionActivationEnergy_J_per_mol: number;
  /**
   * Activation energy of the NCM electronic conductivity (J/mol). Default 24 000 (≈ 0.25 eV) —
   * assumption-grade: small-polaron hopping in layered Ni-rich oxides, 0.1–0.4 eV; Amin & Chiang
   * (J. Electrochem. Soc. 2016, 163, A1512) measured σ_e(T) of NMC333/523 (parameters.md §6.2).
   */
  readonly electronicConductionActivationEnergy_J_per_mol: number;
}

/** Default NCM811 parameters (parameters.md §10 "Recommended default parameter set"). */
export const DEFAULT_NCM_PARAMETERS: NcmParameters = Object.freeze({
  density_kg_per_m3: 4760,
  molarMass_kg_per_mol: 0.09728,
  maxConcentration_mol_per_m3: 48_930,
  theoreticalCapacity_C_per_kg: 275.5 * 3600,
  referenceCapacity_C_per_kg: 200 * 3600,
  particleRadius_m: 5e-6,
  electronicConductivityLithiated_S_per_m: 1e-3,
  electronicConductivityDelithiated_S_per_m: 1,
  exchangeCurrentDensityRef_A_per_m2: 1.0,
  chargeTransferActivationEnergy_J_per_mol: 40_000,
  anodicTransferCoefficient: 0.5,
  cathodicTransferCoefficient: 0.5,
  lithiationRegularisation: 1e-6,
  // Calibrated (apps/reference-cell/src/calibration, CALIBRATION.md): bisection in log D so that
  // the 0.05C formation of 90/10/0 wt% NCM/SE/C (15 mg/cm², 10 % porosity, 25 °C) gives the
  // model.md §4 target-3 irreversible capacity at 0 wt% carbon (the intrinsic hindrance near
  // x → 1, parameters.md §7). Range check: 1.54e-15 lies in 1e-16–1e-13 m²/s, 2.6× below the
  // Chen 2020 value. i0,ref was examined first (parameters.md §11) and has no leverage on the
  // irreversible capacity (19.08 / 19.03 / 19.04 mAh/g at 0.05 / 1 / 5 A/m²), so it stays 1.0.
  solidDiffusivityRef_m2_per_s: 1.54e-15,
  solidDiffusivityDropDecades: 2,
  solidDiffusivityDropOnsetLithiation: 0.85,
  solidDiffusionActivationEnergy_J_per_mol: 30_000,
  electronicConductionActivationEnergy_J_per_mol: 24_000,
});

/** Allowed range of every {@link NcmParameters} field (parameters.md "Range" columns). */
export const NCM_PARAMETER_BOUNDS: Readonly<Record<keyof NcmParameters, NumberBounds>> =
  Object.freeze({
    density_kg_per_m3: { min: 4700, max: 4800, unit: 'kg/m³' },
    molarMass_kg_per_mol: { min: 0.09, max: 0.105, unit: 'kg/mol' },
    maxConcentration_mol_per_m3: { min: 48_300, max: 49_300, unit: 'mol/m³' },
    theoreticalCapacity_C_per_kg: { min: 250 * 3600, max: 300 * 3600, unit: 'C/kg' },
    referenceCapacity_C_per_kg: { min: 160 * 3600, max: 210 * 3600, unit: 'C/kg' },
    particleRadius_m: { min: 1.5e-6, max: 7.5e-6, unit: 'm' },
    electronicConductivityLithiated_S_per_m: { min: 1e-5, max: 1e-2, unit: 'S/m' },
    electronicConductivityDelithiated_S_per_m: { min: 0.1, max: 10, unit: 'S/m' },
    exchangeCurrentDensityRef_A_per_m2: { min: 0.05, max: 5, unit: 'A/m²' },
    chargeTransferActivationEnergy_J_per_mol: { min: 30_000, max: 60_000, unit: 'J/mol' },
    anodicTransferCoefficient: { min: 0.3, max: 0.7, unit: '' },
    cathodicTransferCoefficient: { min: 0.3, max: 0.7, unit: '' },
    lithiationRegularisation: { min: 0, max: 1e-3, unit: '' },
    solidDiffusivityRef_m2_per_s: { min: 1e-16, max: 1e-13, unit: 'm²/s' },
    solidDiffusivityDropDecades: { min: 0, max: 3, unit: 'decades' },
    solidDiffusivityDropOnsetLithiation: { min: 0.5, max: 0.99, unit: '' },
    solidDiffusionActivationEnergy_J_per_mol: { min: 0, max: 60_000, unit: 'J/mol' },
    electronicConductionActivationEnergy_J_per_mol: { min: 0, max: 60_000, unit: 'J/mol' },
  });

const fieldSchemas = Object.fromEntries(
  Object.entries(NCM_PARAMETER_BOUNDS).map(([field, bounds]) => [field, boundedNumber(bounds)]),
) as Record<keyof NcmParameters, ReturnType<typeof boundedNumber>>;

/** Schema of partial {@link NcmParameters} overrides (unknown fields rejected). */
export const ncmParameterOverridesSchema = z.strictObject(fieldSchemas).partial();

/**
 * Merges overrides into {@link DEFAULT_NCM_PARAMETERS}.
 *
 * @param overrides - any subset of {@link NcmParameters}.
 * @param root - dotted path prefix used in error messages.
 * @throws SolidCellError `E_INVALID_INPUT` naming the field, its value and the allowed range.
 */
export function resolveNcmParameters(
  overrides: Partial<NcmParameters> = {},
  root = 'ncmParameters',
): NcmParameters {
  const parsed = parseInput(ncmParameterOverridesSchema, overrides, root);
  const defined = Object.fromEntries(
    Object.entries(parsed).filter(([, value]) => value !== undefined),
  ) as Partial<NcmParameters>;
  return Object.freeze({ ...DEFAULT_NCM_PARAMETERS, ...defined });
}
