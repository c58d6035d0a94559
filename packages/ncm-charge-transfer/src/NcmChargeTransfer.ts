// NCM811|Li6PS5Cl charge transfer: OCP, exchange current, film-limited Butler–Volmer current and
// solid diffusivity behind the core ChargeTransfer contract (model.md M4, parameters.md §7).
import { type ChargeTransfer, type InterfaceConditions, invalidInput } from '@solidcell/core';
import { arrheniusFactor } from './arrhenius.js';
import {
  type ButlerVolmerKinetics,
  type FilmCurrentSolution,
  solveFilmCurrent,
} from './butlerVolmer.js';
import { NCM811_MATERIAL_ID } from './Ncm811.js';
import {
  ncm811OpenCircuitPotential_V,
  ncm811OpenCircuitPotentialSlope_V,
} from './openCircuitPotential.js';
import { DEFAULT_NCM_PARAMETERS, type NcmParameters } from './parameters.js';
import { ncm811SolidDiffusivity_m2_per_s } from './transportLaws.js';

/** ChargeTransfer id of {@link NcmChargeTransfer} (= the plugin id). */
export const NCM_CHARGE_TRANSFER_ID = 'ncm-charge-transfer';

function checkTemperature(temperature_K: number): void {
  if (!(Number.isFinite(temperature_K) && temperature_K > 0)) {
    invalidInput('temperature_K', temperature_K, 'a finite number > 0 K');
  }
}

function checkConditions(conditions: InterfaceConditions): void {
  if (!Number.isFinite(conditions.surfaceLithiation)) {
    invalidInput('surfaceLithiation', conditions.surfaceLithiation, 'a finite number (0–1)');
  }
  checkTemperature(conditions.temperature_K);
  const film = conditions.filmResistance_ohm_m2;
  if (film !== undefined && !(Number.isFinite(film) && film >= 0)) {
    invalidInput('filmResistance_ohm_m2', film, 'a finite number ≥ 0 Ω m²');
  }
}

/**
 * Charge transfer at the NCM811|Li6PS5Cl interface.
 *
 * @remarks
 * - OCP: Chen et al. 2020 NMC811 fit mapped onto the 200 mAh/g window (parameters.md §7.1),
 *   see `ncm811OpenCircuitPotential_V`. Window: x_Li = 1 (discharged) … 1 − 200/275.5 (charged).
 * - i₀ = i₀,ref · 2 √(x_s (1 − x_s)) · exp[−(E_a,ct/R)(1/T − 1/298.15 K)], x_s clamped to
 *   [δ, 1 − δ] (δ = `lithiationRegularisation`).
 * - j solves j = i₀ [exp(α_a F η_ct/RT) − exp(−α_c F η_ct/RT)], η_ct = η_total − j R_film.
 * - D_s(x) per parameters.md §7.
 * Sign: j > 0 anodic (delithiation, charging). Potentials vs Li/Li⁺. Pure and stateless.
 */
export class NcmChargeTransfer implements ChargeTransfer {
  public readonly id = NCM_CHARGE_TRANSFER_ID;
  public readonly activeMaterialId = NCM811_MATERIAL_ID;
  /** x_Li at the ends of the practical window: 1 and 1 − Q_prac/Q_th (0.274 by default). */
  public readonly lithiationWindow: { readonly discharged: number; readonly charged: number };
  /** The full parameter set. */
  public readonly parameters: NcmParameters;
  // The last film solve and its inputs (a Newton Jacobian asks for j and dj/dη at one point).
  private lastOverpotential_V = Number.NaN;
  private lastSurfaceLithiation = Number.NaN;
  private lastTemperature_K = Number.NaN;
  private lastFilmResistance_ohm_m2 = Number.NaN;
  private lastSolution: FilmCurrentSolution | undefined;

  public constructor(parameters: NcmParameters = DEFAULT_NCM_PARAMETERS) {
    this.parameters = parameters;
    this.lithiationWindow = Object.freeze({
      discharged: 1,
      charged: 1 - parameters.referenceCapacity_C_per_kg / parameters.theoreticalCapacity_C_per_kg,
    });
  }

  /** OCP vs Li/Li⁺ (V); temperature-independent (dU/dT = 0, parameters.md §7). */
  public openCircuitPotential_V(lithiation: number, temperature_K: number): number {
    checkTemperature(temperature_K);
    return ncm811OpenCircuitPotential_V(lithiation, this.parameters);
  }

  /** Analytic dU/dx_Li (V); negative for every lithiation. */
  public openCircuitPotentialSlope_V(lithiation: number, temperature_K: number): number {
    checkTemperature(temperature_K);
    return ncm811OpenCircuitPotentialSlope_V(lithiation, this.parameters);
  }

  /** i₀ (A/m² of NCM–SE contact area). */
  public exchangeCurrentDensity_A_per_m2(conditions: InterfaceConditions): number {
    checkConditions(conditions);
    const p = this.parameters;
    const delta = p.lithiationRegularisation;
    const x = Math.min(1 - delta, Math.max(delta, conditions.surfaceLithiation));
    const occupancy = Math.max(0, x * (1 - x));
    return (
      p.exchangeCurrentDensityRef_A_per_m2 *
      2 *
      Math.sqrt(occupancy) *
      arrheniusFactor(p.chargeTransferActivationEnergy_J_per_mol, conditions.temperature_K)
    );
  }

  /** Butler–Volmer kinetics (i₀, α_a, α_c, T) at the given interface state. */
  public kinetics(conditions: InterfaceConditions): ButlerVolmerKinetics {
    return {
      exchangeCurrentDensity_A_per_m2: this.exchangeCurrentDensity_A_per_m2(conditions),
      anodicTransferCoefficient: this.parameters.anodicTransferCoefficient,
      cathodicTransferCoefficient: this.parameters.cathodicTransferCoefficient,
      temperature_K: conditions.temperature_K,
    };
  }

  /**
   * Current density, its slope d j/d η_total and η_ct in one solve.
   *
   * @throws SolidCellError `E_INVALID_INPUT` for a non-finite η or bad conditions.
   */
  public solve(totalOverpotential_V: number, conditions: InterfaceConditions): FilmCurrentSolution {
    if (!Number.isFinite(totalOverpotential_V)) {
      invalidInput('totalOverpotential_V', totalOverpotential_V, 'a finite number (V)');
    }
    const film = conditions.filmResistance_ohm_m2 ?? 0;
    if (
      this.lastSolution !== undefined &&
      this.lastOverpotential_V === totalOverpotential_V &&
      this.lastSurfaceLithiation === conditions.surfaceLithiation &&
      this.lastTemperature_K === conditions.temperature_K &&
      this.lastFilmResistance_ohm_m2 === film
    ) {
      return this.lastSolution; // e.g. the slope asked for right after the current at one point
    }
    const solution = solveFilmCurrent(totalOverpotential_V, this.kinetics(conditions), film);
    this.lastOverpotential_V = totalOverpotential_V;
    this.lastSurfaceLithiation = conditions.surfaceLithiation;
    this.lastTemperature_K = conditions.temperature_K;
    this.lastFilmResistance_ohm_m2 = film;
    this.lastSolution = solution;
    return solution;
  }

  /** j (A/m², anodic > 0) solving j = BV(η_total − j R_film). */
  public currentDensity_A_per_m2(
    totalOverpotential_V: number,
    conditions: InterfaceConditions,
  ): number {
    return this.solve(totalOverpotential_V, conditions).currentDensity_A_per_m2;
  }

  /** d j / d η_total (A/(m² V)), > 0 (film included). */
  public currentDensitySlope_A_per_m2_V(
    totalOverpotential_V: number,
    conditions: InterfaceConditions,
  ): number {
    return this.solve(totalOverpotential_V, conditions).slope_A_per_m2_V;
  }

  /** D_s (m²/s) at a lithiation and temperature. */
  public solidDiffusivity_m2_per_s(lithiation: number, temperature_K: number): number {
    checkTemperature(temperature_K);
    if (!Number.isFinite(lithiation))
      invalidInput('lithiation', lithiation, 'a finite number (0–1)');
    return ncm811SolidDiffusivity_m2_per_s(lithiation, temperature_K, this.parameters);
  }
}
