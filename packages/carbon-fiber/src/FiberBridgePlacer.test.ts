import {
  describeComposition,
  electrodeVolumeFractions,
  PhaseLabel,
  parseCompositionInput,
  referenceDensities,
  solidVolumeFractions,
} from '@solidcell/core';
import { describe, expect, it } from 'vitest';
import { createCarbonFiberMorphology } from './carbonFiberPlugin.js';
import { FiberBridgePlacer } from './FiberBridgePlacer.js';

const fractions = electrodeVolumeFractions(
  solidVolumeFractions({ ncm: 90, se: 9, carbon: 1 }, referenceDensities('fiber')),
  0,
);
const h = 0.5e-6;
const generated = createCarbonFiberMorphology().generate({
  volumeFractions: fractions,
  seed: 5,
  grid: { voxels: 48, voxelSize_m: h },
});

describe(FiberBridgePlacer, () => {
  it('hits the 90/9/1 CF targets within 0.5 vol% absolute', () => {
    const got = generated.descriptors.volumeFractions;
    for (const phase of ['ncm', 'se', 'carbon', 'pore'] as const) {
      expect(Math.abs(got[phase] - fractions[phase])).toBeLessThan(0.005);
    }
  });

  it('places fibres of the requested length whose two ends touch two different NCM particles (every fibre)', () => {
    const fibres = generated.carbonPlacement!.fibres!;
    const { labels, shape } = generated.grid!;
    const n = shape[0];
    const particles = generated.ncmParticles;
    expect(fibres.length).toBeGreaterThan(100);
    const touches = (p: readonly number[], particle: number) => {
      const s = particles[particle]!;
      const c = s.center_m.map((v) => v / h);
      for (let dz = -2; dz <= 2; dz++)
        for (let dy = -2; dy <= 2; dy++)
          for (let dx = -2; dx <= 2; dx++) {
            const v = [Math.floor(p[0]!) + dx, Math.floor(p[1]!) + dy, Math.floor(p[2]!) + dz];
            const w = v.map((x) => ((x % n) + n) % n);
            if (labels[w[0]! + n * (w[1]! + n * w[2]!)] !== PhaseLabel.ncm) continue;
            const centre = v.map((x) => x + 0.5);
            if (Math.hypot(centre[0]! - p[0]!, centre[1]! - p[1]!, centre[2]! - p[2]!) > 1.5)
              continue;
            // The NCM voxel must belong to this particle's sphere (minimum image).
            const d = centre.map((x, k) => {
              const raw = x - c[k]!;
              return raw - n * Math.round(raw / n);
            });
            if (Math.hypot(d[0]!, d[1]!, d[2]!) <= s.radius_m / h + 1e-9) return true;
          }
      return false;
    };
    let touching = 0;
    for (const f of fibres) {
      expect(f.particles[0]).not.toBe(f.particles[1]);
      expect(
        Math.hypot(f.end[0] - f.start[0], f.end[1] - f.start[1], f.end[2] - f.start[2]) * h,
      ).toBeCloseTo(6e-6, 9);
      if (touches(f.start, f.particles[0]) && touches(f.end, f.particles[1])) touching++;
    }
    expect(touching).toBe(fibres.length);
  });

  it('keeps most fibre carbon out of the SE domain (β below 0.2)', () => {
    expect(generated.descriptors.carbonInSeDomainFraction).toBeLessThan(0.2);
  });

  it('is deterministic for a seed', () => {
    const again = createCarbonFiberMorphology().generate({
      volumeFractions: fractions,
      seed: 5,
      grid: { voxels: 48, voxelSize_m: h },
    });
    const a = new Uint8Array(again.grid!.carbonFraction!.buffer);
    const b = new Uint8Array(generated.grid!.carbonFraction!.buffer);
    let differing = a.length === b.length ? 0 : 1;
    for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) differing++;
    expect(differing).toBe(0);
    expect(again.carbonPlacement?.objectCount).toBe(generated.carbonPlacement?.objectCount);
  });

  it('rejects a fibre diameter outside 1 nm–10 µm', () => {
    expect(() => new FiberBridgePlacer({ diameter_m: 0 })).toThrow(/diameter_m/);
  });

  it('supports wavy fibres and a 90/7/3 composition from describeComposition', () => {
    const input = parseCompositionInput({
      massFractions_wtPct: { ncm: 90, se: 7, carbon: 3 },
      carbonShape: 'fiber',
      porosity: 0.05,
    });
    const f = describeComposition(input).electrodeVolumeFractions;
    const m = createCarbonFiberMorphology({ fibers: { waviness: 0.1 } }).generate({
      volumeFractions: f,
      seed: 2,
      grid: { voxels: 40, voxelSize_m: h },
    });
    expect(Math.abs(m.descriptors.volumeFractions.carbon - f.carbon)).toBeLessThan(0.005);
    expect(Math.abs(m.descriptors.volumeFractions.pore - f.pore)).toBeLessThan(0.005);
  });
});
