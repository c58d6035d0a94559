import { describeComposition, PhaseLabel, parseCompositionInput } from '@solidcell/core';
import { describe, expect, it } from 'vitest';
import { generateMicrostructure } from '../generateMicrostructure.js';
import { uniformSpherePlacer } from '../testPlacer.fixtures.js';

const options = { morphologyId: 'test', placer: uniformSpherePlacer(0.4e-6) };

function generate(seD50_m: number, seed = 1, porosity = 0.1) {
  const input = parseCompositionInput({
    massFractions_wtPct: { ncm: 85, se: 13, carbon: 2 },
    carbonShape: 'spherical',
    porosity,
  });
  return generateMicrostructure(
    {
      volumeFractions: describeComposition(input).electrodeVolumeFractions,
      seed,
      grid: { voxels: 48, voxelSize_m: 0.5e-6 },
      ncmParticles: { d50_m: 8e-6, span: 0.9 },
      seParticles: { d50_m: seD50_m, span: 1 },
    },
    options,
  );
}

describe('particulate SE', () => {
  it('keeps a grain id on every SE voxel, an NCM particle id on every NCM voxel, none on pores', () => {
    const m = generate(3e-6);
    const { labels, grainId } = m.grid!;
    let seGrains = new Set<number>();
    for (let i = 0; i < labels.length; i++) {
      if (labels[i] === PhaseLabel.pore) expect(grainId![i]).toBe(-1);
      else if (labels[i] === PhaseLabel.se) seGrains = seGrains.add(grainId![i]!);
      else if (labels[i] === PhaseLabel.ncm) expect(grainId![i]).toBeGreaterThanOrEqual(0);
    }
    expect(Math.min(...seGrains)).toBeGreaterThanOrEqual(0);
    expect(seGrains.size).toBeGreaterThan(10);
    expect(seGrains.size).toBeLessThanOrEqual(m.seParticles!.length);
  });

  it('hits the SE, carbon and pore fractions within 0.5 vol% for fine and coarse SE', () => {
    for (const d50 of [1.5e-6, 6e-6]) {
      const m = generate(d50);
      const got = m.descriptors.volumeFractions;
      for (const phase of ['ncm', 'se', 'carbon', 'pore'] as const) {
        expect(Math.abs(got[phase] - m.targetVolumeFractions[phase])).toBeLessThan(0.005);
      }
    }
  });

  it('gives the same grain ids byte for byte for the same seed', () => {
    const a = generate(3e-6, 5);
    const b = generate(3e-6, 5);
    expect(Buffer.from(a.grid!.grainId!.buffer).equals(Buffer.from(b.grid!.grainId!.buffer))).toBe(
      true,
    );
    expect(
      Buffer.from(a.grid!.carbonPieceId!.buffer).equals(Buffer.from(b.grid!.carbonPieceId!.buffer)),
    ).toBe(true);
  });
});
