// Parameters of the coupled argyrodite-oxidation reaction set: defaults with sources
// (shared/physics/parameters.md §8, §8.1), the validation schema and the override resolver.
import { boundedNumber, parseInput } from '@solidcell/core';
import { z } from 'zod';

/** Parameters of {@link ArgyroditeOxidation}; all SI, potentials vs Li/Li⁺. */
export interface ArgyroditeOxidationParameters {
  /**
   * k_C, rate constant of SE oxidation on the carbon|SE interface at 25 °C, per carbon BET
   * area (mol e⁻/(m² s)). Calibrated (see {@link DEFAULT_ARGYRODITE_OXIDATION_PARAMETERS}).
   */
  readonly carbonRateConstant_mol_per_m2_s: number;
  /** k_N, rate constant of SE oxidation on the NCM|SE interface at 25 °C (mol e⁻/(m² s)). */
  readonly ncmRateConstant_mol_per_m2_s: number;
  /** U_ox,C, practical onset potential on carbon (V vs Li/Li⁺); parameters.md §8: 2.9 (2.5–3.2). */
  readonly carbonOnsetPotential_V: number;
  /** U_ox,NCM, onset on the NCM surface (V vs Li/Li⁺); parameters.md §8: 3.6–3.8, 3.7 used. */
  readonly ncmOnsetPotential_V: number;
  /** α_dec, anodic Tafel transfer coefficient (–); parameters.md §8: 0.5 (0.3–0.7). */
  readonly transferCoefficient: number;
  /** q*, passivation charge scale on carbon (C/m²); parameters.md §8: 20 (5–50). */
  readonly carbonPassivationCharge_C_per_m2: number;
  /** q*_N, passivation charge scale on NCM (C/m²); same value as q* (assumption). */
  readonly ncmPassivationCharge_C_per_m2: number;
  /**
   * q_zone: charge per carbon area after which the SE within electronic reach of the carbon is
   * used up, multiplying the carbon rate by max(0, 1 − q_C/q_zone) (C/m²). Default 29.0
   * (calibrated); `undefined` = the recommended law of parameters.md §8 with exp(−q/q*) only.
   */
  readonly carbonReactionZoneCharge_C_per_m2?: number | undefined;
  /**
   * f_re, re-activation of the carbon site (–): after the reaction zone is used up, the
   * decomposition products on carbon (S, P2Sx, polysulfides) stay redox-active and re-oxidise on
   * later charges (Tan et al., ACS Energy Lett. 2019, 4, 2418: reversible redox of Li6PS5Cl–C),
   * so the carbon rate keeps f_re · k_C F A exp[b(E − U)] exp(−q_C/q*): a passivating but never
   * switched-off reaction whose charge grows logarithmically over cycles (model.md §3).
   * Assumption-grade 1e-7 (range 1e-9–1e-5; no measurement; the report's sensitivity covers it).
   */
  readonly carbonReactivationFraction: number;
  /** Y, mol of oxidised intermediate formed per mol e⁻ passed on carbon (–); assumption 0.2. */
  readonly intermediateYield_mol_per_mol: number;
  /** k_d, first-order decay/consumption rate of the intermediates (1/s); assumption 1e-4. */
  readonly intermediateDecayRate_per_s: number;
  /** c_ref, intermediate concentration at half saturation of the catalysis (mol/m³ electrode). */
  readonly intermediateReferenceConcentration_mol_per_m3: number;
  /** γ, coupling factor of the catalysed NCM-surface oxidation (–); parameters.md §8: 1…3. */
  readonly couplingFactor: number;
  /** E_a, activation energy of k_C and k_N (J/mol); assumption 50 kJ/mol. */
  readonly activationEnergy_J_per_mol: number;
  /** σ_int, Li⁺ conductivity of the interphase on NCM (S/m); parameters.md §8.1: 1e-7. */
  readonly interphaseConductivity_S_per_m: number;
  /**
   * Activation energy of σ_int (J/mol). Default 38 600 (0.40 eV) — assumption-grade: Li⁺
   * conduction in the sulfide/phosphate decomposition products (Li3PS4-type glass, Li2S, LiCl
   * mixtures) has activation energies of about 0.3–0.6 eV; no measurement for this interphase.
   */
  readonly interphaseActivationEnergy_J_per_mol: number;
  /** V_m,int/n, product volume per mol e⁻ (m³/mol); parameters.md §8.1: 1.5e-5. */
  readonly productMolarVolumePerElectron_m3_per_mol: number;
  /** q_ox,SE, charge per mass of SE oxidised (C/kg); parameters.md §8: 499 mAh/g. */
  readonly seSpecificOxidationCharge_C_per_kg: number;
  /** ρ_SE, SE density (kg/m³); parameters.md §2: 1860. */
  readonly seDensity_kg_per_m3: number;
  /**
   * β_p, fraction of the product volume formed on carbon that blocks SE pathways on top of the
   * SE consumed (–). Assumption, range 0–1: the products (V_m,int/n = 1.5e-5 m³/mol e⁻) are
   * smaller than the SE they replace (F/(ρ_SE q_ox,SE) = 2.9e-5 m³/mol e⁻ at 499 mAh/g),
   * so they form inside the consumed SE volume, which already leaves the pathways (parameters.md
   * §8.1 "reduce φ_SE,eff by the product volume formed in the SE domain"): default 0; 1 counts
   * them again, as if pushed into neighbouring pathways.
   */
  readonly productBlockingFactor: number;
}

/** Overrides accepted by {@link resolveArgyroditeOxidationParameters}. */
export type ArgyroditeOxidationParameterOverrides = Partial<ArgyroditeOxidationParameters>;

/** 499 mAh/g in C/kg (1 mAh/g = 3600 C/kg). */
const Q_OX_SE_C_per_kg = 499 * 3600;

/**
 * Default parameters (25 °C reference for k_C and k_N).
 *
 * @remarks
 * - Carbon law (model.md §4 target 4, measured in the full-cell formation): the zone-limited form
 *   i_C ∝ exp(−q_C/q*)·max(0, 1 − q_C/q_zone) is the default. The recommended Tafel·exp(−q/q*)
 *   law alone passes only ≈ 0.05 % of the carbon charge below 3.2 V vs Li-In; the zone factor
 *   states that only the SE within reach of the carbon (the thin SE shell adjacent to carbon,
 *   parameters.md §8.1) can react. With it, 98 % (1 wt% SC) and 99 % (2 wt% SC) of the carbon
 *   charge pass below 3.2 V vs Li-In in the 0.05C formation (apps/reference-cell/CALIBRATION.md).
 * - `carbonReactionZoneCharge_C_per_m2` = 29.0 C/m² (8.1 mAh/m², inside q_dec,C 5–12 mAh/m² of
 *   parameters.md §8): model.md §4 target 3 at 3 wt% SC — full-cell bisection so that the
 *   formation side-reaction charge at 3 wt% minus that at 0 wt% equals the target increment of
 *   the irreversible capacity (apps/reference-cell/src/calibration). ≈ 8.6 nm of SE shell.
 * - `carbonRateConstant_mol_per_m2_s` = 1e-13 mol/(m² s): no literature range ("calibrate");
 *   chosen large enough that the zone is used up below 3.2 V vs Li-In (target 4) and no longer
 *   a fit parameter (the carbon charge is then set by q_zone): 1e-15 moves half the charge above
 *   3.2 V, 1e-13 and larger give ≥ 97 %. i_C at the onset 2.9 V is 1e-8 A/m² of carbon.
 * - `ncmRateConstant_mol_per_m2_s` = 4.732e-13 mol/(m² s): NOT a calibration target. Chosen
 *   (with {@link calibrateNcmRateConstant}) so that without carbon the same first charge passes
 *   10 C/m² of NCM|SE contact area, i.e. a ≈ 1.5 nm film (R_film ≈ 0.016 Ω m² of contact area)
 *   and ≈ 0.1 mAh/g_NCM at 90 wt% NCM — a modest contribution to the measured 26.3 mAh/g
 *   (assumption).
 * - `activationEnergy_J_per_mol` = 50 kJ/mol: assumption, middle of the 30–60 kJ/mol
 *   interfacial-reaction range of parameters.md §7.2; no measured value for Li6PS5Cl oxidation.
 * - Intermediate yield, decay rate and c_ref: assumptions (no measurement); γ = 2 is the middle
 *   of parameters.md §8's 1…3.
 */
export const DEFAULT_ARGYRODITE_OXIDATION_PARAMETERS: ArgyroditeOxidationParameters = {
  carbonRateConstant_mol_per_m2_s: 1e-13,
  carbonReactionZoneCharge_C_per_m2: 29.0,
  ncmRateConstant_mol_per_m2_s: 4.732e-13,
  carbonOnsetPotential_V: 2.9,
  ncmOnsetPotential_V: 3.7,
  transferCoefficient: 0.5,
  carbonPassivationCharge_C_per_m2: 20,
  ncmPassivationCharge_C_per_m2: 20,
  carbonReactivationFraction: 1e-7,
  intermediateYield_mol_per_mol: 0.2,
  intermediateDecayRate_per_s: 1e-4,
  intermediateReferenceConcentration_mol_per_m3: 50,
  couplingFactor: 2,
  activationEnergy_J_per_mol: 50_000,
  interphaseConductivity_S_per_m: 1e-7,
  interphaseActivationEnergy_J_per_mol: 38_600,
  productMolarVolumePerElectron_m3_per_mol: 1.5e-5,
  seSpecificOxidationCharge_C_per_kg: Q_OX_SE_C_per_kg,
  seDensity_kg_per_m3: 1860,
  productBlockingFactor: 0,
};

/** Validation schema of the overrides: physical bounds (wider than the recommended ranges). */
export const argyroditeOxidationParametersSchema = z
  .object({
    carbonRateConstant_mol_per_m2_s: boundedNumber({ min: 0, max: 1e-2, unit: 'mol/(m² s)' }),
    ncmRateConstant_mol_per_m2_s: boundedNumber({ min: 0, max: 1e-2, unit: 'mol/(m² s)' }),
    carbonReactivationFraction: boundedNumber({ min: 0, max: 1, unit: '' }),
    carbonOnsetPotential_V: boundedNumber({ min: 1.5, max: 5, unit: 'V vs Li/Li+' }),
    ncmOnsetPotential_V: boundedNumber({ min: 1.5, max: 5, unit: 'V vs Li/Li+' }),
    transferCoefficient: boundedNumber({ min: 0.1, max: 0.9, unit: '' }),
    carbonPassivationCharge_C_per_m2: boundedNumber({
      min: 0,
      max: 1e4,
      minExclusive: true,
      unit: 'C/m²',
    }),
    ncmPassivationCharge_C_per_m2: boundedNumber({
      min: 0,
      max: 1e4,
      minExclusive: true,
      unit: 'C/m²',
    }),
    carbonReactionZoneCharge_C_per_m2: boundedNumber({
      min: 0,
      max: 1e5,
      minExclusive: true,
      unit: 'C/m²',
    }).optional(),
    intermediateYield_mol_per_mol: boundedNumber({ min: 0, max: 1, unit: 'mol/mol e⁻' }),
    intermediateDecayRate_per_s: boundedNumber({ min: 0, max: 1, unit: '1/s' }),
    intermediateReferenceConcentration_mol_per_m3: boundedNumber({
      min: 0,
      max: 1e5,
      minExclusive: true,
      unit: 'mol/m³',
    }),
    couplingFactor: boundedNumber({ min: 0, max: 3, unit: '' }),
    activationEnergy_J_per_mol: boundedNumber({ min: 0, max: 2e5, unit: 'J/mol' }),
    interphaseConductivity_S_per_m: boundedNumber({ min: 1e-12, max: 1, unit: 'S/m' }),
    interphaseActivationEnergy_J_per_mol: boundedNumber({ min: 0, max: 2e5, unit: 'J/mol' }),
    productMolarVolumePerElectron_m3_per_mol: boundedNumber({
      min: 1e-6,
      max: 1e-4,
      unit: 'm³/mol',
    }),
    seSpecificOxidationCharge_C_per_kg: boundedNumber({ min: 3.6e5, max: 1e7, unit: 'C/kg' }),
    seDensity_kg_per_m3: boundedNumber({ min: 1000, max: 3000, unit: 'kg/m³' }),
    productBlockingFactor: boundedNumber({ min: 0, max: 5, unit: '' }),
  })
  .partial()
  .strict();

/**
 * Defaults merged with validated overrides.
 *
 * @throws SolidCellError `E_INVALID_INPUT` naming the field (e.g.
 * `argyroditeOxidation.couplingFactor`), the value and the allowed range, also for unknown fields.
 */
export function resolveArgyroditeOxidationParameters(
  overrides: ArgyroditeOxidationParameterOverrides = {},
  root = 'argyroditeOxidation',
): ArgyroditeOxidationParameters {
  const parsed = parseInput(argyroditeOxidationParametersSchema, overrides, root);
  const merged: Record<string, unknown> = { ...DEFAULT_ARGYRODITE_OXIDATION_PARAMETERS };
  for (const [key, value] of Object.entries(parsed)) {
    if (value !== undefined) merged[key] = value;
  }
  // An explicit `carbonReactionZoneCharge_C_per_m2: undefined` selects the recommended law of
  // parameters.md §8 (no reaction-zone limit).
  if ('carbonReactionZoneCharge_C_per_m2' in overrides) {
    merged.carbonReactionZoneCharge_C_per_m2 = parsed.carbonReactionZoneCharge_C_per_m2;
  }
  return merged as unknown as ArgyroditeOxidationParameters;
}
