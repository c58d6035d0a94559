// The coupled argyrodite (Li6PS5Cl) oxidation reaction set (model.md M5–M7) as a core
// SideReaction: SE oxidation on carbon|SE producing intermediates, intermediate-catalysed SE
// oxidation on NCM|SE, interphase film on NCM and SE consumption/blocking, per-node state.
import {
  type CarbonAdditive,
  FARADAY_C_per_mol,
  invalidInput,
  type MicrostructureDescriptors,
  type SideReaction,
  type SideReactionConditions,
  type SideReactionEffects,
  type SideReactionRates,
  type SideReactionSite,
  type SideReactionStateVariable,
  SolidCellError,
} from '@solidcell/core';
import { assertUsableCarbon, referenceCarbonAdditive } from './carbon.js';
import {
  activationCurrentDensity_A_per_m2,
  arrheniusFactor,
  intermediateEnhancement,
  oxidationCurrentDensity_A_per_m2,
  type SiteKinetics,
  siteKinetics,
} from './kinetics.js';
import {
  type ArgyroditeOxidationParameterOverrides,
  type ArgyroditeOxidationParameters,
  resolveArgyroditeOxidationParameters,
} from './parameters.js';
import { type ReactiveAreas, reactiveAreas } from './reactiveAreas.js';

/** Plugin/reaction id. */
export const ARGYRODITE_OXIDATION_ID = 'argyrodite-oxidation';

/** Index of each state variable in the state vector. */
export const ARGYRODITE_OXIDATION_STATE = {
  /** q_C: charge passed per carbon BET area in contact with SE (C/m²). */
  carbonCharge: 0,
  /** c_int: oxidised-intermediate concentration (mol per m³ of electrode). */
  intermediate: 1,
  /** q_N: charge passed per NCM|SE area (C/m²). */
  ncmCharge: 2,
} as const;

/** Options of {@link ArgyroditeOxidation}. */
export interface ArgyroditeOxidationOptions {
  /** Parameter overrides (validated), merged with the defaults. */
  readonly parameters?: ArgyroditeOxidationParameterOverrides;
  /**
   * Carbon additive whose density and BET area set the reacting carbon area; `null` for an
   * electrode without carbon (no carbon|SE area). Default when constructed directly: the
   * reference SC; the plugin passes the cell's own carbon from the container.
   */
  readonly carbon?: CarbonAdditive | null;
}

/** Derived quantities of one node state (for outputs and tests). */
export interface ArgyroditeOxidationStateSummary {
  /** Total side-reaction charge passed per electrode volume, a_C q_C + a_N q_N (C/m³). */
  readonly charge_C_per_m3: number;
  /** Electrode volume fraction of SE consumed by oxidation (–), before clamping. */
  readonly seFractionConsumed: number;
  /**
   * Part of the consumed SE that belonged to Li⁺ pathways (–): all SE consumed on NCM|SE plus
   * the fraction β (carbon inside SE pathways) of the SE shell consumed on carbon.
   */
  readonly seFractionConsumedInPathways: number;
  /** Electrode volume fraction of SE pathway blocked by products on carbon, β β_p V_prod (–). */
  readonly seFractionBlocked: number;
  /** Remaining reactive SE, 1 − consumed/initial, in [0, 1] (–). */
  readonly seAvailability: number;
  /**
   * Remaining SE at the NCM|SE interface, 1 − (SE consumed in Li⁺ pathways)/initial, in [0, 1]
   * (–): SE consumption is local (model.md §3): the SE shell oxidised on carbon slows the NCM site
   * only in the fraction β of carbon that sits inside the SE pathways next to the NCM.
   */
  readonly ncmSiteSeAvailability: number;
  /** Interphase film thickness on NCM, δ = q_N (V_m/n)/F (m). */
  readonly filmThickness_m: number;
}

const STATE_VARIABLES: readonly SideReactionStateVariable[] = [
  { name: 'carbonOxidationCharge_C_per_m2', initial: 0, minimum: 0 },
  { name: 'intermediateConcentration_mol_per_m3', initial: 0, minimum: 0 },
  { name: 'ncmOxidationCharge_C_per_m2', initial: 0, minimum: 0 },
];

/**
 * SE (Li6PS5Cl) oxidation coupled across the carbon|SE and NCM|SE interfaces.
 *
 * @remarks
 * Per node, with E = φ_s − φ_e (V vs Li/Li⁺), T (K), state [q_C, c_int, q_N]:
 * - carbon: i_C = s·k_C F A(T) exp[αF(E − U_ox,C)/RT] exp(−q_C/q*)·(Z + f_re) (A/m² carbon BET
 *   area in contact with SE; zone factor Z = max(0, 1 − q_C/q_zone), or 1 without a zone; f_re
 *   the re-activation of the redox-active products on later charges);
 * - NCM: i_N = s·k_N F A(T) exp[αF(E − U_ox,NCM)/RT] exp(−q_N/q*_N)·(1 + γ θ_3ph c/(c + c_ref));
 * - dq_C/dt = i_C, dq_N/dt = i_N, dc/dt = Y a_C i_C/F − k_d c;
 * - volumetric current a_C i_C + a_N i_N (A/m³), all irreversible;
 * - A(T) = exp[−(E_a/R)(1/T − 1/298.15)]; s the remaining reactive SE next to each site (local
 *   consumption, model.md §3): carbon s_C = max(0, 1 − φ_consumed/φ_SE,0) with
 *   φ_consumed = (a_C q_C + a_N q_N)/(q_ox,SE ρ_SE), NCM s_N = max(0, 1 − φ_cons,pathways/φ_SE,0) with
 *   φ_cons,pathways = (a_N q_N + β a_C q_C)/(q_ox,SE ρ_SE): the carbon's shell takes pathway SE
 *   only where carbon sits in the SE domain.
 * Effects: R_film = q_N (V_m/n)/(F σ_int A_int(T)) (Ω m² of NCM|SE area); SE fraction lost from the
 * Li⁺ pathways = min(φ_SE,0, φ_cons,N + β (φ_cons,C + β_p a_C q_C (V_m/n)/F)), with β the
 * fraction of carbon inside SE pathways (descriptors `carbonInSeDomainFraction`): the SE consumed
 * on carbon is the thin shell (≈ 9 nm at 29 C/m²) wetting the carbon BET surface, so it and its
 * products (smaller than the SE they replace) sit where the carbon sits, and only the carbon
 * inside SE pathways takes pathway SE with it (parameters.md §8.1 "accept in the thin SE shell
 * adjacent to carbon"; "blocking of SE pathways by products on carbon").
 * Reacting areas from {@link reactiveAreas}. The descriptors passed in the conditions must be
 * those of the as-built microstructure (the SE loss is carried by the state).
 * @see shared/physics/model.md M5–M7; parameters.md §8, §8.1.
 */
export class ArgyroditeOxidation implements SideReaction {
  public readonly id: string = ARGYRODITE_OXIDATION_ID;
  public readonly sites: readonly SideReactionSite[] = ['carbon|electrolyte', 'ncm|electrolyte'];
  public readonly stateVariables: readonly SideReactionStateVariable[] = STATE_VARIABLES;
  /** The resolved parameters. */
  public readonly parameters: ArgyroditeOxidationParameters;
  /** The carbon additive whose BET area reacts (undefined: no carbon in the electrode). */
  public readonly carbon: CarbonAdditive | undefined;

  // Per-call inputs that are constant over a simulation (the time loop calls rates/effects for
  // every node and Newton iteration): the areas of the last descriptors, the last kinetics.
  private areasFor: MicrostructureDescriptors | undefined;
  private lastAreas: ReactiveAreas | undefined;
  private kineticsFor = Number.NaN;
  private lastKinetics: { carbon: SiteKinetics; ncm: SiteKinetics } | undefined;

  public constructor(options: ArgyroditeOxidationOptions = {}) {
    this.parameters = resolveArgyroditeOxidationParameters(options.parameters ?? {});
    this.carbon =
      options.carbon === null
        ? undefined
        : (options.carbon ?? referenceCarbonAdditive('spherical'));
    if (this.carbon !== undefined) assertUsableCarbon(this.carbon);
  }

  /** Reacting areas at a node (see {@link reactiveAreas}); remembered per descriptors object. */
  public areas(conditions: SideReactionConditions): ReactiveAreas {
    if (conditions.descriptors !== this.areasFor) {
      this.areasFor = conditions.descriptors;
      this.lastAreas = reactiveAreas(conditions.descriptors, this.carbon);
    }
    return this.lastAreas!;
  }

  /** Carbon and NCM site kinetics at a temperature; remembered for the last temperature. */
  private kinetics(temperature_K: number): { carbon: SiteKinetics; ncm: SiteKinetics } {
    if (temperature_K !== this.kineticsFor) {
      this.kineticsFor = temperature_K;
      this.lastKinetics = {
        carbon: siteKinetics(this.parameters, 'carbon', temperature_K),
        ncm: siteKinetics(this.parameters, 'ncm', temperature_K),
      };
    }
    return this.lastKinetics!;
  }

  public rates(conditions: SideReactionConditions, state: readonly number[]): SideReactionRates {
    assertConditions(conditions);
    assertStateLength(state);
    const qC = stateValue(state, 0);
    const c = stateValue(state, 1);
    const qN = stateValue(state, 2);
    const p = this.parameters;
    const areas = this.areas(conditions);
    const summary = this.summaryFor(areas, qC, qN);
    const E = conditions.electrodePotential_V;
    const kinetics = this.kinetics(conditions.temperature_K);
    // Each site consumes the SE next to it: the carbon site its shell (zone factor) within the
    // electrode's SE, the NCM site the SE at the NCM surface.
    const iC =
      summary.seAvailability *
      (oxidationCurrentDensity_A_per_m2(kinetics.carbon, E, qC) +
        p.carbonReactivationFraction *
          activationCurrentDensity_A_per_m2(kinetics.carbon, E) *
          Math.exp(-qC / kinetics.carbon.passivationCharge_C_per_m2));
    const iN =
      summary.ncmSiteSeAvailability *
      oxidationCurrentDensity_A_per_m2(kinetics.ncm, E, qN) *
      intermediateEnhancement(p, areas.threePhaseFraction, c);
    const carbonCurrent = areas.carbonReactiveArea_m2_per_m3 * iC;
    const ncmCurrent = areas.ncmSeArea_m2_per_m3 * iN;
    const production = (p.intermediateYield_mol_per_mol * carbonCurrent) / FARADAY_C_per_mol;
    return {
      volumetricCurrent_A_per_m3: carbonCurrent + ncmCurrent,
      stateRates: [iC, production - p.intermediateDecayRate_per_s * Math.max(0, c), iN],
      siteCurrents_A_per_m3: { 'carbon|electrolyte': carbonCurrent, 'ncm|electrolyte': ncmCurrent },
    };
  }

  public effects(
    conditions: SideReactionConditions,
    state: readonly number[],
  ): SideReactionEffects {
    assertStateLength(state);
    const areas = this.areas(conditions);
    const summary = this.summaryFor(areas, stateValue(state, 0), stateValue(state, 2));
    const lost = Math.min(
      areas.initialSeFraction,
      Math.max(0, summary.seFractionConsumedInPathways + summary.seFractionBlocked),
    );
    return {
      activeMaterialFilmResistance_ohm_m2:
        summary.filmThickness_m /
        (this.parameters.interphaseConductivity_S_per_m *
          arrheniusFactor(
            this.parameters.interphaseActivationEnergy_J_per_mol,
            conditions.temperature_K,
          )),
      seVolumeFractionLost: lost,
    };
  }

  /** Derived quantities of a node state (charge per volume, SE consumed/blocked, film). */
  public summary(
    conditions: SideReactionConditions,
    state: readonly number[],
  ): ArgyroditeOxidationStateSummary {
    assertStateLength(state);
    return this.summaryFor(this.areas(conditions), stateValue(state, 0), stateValue(state, 2));
  }

  private summaryFor(
    areas: ReactiveAreas,
    carbonCharge: number,
    ncmCharge: number,
  ): ArgyroditeOxidationStateSummary {
    const p = this.parameters;
    const carbonCharge_C_per_m3 = areas.carbonReactiveArea_m2_per_m3 * carbonCharge;
    const ncmCharge_C_per_m3 = areas.ncmSeArea_m2_per_m3 * ncmCharge;
    const charge = carbonCharge_C_per_m3 + ncmCharge_C_per_m3;
    const volumePerCoulomb = p.productMolarVolumePerElectron_m3_per_mol / FARADAY_C_per_mol;
    const seVolumePerCoulomb = 1 / (p.seSpecificOxidationCharge_C_per_kg * p.seDensity_kg_per_m3);
    const consumed = charge * seVolumePerCoulomb;
    const initial = areas.initialSeFraction;
    const beta = areas.carbonInSePathwayFraction;
    const consumedInPathways =
      ncmCharge_C_per_m3 * seVolumePerCoulomb + beta * carbonCharge_C_per_m3 * seVolumePerCoulomb;
    return {
      charge_C_per_m3: charge,
      seFractionConsumed: consumed,
      seFractionConsumedInPathways: consumedInPathways,
      seFractionBlocked: beta * p.productBlockingFactor * carbonCharge_C_per_m3 * volumePerCoulomb,
      seAvailability: initial > 0 ? Math.min(1, Math.max(0, 1 - consumed / initial)) : 0,
      ncmSiteSeAvailability:
        initial > 0 ? Math.min(1, Math.max(0, 1 - consumedInPathways / initial)) : 0,
      filmThickness_m: ncmCharge * volumePerCoulomb,
    };
  }
}

function assertConditions(conditions: SideReactionConditions): void {
  const E = conditions.electrodePotential_V;
  if (!Number.isFinite(E) || E < -5 || E > 10) {
    invalidInput('conditions.electrodePotential_V', E, 'a finite number -5 ≤ x ≤ 10 V vs Li/Li+');
  }
  const T = conditions.temperature_K;
  if (!Number.isFinite(T) || T < 150 || T > 600) {
    invalidInput('conditions.temperature_K', T, 'a finite number 150 ≤ x ≤ 600 K');
  }
}

function assertStateLength(state: readonly number[]): void {
  if (state.length !== STATE_VARIABLES.length) {
    invalidInput('state', state, `${STATE_VARIABLES.length} numbers (${stateNames()})`);
  }
}

/** State variable `index`, clamped at 0; throws E_SOLVER_NON_FINITE for NaN or ±∞. */
function stateValue(state: readonly number[], index: number): number {
  const value = state[index]!;
  if (!Number.isFinite(value)) {
    throw new SolidCellError(
      'E_SOLVER_NON_FINITE',
      `argyrodite-oxidation state ${STATE_VARIABLES[index]!.name} = ${String(value)} is not finite`,
      { field: `state.${STATE_VARIABLES[index]!.name}`, value, allowed: 'a finite number' },
    );
  }
  return Math.max(0, value);
}

function stateNames(): string {
  return STATE_VARIABLES.map((variable) => variable.name).join(', ');
}
