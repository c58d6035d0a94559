import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildConductanceLevel } from '../buildConductanceLevel.js';
import { table } from '../solveVoxelConduction.fixtures.js';
import { createThreePhaseGrid } from '../syntheticGrids.js';
import { CompactFineSystem, GridFineSystem } from './FineSystem.js';

describe('FineSystem.dissipation', () => {
  it('equals xᵀAx − 2 bᵀx + Σ g_inlet for any potential, in both storages', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1_000_000 }),
        fc.double({ min: -2, max: 2, noNaN: true }),
        (seed, offset) => {
          const grid = createThreePhaseGrid({ shape: [11, 9, 8], seed, ncmRadius: 2 });
          const sigma = table({ ncm: 1e-3, se: 0.2, carbon: 500 });
          const size = 13 * 11 * 10;
          const level = () =>
            buildConductanceLevel(grid, sigma, 'x', {
              sigma: new Float32Array(size),
              queue: new Int32Array(size),
            }).level;
          for (const fine of [new GridFineSystem(level()), new CompactFineSystem(level())]) {
            if (fine.unknowns === 0) continue;
            const x = new Float64Array(fine.length);
            const padded = fine.paddedPositions();
            for (let u = 0; u < padded.length; u++) {
              const entry = fine instanceof CompactFineSystem ? u : padded[u]!;
              x[entry] = offset + Math.sin(seed + 3.7 * padded[u]!);
            }
            const b = new Float32Array(fine.length);
            fine.rightHandSide(b);
            let bx = 0;
            let inletConductance = 0;
            for (let i = 0; i < b.length; i++) {
              bx += b[i]! * x[i]!;
              inletConductance += b[i]!;
            }
            const expected = fine.energy(x) - 2 * bx + inletConductance;
            const dissipation = fine.dissipation(x);
            expect(dissipation).toBeGreaterThanOrEqual(0);
            expect(Math.abs(dissipation - expected)).toBeLessThan(1e-9 * Math.max(1, dissipation));
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});
