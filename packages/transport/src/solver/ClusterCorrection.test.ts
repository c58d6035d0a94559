import { PhaseLabel, type VoxelGrid } from '@solidcell/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildConductanceLevel } from '../buildConductanceLevel.js';
import { relativeError, report, table } from '../solveVoxelConduction.fixtures.js';
import { solveVoxelConduction } from '../solveVoxelConduction.js';
import { createThreePhaseGrid } from '../syntheticGrids.js';
import { ClusterCorrection } from './ClusterCorrection.js';
import { CompactFineSystem, type FineSystem, GridFineSystem } from './FineSystem.js';
import { MultigridPreconditioner } from './MultigridPreconditioner.js';

const ISLAND = 2;
const PITCH = 4;

/**
 * An n³ grid of NCM with 2×2×2 carbon cubes every 4 voxels (isolated islands) and, when
 * `pores`, a pore slab at y = n − 1 so that the active cluster is smaller than the grid.
 */
function islandGrid(n: number, pores: boolean): VoxelGrid {
  const labels = new Uint8Array(n ** 3).fill(PhaseLabel.ncm);
  for (let k = 0; k < n; k++) {
    for (let j = 0; j < n; j++) {
      for (let i = 0; i < n; i++) {
        const inIsland = (c: number) => c % PITCH >= 1 && c % PITCH <= ISLAND;
        const v = i + n * (j + n * k);
        if (inIsland(i) && inIsland(j) && inIsland(k)) labels[v] = PhaseLabel.carbon;
        if (pores && j === n - 1) labels[v] = PhaseLabel.pore;
      }
    }
  }
  return { shape: [n, n, n], voxelSize_m: 1e-6, labels, periodic: false };
}

function fineSystems(grid: VoxelGrid, sigma: Float64Array): FineSystem[] {
  const size = (grid.shape[0] + 2) * (grid.shape[1] + 2) * (grid.shape[2] + 2);
  const build = () =>
    buildConductanceLevel(grid, sigma, 'x', {
      sigma: new Float32Array(size),
      queue: new Int32Array(size),
    }).level;
  return [new GridFineSystem(build()), new CompactFineSystem(build())];
}

/**
 * Net current into every island, Σ over its faces to the NCM of g (x_out − x_in), in float64 on
 * the structured level (the islands do not touch the electrode faces, so b is 0 on them).
 */
function islandResiduals(fine: GridFineSystem, grid: VoxelGrid, x: Float64Array): number[] {
  const n = grid.shape[0];
  const { sy, sz, gx, gy, gz } = fine.level;
  const islands = new Map<number, number>();
  const cell = (p: number) => [(p % sy) - 1, Math.floor((p % sz) / sy) - 1, Math.floor(p / sz) - 1];
  const isCarbon = (p: number) => {
    const [i, j, k] = cell(p) as [number, number, number];
    return grid.labels[i + n * (j + n * k)] === PhaseLabel.carbon;
  };
  for (const p of fine.paddedPositions()) {
    if (!isCarbon(p)) continue;
    const faces: [number, number][] = [
      [p - 1, gx[p - 1]!],
      [p + 1, gx[p]!],
      [p - sy, gy[p - sy]!],
      [p + sy, gy[p]!],
      [p - sz, gz[p - sz]!],
      [p + sz, gz[p]!],
    ];
    let net = 0;
    for (const [q, g] of faces) if (!isCarbon(q)) net += g * (x[q]! - x[p]!);
    const [i, j, k] = cell(p).map((c) => Math.floor(c / PITCH)) as [number, number, number];
    const island = i + 8 * (j + 8 * k);
    islands.set(island, (islands.get(island) ?? 0) + net);
  }
  return [...islands.values()];
}

describe('ClusterCorrection', () => {
  it('finds every island and leaves no net residual on any of them (Galerkin), in both storages', () => {
    const grid = islandGrid(12, true);
    const sigma = table({ ncm: 1e-3, carbon: 100 });
    const [grid0, compact] = fineSystems(grid, sigma) as [GridFineSystem, CompactFineSystem];
    const correction = (fine: FineSystem) => {
      const clusters = ClusterCorrection.build(fine);
      expect(clusters?.clusters).toBe(27);
      expect(clusters?.clusteredUnknowns).toBe(27 * ISLAND ** 3);
      return clusters!;
    };
    const onGrid = correction(grid0);
    const onCompact = correction(compact);
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), (seed) => {
        // A pseudo-random potential on the active cells of each storage (other entries 0).
        const potential = (p: number) => (Math.sin(seed + 12.9898 * p) * 43758.5453) % 1;
        const x = new Float64Array(grid0.length);
        for (const p of grid0.paddedPositions()) x[p] = potential(p);
        const padded = compact.paddedPositions();
        const xCompact = Float64Array.from({ length: compact.length }, (_, u) =>
          u < padded.length ? potential(padded[u]!) : 0,
        );
        const before = islandResiduals(grid0, grid, x);
        const scale = Math.max(...before.map(Math.abs));
        expect(scale).toBeGreaterThan(1e-6);
        const b = new Float32Array(grid0.length);
        grid0.rightHandSide(b);
        onGrid.correct(b, x);
        for (const value of islandResiduals(grid0, grid, x)) {
          expect(Math.abs(value)).toBeLessThan(1e-9 * scale);
        }
        const bCompact = new Float32Array(compact.length);
        compact.rightHandSide(bCompact);
        onCompact.correct(bCompact, xCompact);
        for (let u = 0; u < padded.length; u++) {
          expect(Math.abs(xCompact[u]! - x[padded[u]!]!)).toBeLessThan(1e-12);
        }
      }),
      { numRuns: 10 },
    );
  });

  it('keeps the V-cycle symmetric positive definite (u·Mv = v·Mu, u·Mu > 0), in both storages', () => {
    const grid = islandGrid(12, true);
    for (const fine of fineSystems(grid, table({ ncm: 1e-3, carbon: 100 }))) {
      const cycle = (clusters: boolean) =>
        new MultigridPreconditioner(fine, { cycle: 'V', aggregation: 'blocks', clusters });
      const mg = cycle(true);
      // The correction is in the cycle: it holds the islands' member and boundary lists.
      expect(mg.coarseBytes).toBeGreaterThan(cycle(false).coarseBytes);
      expect(mg.levels).toBeGreaterThan(1);
      const padded = fine.paddedPositions();
      const entry = (u: number) => (fine instanceof CompactFineSystem ? u : padded[u]!);
      const vector = (seed: number) => {
        const v = new Float32Array(fine.length);
        for (let u = 0; u < padded.length; u++) v[entry(u)] = Math.sin(seed * (u + 1) * 7.31);
        return v;
      };
      const dot = (a: Float32Array, b: Float32Array) => {
        let sum = 0;
        for (let u = 0; u < padded.length; u++) sum += a[entry(u)]! * b[entry(u)]!;
        return sum;
      };
      fc.assert(
        fc.property(
          fc.integer({ min: 1, max: 10_000 }),
          fc.integer({ min: 1, max: 10_000 }),
          (a, b) => {
            const u = vector(a);
            const v = vector(b);
            const mu = new Float32Array(fine.length);
            const mv = new Float32Array(fine.length);
            mg.apply(u, mu);
            mg.apply(v, mv);
            const scale = Math.sqrt(dot(u, mu) * dot(v, mv));
            expect(dot(u, mu)).toBeGreaterThan(0);
            expect(Math.abs(dot(u, mv) - dot(v, mu))).toBeLessThan(1e-4 * scale);
          },
        ),
        { numRuns: 20 },
      );
    }
  });

  it('builds nothing without contrast (every link strong)', () => {
    const grid = islandGrid(12, false);
    for (const fine of fineSystems(grid, table({ ncm: 1, carbon: 2 }))) {
      expect(ClusterCorrection.build(fine)).toBeUndefined();
    }
  });

  it('keeps the iterations nearly flat in a two-phase contrast from 10:1 to 10⁵:1', () => {
    const grid = createThreePhaseGrid({ shape: [40, 40, 40], seed: 2024, ncmRadius: 4 });
    const iterations = [10, 1e3, 1e5].map(
      (contrast) =>
        solveVoxelConduction(grid, table({ ncm: 500 / contrast, carbon: 500 }), 'x').iterations,
    );
    const without = solveVoxelConduction(grid, table({ ncm: 500 / 1e5, carbon: 500 }), 'x', {
      multigrid: { clusters: false },
      onNotConverged: 'report',
    }).iterations;
    report(
      `two-phase 40³, 10:1 / 1e3:1 / 1e5:1: ${iterations.join(' / ')} iterations (1e5:1 without: ${without})`,
    );
    expect(Math.max(...iterations)).toBeLessThan(2.5 * Math.min(...iterations));
    expect(iterations[2]! * 3).toBeLessThan(without);
  });

  it('cuts the iterations on carbon islands in a 5·10⁵ weaker matrix, with the same σ_eff', () => {
    const grid = createThreePhaseGrid({ shape: [32, 32, 32], seed: 7, carbonFraction: 0.12 });
    const sigma = table({ ncm: 1e-3, se: 1e-3, carbon: 500 });
    const solve = (clusters: boolean) =>
      solveVoxelConduction(grid, sigma, 'x', {
        multigrid: { clusters },
        onNotConverged: 'report',
      });
    const plain = solve(false);
    const corrected = solve(true);
    report(
      `islands 32³ 5e5:1: ${plain.iterations} iterations without the cluster correction ` +
        `(converged ${plain.converged}), ${corrected.iterations} with`,
    );
    expect(corrected.converged).toBe(true);
    expect(corrected.iterations * 2).toBeLessThan(plain.iterations);
    const reference = solveVoxelConduction(grid, sigma, 'x', {
      relativeTolerance: 1e-12,
      conductivityTolerance: 1e-9,
      maxIterations: 5000,
    });
    expect(
      relativeError(corrected.conductivity_S_per_m, reference.conductivity_S_per_m),
    ).toBeLessThan(1e-4);
  });
});
