// The ChargeTransfer contract: open-circuit potential, interface kinetics and solid diffusion of
// the active material at the active-material|SE interface (M4).
import type { ServiceIdentifier } from 'inversify';

/** Local state at the active-material|SE interface. */
export interface InterfaceConditions {
  /** Li site fraction at the particle surface, x_Li (0–1; 1 = lithiated). */
  readonly surfaceLithiation: number;
  /** Temperature (K). */
  readonly temperature_K: number;
  /** Area-specific resistance of any interphase film on the particle (Ω m²), ≥ 0. */
  readonly filmResistance_ohm_m2?: number;
}

/**
 * Interface kinetics and thermodynamics of the active material.
 *
 * @remarks
 * Sign convention: current density is positive when the particle is *delithiated*
 * (anodic, charging the positive electrode). Overpotential η = φ_s − φ_e − U(x_surf) − j R_film.
 * All potentials vs Li/Li⁺. Lifecycle: singleton, pure methods; exactly one per cell.
 * @see shared/physics/model.md, M4 and §3 "Butler–Volmer".
 */
export interface ChargeTransfer {
  /** Stable id, e.g. `"ncm-charge-transfer"`. */
  readonly id: string;
  /** Id of the {@link ActiveMaterial} whose kinetics this describes. */
  readonly activeMaterialId: string;
  /** Lithiation window of the practical capacity: x_Li when discharged and when charged. */
  readonly lithiationWindow: { readonly discharged: number; readonly charged: number };
  /** Open-circuit potential vs Li/Li⁺ (V) at a surface lithiation. */
  openCircuitPotential_V(lithiation: number, temperature_K: number): number;
  /** d U / d x_Li (V) — used for Jacobians. */
  openCircuitPotentialSlope_V(lithiation: number, temperature_K: number): number;
  /** Exchange current density i₀ (A/m² of contact area). */
  exchangeCurrentDensity_A_per_m2(conditions: InterfaceConditions): number;
  /**
   * Charge-transfer current density j (A/m², anodic > 0) for the overpotential η_total =
   * φ_s − φ_e − U, solving the film-resistance implicit relation j = BV(η_total − j R_film).
   */
  currentDensity_A_per_m2(totalOverpotential_V: number, conditions: InterfaceConditions): number;
  /**
   * Optional: d j / d η_total (A/(m² V)) at the same point as {@link currentDensity_A_per_m2},
   * including the film resistance, i.e. BV'(η_ct) / (1 + R_film · BV'(η_ct)); > 0. For Newton
   * Jacobians; when absent, differentiate `currentDensity_A_per_m2` numerically.
   */
  currentDensitySlope_A_per_m2_V?(
    totalOverpotential_V: number,
    conditions: InterfaceConditions,
  ): number;
  /** Solid-state Li diffusion coefficient (m²/s) at a lithiation. */
  solidDiffusivity_m2_per_s(lithiation: number, temperature_K: number): number;
}

/** Service identifier of {@link ChargeTransfer} (single binding). */
export const ChargeTransfer: ServiceIdentifier<ChargeTransfer> = Symbol.for(
  '@solidcell/core/ChargeTransfer',
);
