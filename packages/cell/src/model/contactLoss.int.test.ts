import { describe, expect, it } from 'vitest';
import { simulateExperiment } from '../simulate/simulateExperiment.js';
import { fixtureConfig, fixturePhysics, fixtureSideReaction } from '../testing/cell.fixtures.js';
import type { CellModelConfig } from './CellConfig.js';
import { CellModel } from './CellModel.js';

const CHARGE = ['Charge at 0.5C until 3.7 V', 'Hold at 3.7 V until C/20'];
const DISCHARGE = ['Discharge at 0.5C until 2.6 V'];

/** ℓ and ι of every node of a state. */
function contact(model: CellModel, y: Float64Array) {
  return Array.from({ length: model.ne }, (_, e) => model.contactState(y, e));
}

/** Runs `cycles` charge/discharge cycles and returns the state after each half cycle. */
function halfCycles(config: CellModelConfig, cycles: number) {
  const model = new CellModel(config);
  const states: Float64Array[] = [];
  let y: Float64Array | undefined;
  for (let c = 0; c < cycles; c++) {
    for (const half of [CHARGE, DISCHARGE]) {
      const r = simulateExperiment(model, half, y === undefined ? {} : { initialState: y });
      y = r.finalState;
      states.push(y);
    }
  }
  return { model, states };
}

describe('contact loss in the cell', () => {
  it('loses contact on charge only, never regains it, and lost + remaining = initial', () => {
    const { model, states } = halfCycles(fixtureConfig({ contactLoss: {} }), 3);
    let previous = contact(model, new Float64Array(model.size));
    states.forEach((y, i) => {
      const now = contact(model, y);
      model.evaluate(y, 0, new Float64Array(model.size), null);
      for (let e = 0; e < model.ne; e++) {
        // Conservation of the contact: what is left plus what was lost is the initial contact.
        expect(model.activeContact[e]! + now[e]!.lost).toBeCloseTo(1, 12);
        if (i % 2 === 0) expect(now[e]!.lost).toBeGreaterThan(previous[e]!.lost);
        else expect(now[e]!.lost).toBeCloseTo(previous[e]!.lost, 12); // discharge: no change
        expect(now[e]!.isolated).toBeLessThanOrEqual(now[e]!.lost);
      }
      previous = now;
    });
  });

  it('conserves Li with isolated NCM: the imbalance is a time-discretisation error that converges', () => {
    // ∫I dt = −Δ(F n_Li) + Q_side, n_Li counting the Li kept in isolated NCM. The BDF steps of
    // (1 − ι)·x̄ and of u = ∫ x̄ dι differ by the product Δι·Δx̄ of one step: it must shrink with
    // the step size (tolerance).
    const imbalance = (relativeTolerance: number) => {
      const model = new CellModel(
        fixtureConfig({
          physics: fixturePhysics({
            sideReactions: [fixtureSideReaction({ rate_A_per_m2: 1e-5 })],
          }),
          // A strong loss so that isolation moves the inventory by much more than the tolerance.
          contactLoss: { contactLossPerVolumetricStrain: 2 },
          solver: { relativeTolerance },
        }),
      );
      let reference = Number.NaN;
      let worst = 0;
      let scale = 0;
      const result = simulateExperiment(model, [...CHARGE, ...DISCHARGE, ...CHARGE], {
        onStep: (s) => {
          const x = s.lithiumCharge_C_per_m2 + s.charge_C_per_m2 - s.sideReactionCharge_C_per_m2;
          if (Number.isNaN(reference)) reference = x;
          scale = Math.max(scale, Math.abs(s.charge_C_per_m2));
          worst = Math.max(worst, Math.abs(x - reference));
        },
      });
      const isolated = contact(model, result.finalState).map((c) => c.isolatedLithiation);
      expect(Math.min(...isolated)).toBeGreaterThan(1e-3);
      return worst / scale;
    };
    const coarse = imbalance(1e-4);
    const fine = imbalance(1e-6);
    expect(coarse).toBeLessThan(2e-5);
    expect(fine).toBeLessThan(coarse / 5);
  });

  it('changes nothing at zero volume change (same capacities as a cell without contact loss)', () => {
    const protocol = [...CHARGE, ...DISCHARGE];
    const off = simulateExperiment(fixtureConfig(), protocol);
    const zero = simulateExperiment(
      fixtureConfig({ contactLoss: { ncmVolumeContraction: 0 } }),
      protocol,
    );
    // Equal to the integrator's tolerance (the extra states take part in its step control).
    expect(zero.cycles[0]!.dischargeCapacity_mAh_per_g).toBeCloseTo(
      off.cycles[0]!.dischargeCapacity_mAh_per_g,
      1,
    );
    const model = new CellModel(fixtureConfig({ contactLoss: { ncmVolumeContraction: 0 } }));
    for (const c of contact(model, zero.finalState)) expect(c.lost).toBe(0);
  });

  it('fades: an isolating loss lowers the discharge capacity cycle by cycle', () => {
    const protocol = [...CHARGE, ...DISCHARGE, ...CHARGE, ...DISCHARGE];
    const withLoss = simulateExperiment(
      fixtureConfig({ contactLoss: { contactLossPerVolumetricStrain: 2 } }),
      protocol,
    );
    const [first, second] = withLoss.cycles.map((c) => c.dischargeCapacity_mAh_per_g);
    expect(second!).toBeLessThan(first! - 0.5);
  });
});
