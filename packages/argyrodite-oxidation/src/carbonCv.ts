// Cyclic voltammetry of carbon–SE electrodes (no NCM) with the same carbon kinetics as the
// cell: Tafel rise against self-passivation gives an anodic peak on the first sweep.
import {
  boundedNumber,
  type CarbonAdditive,
  fromVsLiIn,
  invalidInput,
  parseInput,
  REFERENCE_TEMPERATURE_K,
} from '@solidcell/core';
import { z } from 'zod';
import { assertUsableCarbon } from './carbon.js';
import {
  activationChargeOverStep_C_per_m2,
  advancePassivatingCharge_C_per_m2,
  siteKinetics,
} from './kinetics.js';
import {
  type ArgyroditeOxidationParameterOverrides,
  resolveArgyroditeOxidationParameters,
} from './parameters.js';

/** Input of {@link simulateCarbonCv}. */
export interface CarbonCvInput {
  /** The carbon additive (its BET area sets the reacting area). */
  readonly carbon: CarbonAdditive;
  /** Carbon mass in the electrode (kg). */
  readonly carbonMass_kg: number;
  /** Scan rate (V/s), > 0. */
  readonly scanRate_V_per_s: number;
  /** Lower vertex and start potential (V vs Li-In). */
  readonly from_V: number;
  /** Upper vertex potential (V vs Li-In), > from_V. */
  readonly to_V: number;
  /** Number of full cycles from → to → from; default 1. */
  readonly cycles?: number;
  /** Temperature (K); default 298.15 K. */
  readonly temperature_K?: number;
  /** Potential step of the output and of the integration (V); default 1 mV. */
  readonly potentialStep_V?: number;
  /** Fraction of the carbon BET area in contact with SE (–); default 1 (carbon–SE composite). */
  readonly seContactFraction?: number;
  /** Kinetic parameter overrides (validated). */
  readonly parameters?: ArgyroditeOxidationParameterOverrides;
}

/** Result of {@link simulateCarbonCv}. */
export interface CarbonCvResult {
  /** Potential of each point (V vs Li-In). */
  readonly potential_V: number[];
  /** Anodic current of each point (A), mean over the step ending there (charge-conserving). */
  readonly current_A: number[];
  /** Time of each point (s). */
  readonly time_s: number[];
  /** Largest anodic current (A). */
  readonly peakCurrent_A: number;
  /** Potential of the largest current (V vs Li-In). */
  readonly peakPotential_V: number;
  /** Peak current per reacting carbon area (A/m²). */
  readonly peakCurrent_A_per_m2Carbon: number;
  /** Reacting carbon area, mass × BET × contact fraction (m²). */
  readonly carbonArea_m2: number;
  /** Total oxidation charge passed (C). */
  readonly charge_C: number;
  /** Final passivation charge per carbon area (C/m²). */
  readonly finalCharge_C_per_m2: number;
}

const cvSchema = z
  .object({
    carbonMass_kg: boundedNumber({ min: 0, max: 1e-2, minExclusive: true, unit: 'kg' }),
    scanRate_V_per_s: boundedNumber({ min: 0, max: 100, minExclusive: true, unit: 'V/s' }),
    from_V: boundedNumber({ min: -0.6, max: 5, unit: 'V vs Li-In' }),
    to_V: boundedNumber({ min: -0.6, max: 5, unit: 'V vs Li-In' }),
    cycles: boundedNumber({ min: 1, max: 50, integer: true, unit: '' }).default(1),
    temperature_K: boundedNumber({ min: 150, max: 600, unit: 'K' }).default(
      REFERENCE_TEMPERATURE_K,
    ),
    potentialStep_V: boundedNumber({ min: 1e-5, max: 0.05, unit: 'V' }).default(1e-3),
    seContactFraction: boundedNumber({ min: 0, max: 1, unit: '' }).default(1),
  })
  .strict();

/**
 * Simulates a linear-sweep cyclic voltammogram of a carbon–SE electrode.
 *
 * @remarks
 * The sweep goes from `from_V` to `to_V` and back, `cycles` times. Along each potential step
 * (linear in time) the passivation charge q of the carbon surface is advanced with the exact
 * integral of the Tafel activation and the exact (or implicit, with a reaction-zone limit)
 * passivation update of {@link advancePassivatingCharge_C_per_m2}, so the result is stable for
 * any scan rate and step. Current = area × Δq/Δt. Only the irreversible oxidation is modelled
 * (no reduction of the products on the cathodic sweep); SE is in excess (no SE-loss factor).
 * For the recommended law the first-sweep peak current density is α F ν q* / (R T) whenever the
 * reaction starts unpassivated, independent of k and of the carbon; the absolute current scales
 * with the carbon BET area.
 * @throws SolidCellError `E_INVALID_INPUT` naming the field.
 */
export function simulateCarbonCv(input: CarbonCvInput): CarbonCvResult {
  const { carbon, parameters, ...numbers } = input;
  if (typeof carbon !== 'object' || carbon === null) {
    invalidInput('carbon', carbon, 'a CarbonAdditive');
  }
  assertUsableCarbon(carbon);
  const options = parseInput(cvSchema, numbers, '');
  if (!(options.to_V > options.from_V)) {
    parseInput(
      boundedNumber({ min: options.from_V, max: 5, minExclusive: true, unit: 'V vs Li-In' }),
      options.to_V,
      'to_V',
    );
  }
  const p = resolveArgyroditeOxidationParameters(parameters ?? {}, 'parameters');
  const kinetics = siteKinetics(p, 'carbon', options.temperature_K);
  const area =
    options.carbonMass_kg * carbon.specificSurfaceArea_m2_per_kg * options.seContactFraction;
  const span = options.to_V - options.from_V;
  const stepsPerSweep = Math.max(1, Math.ceil(span / options.potentialStep_V));
  const dE = span / stepsPerSweep;
  const dt = dE / options.scanRate_V_per_s;
  const potential = [options.from_V];
  const current = [0];
  const time = [0];
  let q = 0;
  let t = 0;
  let peak = 0;
  let peakPotential = options.from_V;
  for (let cycle = 0; cycle < options.cycles; cycle++) {
    for (let sweep = 0; sweep < 2; sweep++) {
      for (let n = 0; n < stepsPerSweep; n++) {
        const e0 = sweep === 0 ? options.from_V + n * dE : options.to_V - n * dE;
        const e1 =
          sweep === 0
            ? n + 1 === stepsPerSweep
              ? options.to_V
              : e0 + dE
            : n + 1 === stepsPerSweep
              ? options.from_V
              : e0 - dE;
        const before = q;
        q = advancePassivatingCharge_C_per_m2(
          kinetics,
          q,
          activationChargeOverStep_C_per_m2(kinetics, fromVsLiIn(e0), fromVsLiIn(e1), dt),
        );
        t += dt;
        const i = (area * (q - before)) / dt;
        potential.push(e1);
        current.push(i);
        time.push(t);
        if (i > peak) {
          peak = i;
          peakPotential = 0.5 * (e0 + e1);
        }
      }
    }
  }
  return {
    potential_V: potential,
    current_A: current,
    time_s: time,
    peakCurrent_A: peak,
    peakPotential_V: peakPotential,
    peakCurrent_A_per_m2Carbon: area > 0 ? peak / area : 0,
    carbonArea_m2: area,
    charge_C: area * q,
    finalCharge_C_per_m2: q,
  };
}
