import { createCarbonFiberMorphology } from '@solidcell/carbon-fiber';
import {
  electrodeVolumeFractions,
  referenceDensities,
  solidVolumeFractions,
} from '@solidcell/core';
import { describe, expect, it } from 'vitest';
import { createCarbonSphericalMorphology } from './carbonSphericalPlugin.js';
import { SphericalAgglomeratePlacer } from './SphericalAgglomeratePlacer.js';

const grid = { voxels: 48, voxelSize_m: 0.5e-6 };
const sc = createCarbonSphericalMorphology();

function fractions(ncm: number, se: number, c: number, shape: 'spherical' | 'fiber') {
  return electrodeVolumeFractions(
    solidVolumeFractions({ ncm, se, carbon: c }, referenceDensities(shape)),
    0,
  );
}

describe(SphericalAgglomeratePlacer, () => {
  it.each([
    { ncm: 80, se: 17, c: 3 },
    { ncm: 90, se: 7, c: 3 },
  ])('hits the $ncm/$se/$c SC targets within 0.5 vol% absolute', ({ ncm, se, c }) => {
    const target = fractions(ncm, se, c, 'spherical');
    const m = sc.generate({ volumeFractions: target, seed: 3, grid });
    for (const phase of ['ncm', 'se', 'carbon', 'pore'] as const) {
      expect(Math.abs(m.descriptors.volumeFractions[phase] - target[phase])).toBeLessThan(0.005);
    }
  });

  it('puts more of its carbon in the SE domain than carbon fibre does (β_SC > β_CF) at 90 wt% NCM', () => {
    const scMicro = sc.generate({
      volumeFractions: fractions(90, 7, 3, 'spherical'),
      seed: 4,
      grid,
    });
    const cfMicro = createCarbonFiberMorphology().generate({
      volumeFractions: fractions(90, 7, 3, 'fiber'),
      seed: 4,
      grid,
    });
    const betaSc = scMicro.descriptors.carbonInSeDomainFraction;
    const betaCf = cfMicro.descriptors.carbonInSeDomainFraction;
    expect(betaSc).toBeGreaterThan(betaCf + 0.05);
  });

  it('places only carbon-free NCM voxels (agglomerates stay in the SE domain between particles)', () => {
    const m = sc.generate({ volumeFractions: fractions(80, 17, 3, 'spherical'), seed: 3, grid });
    const { labels, carbonFraction } = m.grid!;
    let leaked = 0;
    for (let i = 0; i < labels.length; i++)
      if (labels[i] === 1 && carbonFraction![i]! > 0) leaked++;
    expect(leaked).toBe(0);
  });

  it('rejects an agglomerate size outside 10 nm–20 µm', () => {
    expect(() => new SphericalAgglomeratePlacer({ agglomerateD50_m: -1 })).toThrow(
      /agglomerateD50_m/,
    );
  });
});
