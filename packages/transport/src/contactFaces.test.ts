import { PhaseLabel, type VoxelGrid } from '@solidcell/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { mixedVoxelConductivity_S_per_m } from './conductivityTable.js';
import { relativeError, table } from './solveVoxelConduction.fixtures.js';
import { solveVoxelConduction } from './solveVoxelConduction.js';

const { ncm, se, carbon } = PhaseLabel;
const h = 0.5e-6;
const sigmaSe = 0.2;

/** A box of one label whose grain id changes every `grainLength` voxels along `normal`. */
function grainedBox(
  shape: readonly [number, number, number],
  label: PhaseLabel,
  normal: 0 | 1 | 2,
  grainLength: number,
): VoxelGrid {
  const [nx, ny, nz] = shape;
  const labels = new Uint8Array(nx * ny * nz).fill(label);
  const grainId = new Int32Array(labels.length);
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      for (let x = 0; x < nx; x++) {
        grainId[x + nx * (y + ny * z)] = Math.floor([x, y, z][normal]! / grainLength);
      }
    }
  }
  return { shape, voxelSize_m: h, labels, grainId, periodic: false };
}

describe('contact resistances as face conductances', () => {
  it('grain boundaries in series: σ_eff = L / (L/σ + n_gb R_gb) within 1e-6', () => {
    const R = 2e-6; // Ω m², comparable to the bulk h/σ = 2.5e-6 Ω m² of one voxel
    const grid = grainedBox([12, 4, 4], se, 0, 3);
    const result = solveVoxelConduction(grid, table({ se: sigmaSe }), 'x', {
      relativeTolerance: 1e-10,
      contactResistance_ohm_m2: { se_se: R },
    });
    const L = 12 * h;
    expect(relativeError(result.conductivity_S_per_m, L / (L / sigmaSe + 3 * R))).toBeLessThan(
      1e-6,
    );
  });

  it('grain boundaries parallel to the current leave σ_eff = σ_SE', () => {
    const grid = grainedBox([8, 6, 6], se, 1, 2);
    const result = solveVoxelConduction(grid, table({ se: sigmaSe }), 'x', {
      relativeTolerance: 1e-10,
      contactResistance_ohm_m2: { se_se: 1e-3 },
    });
    expect(relativeError(result.conductivity_S_per_m, sigmaSe)).toBeLessThan(1e-6);
  });

  it('contact resistance → 0 recovers the contact-free result; → ∞ disconnects', () => {
    const grid = grainedBox([10, 5, 5], ncm, 0, 2);
    const sigma = table({ ncm: 1e-3 });
    const free = solveVoxelConduction(grid, sigma, 'x', { relativeTolerance: 1e-10 });
    const tiny = solveVoxelConduction(grid, sigma, 'x', {
      relativeTolerance: 1e-10,
      contactResistance_ohm_m2: { ncm_ncm: 1e-15 },
    });
    const infinite = solveVoxelConduction(grid, sigma, 'x', {
      contactResistance_ohm_m2: { ncm_ncm: Number.POSITIVE_INFINITY },
    });
    expect(relativeError(tiny.conductivity_S_per_m, free.conductivity_S_per_m)).toBeLessThan(1e-6);
    expect(free.conductivity_S_per_m).toBeCloseTo(1e-3, 9);
    expect(infinite.conductivity_S_per_m).toBe(0);
  });

  it('σ_eff falls monotonically as any contact resistance grows (property)', () => {
    const grid = grainedBox([6, 3, 3], ncm, 0, 2);
    const sigma = table({ ncm: 1 });
    fc.assert(
      fc.property(
        fc.double({ min: 1e-9, max: 1e-4, noNaN: true }),
        fc.double({ min: 1.01, max: 100, noNaN: true }),
        (R, factor) => {
          const solve = (r: number) =>
            solveVoxelConduction(grid, sigma, 'x', {
              relativeTolerance: 1e-10,
              contactResistance_ohm_m2: { ncm_ncm: r },
            }).conductivity_S_per_m;
          return solve(R * factor) < solve(R);
        },
      ),
      { numRuns: 20, seed: 7 },
    );
  });

  it('carbon–NCM and carbon–carbon contacts act only between different pieces', () => {
    // x: NCM | carbon piece 0 | carbon piece 0 | carbon piece 1 | NCM
    const shape = [5, 2, 2] as const;
    const labels = new Uint8Array(20);
    const pieces = new Int32Array(20).fill(-1);
    for (let i = 0; i < 20; i++) {
      const x = i % 5;
      labels[i] = x === 0 || x === 4 ? ncm : carbon;
      if (x === 1 || x === 2) pieces[i] = 0;
      if (x === 3) pieces[i] = 1;
    }
    const grid: VoxelGrid = {
      shape,
      voxelSize_m: h,
      labels,
      carbonPieceId: pieces,
      periodic: false,
    };
    const Rcc = 3e-8;
    const Rnc = 5e-8;
    const sigma = table({ ncm: 10, carbon: 100 });
    const result = solveVoxelConduction(grid, sigma, 'x', {
      relativeTolerance: 1e-12,
      contactResistance_ohm_m2: { carbon_carbon: Rcc, ncm_carbon: Rnc },
    });
    const L = 5 * h;
    const exact = L / ((2 * h) / 10 + (3 * h) / 100 + Rcc + 2 * Rnc);
    expect(relativeError(result.conductivity_S_per_m, exact)).toBeLessThan(1e-6);
  });

  it('rejects a negative contact resistance naming the field', () => {
    const grid = grainedBox([4, 2, 2], se, 0, 2);
    expect(() =>
      solveVoxelConduction(grid, table({ se: 1 }), 'x', {
        contactResistance_ohm_m2: { se_se: -1 },
      }),
    ).toThrow(/contactResistance_ohm_m2\.se_se/);
  });
});

describe('sub-voxel carbon: Bruggeman mixing', () => {
  it('is exact at f = 0 and f = 1 and stays between the series and parallel bounds', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 1e-7, max: 10, noNaN: true }),
        fc.double({ min: 10, max: 1e5, noNaN: true }),
        (f, host, c) => {
          const sigma = mixedVoxelConductivity_S_per_m(host, f, c);
          const parallel = (1 - f) * host + f * c;
          const series = 1 / ((1 - f) / host + f / c);
          return sigma <= parallel * (1 + 1e-9) && sigma >= series * (1 - 1e-9);
        },
      ),
      { seed: 3 },
    );
    expect(mixedVoxelConductivity_S_per_m(0.2, 0, 500)).toBeCloseTo(0.2, 12);
    expect(mixedVoxelConductivity_S_per_m(0.2, 1, 500)).toBeCloseTo(500, 9);
  });

  it('insulating host: no conduction below the EMA threshold 1/3, σ_C(3f − 1)/2 above', () => {
    expect(mixedVoxelConductivity_S_per_m(0, 0.3, 500)).toBe(0);
    expect(mixedVoxelConductivity_S_per_m(0, 0.6, 500)).toBeCloseTo((500 * 0.8) / 2, 9);
  });
});

describe('sub-voxel carbon: fibre strands', () => {
  it('a strand voxel conducts by parallel mixing below the dispersion threshold', () => {
    const shape = [6, 3, 3] as const;
    const labels = new Uint8Array(54).fill(se);
    const carbonFraction = new Float32Array(54).fill(0.2);
    const sigma = table({ se: 0, carbon: 100 });
    const dispersed = solveVoxelConduction(
      { shape, voxelSize_m: h, labels, carbonFraction, periodic: false },
      sigma,
      'x',
    );
    const strand = solveVoxelConduction(
      {
        shape,
        voxelSize_m: h,
        labels,
        carbonFraction,
        carbonStrand: new Uint8Array(54).fill(1),
        periodic: false,
      },
      sigma,
      'x',
      { relativeTolerance: 1e-10 },
    );
    expect(dispersed.conductivity_S_per_m).toBe(0);
    expect(relativeError(strand.conductivity_S_per_m, 20)).toBeLessThan(1e-6);
  });
});
