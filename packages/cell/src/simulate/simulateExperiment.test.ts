import { describe, expect, it } from 'vitest';
import { repeat } from '../experiment/ProtocolStep.js';
import { CellModel } from '../model/CellModel.js';
import {
  FIXTURE_FRACTIONS,
  fixtureChargeTransfer,
  fixtureConfig,
  fixtureOcp,
  fixturePhysics,
  fixtureSideReaction,
  fixtureTransport,
  X_CHARGED,
} from '../testing/cell.fixtures.js';
import { simulateSingleParticle } from '../testing/singleParticleModel.fixtures.js';
import { simulateExperiment } from './simulateExperiment.js';

const last = (values: readonly number[]) => values[values.length - 1]!;

describe('simulateExperiment', () => {
  it('keeps the voltage at the OCV during a zero-current rest to 1e-8 V', () => {
    const result = simulateExperiment(fixtureConfig(), ['Rest for 2 hours']);
    const ocv = fixtureOcp(1 - 1e-3 * (1 - X_CHARGED)) - 0.62;
    for (const v of result.timeSeries.voltageVsLiIn_V) expect(Math.abs(v - ocv)).toBeLessThan(1e-8);
    expect(last(result.timeSeries.time_s)).toBeCloseTo(7200, 9);
  });

  it('follows the OCV within 6 mV at C/100 (constant D) and charges 99.5–100.5 % of the window capacity', () => {
    const model = new CellModel(
      fixtureConfig({
        physics: fixturePhysics({
          chargeTransfer: fixtureChargeTransfer({ constantDiffusivity_m2_per_s: 4e-15 }),
        }),
        mesh: { electrodeNodes: 4, separatorNodes: 1, particleShells: 6 },
      }),
    );
    const result = simulateExperiment(model, ['Charge at 0.01C until 3.665 V']);
    const ts = result.timeSeries;
    let worst = 0;
    for (let i = 1; i < ts.time_s.length; i++) {
      const x = ts.meanLithiation[i]!;
      if (x > 0.97 || x < X_CHARGED + 0.01) continue; // skip the i0 → 0 corners of the window
      worst = Math.max(worst, Math.abs(ts.voltageVsLiIn_V[i]! - (fixtureOcp(x) - 0.62)));
    }
    expect(worst).toBeLessThan(6e-3);
    // 3.665 V vs Li-In is the OCV at the charged end of the window (θ = 1).
    const q = result.steps[0]!.charge_C_per_m2;
    expect(q / model.windowCapacity_C_per_m2).toBeGreaterThan(0.995);
    expect(q / model.windowCapacity_C_per_m2).toBeLessThan(1.005);
  });

  it('conserves charge at every step: ∫I dt = −Δ(F n_Li) + Q_side to 1e-6 relative (with a side reaction)', () => {
    const config = fixtureConfig({
      physics: fixturePhysics({ sideReactions: [fixtureSideReaction({ rate_A_per_m2: 1e-5 })] }),
    });
    let reference = Number.NaN;
    let worst = 0;
    let scale = 0;
    const result = simulateExperiment(
      config,
      ['Charge at 0.5C until 3.7 V', 'Hold at 3.7 V until C/20', 'Discharge at 1C until 2.6 V'],
      {
        onStep: (s) => {
          const x = s.lithiumCharge_C_per_m2 + s.charge_C_per_m2 - s.sideReactionCharge_C_per_m2;
          if (Number.isNaN(reference)) reference = x + 0;
          scale = Math.max(scale, Math.abs(s.charge_C_per_m2));
          worst = Math.max(worst, Math.abs(x - reference));
        },
      },
    );
    expect(last(result.timeSeries.sideReactionCharge_C_per_m2)).toBeGreaterThan(1);
    expect(worst / scale).toBeLessThan(1e-6);
    expect(
      result.solver.maxConservationError_C_per_m2 / result.solver.chargeThroughput_C_per_m2,
    ).toBeLessThan(1e-6);
  });

  it('delivers less capacity at higher C-rate (0.2C > 1C > 3C)', () => {
    const caps = [0.2, 1, 3].map((c) => {
      const r = simulateExperiment(
        fixtureConfig({
          electrode: {
            volumeFractions: FIXTURE_FRACTIONS,
            arealCapacity_C_per_m2: 72_000,
            initialLithiation: X_CHARGED + 0.001,
          },
        }),
        [`Discharge at ${c}C until 2.5 V`],
      );
      return -r.steps[0]!.charge_C_per_m2;
    });
    expect(caps[0]!).toBeGreaterThan(caps[1]!);
    expect(caps[1]!).toBeGreaterThan(caps[2]!);
  });

  it('delivers less 2C capacity when σ_ion,eff is 10× lower', () => {
    const cap = (ionicScale: number) => {
      const r = simulateExperiment(
        fixtureConfig({
          physics: fixturePhysics({ transport: fixtureTransport({ ionicScale }) }),
          electrode: {
            volumeFractions: FIXTURE_FRACTIONS,
            arealCapacity_C_per_m2: 72_000,
            initialLithiation: X_CHARGED + 0.001,
          },
        }),
        ['Discharge at 2C until 2.5 V'],
      );
      return -r.steps[0]!.charge_C_per_m2;
    };
    const high = cap(1);
    const low = cap(0.1);
    expect(low).toBeLessThan(0.98 * high);
  });

  it('changes the 1C discharge capacity by < 0.5 % under mesh and tolerance refinement', () => {
    const run = (electrodeNodes: number, particleShells: number, relativeTolerance: number) =>
      -simulateExperiment(
        fixtureConfig({
          physics: fixturePhysics({
            chargeTransfer: fixtureChargeTransfer({ constantDiffusivity_m2_per_s: 4e-15 }),
          }),
          electrode: {
            volumeFractions: FIXTURE_FRACTIONS,
            arealCapacity_C_per_m2: 72_000,
            initialLithiation: X_CHARGED + 0.001,
          },
          mesh: { electrodeNodes, separatorNodes: 2, particleShells },
          solver: { relativeTolerance },
        }),
        ['Discharge at 1C until 2.5 V'],
      ).steps[0]!.charge_C_per_m2;
    const base = run(20, 15, 1e-4);
    const fineX = run(40, 15, 1e-4);
    const fineR = run(20, 30, 1e-4);
    const fineT = run(20, 15, 1e-5);
    expect(Math.abs(fineX - base) / base).toBeLessThan(5e-3);
    expect(Math.abs(fineR - base) / base).toBeLessThan(5e-3);
    expect(Math.abs(fineT - base) / base).toBeLessThan(5e-3);
  });

  it('raises the BDF order above 2 on a 1C discharge and agrees with BDF1–2 and a tight reference', () => {
    const run = (maxOrder: number, relativeTolerance = 1e-4) =>
      simulateExperiment(
        fixtureConfig({
          electrode: {
            volumeFractions: FIXTURE_FRACTIONS,
            arealCapacity_C_per_m2: 72_000,
            initialLithiation: X_CHARGED + 0.001,
          },
          mesh: { electrodeNodes: 20, separatorNodes: 4, particleShells: 15 },
          solver: { maxOrder, relativeTolerance },
        }),
        ['Discharge at 1C until 2.5 V'],
      );
    const capacity = (r: ReturnType<typeof run>) => -r.steps[0]!.charge_C_per_m2;
    const reference = capacity(run(5, 1e-7));
    const high = run(5);
    const low = run(2);
    const byOrder = high.solver.acceptedStepsByOrder;
    expect(byOrder).toHaveLength(5);
    expect(byOrder.reduce((a, b) => a + b, 0)).toBe(high.solver.acceptedSteps);
    expect(byOrder[2]! + byOrder[3]! + byOrder[4]!).toBeGreaterThan(0);
    expect(low.solver.acceptedStepsByOrder.slice(2).every((n) => n === 0)).toBe(true);
    expect(high.solver.acceptedSteps).toBeLessThan(low.solver.acceptedSteps);
    for (const r of [high, low]) {
      expect(Math.abs(capacity(r) - reference) / reference).toBeLessThan(3e-4);
    }
  });

  it('rejects a BDF order outside 1–5, naming the field', () => {
    expect(() =>
      simulateExperiment(fixtureConfig({ solver: { maxOrder: 6 } }), ['Rest for 1 s']),
    ).toThrow(/solver\.maxOrder = 6 .*integer 1 ≤ k ≤ 5/);
  });

  it('agrees with an independent single-particle model within 2 mV at very high conductivities', () => {
    const ct = fixtureChargeTransfer({ constantDiffusivity_m2_per_s: 1e-14 });
    const config = fixtureConfig({
      physics: fixturePhysics({
        chargeTransfer: ct,
        transport: fixtureTransport({ ionicScale: 1e5, electronicScale: 1e5 }),
      }),
      electrode: {
        volumeFractions: FIXTURE_FRACTIONS,
        arealCapacity_C_per_m2: 72_000,
        initialLithiation: 0.95,
      },
      mesh: { electrodeNodes: 6, separatorNodes: 2, particleShells: 30 },
    });
    const model = new CellModel(config);
    const result = simulateExperiment(model, ['Charge at 1C for 2400 s']);
    const I = model.referenceCapacity_C_per_m2 / 3600;
    // Compare at the engine's own accepted times after the first minute (no interpolation).
    const ts = result.timeSeries;
    const indices = ts.time_s.flatMap((t, i) => (t >= 60 ? [i] : []));
    expect(indices.length).toBeGreaterThan(5);
    const spm = simulateSingleParticle(
      {
        chargeTransfer: ct,
        particleRadius_m: model.particleRadius_m,
        maxConcentration_mol_per_m3: model.maxConcentration_mol_per_m3,
        initialLithiation: 0.95,
        reactionCurrent_A_per_m2: I / (model.contactArea_m2_per_m3 * model.electrodeThickness_m),
        surfaceFraction: 0.3,
        ohmicDrop_V:
          I *
          (model.separatorThickness_m / model.separatorConductivity_S_per_m +
            model.counterElectrodeResistance_ohm_m2),
        counterElectrodePotentialVsLi_V: 0.62,
        temperature_K: 298.15,
        duration_s: 2400,
        timeStep_s: 0.5,
        nodes: 121,
      },
      indices.map((i) => ts.time_s[i]!),
    );
    indices.forEach((i, k) => {
      expect(Math.abs(ts.voltageVsLiIn_V[i]! - spm[k]!)).toBeLessThan(2e-3);
    });
  });

  it('locates voltage cut-offs within 0.1 mV and time limits exactly', () => {
    const r = simulateExperiment(fixtureConfig(), [
      'Charge at 1C until 3.3 V',
      'Rest for 123.4 s',
      'Charge at 1C for 61.7 s',
    ]);
    expect(Math.abs(r.steps[0]!.endVoltageVsLiIn_V - 3.3)).toBeLessThan(1e-4);
    expect(r.steps[0]!.endReason).toBe('voltage');
    expect(r.steps[1]!.endTime_s - r.steps[1]!.startTime_s).toBeCloseTo(123.4, 9);
    expect(r.steps[2]!.endTime_s - r.steps[2]!.startTime_s).toBeCloseTo(61.7, 9);
    expect(r.steps[2]!.charge_C_per_m2).toBeCloseTo(20 * 61.7, 6);
  });

  it('reports a step whose end condition holds at its start as not run, with the reason', () => {
    // Charged to 3.3 V, a discharge "until 3.5 V" is beyond its cut-off before it starts.
    const r = simulateExperiment(fixtureConfig(), [
      'Charge at 1C until 3.3 V',
      'Discharge at 1C until 3.5 V',
    ]);
    const [charge, discharge] = r.steps;
    expect(charge!.notStarted).toBe(false);
    expect(charge!.endedBy).toMatch(/voltage ≥ 3.3 V vs Li-In/);
    expect(discharge!.notStarted).toBe(true);
    expect(discharge!.endReason).toBe('voltage');
    expect(discharge!.endTime_s).toBe(discharge!.startTime_s);
    expect(discharge!.endedBy).toMatch(/voltage ≤ 3.5 V vs Li-In already met at the step start/);
  });

  it('ends a voltage hold when |I| decays to C/20 (within 0.1 %) and a capacity step at its charge', () => {
    const r = simulateExperiment(fixtureConfig(), [
      'Charge at 1C until 3.5 V',
      'Hold at 3.5 V until C/20',
      'Discharge at 0.5C until 10 mAh/g',
    ]);
    const hold = r.steps[1]!;
    expect(hold.endReason).toBe('current');
    const iEnd = r.timeSeries.currentDensity_A_per_m2[r.timeSeries.stepIndex.lastIndexOf(1)]!;
    expect(Math.abs(iEnd - 1) / 1).toBeLessThan(1e-3); // 1C = 20 A/m² → C/20 = 1 A/m²
    for (let i = 0; i < r.timeSeries.time_s.length; i++) {
      if (r.timeSeries.stepIndex[i] === 1)
        expect(Math.abs(r.timeSeries.voltageVsLiIn_V[i]! - 3.5)).toBeLessThan(1e-9);
    }
    const model = new CellModel(fixtureConfig());
    expect(-r.steps[2]!.charge_C_per_m2).toBeCloseTo(10 * 3600 * model.ncmArealMass_kg_per_m2, 6);
  });

  it('sweeps the voltage linearly between vertices and returns at the scan rate 1 mV/s', () => {
    const r = simulateExperiment(fixtureConfig(), [
      'Rest for 10 s',
      'Sweep from 2.95 V to 3.2 V to 3.0 V at 1 mV/s',
    ]);
    const sweep = r.steps[1]!;
    expect(sweep.endReason).toBe('sweep-complete');
    expect(sweep.endTime_s - sweep.startTime_s).toBeCloseTo(450, 6);
    expect(sweep.endVoltageVsLiIn_V).toBeCloseTo(3.0, 9);
  });

  it('summarises cycles: charge/discharge mAh/g, CE ≤ 1 and irreversible capacity', () => {
    const r = simulateExperiment(fixtureConfig(), [
      {
        kind: 'repeat',
        count: 2,
        steps: ['Charge at 1C until 3.6 V', 'Discharge at 1C until 2.7 V'],
      },
    ]);
    expect(r.cycles).toHaveLength(2);
    for (const c of r.cycles) {
      expect(c.chargeCapacity_mAh_per_g).toBeGreaterThan(50);
      expect(c.coulombicEfficiency!).toBeLessThanOrEqual(1 + 1e-9);
      expect(c.irreversibleCapacity_mAh_per_g).toBeCloseTo(
        c.chargeCapacity_mAh_per_g - c.dischargeCapacity_mAh_per_g,
        9,
      );
      expect(c.dischargeEnergy_J_per_m2).toBeLessThan(c.chargeEnergy_J_per_m2);
    }
    expect(r.cell.voltageReference).toBe('Li-In');
    expect(r.cell.oneCCurrentDensity_A_per_m2).toBeCloseTo(20, 9);
  });

  it('rejects a step without end conditions and an unknown step string, naming them', () => {
    expect(() => simulateExperiment(fixtureConfig(), [{ kind: 'rest', until: [] }])).toThrow(
      /protocol\[0\].*end condition/,
    );
    expect(() => simulateExperiment(fixtureConfig(), ['Dance at 1C'])).toThrow(/"Dance at 1C"/);
  });

  it('ends a C/20 discharge at the 2.5 V cut-off without filling any shell beyond c_max', () => {
    const model = new CellModel(fixtureConfig());
    const r = simulateExperiment(model, [
      'Charge at 0.2C until 3.7 V',
      'Discharge at 0.05C until 2.5 V',
    ]);
    expect(r.steps[1]!.endReason).toBe('voltage');
    // The end-of-discharge drop is so steep that the event is bracketed in time (≤ 1 ms); the
    // engine then settles the algebraic state at exactly the cut-off.
    expect(Math.abs(r.steps[1]!.endVoltageVsLiIn_V - 2.5)).toBeLessThan(1e-4);
    for (let e = 0; e < model.ne; e++) {
      for (let k = 0; k <= model.nr; k++) {
        expect(r.finalState[model.nodeOffset(e) + 3 + k]!).toBeLessThanOrEqual(
          model.maxConcentration_mol_per_m3,
        );
      }
    }
    expect(Math.max(...r.timeSeries.meanLithiation)).toBeLessThanOrEqual(1);
  });

  it('runs the [Kim2024] pulse protocol: 1C pulses of 60 s, each followed by 600 s rest', () => {
    const r = simulateExperiment(fixtureConfig(), [
      'Charge at 0.5C until 3.2 V',
      repeat(2, ['Pulse charge at 1C for 1 minute then rest for 10 minutes']),
    ]);
    expect(r.steps.map((s) => s.endReason)).toEqual(['voltage', 'time', 'time', 'time', 'time']);
    const pulse = r.steps[1]!;
    expect(pulse.charge_C_per_m2).toBeCloseTo(20 * 60, 6);
    // Polarisation relaxes during the rest: the voltage at the end of the rest is lower.
    expect(r.steps[2]!.endVoltageVsLiIn_V).toBeLessThan(pulse.endVoltageVsLiIn_V);
  });

  it('reports progress from 0 to 1 with messages', () => {
    const seen: number[] = [];
    simulateExperiment(fixtureConfig(), ['Rest for 1 minute', 'Charge at 1C for 1 minute'], {
      onProgress: (f, message) => {
        expect(message.length).toBeGreaterThan(0);
        seen.push(f);
      },
    });
    expect(seen[seen.length - 1]).toBe(1);
    for (let i = 1; i < seen.length; i++) expect(seen[i]!).toBeGreaterThanOrEqual(seen[i - 1]!);
  });

  it('throws E_SOLVER_NON_FINITE or E_SOLVER_NOT_CONVERGED (never NaN output) for a NaN-producing plugin', () => {
    const bad = { ...fixtureChargeTransfer(), currentDensity_A_per_m2: () => Number.NaN };
    let code = '';
    try {
      simulateExperiment(fixtureConfig({ physics: fixturePhysics({ chargeTransfer: bad }) }), [
        'Charge at 1C for 60 s',
      ]);
    } catch (error) {
      code = (error as { code?: string }).code ?? '';
    }
    expect(['E_SOLVER_NON_FINITE', 'E_SOLVER_NOT_CONVERGED']).toContain(code);
  });
});
