// Design files: parsing (JSON and YAML), one-line errors naming the field path, point expansion,
// the balance fraction, the key hashing of resolved inputs, and the Latin-hypercube/Sobol samplers.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { referenceDensities, solidVolumeFractions } from '@solidcell/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { planDesign, pointKey, type SweepPoint } from './designPoints.js';
import { loadDesign, parseDesign } from './loadDesign.js';
import { latinHypercubeSample, sobolSample } from './sampleDesign.js';

const configs = fileURLToPath(new URL('../../configs/', import.meta.url));
const base = join(configs, 'ncm90_sc1.json');
const dir = mkdtempSync(join(tmpdir(), 'solidcell-design-'));

const design = (overrides: Record<string, unknown> = {}) => ({
  schemaVersion: 1,
  name: 'test',
  base,
  axes: [
    { path: 'massFractions_wtPct.ncm', range: { from: 70, to: 90, steps: 3 } },
    { path: 'plugins.carbon.id', values: ['carbon-spherical', 'carbon-fiber'] },
  ],
  ...overrides,
});

const points = (input: unknown): SweepPoint[] => [...planDesign(parseDesign(input, dir)).points()];

/** The one-line message of what `body` throws. */
function errorOf(body: () => unknown): string {
  try {
    body();
  } catch (error) {
    return (error as Error).message;
  }
  throw new Error('expected an error');
}

describe('design files', () => {
  it('reads the same design from YAML and JSON', () => {
    const yaml = join(dir, 'd.yaml');
    writeFileSync(
      yaml,
      `schemaVersion: 1\nname: test\nbase: ${base}\naxes:\n  - path: massFractions_wtPct.ncm\n    range: { from: 70, to: 90, steps: 3 }\n  - path: plugins.carbon.id\n    values: [carbon-spherical, carbon-fiber]\n`,
    );
    const json = join(dir, 'd.json');
    writeFileSync(json, JSON.stringify(design()));
    const keys = (path: string) => [...planDesign(loadDesign(path)).points()].map((p) => p.key);
    expect(keys(yaml)).toEqual(keys(json));
    expect(keys(yaml)).toHaveLength(6);
  });

  it('reads the worked example of docs/guides/sweep.md: 6 × 4 × 2 points', () => {
    const example = fileURLToPath(new URL('../../sweeps/ncm-carbon.yaml', import.meta.url));
    const plan = planDesign(loadDesign(example));
    expect(plan.count).toBe(48);
    expect(plan.inputColumns).toEqual([
      'massFractions_wtPct.ncm',
      'massFractions_wtPct.carbon',
      'plugins.carbon.id',
      'massFractions_wtPct.se',
    ]);
  });

  it('expands a full factorial with the balance fraction set to 100 − the others', () => {
    const all = points(design());
    expect(all.map((p) => p.inputs['massFractions_wtPct.ncm'])).toEqual([70, 80, 90, 70, 80, 90]);
    for (const point of all) {
      const wt = point.task!.config.massFractions_wtPct;
      expect(wt.ncm + wt.se + wt.carbon + (wt.binder ?? 0)).toBeCloseTo(100, 10);
      expect(point.inputs['massFractions_wtPct.se']).toBe(wt.se);
    }
    expect(all[3]!.task!.config.plugins.carbon.id).toBe('carbon-fiber');
  });

  it('drops the options of the base carbon plugin on points that swap it for another', () => {
    const swapped = points(design()).filter(
      (p) => p.inputs['plugins.carbon.id'] === 'carbon-fiber',
    );
    expect(swapped).toHaveLength(3);
    for (const point of swapped) {
      expect(point.error).toBeUndefined();
      expect(point.task!.config.plugins.carbon).toMatchObject({ id: 'carbon-fiber' });
      expect(point.task!.config.plugins.carbon.options).toBeUndefined();
    }
    const kept = points(design()).find((p) => p.inputs['plugins.carbon.id'] === 'carbon-spherical');
    expect(kept!.task!.config.plugins.carbon.options).toBeDefined();
  });

  it('records a point whose balance would be negative as an error, not a failure of the design', () => {
    const all = points(
      design({ axes: [{ path: 'massFractions_wtPct.carbon', values: [1, 20] }], balance: 'ncm' }),
    );
    expect(all[0]!.task).toBeDefined();
    const bad = design({ axes: [{ path: 'massFractions_wtPct.ncm', values: [90, 99.5] }] });
    const [, broken] = points(bad);
    expect(broken!.task).toBeUndefined();
    expect(broken!.error).toMatch(/massFractions_wtPct\.se = -0\.5/);
  });

  it('takes composition axes in solid vol%, converted to wt% with the carbon shape’s densities', () => {
    const all = points(
      design({
        axes: [
          { path: 'solidVolumeFractions_volPct.ncm', values: [60] },
          { path: 'solidVolumeFractions_volPct.carbon', values: [5] },
          { path: 'plugins.carbon.id', values: ['carbon-spherical', 'carbon-fiber'] },
        ],
      }),
    );
    const densities = {
      spherical: referenceDensities('spherical'),
      fiber: referenceDensities('fiber'),
    };
    for (const [point, shape] of [
      [all[0]!, 'spherical'],
      [all[1]!, 'fiber'],
    ] as const) {
      expect(point.inputs['solidVolumeFractions_volPct.se']).toBeCloseTo(35, 10);
      const wt = point.task!.config.massFractions_wtPct;
      const vol = solidVolumeFractions(wt, densities[shape]);
      expect(100 * vol.ncm).toBeCloseTo(60, 8);
      expect(100 * vol.carbon).toBeCloseTo(5, 8);
      expect(100 * vol.se).toBeCloseTo(35, 8);
    }
    // Equal vol% of carbon weighs three times more as fibre (2000 vs 670 kg/m³).
    const carbonWt = all.map((p) => p.task!.config.massFractions_wtPct.carbon);
    expect(carbonWt[1]! / carbonWt[0]!).toBeGreaterThan(2.5);
    const mixed = design({
      axes: [
        { path: 'solidVolumeFractions_volPct.ncm', values: [60] },
        { path: 'massFractions_wtPct.carbon', values: [1] },
      ],
    });
    expect(errorOf(() => planDesign(parseDesign(mixed, dir)))).toMatch(
      /^axes\.0\.path = "solidVolumeFractions_volPct\.ncm".*wt% or vol% axes, not both/,
    );
  });

  it.each([
    [{ schemaVersion: 2 }, /^schemaVersion = 2 is not allowed/],
    [
      { axes: [{ path: 'porosity', range: { from: 'a', to: 1, steps: 2 } }] },
      /^axes\.0\.range\.from = "a"/,
    ],
    [{ axes: [{ path: 'porosity', values: [] }] }, /^axes\.0\.values = \[\] is not allowed/],
    [{ axes: [{ path: 'porosity', values: [0.1], extra: 1 }] }, /^axes\.0/],
    [{ metrics: ['specificEnergy_Wh_per_kg', 'speed'] }, /^metrics\.1 = "speed"/],
    [{ fidelity: 'exact' }, /^fidelity = "exact"/],
    [{ experiments: { rateCRates: [0.1, 99] } }, /^experiments\.rateCRates\.1 = 99/],
    [{ sample: { method: 'grid', points: 4, seed: 1 } }, /^sample\.method = "grid"/],
  ])('rejects %j with a one-line error naming the field', (overrides, message) => {
    const text = errorOf(() => parseDesign(design(overrides), dir));
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
  });

  it.each([
    [
      { axes: [{ path: 'porossity', values: [0.1] }] },
      /^axes\.0\.path = "porossity".*base cell configuration/,
    ],
    [{ axes: [{ path: 'massFractions_wtPct.se', values: [5] }] }, /^axes\.0\.path = .*balance/],
    [{ axes: [{ path: 'porosity', range: { from: 0.05, to: 0.2 } }] }, /^axes\.0\.range\.steps/],
    [{ sample: { method: 'sobol', points: 4, seed: 1 } }, /^sample = "sobol".*range axes/],
    [
      {
        axes: [
          { path: 'porosity', values: [0.1] },
          { path: 'porosity', values: [0.2] },
        ],
      },
      /^axes\.1\.path = "porosity".*no other axis/,
    ],
  ])('rejects the axes of %j when planning', (overrides, message) => {
    expect(errorOf(() => planDesign(parseDesign(design(overrides), dir)))).toMatch(message);
  });

  it.each([
    [
      {
        experiments: { protocol: ['Charge at 0.1C until 3.7 V', 'Discharge at fast until 1.9 V'] },
      },
      /^experiments\.protocol\[1\] = "Discharge at fast until 1\.9 V" is not allowed: expected a current/,
    ],
    [
      { experiments: { protocol: ['Charge at 50C until 3.7 V'] } },
      /^experiments\.protocol\[0\]\.current.* is not allowed/,
    ],
    [{ experiments: { protocol: 'pulse' } }, /^experiments\.protocol = "pulse" is not allowed/],
    [{ experiments: { protocol: 'ageing' } }, /^experiments\.protocol = "ageing" is not allowed/],
    [
      { experiments: { protocol: 'formation', rateCRates: [1] } },
      /^experiments\.rateCRates = \[1\] is not allowed: expected nothing when experiments\.protocol/,
    ],
    [
      { experiments: { protocol: [], cycling: { cRate: 1, cycles: 5 } } },
      /^experiments\.protocol = \[\] is not allowed/,
    ],
  ])('rejects the experiments of %j with one line naming the field', (overrides, message) => {
    const text = errorOf(() => parseDesign(design(overrides), dir));
    expect(text).toMatch(message);
    expect(text).not.toContain('\n');
  });

  it('accepts protocol names, {name, cRate, cycles} and readable steps as experiments', () => {
    for (const protocol of [
      'formation',
      { name: 'cycling', cRate: 0.5, cycles: 3 },
      ['Charge at 0.1C until 3.7 V', 'Rest for 10 minutes', 'Discharge at 1 mA/cm2 until 1.9 V'],
    ]) {
      const [point] = points(design({ experiments: { protocol } }));
      expect(point!.task!.experiments.protocol).toEqual(protocol);
    }
  });

  it('names the base field of a bad inline base and the file of a bad design', () => {
    const inline = { ...JSON.parse(JSON.stringify(design())), base: { schemaVersion: 1 } };
    expect(errorOf(() => parseDesign(inline, dir))).toMatch(/^base\.massFractions_wtPct = /);
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'axes: [1, 2\n');
    expect(errorOf(() => loadDesign(broken))).toMatch(/^design = ".*broken\.yaml" .*valid YAML/);
    const missing = errorOf(() => loadDesign(join(dir, 'none.yaml')));
    expect(missing).toMatch(/ENOENT/);
  });

  it('samples ranges by Latin hypercube within their bounds, reproducibly from the seed', () => {
    const sampled = design({
      axes: [
        { path: 'massFractions_wtPct.ncm', range: { from: 70, to: 95 } },
        { path: 'massFractions_wtPct.carbon', range: { from: 0, to: 3 } },
      ],
      sample: { method: 'latin-hypercube', points: 10, seed: 7 },
    });
    const first = points(sampled);
    expect(first).toHaveLength(10);
    expect(points(sampled).map((p) => p.key)).toEqual(first.map((p) => p.key));
    for (const point of first) {
      expect(point.inputs['massFractions_wtPct.ncm']).toBeGreaterThanOrEqual(70);
      expect(point.inputs['massFractions_wtPct.carbon']).toBeLessThan(3);
    }
    const other = points({
      ...sampled,
      sample: { method: 'latin-hypercube', points: 10, seed: 8 },
    });
    expect(other.map((p) => p.key)).not.toEqual(first.map((p) => p.key));
  });
});

describe('point keys', () => {
  const [point] = points(design());
  const task = point!.task!;
  const resolved = {
    config: task.config,
    experiments: task.experiments,
    fidelity: task.fidelity,
    resolution: task.resolution,
  };

  it('ignore the config name, description, protocol and key order', () => {
    const renamed = {
      ...resolved,
      config: { ...task.config, id: 'other', description: 'x', protocol: 'rate' as const },
    };
    expect(pointKey(renamed)).toBe(task.key);
    const reordered = Object.fromEntries(
      Object.entries(task.config).reverse(),
    ) as typeof task.config;
    expect(pointKey({ ...resolved, config: reordered })).toBe(task.key);
  });

  it('change with every input that changes the result', () => {
    const variants = [
      { ...resolved, config: { ...task.config, porosity: 0.11 } },
      { ...resolved, config: { ...task.config, temperature_C: 26 } },
      { ...resolved, fidelity: 'voxel' as const },
      { ...resolved, resolution: 'fine' as const },
      { ...resolved, experiments: { ...task.experiments, rateCRates: [0.1, 2] } },
    ];
    const keys = new Set([task.key, ...variants.map(pointKey)]);
    expect(keys.size).toBe(variants.length + 1);
  });

  it('are distinct for distinct points of any grid (property)', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 70, max: 95 }), { minLength: 1, maxLength: 4 }),
        fc.uniqueArray(fc.integer({ min: 0, max: 3 }), { minLength: 1, maxLength: 3 }),
        (ncm, carbon) => {
          const all = points(
            design({
              axes: [
                { path: 'massFractions_wtPct.ncm', values: ncm },
                { path: 'massFractions_wtPct.carbon', values: carbon },
              ],
            }),
          );
          expect(all).toHaveLength(ncm.length * carbon.length);
          expect(new Set(all.map((p) => p.key)).size).toBe(all.length);
        },
      ),
      { numRuns: 25 },
    );
  });
});

describe('samplers', () => {
  it('Latin hypercube: every stratum of every dimension holds exactly one point (property)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 5 }),
        fc.integer({ min: 0, max: 2 ** 32 - 1 }),
        (count, dimensions, seed) => {
          const sample = latinHypercubeSample(count, dimensions, seed);
          for (let d = 0; d < dimensions; d++) {
            const strata = sample
              .map((point) => Math.floor(point[d]! * count))
              .sort((a, b) => a - b);
            expect(strata).toEqual(Array.from({ length: count }, (_, k) => k));
          }
        },
      ),
    );
  });

  it('Sobol: the first 2^m points stratify every dimension into 2^m intervals, for any shift', () => {
    for (const seed of [0, 1, 12345]) {
      const sample = sobolSample(64, 10, seed);
      for (const m of [1, 3, 6]) {
        for (let d = 0; d < 10; d++) {
          const cells = sample.slice(0, 2 ** m).map((p) => Math.floor(p[d]! * 2 ** m));
          expect(new Set(cells).size).toBe(2 ** m);
        }
      }
    }
  });

  it('Sobol: unshifted points match the sequence (0, ½, ¾/¼, …) and 2-D nets are balanced', () => {
    // With seed-derived shifts XORed away, point 1 is (½, ½, …) and point 2 (¾, ¼) in dims 1–2.
    const shifted = sobolSample(4, 2, 3);
    const shift = shifted[0]!;
    const unshift = (p: number[]) =>
      p.map((x, d) => ((x * 2 ** 32) ^ (shift[d]! * 2 ** 32)) >>> 0).map((x) => x / 2 ** 32);
    expect(unshift(shifted[1]!)).toEqual([0.5, 0.5]);
    expect(unshift(shifted[2]!)).toEqual([0.75, 0.25]);
    // (0, 2, 2)-net: the first 4 points fill each of the 2 × 2 quadrants once.
    const quadrants = shifted.map((p) => `${Math.floor(p[0]! * 2)}${Math.floor(p[1]! * 2)}`);
    expect(new Set(quadrants).size).toBe(4);
  });
});
