// The SideReaction contract: parasitic reactions with their own areas, rate laws and state (M5–M7).
import type { ServiceIdentifier } from 'inversify';
import type { MicrostructureDescriptors } from './Microstructure.js';

/** Interfaces a side reaction can live on. */
export type SideReactionSite = 'carbon|electrolyte' | 'ncm|electrolyte';

/** One state variable carried by a side reaction at every electrode node. */
export interface SideReactionStateVariable {
  /** Name with unit suffix, e.g. `passivationCharge_C_per_m2`. */
  readonly name: string;
  /** Initial value. */
  readonly initial: number;
  /** Lower bound the integrator must respect (e.g. 0 for a film thickness). */
  readonly minimum?: number;
}

/** Local conditions at one electrode node. */
export interface SideReactionConditions {
  /** Electronic minus ionic potential φ_s − φ_e, i.e. electrode potential vs Li/Li⁺ (V). */
  readonly electrodePotential_V: number;
  /** Temperature (K). */
  readonly temperature_K: number;
  /** Descriptors of the local microstructure (areas, three-phase contact). */
  readonly descriptors: MicrostructureDescriptors;
}

/** What a side reaction reports at one node; the cell sums over reactions. */
export interface SideReactionRates {
  /** Faradaic current per electrode volume into this reaction (A/m³, anodic > 0). */
  readonly volumetricCurrent_A_per_m3: number;
  /** d(state)/dt for each state variable, in the order of `stateVariables`. */
  readonly stateRates: readonly number[];
  /**
   * Optional split of `volumetricCurrent_A_per_m3` by interface (A/m³, anodic > 0), for
   * reporting which site the side-reaction charge passed on; the parts sum to the total.
   */
  readonly siteCurrents_A_per_m3?: Readonly<Partial<Record<SideReactionSite, number>>>;
}

/** Effects of accumulated side-reaction state on the cell. */
export interface SideReactionEffects {
  /** Area-specific resistance of the interphase on the active material (Ω m²), ≥ 0. */
  readonly activeMaterialFilmResistance_ohm_m2: number;
  /** Electrode volume fraction of SE consumed or blocked (0 ≤ Δφ ≤ initial φ_SE). */
  readonly seVolumeFractionLost: number;
}

/**
 * A parasitic reaction (or a coupled set of them) inside the composite electrode.
 *
 * @remarks
 * Lifecycle: singleton, pure methods; the cell engine owns the state vectors, integrates
 * `stateRates` with the same implicit integrator as the rest of the cell, and tracks the
 * charge passed into every side reaction separately, so irreversible capacity is an output.
 * Multi-binding: 0..n per cell.
 * @see shared/physics/model.md, M5–M7.
 */
export interface SideReaction {
  /** Stable id, e.g. `"argyrodite-oxidation"`. */
  readonly id: string;
  /** Sites this reaction acts on (documentation and area bookkeeping). */
  readonly sites: readonly SideReactionSite[];
  /** Per-node state variables (may be empty). */
  readonly stateVariables: readonly SideReactionStateVariable[];
  /** Rates at one node for the given state. */
  rates(conditions: SideReactionConditions, state: readonly number[]): SideReactionRates;
  /** Effects of the state at one node on transport and kinetics. */
  effects(conditions: SideReactionConditions, state: readonly number[]): SideReactionEffects;
}

/** Service identifier of {@link SideReaction} (multi-binding: 0..n per cell). */
export const SideReaction: ServiceIdentifier<SideReaction> = Symbol.for(
  '@solidcell/core/SideReaction',
);
