import { createSolidCellContainer, isSolidCellError, PhaseLabel, Transport } from '@solidcell/core';
import { describe, expect, it } from 'vitest';
import { createLayeredGrid, createThreePhaseGrid } from './syntheticGrids.js';
import { microstructureOf } from './transport.fixtures.js';
import { VoxelTransport } from './VoxelTransport.js';
import { createVoxelTransportPlugin, voxelTransportPlugin } from './voxelTransportPlugin.js';

const { pore, se } = PhaseLabel;
const fractions = { ncm: 0, se: 0.5, carbon: 0, binder: 0, pore: 0.5 };
const ionic = { pore: 0, ncm: 0, se: 0.2, carbon: 0, binder: 0 };

describe(VoxelTransport, () => {
  it('gives σ_eff = φσ and τ = 1 for straight parallel SE channels (half the layers)', () => {
    const grid = createLayeredGrid([8, 6, 4], 'y', [se, pore, se, pore, se, pore]);
    const result = new VoxelTransport({ relativeTolerance: 1e-10 }).effectiveConductivity({
      microstructure: microstructureOf(grid, fractions),
      path: 'ionic',
      phaseConductivity_S_per_m: ionic,
      axis: 'x',
    });
    expect(result.conductivity_S_per_m).toBeCloseTo(0.1, 7);
    expect(result.tortuosityFactor).toBeCloseTo(1, 6);
    expect(result.currentCarryingFraction).toBe(1);
    expect(result.solver?.converged).toBe(true);
    expect(result.solver?.unknowns).toBe(8 * 3 * 4);
  });

  it('reports τ = +∞ and zero current-carrying fraction when SE does not percolate', () => {
    const grid = createLayeredGrid([6, 4, 4], 'x', [se, se, pore, se, se, se]);
    const result = new VoxelTransport().effectiveConductivity({
      microstructure: microstructureOf(grid, fractions),
      path: 'ionic',
      phaseConductivity_S_per_m: ionic,
    });
    expect(result.conductivity_S_per_m).toBe(0);
    expect(result.tortuosityFactor).toBe(Number.POSITIVE_INFINITY);
    expect(result.currentCarryingFraction).toBe(0);
  });

  it('takes the main phase by σ·ε: carbon for the electronic path of a composite (τ > 1)', () => {
    const grid = createThreePhaseGrid({ shape: [24, 24, 24], seed: 4, ncmRadius: 3 });
    const result = new VoxelTransport().effectiveConductivity({
      microstructure: microstructureOf(grid, {
        ncm: 0.65,
        se: 0.14,
        carbon: 0.16,
        binder: 0,
        pore: 0.05,
      }),
      path: 'electronic',
      phaseConductivity_S_per_m: { pore: 0, ncm: 1e-3, se: 0, carbon: 500, binder: 0 },
      axis: 'z',
    });
    const carbon = grid.labels.filter((l) => l === PhaseLabel.carbon).length / grid.labels.length;
    expect(result.conductivity_S_per_m).toBeGreaterThan(0);
    expect(result.tortuosityFactor).toBeCloseTo((carbon * 500) / result.conductivity_S_per_m, 9);
    expect(result.tortuosityFactor).toBeGreaterThan(1);
    expect(result.currentCarryingFraction).toBeGreaterThan(0);
    expect(result.currentCarryingFraction).toBeLessThanOrEqual(1);
  });

  it('rejects a microstructure without a grid with E_INVALID_INPUT', () => {
    try {
      new VoxelTransport().effectiveConductivity({
        microstructure: microstructureOf(undefined, fractions),
        path: 'ionic',
        phaseConductivity_S_per_m: ionic,
      });
      expect.unreachable();
    } catch (error) {
      expect(isSolidCellError(error) && error.field).toBe('microstructure.grid');
    }
  });
});

describe('voxelTransportPlugin', () => {
  it('binds one Transport with id voxel-fv and method voxel', () => {
    const container = createSolidCellContainer([voxelTransportPlugin]);
    const transports = container.getAll(Transport);
    expect(transports.map((t) => [t.id, t.method])).toEqual([['voxel-fv', 'voxel']]);
    expect(voxelTransportPlugin.id).toBe('voxel-transport');
  });

  it('passes solver options through createVoxelTransportPlugin', () => {
    const container = createSolidCellContainer([
      createVoxelTransportPlugin({ maxIterations: 1, onNotConverged: 'report' }),
    ]);
    const grid = createThreePhaseGrid({ shape: [20, 20, 20], seed: 9, ncmRadius: 3 });
    const result = container.get(Transport).effectiveConductivity({
      microstructure: microstructureOf(grid, fractions),
      path: 'electronic',
      phaseConductivity_S_per_m: { pore: 0, ncm: 1, se: 0, carbon: 100, binder: 0 },
    });
    expect(result.solver?.iterations).toBe(1);
    expect(result.solver?.converged).toBe(false);
  });
});
