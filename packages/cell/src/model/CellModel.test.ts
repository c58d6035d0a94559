import {
  ChargeTransfer,
  createCell,
  definePlugin,
  Material,
  type MicrostructureDescriptors,
  SideReaction,
  Transport,
} from '@solidcell/core';
import { ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';
import { simulateExperiment } from '../simulate/simulateExperiment.js';
import {
  FIXTURE_FRACTIONS,
  fixtureActiveMaterial,
  fixtureCarbon,
  fixtureChargeTransfer,
  fixtureConfig,
  fixtureElectrolyte,
  fixturePhysics,
  fixtureSideReaction,
  fixtureTransport,
} from '../testing/cell.fixtures.js';
import type { CellModelConfig } from './CellConfig.js';
import { CellModel } from './CellModel.js';
import { cellPhysicsFromComponents } from './cellPhysicsFromComponents.js';
import { estimateDescriptors } from './estimateDescriptors.js';

/** The fixture electrode with a microstructure carrying these descriptors. */
function measuredElectrode(descriptors: MicrostructureDescriptors): CellModelConfig['electrode'] {
  return {
    volumeFractions: FIXTURE_FRACTIONS,
    arealCapacity_C_per_m2: 72_000,
    microstructure: {
      morphologyId: 'fixture',
      carbonShape: 'spherical',
      seed: 0,
      targetVolumeFractions: FIXTURE_FRACTIONS,
      descriptors,
    },
  };
}

describe('CellModel', () => {
  it('has an analytic banded Jacobian equal to finite differences (relative 1e-4, side reaction on)', () => {
    const model = new CellModel(
      fixtureConfig({
        // The slow couplings (σ_el(x̄), R_film(q), σ_ion(SE lost)) are excluded from the
        // Jacobian by design; switch them off so that every entry can be compared.
        physics: fixturePhysics({
          activeMaterial: {
            ...fixtureActiveMaterial(),
            electronicConductivity_S_per_m: () => 1e-3,
          },
          sideReactions: [
            fixtureSideReaction({
              rate_A_per_m2: 1e-3,
              filmPerCharge_ohm_m4_per_C: 0,
              seLossPerCharge: 0,
            }),
          ],
        }),
        mesh: { electrodeNodes: 4, separatorNodes: 2, particleShells: 5 },
      }),
    );
    const n = model.size;
    const y = new Float64Array(n);
    model.initialState(y);
    // A non-trivial state: lithiation gradient, potentials, currents and side state.
    for (let e = 0; e < model.ne; e++) {
      const b = model.nodeOffset(e);
      y[b] = 0.01 * e;
      y[b + 1] = 3.95 + 0.002 * e;
      y[b + 2] = 0.5 + 0.1 * e;
      for (let k = 0; k <= model.nr; k++)
        y[b + 3 + k] = (0.6 + 0.02 * k + 0.01 * e) * model.maxConcentration_mol_per_m3;
      y[b + 4 + model.nr] = 3 + e;
    }
    y[model.currentIndex] = 5;
    model.mode = 'voltage';
    model.setPoint = () => 3.3;
    model.cdt = 0.1;
    model.psi.set(y);
    const jac = model.createMatrix();
    const r0 = new Float64Array(n);
    const r1 = new Float64Array(n);
    model.evaluate(y, 0, r0, jac);
    let worst = 0;
    for (let j = 0; j < n; j++) {
      const h = 1e-6 * Math.max(1, Math.abs(y[j]!));
      y[j]! += h;
      model.evaluate(y, 0, r1, null);
      y[j]! -= h;
      for (let i = Math.max(0, j - model.block); i <= Math.min(n - 1, j + model.block); i++) {
        const fd = (r1[i]! - r0[i]!) / h;
        const an = jac.get(i, j);
        const scale = Math.abs(fd) + Math.abs(an);
        if (scale > 1e-6) worst = Math.max(worst, Math.abs(fd - an) / scale);
      }
    }
    expect(worst).toBeLessThan(1e-4);
  });

  it('derives thickness from areal capacity: 2 mAh/cm² at ε_NCM 0.4968 → 42.29 µm', () => {
    const model = new CellModel(fixtureConfig());
    expect(model.electrodeThickness_m * 1e6).toBeCloseTo(
      (72_000 / (720_000 * 4760 * FIXTURE_FRACTIONS.ncm)) * 1e6,
      9,
    );
    expect(model.referenceCapacity_C_per_m2).toBeCloseTo(72_000, 6);
    expect(model.contactArea_m2_per_m3).toBeCloseTo((0.3 * 3 * FIXTURE_FRACTIONS.ncm) / 5e-6, 6);
  });

  it('rejects ambiguous or invalid inputs naming the field', () => {
    expect(
      () =>
        new CellModel(
          fixtureConfig({
            electrode: {
              volumeFractions: FIXTURE_FRACTIONS,
              thickness_m: 1e-4,
              arealCapacity_C_per_m2: 1,
            },
          }),
        ),
    ).toThrow(/electrode.*exactly one of/);
    expect(() => new CellModel(fixtureConfig({ temperature_K: -1 }))).toThrow(/temperature_K = -1/);
    expect(() => new CellModel(fixtureConfig({ mesh: { electrodeNodes: 1 } }))).toThrow(
      /mesh.electrodeNodes/,
    );
    expect(
      () =>
        new CellModel(
          fixtureConfig({
            electrode: {
              volumeFractions: FIXTURE_FRACTIONS,
              thickness_m: 1e-4,
              contactFraction: 2,
            },
          }),
        ),
    ).toThrow(/electrode.contactFraction/);
  });

  it('feeds SE consumption back into σ_ion,eff: 0.05 SE lost lowers σ_ion at every node', () => {
    const reaction = fixtureSideReaction({ rate_A_per_m2: 0, seLossPerCharge: 0.01 });
    const model = new CellModel(
      fixtureConfig({ physics: fixturePhysics({ sideReactions: [reaction] }) }),
    );
    const y = new Float64Array(model.size);
    model.initialState(y);
    const r = new Float64Array(model.size);
    model.evaluate(y, 0, r, null);
    const fresh = model.sigmaIon[0]!;
    for (let e = 0; e < model.ne; e++) y[model.nodeOffset(e) + 4 + model.nr] = 5; // 5 C/m² → 0.05 lost
    model.evaluate(y, 0, r, null);
    const se0 = FIXTURE_FRACTIONS.se;
    // Fixture transport: σ ∝ φ_SE³; the table interpolates linearly between 41 samples.
    expect(model.sigmaIon[0]! / fresh).toBeCloseTo(((se0 - 0.05) / se0) ** 3, 3);
    expect(model.meanSeFraction()).toBeCloseTo(se0 - 0.05, 12);
  });

  it('starts from the measured σ_ion/σ_SE and lets the transport law set only its fall with SE lost', () => {
    const reaction = fixtureSideReaction({ rate_A_per_m2: 0, seLossPerCharge: 0.01 });
    const descriptors = {
      ...estimateDescriptors(FIXTURE_FRACTIONS, 5e-6, 0.3),
      ionicConductivityRatio: 0.004,
    };
    const model = new CellModel(
      fixtureConfig({
        physics: fixturePhysics({ sideReactions: [reaction] }),
        electrode: measuredElectrode(descriptors),
      }),
    );
    const y = new Float64Array(model.size);
    model.initialState(y);
    const r = new Float64Array(model.size);
    model.evaluate(y, 0, r, null);
    const sigmaSe = fixtureElectrolyte().ionicConductivity_S_per_m({ temperature_K: 298.15 });
    expect(model.sigmaIon[0]! / sigmaSe).toBeCloseTo(0.004, 10);
    for (let e = 0; e < model.ne; e++) y[model.nodeOffset(e) + 4 + model.nr] = 5; // 0.05 lost
    model.evaluate(y, 0, r, null);
    const se0 = FIXTURE_FRACTIONS.se;
    expect(model.sigmaIon[0]! / sigmaSe / 0.004).toBeCloseTo(((se0 - 0.05) / se0) ** 3, 3);
    expect(
      () =>
        new CellModel(
          fixtureConfig({
            electrode: measuredElectrode({ ...descriptors, ionicConductivityRatio: 2 }),
          }),
        ),
    ).toThrow(/descriptors.ionicConductivityRatio/);
  });

  it('a film resistance of 0.01 Ω m² raises the 1C charge voltage by about j·R_f', () => {
    const volt = (film: number) => {
      const reaction = fixtureSideReaction({
        rate_A_per_m2: 0,
        filmPerCharge_ohm_m4_per_C: film / 10,
      });
      const config = fixtureConfig({ physics: fixturePhysics({ sideReactions: [reaction] }) });
      const model = new CellModel(config);
      const y = new Float64Array(model.size);
      model.initialState(y);
      for (let e = 0; e < model.ne; e++) y[model.nodeOffset(e) + 4 + model.nr] = 10;
      const r = simulateExperiment(model, ['Charge at 1C for 1 s'], { initialState: y });
      return {
        v: r.steps[0]!.endVoltageVsLiIn_V,
        j: 20 / (model.contactArea_m2_per_m3 * model.electrodeThickness_m),
      };
    };
    const a = volt(0);
    const b = volt(0.01);
    // Not exact (current redistributes across the electrode), but of the order j R_f.
    expect(b.v - a.v).toBeGreaterThan(0.5 * a.j * 0.01);
    expect(b.v - a.v).toBeLessThan(1.5 * a.j * 0.01);
  });

  it('takes its physics from a composed container (core createCell)', () => {
    const plugin = definePlugin({
      id: 'fixture-plugin',
      kinds: ['Material', 'Transport', 'ChargeTransfer', 'SideReaction'],
      module: new ContainerModule(({ bind }) => {
        bind(Material).toConstantValue(fixtureActiveMaterial());
        bind(Material).toConstantValue(fixtureElectrolyte());
        bind(Material).toConstantValue(fixtureCarbon());
        bind(Transport).toConstantValue({ ...fixtureTransport(), id: 'effective-medium' });
        bind(ChargeTransfer).toConstantValue(fixtureChargeTransfer());
        bind(SideReaction).toConstantValue(fixtureSideReaction());
      }),
    });
    const physics = cellPhysicsFromComponents(createCell([plugin]));
    expect(physics.transport.id).toBe('effective-medium');
    expect(physics.carbon?.id).toBe('fixture-carbon');
    expect(physics.sideReactions).toHaveLength(1);
    const model = new CellModel({
      physics,
      electrode: { volumeFractions: FIXTURE_FRACTIONS, thickness_m: 5e-5 },
    });
    expect(model.size).toBe(4 + 20 * (4 + 15 + 1) + 1);
  });
});
