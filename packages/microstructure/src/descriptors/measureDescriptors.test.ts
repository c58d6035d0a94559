import { PhaseLabel, type VoxelGrid } from '@solidcell/core';
import { describe, expect, it } from 'vitest';
import { measureDescriptors, STAIRCASE_AREA_FACTOR } from './measureDescriptors.js';

const options = {
  seGapWidth_m: 3e-6,
  subVoxelCarbonSurfaceToVolume_per_m: 1e7,
};

function grid(
  n: number,
  fill: (x: number, y: number, z: number) => number,
  periodic = false,
): VoxelGrid {
  const labels = new Uint8Array(n ** 3);
  for (let z = 0; z < n; z++)
    for (let y = 0; y < n; y++)
      for (let x = 0; x < n; x++) labels[x + n * (y + n * z)] = fill(x, y, z);
  return { shape: [n, n, n], voxelSize_m: 1e-6, labels, periodic };
}

describe(measureDescriptors, () => {
  it.each([12, 20])(
    'measures a voxelised sphere of radius %i voxels within 4 percent of 4πr² after the 2/3 correction',
    (r) => {
      const n = 2 * r + 8;
      const c = n / 2;
      const g = grid(n, (x, y, z) =>
        (x + 0.5 - c) ** 2 + (y + 0.5 - c) ** 2 + (z + 0.5 - c) ** 2 <= r * r
          ? PhaseLabel.ncm
          : PhaseLabel.se,
      );
      const d = measureDescriptors(g, options);
      const area = d.interfaceAreaPerVolume_m2_per_m3.ncm_se * n ** 3 * 1e-18;
      const exact = 4 * Math.PI * r * r * 1e-12;
      expect(Math.abs(area / exact - 1)).toBeLessThan(0.04);
    },
  );

  it('under-reports an axis-aligned plane by exactly the staircase factor 2/3 (documented bias)', () => {
    const n = 10;
    const g = grid(n, (x) => (x < 5 ? PhaseLabel.ncm : PhaseLabel.se));
    const d = measureDescriptors(g, options);
    const area = d.interfaceAreaPerVolume_m2_per_m3.ncm_se * n ** 3 * 1e-18;
    expect(area).toBeCloseTo(STAIRCASE_AREA_FACTOR * n * n * 1e-12, 20);
  });

  it('gives percolating fraction 1 for a fully connected SE slab and 0 when a plane blocks it', () => {
    const full = measureDescriptors(
      grid(8, () => PhaseLabel.se),
      options,
    );
    expect(full.percolatingFraction.se).toBe(1);
    expect(full.percolatingFraction.electronic).toBe(0);
    const blocked = measureDescriptors(
      grid(8, (x) => (x === 4 ? PhaseLabel.ncm : PhaseLabel.se)),
      options,
    );
    expect(blocked.percolatingFraction.se).toBe(0);
    expect(blocked.percolatingFraction.electronic).toBe(0);
  });

  it('counts only the spanning share: one SE voxel walled in by NCM gives 209/210', () => {
    const n = 6;
    const g = grid(n, (x, y, z) =>
      Math.abs(x - 3) + Math.abs(y - 3) + Math.abs(z - 3) === 1 ? PhaseLabel.ncm : PhaseLabel.se,
    );
    const d = measureDescriptors(g, options);
    expect(d.percolatingFraction.se).toBeCloseTo(209 / 210, 12);
    expect(d.percolatingFraction.electronic).toBe(0);
  });

  it('keeps every descriptor finite and every fraction in [0, 1] on a random grid', () => {
    let s = 12345;
    const rand = () => {
      s = (Math.imul(s, 1103515245) + 12345) >>> 0;
      return s / 2 ** 32;
    };
    const g = grid(12, () => Math.floor(rand() * 4), true);
    const d = measureDescriptors(g, options);
    for (const v of Object.values(d.interfaceAreaPerVolume_m2_per_m3))
      expect(Number.isFinite(v)).toBe(true);
    for (const v of [
      d.percolatingFraction.se,
      d.percolatingFraction.electronic,
      d.carbonInSeDomainFraction,
    ]) {
      expect(v).toBeGreaterThanOrEqual(0);
      expect(v).toBeLessThanOrEqual(1);
    }
    const sum = Object.values(d.volumeFractions).reduce((a, b) => a + b, 0);
    expect(sum).toBeCloseTo(1, 12);
  });

  it('counts NCM|SE faces as three-phase only where carbon touches them, weighted by the carbon', () => {
    const n = 20;
    // NCM for x < 5; carbon (fraction f) at x = 6, z < 10: one voxel off the NCM|SE faces at x = 5.
    const build = (f: number, at: number) => {
      const g = grid(n, (x) => (x < 5 ? PhaseLabel.ncm : PhaseLabel.se));
      const carbonFraction = new Float32Array(g.labels.length);
      for (let i = 0; i < g.labels.length; i++) {
        const x = i % n;
        const z = Math.floor(i / (n * n));
        if (x === at && z < 10) carbonFraction[i] = f;
      }
      return measureDescriptors({ ...g, carbonFraction }, options);
    };
    const touching = build(0.4, 6);
    expect(touching.threePhaseFraction).toBeCloseTo(0.5 * 0.4, 6);
    expect(build(0.8, 6).threePhaseFraction).toBeCloseTo(0.5 * 0.8, 6);
    // Two voxels away from the interface: no three-phase contact.
    expect(build(1, 7).threePhaseNcmAreaPerVolume_m2_per_m3).toBe(0);
    expect(touching.ncmSeCoverage).toBeCloseTo(1, 12);
  });
});
