import { createRandom, PhaseLabel } from '@solidcell/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { packNcmSpheres } from './packNcmSpheres.js';
import { logNormalSigmaFromSpan, sampleRadii } from './particleSizeDistribution.js';
import { rasterizeNcm } from './rasterizeNcm.js';

describe(rasterizeNcm, () => {
  it('labels exactly the target number of NCM voxels for any target the packing can reach', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 2 ** 31 }),
        fc.double({ min: 0.3, max: 0.75, noNaN: true }),
        (seed, phi) => {
          const grid = { nx: 24, ny: 24, nz: 24, periodic: seed % 2 === 0 };
          const random = createRandom(seed);
          const radii = sampleRadii(random, 8, 0.8, phi * 24 ** 3 * 1.25, 8);
          const spheres = packNcmSpheres(grid, random, {
            radii,
            maxOverlap: 0.2,
            attemptsPerSphere: 300,
          });
          const target = Math.round(phi * 24 ** 3);
          const raster = rasterizeNcm(grid, spheres, target, 0.4);
          const count = raster.labels.reduce((n, l) => n + (l === PhaseLabel.ncm ? 1 : 0), 0);
          expect(count).toBe(target);
          let mismatches = 0;
          for (let i = 0; i < raster.labels.length; i++) {
            if (raster.owner[i]! >= 0 !== (raster.labels[i] === PhaseLabel.ncm)) mismatches++;
          }
          expect(mismatches).toBe(0);
        },
      ),
      { numRuns: 12 },
    );
  });

  it('keeps packed centres at least (1 − maxOverlap)(r_i + r_j) apart', () => {
    const grid = { nx: 40, ny: 40, nz: 40, periodic: true };
    const random = createRandom(3);
    const radii = sampleRadii(random, 10, 0.8, 0.7 * 40 ** 3, 12);
    const spheres = packNcmSpheres(grid, random, {
      radii,
      maxOverlap: 0.2,
      attemptsPerSphere: 200,
    });
    const wrap = (d: number) => d - 40 * Math.round(d / 40);
    for (let i = 0; i < spheres.length; i++) {
      for (let j = i + 1; j < spheres.length; j++) {
        const a = spheres[i]!;
        const b = spheres[j]!;
        const d = Math.hypot(wrap(a.x - b.x), wrap(a.y - b.y), wrap(a.z - b.z));
        expect(d).toBeGreaterThanOrEqual(0.8 * (a.radius + b.radius) - 1e-9);
      }
    }
  });
});

describe(logNormalSigmaFromSpan, () => {
  it('reproduces the requested span (D90 − D10)/D50 = 0.9 within 3 % from 20 000 samples', () => {
    const random = createRandom(11);
    const sigma = logNormalSigmaFromSpan(0.9);
    const d = Array.from({ length: 20_000 }, () => random.nextLogNormal(0, sigma)).sort(
      (a, b) => a - b,
    );
    const q = (p: number) => d[Math.floor(p * d.length)]!;
    expect((q(0.9) - q(0.1)) / q(0.5) / 0.9).toBeCloseTo(1, 1);
    expect(Math.abs((q(0.9) - q(0.1)) / q(0.5) / 0.9 - 1)).toBeLessThan(0.03);
  });

  it('is 0 for a monodisperse powder and rejects negative spans', () => {
    expect(logNormalSigmaFromSpan(0)).toBe(0);
    expect(() => logNormalSigmaFromSpan(-1)).toThrow(/ncmParticles.span/);
  });
});
