// Area-specific rate laws of SE oxidation (parameters.md §8 recommended law): Tafel activation,
// Arrhenius temperature dependence, self-passivation by the accumulated charge, the
// intermediate catalysis of the NCM-surface reaction, and the exact/implicit update of a
// passivating charge over a step.
import {
  FARADAY_C_per_mol,
  GAS_CONSTANT_J_per_mol_K,
  REFERENCE_TEMPERATURE_K,
} from '@solidcell/core';
import type { ArgyroditeOxidationParameters } from './parameters.js';

/** Largest Tafel exponent evaluated; keeps every rate finite for any admissible input. */
export const MAX_TAFEL_EXPONENT = 500;

/** Arrhenius factor exp[−(E_a/R)(1/T − 1/298.15 K)] (–). */
export function arrheniusFactor(activationEnergy_J_per_mol: number, temperature_K: number): number {
  return Math.exp(
    -(activationEnergy_J_per_mol / GAS_CONSTANT_J_per_mol_K) *
      (1 / temperature_K - 1 / REFERENCE_TEMPERATURE_K),
  );
}

/** Tafel coefficient b = α F/(R T) (1/V). */
export function tafelCoefficient_per_V(transferCoefficient: number, temperature_K: number): number {
  return (transferCoefficient * FARADAY_C_per_mol) / (GAS_CONSTANT_J_per_mol_K * temperature_K);
}

/** Which interface a rate law acts on. */
export type OxidationSite = 'carbon' | 'ncm';

/** The per-area kinetic constants of one site at one temperature. */
export interface SiteKinetics {
  /** k F × Arrhenius factor (A/m²): current density at the onset potential, no passivation. */
  readonly onsetCurrentDensity_A_per_m2: number;
  /** Onset potential U_ox (V vs Li/Li⁺). */
  readonly onsetPotential_V: number;
  /** b = αF/(RT) (1/V). */
  readonly tafel_per_V: number;
  /** Passivation charge scale q* (C/m²). */
  readonly passivationCharge_C_per_m2: number;
  /** Reaction-zone charge q_zone (C/m²); Infinity when the zone limit is off. */
  readonly zoneCharge_C_per_m2: number;
}

/** Kinetic constants of a site at a temperature. */
export function siteKinetics(
  parameters: ArgyroditeOxidationParameters,
  site: OxidationSite,
  temperature_K: number,
): SiteKinetics {
  const carbon = site === 'carbon';
  const k = carbon
    ? parameters.carbonRateConstant_mol_per_m2_s
    : parameters.ncmRateConstant_mol_per_m2_s;
  return {
    onsetCurrentDensity_A_per_m2:
      k * FARADAY_C_per_mol * arrheniusFactor(parameters.activationEnergy_J_per_mol, temperature_K),
    onsetPotential_V: carbon ? parameters.carbonOnsetPotential_V : parameters.ncmOnsetPotential_V,
    tafel_per_V: tafelCoefficient_per_V(parameters.transferCoefficient, temperature_K),
    passivationCharge_C_per_m2: carbon
      ? parameters.carbonPassivationCharge_C_per_m2
      : parameters.ncmPassivationCharge_C_per_m2,
    zoneCharge_C_per_m2: carbon
      ? (parameters.carbonReactionZoneCharge_C_per_m2 ?? Number.POSITIVE_INFINITY)
      : Number.POSITIVE_INFINITY,
  };
}

/** Activation current density k F exp[b(E − U)] (A/m²), without passivation. */
export function activationCurrentDensity_A_per_m2(
  kinetics: SiteKinetics,
  potential_V: number,
): number {
  const exponent = Math.min(
    MAX_TAFEL_EXPONENT,
    kinetics.tafel_per_V * (potential_V - kinetics.onsetPotential_V),
  );
  return kinetics.onsetCurrentDensity_A_per_m2 * Math.exp(exponent);
}

/** Passivation factor exp(−q/q*)·max(0, 1 − q/q_zone) (–), in [0, 1] for q ≥ 0. */
export function passivationFactor(kinetics: SiteKinetics, charge_C_per_m2: number): number {
  const q = Math.max(0, charge_C_per_m2);
  const zone = Math.max(0, 1 - q / kinetics.zoneCharge_C_per_m2);
  return Math.exp(-q / kinetics.passivationCharge_C_per_m2) * zone;
}

/** i = k F exp[b(E − U)] · exp(−q/q*) (· zone factor) (A/m², anodic ≥ 0). */
export function oxidationCurrentDensity_A_per_m2(
  kinetics: SiteKinetics,
  potential_V: number,
  charge_C_per_m2: number,
): number {
  return (
    activationCurrentDensity_A_per_m2(kinetics, potential_V) *
    passivationFactor(kinetics, charge_C_per_m2)
  );
}

/**
 * Catalysis of the NCM-surface oxidation by carbon-born intermediates:
 * 1 + γ θ_3ph c/(c + c_ref) (–), between 1 and 1 + γ.
 */
export function intermediateEnhancement(
  parameters: ArgyroditeOxidationParameters,
  threePhaseFraction: number,
  intermediate_mol_per_m3: number,
): number {
  const c = Math.max(0, intermediate_mol_per_m3);
  const theta = Math.min(1, Math.max(0, threePhaseFraction));
  return (
    1 +
    (parameters.couplingFactor * theta * c) /
      (c + parameters.intermediateReferenceConcentration_mol_per_m3)
  );
}

/**
 * ∫ k F exp[b(E(t) − U)] dt over a step with E linear from `startPotential_V` to
 * `endPotential_V` (C/m²), exact.
 */
export function activationChargeOverStep_C_per_m2(
  kinetics: SiteKinetics,
  startPotential_V: number,
  endPotential_V: number,
  duration_s: number,
): number {
  const x = kinetics.tafel_per_V * (endPotential_V - startPotential_V);
  const start = activationCurrentDensity_A_per_m2(kinetics, startPotential_V);
  const end = activationCurrentDensity_A_per_m2(kinetics, endPotential_V);
  if (Math.abs(x) < 1e-8) return 0.5 * (start + end) * duration_s;
  // (end − start)/x written so that neither large nor small x loses precision.
  return x > 0
    ? (end * -Math.expm1(-x) * duration_s) / x
    : (start * Math.expm1(x) * duration_s) / x;
}

const MAX_ZONE_SUBSTEPS = 2000;

/**
 * Advances a passivating charge over one step, given the activation charge `R` of the step
 * (from {@link activationChargeOverStep_C_per_m2}) times an availability factor.
 *
 * @remarks
 * dq/dt = r(t)·exp(−q/q*) is separable: exp(q/q*) grows by R/q* exactly, so without the zone
 * limit the update q₁ = q₀ + q* ln(1 + R e^{−q₀/q*}/q*) is exact for any step. With the zone
 * factor (1 − q/q_zone) the step is split into substeps (Δq ≲ q* / 100) solved backward-Euler
 * (implicit, unconditionally stable, monotone, never beyond q_zone). Returns q₁ ≥ q₀.
 */
export function advancePassivatingCharge_C_per_m2(
  kinetics: SiteKinetics,
  charge_C_per_m2: number,
  activationCharge_C_per_m2: number,
): number {
  const q0 = Math.max(0, charge_C_per_m2);
  const r = Math.max(0, activationCharge_C_per_m2);
  if (r === 0) return q0;
  const qStar = kinetics.passivationCharge_C_per_m2;
  if (!Number.isFinite(kinetics.zoneCharge_C_per_m2)) {
    return q0 + qStar * Math.log1p((r * Math.exp(-q0 / qStar)) / qStar);
  }
  const qZone = kinetics.zoneCharge_C_per_m2;
  if (q0 >= qZone) return q0;
  const estimate = r * passivationFactor(kinetics, q0);
  const substeps = Math.min(MAX_ZONE_SUBSTEPS, Math.max(1, Math.ceil(estimate / (qStar / 100))));
  const rSub = r / substeps;
  let q = q0;
  for (let n = 0; n < substeps; n++) q = implicitZoneStep(kinetics, q, rSub);
  return q;
}

/**
 * Solves q = q₀ + R·g(q) with g = passivationFactor (decreasing in q): safeguarded Newton in the
 * bracket [q₀, q₀ + R g(q₀)], where the residual changes sign.
 */
function implicitZoneStep(kinetics: SiteKinetics, q0: number, r: number): number {
  const qStar = kinetics.passivationCharge_C_per_m2;
  const qZone = kinetics.zoneCharge_C_per_m2;
  let lo = q0;
  let hi = Math.min(q0 + r * passivationFactor(kinetics, q0), qZone);
  let q = lo;
  for (let iteration = 0; iteration < 100; iteration++) {
    const g = passivationFactor(kinetics, q);
    const residual = q - q0 - r * g;
    if (Math.abs(residual) <= 1e-14 * Math.max(1, q)) return q;
    if (residual > 0) hi = q;
    else lo = q;
    const slope = q < qZone ? g / qStar + Math.exp(-q / qStar) / qZone : 0;
    let next = q - residual / (1 + r * slope);
    if (!(next > lo && next < hi)) next = 0.5 * (lo + hi);
    if (hi - lo <= 1e-14 * Math.max(1, hi)) return next;
    q = next;
  }
  return q;
}
