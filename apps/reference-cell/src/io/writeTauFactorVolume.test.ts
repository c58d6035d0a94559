import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Axis, type ElectrodePhase, PhaseLabel, type VoxelGrid } from '@solidcell/core';
import { labelConductivityTable, mixedVoxelConductivity_S_per_m } from '@solidcell/transport';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  type TauFactorVolumeInput,
  tauFactorVolume,
  writeTauFactorVolume,
} from './writeTauFactorVolume.js';

type PhaseSigma = Readonly<Record<ElectrodePhase, number>>;
const SIGMA_ELECTRONIC: PhaseSigma = { pore: 0, ncm: 1, se: 2, carbon: 3, binder: 0 };
const SIGMA_IONIC: PhaseSigma = { pore: 0, ncm: 0, se: 0.3, carbon: 0, binder: 0 };
const SOLIDCELL = { conductivity_S_per_m: 0.1, tortuosityFactor: 2 };

function grid(
  shape: readonly [number, number, number],
  labels: readonly number[],
  carbonFraction?: readonly number[],
): VoxelGrid {
  return {
    shape,
    voxelSize_m: 2.5e-7,
    labels: Uint8Array.from(labels),
    ...(carbonFraction ? { carbonFraction: Float32Array.from(carbonFraction) } : {}),
    periodic: false,
  };
}

function input(overrides: Partial<TauFactorVolumeInput> & Pick<TauFactorVolumeInput, 'grid'>) {
  return {
    path: 'electronic' as const,
    axis: 'x' as const,
    phaseConductivity_S_per_m: SIGMA_ELECTRONIC,
    solidcell: SOLIDCELL,
    ...overrides,
  };
}

/** The solver's conductivity of voxel (x, y, z), recomputed from its inputs (S/m). */
function solverSigma(g: VoxelGrid, sigma: PhaseSigma, x: number, y: number, z: number): number {
  const table = labelConductivityTable(sigma);
  const index = x + g.shape[0] * (y + g.shape[1] * z);
  const f = g.carbonFraction?.[index] ?? 0;
  return mixedVoxelConductivity_S_per_m(table[g.labels[index]!]!, f, table[PhaseLabel.carbon]!);
}

/** Byte of voxel (x, y, z) in the export for a flux axis: flux axis first, C order. */
function byteOf(g: VoxelGrid, axis: Axis, x: number, y: number, z: number): number {
  const [nx, ny, nz] = g.shape;
  if (axis === 'x') return z + nz * (y + ny * x);
  if (axis === 'y') return z + nz * (x + nx * y);
  return y + ny * (x + nx * z);
}

/**
 * Every voxel's conductivity recovered from labels + cond is the solver's within the error.
 *
 * @returns the quantisation method used.
 */
function expectRecovered(g: VoxelGrid, sigma: PhaseSigma, axis: Axis): string {
  const { labels, header } = tauFactorVolume(
    'tf',
    input({ grid: g, axis, phaseConductivity_S_per_m: sigma }),
  );
  const tolerance = header.quantisation.maxRelativeError * (1 + 1e-12);
  for (let z = 0; z < g.shape[2]; z++) {
    for (let y = 0; y < g.shape[1]; y++) {
      for (let x = 0; x < g.shape[0]; x++) {
        const expected = solverSigma(g, sigma, x, y, z);
        const label = labels[byteOf(g, axis, x, y, z)]!;
        const recovered = label === 0 ? 0 : header.cond[String(label)]!;
        expect(Math.abs(recovered - expected)).toBeLessThanOrEqual(tolerance * expected);
        expect(label === 0).toBe(expected === 0);
      }
    }
  }
  return header.quantisation.method;
}

describe('tauFactorVolume', () => {
  it('maps distinct conductivities exactly to labels in ascending order, x first in C order', () => {
    // Voxels (x, y): (0,0) SE, (1,0) pore, (0,1) NCM, (1,1) carbon; one layer in z.
    const g = grid([2, 2, 1], [PhaseLabel.se, PhaseLabel.pore, PhaseLabel.ncm, PhaseLabel.carbon]);
    const { labels, header } = tauFactorVolume('tf', input({ grid: g }));
    expect([...labels]).toEqual([2, 1, 0, 3]);
    expect(header.cond).toEqual({ '1': 1, '2': 2, '3': 3 });
    expect(header.shape).toEqual([2, 2, 1]);
    expect(header.quantisation).toEqual({ method: 'exact', levels: 3, maxRelativeError: 0 });
    expect(header.conductingVolumeFraction).toBe(0.75);
    expect(header.meanConductivity_S_per_m).toBe(1.5);
    expect(header.solidcell.tortuosityFactorTauFactorDefinition).toBe(15);
  });

  it.each(['x', 'y', 'z'] as const)(
    'puts the %s axis first and keeps every voxel exact on a 3×2×4 grid with carbon',
    (axis) => {
      const labels = Array.from({ length: 24 }, (_, i) => (i * 7) % 4);
      const carbon = Array.from({ length: 24 }, (_, i) => (i % 5 === 0 ? 0.25 : 0));
      const g = grid([3, 2, 4], labels, carbon);
      const { header } = tauFactorVolume('tf', input({ grid: g, axis }));
      const order = { x: [0, 1, 2], y: [1, 0, 2], z: [2, 0, 1] }[axis];
      expect(header.fluxAxis).toBe(axis);
      expect(header.axes).toEqual(order.map((a) => 'xyz'[a]));
      expect(header.shape).toEqual(order.map((a) => g.shape[a]));
      expect(header.quantisation.method).toBe('exact');
      expectRecovered(g, SIGMA_ELECTRONIC, axis);
    },
  );

  it('recovers every voxel conductivity within the recorded error on random grids', () => {
    const sigma = fc.double({ min: -8, max: 5, noNaN: true }).map((e) => 10 ** e);
    const phases = fc.record({
      pore: fc.constant(0),
      ncm: sigma,
      se: sigma,
      carbon: sigma,
      binder: fc.constant(0),
    });
    const shapes = fc.tuple(
      fc.integer({ min: 1, max: 10 }),
      fc.integer({ min: 1, max: 10 }),
      fc.integer({ min: 1, max: 10 }),
    );
    const cases = shapes.chain((shape) => {
      const n = shape[0] * shape[1] * shape[2];
      return fc.record({
        shape: fc.constant(shape),
        labels: fc.array(fc.integer({ min: 0, max: 3 }), { minLength: n, maxLength: n }),
        // None, drawn fractions (often repeated edge values) or n distinct hashed ones.
        carbon: fc.oneof(
          fc.constant(undefined),
          fc.array(fc.float({ min: 0, max: 1, noNaN: true }), { minLength: n, maxLength: n }),
          fc
            .nat()
            .map((seed) =>
              Array.from({ length: n }, (_, i) => ((seed + i * 2654435761) % 2 ** 32) / 2 ** 32),
            ),
        ),
        sigma: fc.oneof(
          phases,
          sigma.map((se) => ({ ...SIGMA_IONIC, se })),
        ),
        axis: fc.constantFrom<Axis>('x', 'y', 'z'),
      });
    });
    const methods = new Set<string>();
    fc.assert(
      fc.property(cases, ({ shape, labels, carbon, sigma, axis }) => {
        methods.add(expectRecovered(grid(shape, labels, carbon), sigma, axis));
      }),
      { numRuns: 60 },
    );
    expect([...methods].sort()).toEqual(['exact', 'minimax-relative']);
  });

  it('quantises more than 255 distinct conductivities no worse than 255 log-spaced levels', () => {
    const n = 16;
    const voxels = n * n * n;
    const labels = Array.from({ length: voxels }, () => PhaseLabel.se);
    const carbon = Array.from({ length: voxels }, (_, i) => (i / voxels) ** 2);
    const g = grid([n, n, n], labels, carbon);
    for (const sigma of [SIGMA_IONIC, { ...SIGMA_ELECTRONIC, se: 1e-7, carbon: 1e5 }]) {
      const { header } = tauFactorVolume(
        'tf',
        input({ grid: g, phaseConductivity_S_per_m: sigma }),
      );
      const values = g
        .carbonFraction!.filter((f) => f < 1)
        .map((f) => mixedVoxelConductivity_S_per_m(sigma.se, f, sigma.carbon))
        // Bruggeman: ionic voxels with f ≥ 2/3 insulate and are exported as label 0.
        .filter((value) => value > 0);
      const ratio = Math.max(...values) / Math.min(...values);
      const step = ratio ** (1 / 255);
      expect(header.quantisation.method).toBe('minimax-relative');
      expect(header.quantisation.levels).toBe(255);
      expect(header.quantisation.maxRelativeError).toBeGreaterThan(0);
      expect(header.quantisation.maxRelativeError).toBeLessThanOrEqual(
        (step - 1) / (step + 1) + 1e-12,
      );
      expectRecovered(g, sigma, 'x');
    }
  });

  it('writes the raw labels and a header that round-trips through JSON', () => {
    const dir = mkdtempSync(join(tmpdir(), 'taufactor-'));
    try {
      const g = grid([2, 3, 2], [0, 1, 2, 3, 2, 2, 1, 0, 2, 3, 3, 2], Array(12).fill(0.5));
      const spec = input({
        grid: g,
        path: 'ionic',
        phaseConductivity_S_per_m: SIGMA_IONIC,
        solidcell: { conductivity_S_per_m: 0, tortuosityFactor: Number.POSITIVE_INFINITY },
      });
      const headerPath = writeTauFactorVolume(join(dir, 'taufactor-ionic-x'), spec);
      const { labels, header } = tauFactorVolume('taufactor-ionic-x', spec);
      expect(headerPath).toBe(join(dir, 'taufactor-ionic-x.json'));
      expect(JSON.parse(readFileSync(headerPath, 'utf8'))).toEqual(header);
      expect(new Uint8Array(readFileSync(join(dir, header.rawFile)))).toEqual(labels);
      expect(header.rawFile).toBe('taufactor-ionic-x.raw');
      expect(header.solidcell).toEqual({
        conductivity_S_per_m: 0,
        tortuosityFactor: null,
        tortuosityFactorTauFactorDefinition: null,
      });
      expect(header.python.join('\n')).toContain('open("taufactor-ionic-x.json")');
      expect(header.python.join('\n')).toContain('tau.MultiPhaseSolver(img, cond=cond)');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.each([
    [{ path: 'thermal' }, 'path = "thermal"'],
    [{ axis: 'w' }, 'axis = "w"'],
    [{ grid: grid([0, 2, 2], []) }, 'grid.shape[0] = 0'],
    [{ grid: grid([2, 2, 2], [0, 1]) }, 'grid.labels.length = 2'],
    [{ grid: grid([1, 1, 2], [0, 1], [0]) }, 'grid.carbonFraction.length = 1'],
    [{ grid: grid([1, 1, 2], [0, 7]) }, 'grid.labels[1] = 7'],
    [{ grid: grid([1, 1, 2], [2, 2], [0, 1.5]) }, 'grid.carbonFraction[1] = 1.5'],
    [
      { phaseConductivity_S_per_m: { ...SIGMA_IONIC, se: -1 } },
      'phaseConductivity_S_per_m.se = -1',
    ],
    [
      { solidcell: { conductivity_S_per_m: Number.NaN, tortuosityFactor: 1 } },
      'solidcell.conductivity_S_per_m',
    ],
  ])('rejects %j naming the field', (overrides, field) => {
    const spec = input({
      grid: grid([1, 1, 2], [2, 2]),
      ...(overrides as Partial<TauFactorVolumeInput>),
    });
    expect(() => tauFactorVolume('tf', spec)).toThrow(field);
  });
});
