// One sweep point through both fidelities: the voxel fidelity generates a microstructure with the
// carbon plugin and the cell uses its measured descriptors, so its conductivities differ from the
// closed-form estimate of the effective-medium fidelity, while the capacities stay physical.
import { fileURLToPath } from 'node:url';
import { createCell } from '@solidcell/core';
import { describe, expect, it } from 'vitest';
import { cellSetupFromConfig } from '../config/cellSetupFromConfig.js';
import { cellPlugins } from '../studies/cellSetup.js';
import { phaseConductivities } from '../studies/phaseConductivities.js';
import { planDesign } from './designPoints.js';
import { parseDesign } from './loadDesign.js';
import { runPoint } from './runPoint.js';
import { voxelElectrode } from './voxelElectrode.js';

const base = fileURLToPath(new URL('../../configs/ncm90_sc1.json', import.meta.url));

function task(
  fidelity: 'effective-medium' | 'voxel',
  experiments: object = { rateCRates: [1] },
  axes: object[] = [{ path: 'porosity', values: [0.1] }],
) {
  const design = {
    schemaVersion: 1,
    name: 'fidelity',
    base,
    axes,
    experiments,
    fidelity,
  };
  const [point] = [...planDesign(parseDesign(design, '.')).points()];
  return point!.task!;
}

describe('runPoint fidelities', () => {
  it('voxel descriptors change σ but not the physics of the capacities', () => {
    const estimated = runPoint(task('effective-medium'));
    const measured = runPoint(task('voxel'));
    expect(task('voxel').key).not.toBe(task('effective-medium').key);
    expect(measured.sigmaIon_S_per_m).not.toBe(estimated.sigmaIon_S_per_m);
    for (const metrics of [estimated, measured]) {
      expect(metrics.sigmaIon_S_per_m).toBeGreaterThan(0);
      expect(metrics.firstChargeCapacity_mAh_per_g).toBeGreaterThan(150);
      expect(metrics.firstChargeCapacity_mAh_per_g).toBeLessThan(280);
      expect(metrics.dischargeCapacity_1C_mAh_per_g).toBeLessThanOrEqual(
        metrics.firstDischargeCapacity_mAh_per_g!,
      );
      // Energy per electrode kg = capacity per NCM g × mean voltage × NCM mass fraction.
      const meanVoltage =
        metrics.specificEnergy_Wh_per_kg! / 0.9 / metrics.firstDischargeCapacity_mAh_per_g!;
      expect(meanVoltage).toBeGreaterThan(3.5);
      expect(meanVoltage).toBeLessThan(4.1);
    }
  });
});

describe('runPoint experiments', () => {
  it('a design protocol replaces the rate test: "formation" gives the same first cycle, no rate columns', () => {
    const standard = runPoint(task('effective-medium'));
    const formation = runPoint(task('effective-medium', { protocol: 'formation' }));
    expect(formation.firstChargeCapacity_mAh_per_g).toBeCloseTo(
      standard.firstChargeCapacity_mAh_per_g!,
      9,
    );
    expect(formation.specificEnergy_Wh_per_kg).toBeCloseTo(standard.specificEnergy_Wh_per_kg!, 9);
    expect(Object.keys(formation).some((name) => name.startsWith('dischargeCapacity_'))).toBe(
      false,
    );
    expect(formation.retention_pct).toBeNaN();
  });

  it('runs readable steps: a 1C first discharge gives less than the 0.05C formation', () => {
    const steps = runPoint(
      task('effective-medium', {
        protocol: ['Charge at 0.05C until 3.7 V', 'Discharge at 1C until 2.5 V'],
      }),
    );
    const standard = runPoint(task('effective-medium'));
    expect(steps.firstDischargeCapacity_mAh_per_g).toBeGreaterThan(0);
    expect(steps.firstDischargeCapacity_mAh_per_g).toBeLessThan(
      standard.firstDischargeCapacity_mAh_per_g!,
    );
  });
});

describe('voxel electrodes of sweep points', () => {
  const at = (temperature_C: number, ncm = 90) =>
    task('voxel', { rateCRates: [1] }, [
      { path: 'temperature_C', values: [temperature_C] },
      { path: 'massFractions_wtPct.ncm', values: [ncm] },
    ]).config;

  it('are generated once per composition and grid, and equal what a voxel config measures', () => {
    const config = at(25);
    const setup = cellSetupFromConfig({
      ...config,
      microstructure: { ...config.microstructure, descriptors: 'estimated' },
    });
    const electrode = voxelElectrode(config, setup);
    expect(voxelElectrode(at(60), setup)).toBe(electrode); // temperature: same electrode
    expect(voxelElectrode(at(25, 85), setup)).not.toBe(electrode);
    expect(electrode.descriptors).toEqual(cellSetupFromConfig(config).descriptors);
    // The base's 50 µm domain (100 × 0.5 µm) on the sweep's coarser grid.
    expect(config.microstructure).toMatchObject({ voxels: 32, voxelSize_um: 1.5625 });
  });

  it('give solved σ within the parallel (Wiener) bounds of their phases', () => {
    const voxel = runPoint(task('voxel'));
    const config = task('voxel').config;
    const setup = cellSetupFromConfig(config);
    const phi = setup.descriptors!.volumeFractions;
    const phases = (path: 'ionic' | 'electronic') =>
      phaseConductivities(
        createCell(cellPlugins(setup)),
        setup.carbonShape,
        path,
        setup.temperature_K,
      );
    const ionic = phases('ionic');
    const electronic = phases('electronic');
    // Parallel (Wiener) bounds: σ_eff ≤ Σ φ_i σ_i; for ions only the SE conducts.
    expect(voxel.sigmaIon_S_per_m).toBeGreaterThan(0);
    expect(voxel.sigmaIon_S_per_m).toBeLessThan(phi.se * ionic.se);
    const wiener = (['ncm', 'se', 'carbon'] as const).reduce(
      (sum, phase) => sum + phi[phase] * electronic[phase],
      0,
    );
    expect(voxel.sigmaEl_S_per_m).toBeGreaterThan(0);
    expect(voxel.sigmaEl_S_per_m).toBeLessThan(wiener);
  });
});
