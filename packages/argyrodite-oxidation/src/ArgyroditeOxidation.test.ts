import { isSolidCellError } from '@solidcell/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ArgyroditeOxidation } from './ArgyroditeOxidation.js';
import { estimatedDescriptors } from './descriptors.fixtures.js';
import { integrateSideReaction } from './integrateSideReaction.js';
import { ocpChargeTrajectory } from './ocpTrajectory.js';

const T = 298.15;
const descriptors = estimatedDescriptors(90, 3);
const node = (E: number) => ({ electrodePotential_V: E, temperature_K: T, descriptors });

function firstCharge(reaction: ArgyroditeOxidation, carbon_wtPct: number) {
  const d = estimatedDescriptors(90, carbon_wtPct);
  const history = integrateSideReaction(reaction, {
    conditions: { temperature_K: T, descriptors: d },
    trajectory: ocpChargeTrajectory(),
    steps: 1000,
  });
  const charge = history.charge_C_per_m3.at(-1)!;
  // C/m³ electrode → mAh/g NCM (1 mAh/g = 3600 C/kg)
  return { history, d, mAh_per_g: charge / (d.volumeFractions.ncm * 4760) / 3600 };
}

describe(ArgyroditeOxidation, () => {
  const reaction = new ArgyroditeOxidation();

  it('keeps oxidising on carbon after the zone is used up, at a rate decaying with the charge (re-activation)', () => {
    const zone = reaction.parameters.carbonReactionZoneCharge_C_per_m2!;
    const carbonRate = (qC: number, r = reaction) =>
      r.rates(node(4.3), [qC, 0, 0]).siteCurrents_A_per_m3!['carbon|electrolyte']!;
    const after = carbonRate(zone);
    expect(after).toBeGreaterThan(0);
    // exp(−Δq/q*) with q* = 20 C/m²: 20 C/m² more charge → e⁻¹, times the SE left.
    const left = (qC: number) => reaction.summary(node(4.3), [qC, 0, 0]).seAvailability;
    expect(carbonRate(zone + 20) / after).toBeCloseTo(
      (Math.exp(-1) * left(zone + 20)) / left(zone),
      9,
    );
    const off = new ArgyroditeOxidation({ parameters: { carbonReactivationFraction: 0 } });
    expect(carbonRate(zone, off)).toBe(0);
  });

  it('gives one instance the rates of whichever descriptors and temperature it is called with', () => {
    const shared = new ArgyroditeOxidation();
    const state = [0, 0, 0];
    const rate = (d: typeof descriptors, temperature_K: number) =>
      shared.rates({ electrodePotential_V: 4.3, temperature_K, descriptors: d }, state)
        .volumetricCurrent_A_per_m3;
    const cases = [
      [estimatedDescriptors(90, 1), T],
      [estimatedDescriptors(90, 3), T],
      [estimatedDescriptors(90, 3), 333.15],
      [estimatedDescriptors(90, 1), T],
    ] as const;
    const interleaved = cases.map(([d, t]) => rate(d, t));
    const fresh = cases.map(
      ([d, t]) =>
        new ArgyroditeOxidation().rates(
          { electrodePotential_V: 4.3, temperature_K: t, descriptors: d },
          state,
        ).volumetricCurrent_A_per_m3,
    );
    expect(interleaved).toEqual(fresh);
    expect(interleaved[1]).not.toBe(interleaved[0]); // other descriptors
    expect(interleaved[2]).not.toBe(interleaved[1]); // other temperature
    expect(interleaved[3]).toBe(interleaved[0]);
  });

  it('passes no side-reaction charge with zero rate constants', () => {
    const off = new ArgyroditeOxidation({
      parameters: { carbonRateConstant_mol_per_m2_s: 0, ncmRateConstant_mol_per_m2_s: 0 },
    });
    const { history } = firstCharge(off, 3);
    expect(history.charge_C_per_m3.at(-1)).toBe(0);
    expect(history.finalEffects.activeMaterialFilmResistance_ohm_m2).toBe(0);
    expect(history.finalEffects.seVolumeFractionLost).toBe(0);
  });

  it('reports a current that increases with potential at fixed state, split by site', () => {
    let previous = -1;
    for (const E of [3.0, 3.5, 3.8, 4.0, 4.2, 4.4]) {
      const rates = reaction.rates(node(E), [5, 10, 2]);
      expect(rates.volumetricCurrent_A_per_m3).toBeGreaterThan(previous);
      const sites = rates.siteCurrents_A_per_m3!;
      expect(sites['carbon|electrolyte']! + sites['ncm|electrolyte']!).toBeCloseTo(
        rates.volumetricCurrent_A_per_m3,
        10,
      );
      previous = rates.volumetricCurrent_A_per_m3;
    }
  });

  it('is slowed by passivation and sped up by intermediates on NCM', () => {
    const fresh = reaction.rates(node(4.2), [0, 0, 0]).stateRates;
    const passivated = reaction.rates(node(4.2), [40, 0, 40]).stateRates;
    expect(passivated[0]!).toBeLessThan(fresh[0]!);
    expect(passivated[2]!).toBeLessThan(fresh[2]!);
    const catalysed = reaction.rates(node(4.2), [0, 1e4, 0]).stateRates[2]!;
    expect(catalysed / fresh[2]!).toBeCloseTo(1 + 2 * 0.3 * (1e4 / (1e4 + 50)), 6);
  });

  it('conserves charge: ∫ volumetric current dt = a_C q_C + a_N q_N', () => {
    const { history, d } = firstCharge(reaction, 2);
    const summary = reaction.summary(
      { electrodePotential_V: 4.285, temperature_K: T, descriptors: d },
      history.finalState,
    );
    expect(history.charge_C_per_m3.at(-1)! / summary.charge_C_per_m3).toBeCloseTo(1, 6);
  });

  it('irreversible charge rises with SC content at 90 wt% NCM (0/1/2/3 wt%: 0.1/5.6/11.2/16.7 mAh/g)', () => {
    const q = [0, 1, 2, 3].map((c) => firstCharge(reaction, c).mAh_per_g);
    for (let i = 1; i < q.length; i++) expect(q[i]!).toBeGreaterThan(q[i - 1]!);
    expect(q[0]!).toBeCloseTo(0.105, 2);
    // Check only (not a fit): along the OCP trajectory the extra 3 wt% SC charge stays within
    // 5 % of the 16.6 mAh/g increment that q_zone was fitted to in the full cell.
    expect(Math.abs(q[3]! - q[0]! - 16.6) / 16.6).toBeLessThan(0.05);
  });

  it('self-limits as SE runs out: rates vanish once the SE is consumed, loss stays ≤ φ_SE', () => {
    const small = estimatedDescriptors(90, 3);
    const conditions = { electrodePotential_V: 4.2, temperature_K: T, descriptors: small };
    const aC = reaction.areas(conditions).carbonReactiveArea_m2_per_m3;
    const allSe = (small.volumeFractions.se * 499 * 3600 * 1860) / aC; // q_C that oxidises all SE
    const carbonSite = reaction.rates(conditions, [allSe, 0, 0]).siteCurrents_A_per_m3!;
    expect(carbonSite['carbon|electrolyte']).toBe(0);
    // Local consumption: the carbon's shell takes pathway SE only in the fraction β, so the NCM
    // site stops only once the SE of the pathways is used up.
    const aN = reaction.areas(conditions).ncmSeArea_m2_per_m3;
    const allPathwaySe = (small.volumeFractions.se * 499 * 3600 * 1860) / aN;
    expect(reaction.rates(conditions, [allSe, 0, allPathwaySe]).volumetricCurrent_A_per_m3).toBe(0);
    expect(reaction.effects(conditions, [10 * allSe, 0, 0]).seVolumeFractionLost).toBe(
      small.volumeFractions.se,
    );
  });

  it('keeps film resistance ≥ 0, SE loss in [0, φ_SE] and every output finite (property)', () => {
    fc.assert(
      fc.property(
        fc.record({
          k: fc.double({ min: 0, max: 1e-3, noNaN: true }),
          kN: fc.double({ min: 0, max: 1e-3, noNaN: true }),
          alpha: fc.double({ min: 0.1, max: 0.9, noNaN: true }),
          qStar: fc.double({ min: 0.1, max: 1e3, noNaN: true }),
          gamma: fc.double({ min: 0, max: 3, noNaN: true }),
          E: fc.double({ min: -5, max: 10, noNaN: true }),
          T: fc.double({ min: 150, max: 600, noNaN: true }),
          qC: fc.double({ min: 0, max: 1e6, noNaN: true }),
          c: fc.double({ min: 0, max: 1e6, noNaN: true }),
          qN: fc.double({ min: 0, max: 1e6, noNaN: true }),
          wt: fc.double({ min: 0, max: 9, noNaN: true }),
        }),
        (x) => {
          const r = new ArgyroditeOxidation({
            parameters: {
              carbonRateConstant_mol_per_m2_s: x.k,
              ncmRateConstant_mol_per_m2_s: x.kN,
              transferCoefficient: x.alpha,
              carbonPassivationCharge_C_per_m2: x.qStar,
              couplingFactor: x.gamma,
            },
          });
          const d = estimatedDescriptors(90, x.wt);
          const conditions = { electrodePotential_V: x.E, temperature_K: x.T, descriptors: d };
          const rates = r.rates(conditions, [x.qC, x.c, x.qN]);
          const effects = r.effects(conditions, [x.qC, x.c, x.qN]);
          expect(Number.isFinite(rates.volumetricCurrent_A_per_m3)).toBe(true);
          expect(rates.volumetricCurrent_A_per_m3).toBeGreaterThanOrEqual(0);
          expect(rates.stateRates.every(Number.isFinite)).toBe(true);
          expect(effects.activeMaterialFilmResistance_ohm_m2).toBeGreaterThanOrEqual(0);
          expect(Number.isFinite(effects.activeMaterialFilmResistance_ohm_m2)).toBe(true);
          expect(effects.seVolumeFractionLost).toBeGreaterThanOrEqual(0);
          expect(effects.seVolumeFractionLost).toBeLessThanOrEqual(d.volumeFractions.se);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('names the field of invalid parameters, conditions and states', () => {
    const field = (fn: () => unknown): string | undefined => {
      try {
        fn();
      } catch (error) {
        if (isSolidCellError(error)) return error.field;
        throw error;
      }
      return undefined;
    };
    expect(field(() => new ArgyroditeOxidation({ parameters: { couplingFactor: 7 } }))).toBe(
      'argyroditeOxidation.couplingFactor',
    );
    expect(
      field(() => new ArgyroditeOxidation({ parameters: { transferCoefficient: Number.NaN } })),
    ).toBe('argyroditeOxidation.transferCoefficient');
    expect(field(() => reaction.rates(node(Number.NaN), [0, 0, 0]))).toBe(
      'conditions.electrodePotential_V',
    );
    expect(field(() => reaction.rates(node(4), [0, Number.POSITIVE_INFINITY, 0]))).toBe(
      'state.intermediateConcentration_mol_per_m3',
    );
    expect(
      field(
        () =>
          new ArgyroditeOxidation({
            carbon: { ...reaction.carbon!, specificSurfaceArea_m2_per_kg: -1 },
          }),
      ),
    ).toBe('carbon.specificSurfaceArea_m2_per_kg');
  });
});
