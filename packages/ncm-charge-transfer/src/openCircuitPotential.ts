// Open-circuit potential of NCM811: the Chen et al. 2020 NMC811 fit, mapped from its own
// stoichiometry onto the practical 200 mAh/g window (shared/physics/parameters.md §7.1).
import { invalidInput } from '@solidcell/core';

/**
 * Chen 2020 stoichiometry at θ = 0 (0 % SOC, discharged). Chen, Planella, O'Regan, Gastol,
 * Widanage, Kendrick, J. Electrochem. Soc. 2020, 167, 080534 (DOI 10.1149/1945-7111/ab9050).
 */
export const CHEN2020_STOICHIOMETRY_DISCHARGED = 0.9084;
/** Chen 2020 stoichiometry span from 0 % to 100 % SOC (θ = 0 → 1): s = 0.9084 − 0.6423 θ. */
export const CHEN2020_STOICHIOMETRY_SPAN = 0.6423;

/**
 * Chen 2020 NMC811 OCP fit U(s) (V vs Li/Li⁺) in the fit's own stoichiometry s.
 *
 * @remarks
 * U(s) = −0.8090 s + 4.4875 − 0.0428 tanh(18.5138 (s − 0.5542)) − 17.7326 tanh(15.7890 (s − 0.3117))
 * + 17.5842 tanh(15.9308 (s − 0.3120)). Smooth, finite and strictly decreasing for every real s
 * (dU/ds ≤ −0.342 V, attained near s = 0.327).
 */
export function chen2020Nmc811Ocp_V(stoichiometry: number): number {
  const s = stoichiometry;
  return (
    -0.809 * s +
    4.4875 -
    0.0428 * Math.tanh(18.5138 * (s - 0.5542)) -
    17.7326 * Math.tanh(15.789 * (s - 0.3117)) +
    17.5842 * Math.tanh(15.9308 * (s - 0.312))
  );
}

function sech2(value: number): number {
  const c = Math.cosh(value);
  return Number.isFinite(c) ? 1 / (c * c) : 0;
}

/** Analytic derivative dU/ds (V) of {@link chen2020Nmc811Ocp_V}. */
export function chen2020Nmc811OcpSlope_V(stoichiometry: number): number {
  const s = stoichiometry;
  return (
    -0.809 -
    0.0428 * 18.5138 * sech2(18.5138 * (s - 0.5542)) -
    17.7326 * 15.789 * sech2(15.789 * (s - 0.3117)) +
    17.5842 * 15.9308 * sech2(15.9308 * (s - 0.312))
  );
}

/** Capacities that map lithiation onto the OCP window. */
export interface OcpWindowCapacities {
  /** Theoretical capacity Q_th (C/kg), one Li per formula unit. */
  readonly theoreticalCapacity_C_per_kg: number;
  /** Practical capacity Q_prac (C/kg) that spans θ = 0 … 1. */
  readonly referenceCapacity_C_per_kg: number;
}

/** State of charge θ of the practical window for a lithiation: θ = (1 − x_Li) Q_th / Q_prac. */
export function stateOfChargeFromLithiation(
  lithiation: number,
  window: OcpWindowCapacities,
): number {
  return (
    ((1 - lithiation) * window.theoreticalCapacity_C_per_kg) / window.referenceCapacity_C_per_kg
  );
}

/** Lithiation for a state of charge θ of the practical window: x_Li = 1 − θ Q_prac / Q_th. */
export function lithiationFromStateOfCharge(
  stateOfCharge: number,
  window: OcpWindowCapacities,
): number {
  return (
    1 - (stateOfCharge * window.referenceCapacity_C_per_kg) / window.theoreticalCapacity_C_per_kg
  );
}

function assertFinite(field: string, value: number): void {
  if (!Number.isFinite(value)) invalidInput(field, value, 'a finite number');
}

/**
 * NCM811 open-circuit potential U(x_Li) (V vs Li/Li⁺).
 *
 * @remarks
 * x_Li → θ = (1 − x_Li) Q_th/Q_prac → s = 0.9084 − 0.6423 θ → Chen 2020 U(s) (parameters.md §7.1).
 * Outside the practical window (x_Li > 1 or below the charged limit) the same analytic expression
 * is continued: it stays smooth, finite and strictly decreasing in x_Li, but it is a numerical
 * extension, not data (the fit lacks the steep drop below ~3.5 V at x_Li → 1, §7.1 note i).
 * No temperature dependence (dU/dT = 0, §7).
 * @throws SolidCellError `E_INVALID_INPUT` for a non-finite lithiation.
 */
export function ncm811OpenCircuitPotential_V(
  lithiation: number,
  window: OcpWindowCapacities,
): number {
  assertFinite('lithiation', lithiation);
  const theta = stateOfChargeFromLithiation(lithiation, window);
  return chen2020Nmc811Ocp_V(
    CHEN2020_STOICHIOMETRY_DISCHARGED - CHEN2020_STOICHIOMETRY_SPAN * theta,
  );
}

/**
 * Analytic dU/dx_Li (V) of {@link ncm811OpenCircuitPotential_V}; < 0 everywhere.
 *
 * @throws SolidCellError `E_INVALID_INPUT` for a non-finite lithiation.
 */
export function ncm811OpenCircuitPotentialSlope_V(
  lithiation: number,
  window: OcpWindowCapacities,
): number {
  assertFinite('lithiation', lithiation);
  const theta = stateOfChargeFromLithiation(lithiation, window);
  const dThetaDx = -window.theoreticalCapacity_C_per_kg / window.referenceCapacity_C_per_kg;
  const dSDTheta = -CHEN2020_STOICHIOMETRY_SPAN;
  return (
    chen2020Nmc811OcpSlope_V(
      CHEN2020_STOICHIOMETRY_DISCHARGED - CHEN2020_STOICHIOMETRY_SPAN * theta,
    ) *
    dSDTheta *
    dThetaDx
  );
}
