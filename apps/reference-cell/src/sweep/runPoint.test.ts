// One sweep point through both fidelities: the voxel fidelity generates a microstructure with the
// carbon plugin and the cell uses its measured descriptors, so its conductivities differ from the
// closed-form estimate of the effective-medium fidelity, while the capacities stay physical.
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { planDesign } from './designPoints.js';
import { parseDesign } from './loadDesign.js';
import { runPoint } from './runPoint.js';

const base = fileURLToPath(new URL('../../configs/ncm90_sc1.json', import.meta.url));

function task(fidelity: 'effective-medium' | 'voxel') {
  const design = {
    schemaVersion: 1,
    name: 'fidelity',
    base,
    axes: [{ path: 'microstructure.voxels', values: [32] }],
    experiments: { rateCRates: [1] },
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
