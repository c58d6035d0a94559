import { createRandom, PhaseLabel } from '@solidcell/core';
import { describe, expect, it } from 'vitest';
import { fitPercolationLaw, percolationRatio } from './percolationLaw.js';
import { report, table } from './solveVoxelConduction.fixtures.js';
import { solveVoxelConduction } from './solveVoxelConduction.js';
import { createRandomSpheresGrid } from './syntheticGrids.js';

describe(fitPercolationLaw, () => {
  it('recovers t = 2.3, φ_c = 0.12 from exact samples to 1e-6', () => {
    const law = { exponent: 2.3, threshold: 0.12 };
    const samples = [0.15, 0.2, 0.3, 0.45, 0.6, 0.8].map((volumeFraction) => ({
      volumeFraction,
      relativeConductivity: percolationRatio(volumeFraction, law),
    }));
    const fit = fitPercolationLaw(samples);
    expect(fit.exponent).toBeCloseTo(2.3, 6);
    expect(fit.threshold).toBeCloseTo(0.12, 6);
    expect(fit.rmsLogError).toBeLessThan(1e-6);
  });

  it('fits only t with a fixed threshold, and ignores non-percolating samples', () => {
    const random = createRandom(3);
    const samples = [0.05, 0.2, 0.3, 0.4, 0.5].map((phi) => ({
      volumeFraction: phi,
      relativeConductivity:
        percolationRatio(phi, { exponent: 2, threshold: 0.07 }) *
        Math.exp(0.02 * random.nextNormal()),
    }));
    samples.push({ volumeFraction: 0.06, relativeConductivity: 0 });
    const fit = fitPercolationLaw(samples, { threshold: 0.07 });
    expect(fit.threshold).toBe(0.07);
    expect(fit.exponent).toBeGreaterThan(1.95);
    expect(fit.exponent).toBeLessThan(2.05);
    expect(fit.samplesUsed).toBe(4);
  });

  it('rejects too few usable samples with E_INVALID_INPUT', () => {
    expect(() => fitPercolationLaw([{ volumeFraction: 0.3, relativeConductivity: 0.1 }])).toThrow(
      /samples/,
    );
  });

  it('fits voxel results of random conducting spheres with 1 < t < 4 and 0 ≤ φ_c < 0.35', () => {
    const samples = [0.3, 0.4, 0.55, 0.7].map((volumeFraction) => {
      const grid = createRandomSpheresGrid({
        shape: [28, 28, 28],
        seed: 21,
        matrix: PhaseLabel.pore,
        inclusion: PhaseLabel.se,
        volumeFraction,
        radius: 2.5,
      });
      const measured = grid.labels.filter((l) => l === PhaseLabel.se).length / grid.labels.length;
      return {
        volumeFraction: measured,
        relativeConductivity: solveVoxelConduction(grid, table({ se: 1 }), 'x')
          .conductivity_S_per_m,
      };
    });
    const fit = fitPercolationLaw(samples);
    report(
      `voxel fit: t = ${fit.exponent.toFixed(3)}, φ_c = ${fit.threshold.toFixed(3)}, rms ln error ${fit.rmsLogError.toExponential(2)}`,
    );
    expect(fit.exponent).toBeGreaterThan(1);
    expect(fit.exponent).toBeLessThan(4);
    expect(fit.threshold).toBeGreaterThanOrEqual(0);
    expect(fit.threshold).toBeLessThan(0.35);
  });
});
