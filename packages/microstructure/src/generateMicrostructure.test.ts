import {
  describeComposition,
  isSolidCellError,
  type MorphologyRequest,
  PhaseLabel,
  parseCompositionInput,
} from '@solidcell/core';
import { describe, expect, it } from 'vitest';
import { generateMicrostructure } from './generateMicrostructure.js';
import { uniformSpherePlacer } from './testPlacer.fixtures.js';

const options = { morphologyId: 'test', placer: uniformSpherePlacer(0.4e-6) };

function request(
  ncm: number,
  se: number,
  carbon: number,
  porosity = 0,
  seed = 1,
): MorphologyRequest {
  const input = parseCompositionInput({
    massFractions_wtPct: { ncm, se, carbon },
    carbonShape: 'spherical',
    porosity,
  });
  return {
    volumeFractions: describeComposition(input).electrodeVolumeFractions,
    seed,
    grid: { voxels: 40, voxelSize_m: 0.5e-6 },
    ncmParticles: { d50_m: 8e-6, span: 0.9 },
  };
}

describe(generateMicrostructure, () => {
  it.each([
    { ncm: 80, se: 17, c: 3, porosity: 0 },
    { ncm: 90, se: 7, c: 3, porosity: 0 },
    { ncm: 85, se: 12, c: 3, porosity: 0.1 },
  ])(
    'hits the $ncm/$se/$c wt% targets (porosity $porosity) within 0.5 vol% absolute',
    ({ ncm, se, c, porosity }) => {
      const req = request(ncm, se, c, porosity);
      const m = generateMicrostructure(req, options);
      const got = m.descriptors.volumeFractions;
      const target = req.volumeFractions;
      for (const phase of ['ncm', 'se', 'carbon', 'pore'] as const) {
        expect(Math.abs(got[phase] - target[phase])).toBeLessThan(0.005);
      }
      expect(got.ncm + got.se + got.carbon + got.pore).toBeCloseTo(1, 9);
    },
  );

  it('gives byte-identical labels, carbon fractions, grain and piece ids for the same seed and different ones for another seed', () => {
    const a = generateMicrostructure(request(80, 17, 3, 0.05, 7), options);
    const b = generateMicrostructure(request(80, 17, 3, 0.05, 7), options);
    const c = generateMicrostructure(request(80, 17, 3, 0.05, 8), options);
    const bytes = (view: ArrayBufferView) =>
      Buffer.from(view.buffer, view.byteOffset, view.byteLength);
    for (const field of ['labels', 'carbonFraction', 'grainId', 'carbonPieceId'] as const) {
      const view = a.grid![field]!;
      expect(bytes(view).equals(bytes(b.grid![field]!)), field).toBe(true);
    }
    expect(bytes(a.grid!.labels).equals(bytes(c.grid!.labels))).toBe(false);
    expect(bytes(a.grid!.grainId!).equals(bytes(c.grid!.grainId!))).toBe(false);
  });

  it('puts every pore in carbon-free space and keeps carbon out of NCM voxels', () => {
    const m = generateMicrostructure(request(85, 12, 3, 0.1), options);
    const { labels, carbonFraction } = m.grid!;
    let pores = 0;
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] === PhaseLabel.pore) {
        pores++;
        expect(carbonFraction![i]).toBe(0);
      }
      if (labels[i] === PhaseLabel.ncm) expect(carbonFraction![i]).toBe(0);
    }
    expect(pores).toBe(Math.round(0.1 * 40 ** 3));
  });

  it('refuses a grid beyond the memory limit with E_RESOURCE_LIMIT naming the estimate', () => {
    const req = { ...request(80, 17, 3), grid: { voxels: 600, voxelSize_m: 0.25e-6 } };
    try {
      generateMicrostructure(req, options);
      expect.unreachable();
    } catch (error) {
      expect(isSolidCellError(error) && error.code).toBe('E_RESOURCE_LIMIT');
      expect(String(error)).toMatch(/MiB/);
    }
    const small = { ...request(80, 17, 3), grid: { voxels: 64, voxelSize_m: 0.25e-6 } };
    expect(() => generateMicrostructure(small, { ...options, memoryLimit_bytes: 1e6 })).toThrow(
      /grid.voxels = 64/,
    );
  });

  it('rejects fractions that do not sum to 1', () => {
    const req = request(80, 17, 3);
    const bad = {
      ...req,
      volumeFractions: { ...req.volumeFractions, se: req.volumeFractions.se + 0.1 },
    };
    expect(() => generateMicrostructure(bad, options)).toThrow(/sum to 1/);
  });

  it('returns analytic descriptors with the target fractions when the grid is omitted', () => {
    const { grid: _grid, ...req } = request(90, 7, 3);
    const m = generateMicrostructure(req, options);
    expect(m.grid).toBeUndefined();
    expect(m.descriptors.volumeFractions.ncm).toBeCloseTo(req.volumeFractions.ncm, 12);
    expect(m.descriptors.carbonInSeDomainFraction).toBe(0.5);
  });

  it('gives more three-phase contact with more carbon (90 wt% NCM, 1 → 3 wt% carbon), below saturation', () => {
    const low = generateMicrostructure(request(90, 9, 1), options).descriptors;
    const high = generateMicrostructure(request(90, 7, 3), options).descriptors;
    expect(high.threePhaseFraction!).toBeGreaterThan(low.threePhaseFraction!);
    expect(high.threePhaseFraction!).toBeLessThan(1);
    expect(high.threePhaseNcmAreaPerVolume_m2_per_m3).toBeLessThanOrEqual(
      high.interfaceAreaPerVolume_m2_per_m3.ncm_se,
    );
  });

  it('reports progress from 0 to 1', () => {
    const stages: number[] = [];
    generateMicrostructure(request(80, 17, 3), options, (f) => stages.push(f));
    expect(stages[0]).toBe(0);
    expect(stages.at(-1)).toBe(1);
  });
});
