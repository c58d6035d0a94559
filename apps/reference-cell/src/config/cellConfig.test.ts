import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { fromCelsius } from '@solidcell/core';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT_INVALID_INPUT, EXIT_PLUGIN } from '../cli/exitCodes.js';
import { runCaptured } from '../cli/runCli.fixtures.js';
import { PAPER_ELECTRODES } from '../paperElectrodes.js';
import { PAPER_SETTINGS } from '../studies/paperSettings.js';
import { cellSetupFromConfig } from './cellSetupFromConfig.js';
import { loadCellConfig } from './loadCellConfig.js';
import { paperCellConfig } from './paperCellConfigs.js';
import { thrown } from './thrownError.fixtures.js';

const CONFIGS = fileURLToPath(new URL('../../configs/', import.meta.url));
const shipped = (id: string): Record<string, unknown> =>
  JSON.parse(readFileSync(join(CONFIGS, `${id}.json`), 'utf8'));

const tmp = mkdtempSync(join(tmpdir(), 'solidcell-config-'));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

/** Sets (or, for `undefined`, deletes) the value at a dotted path such as `plugins.carbon.id`. */
function setPath(config: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.');
  const last = keys.pop() as string;
  let node = config;
  for (const key of keys) node = node[key] as Record<string, unknown>;
  if (value === undefined) delete node[last];
  else node[last] = value;
}

let written = 0;
/** Writes ncm90_sc1.json with `edits` (dotted path → value) into the temp folder; returns the path. */
function variant(edits: Readonly<Record<string, unknown>>): string {
  const config = shipped('ncm90_sc1');
  for (const [path, value] of Object.entries(edits)) setPath(config, path, value);
  const path = join(tmp, `variant${++written}.json`);
  writeFileSync(path, JSON.stringify(config));
  return path;
}

describe('cell configuration files', () => {
  it('ships one config per paper electrode, equal to the one built from the paper constants', () => {
    const files = readdirSync(CONFIGS).filter((f) => f.endsWith('.json'));
    expect(files.sort()).toEqual(PAPER_ELECTRODES.map((e) => `${e.id}.json`).sort());
    for (const electrode of PAPER_ELECTRODES) {
      expect(shipped(electrode.id), electrode.id).toEqual(paperCellConfig(electrode));
    }
  });

  it.each(PAPER_ELECTRODES.map((e) => [e.id, e] as const))(
    '%s validates and composes into the paper cell',
    (id, electrode) => {
      const config = loadCellConfig(join(CONFIGS, `${id}.json`));
      const setup = cellSetupFromConfig(config);
      const dry = id.startsWith('dry_');
      expect(setup.massFractions_wtPct).toEqual(electrode.massFractions_wtPct);
      const sum = Object.values(setup.massFractions_wtPct).reduce((a, b) => a + (b ?? 0), 0);
      expect(sum).toBeCloseTo(100, 9);
      expect(setup.carbonShape).toBe(electrode.carbonShape);
      expect(setup.porosity).toBe(PAPER_SETTINGS.porosity);
      expect(setup.arealCapacity_C_per_m2).toBeCloseTo(
        dry
          ? PAPER_SETTINGS.dryArealCapacity_C_per_m2
          : PAPER_SETTINGS.powderArealCapacity_C_per_m2,
        6,
      );
      expect(setup.temperature_K).toBeCloseTo(PAPER_SETTINGS.temperature_K, 9);
      expect(setup.sideReactions).toBe(true);
      expect(setup.counterElectrode?.potentialVsLi_V).toBe(0.62);
    },
  );

  it.each([
    [
      'a value out of range',
      { arealCapacity_mAh_per_cm2: 600 },
      'arealCapacity_mAh_per_cm2',
      ['arealCapacity_mAh_per_cm2 = 600', '0.1 ≤ x ≤ 20 mAh/cm²'],
    ],
    [
      'a nested value of the wrong type',
      { 'microstructure.voxels': 'many' },
      'microstructure.voxels',
      ['microstructure.voxels = "many"', 'an integer 16 ≤ x ≤'],
    ],
    [
      'a missing field',
      { temperature_C: undefined },
      'temperature_C',
      ['temperature_C = nothing', '-40 ≤ x ≤ 120 °C'],
    ],
    ['a misspelt field', { temperatureC: 25 }, 'temperatureC', ['unknown field "temperatureC"']],
    ['another schema version', { schemaVersion: 2 }, 'schemaVersion', ['schemaVersion = 2']],
    [
      'an unreadable protocol step',
      { protocol: ['Charge at 0.5C until 3.7 V', 'Charge quickly'] },
      'protocol[1]',
      ['protocol[1] = "Charge quickly"'],
    ],
    [
      'an unknown protocol name',
      { protocol: 'aging' },
      'protocol',
      ['protocol = "aging"', '"formation", "rate", "cycling", "pulse"'],
    ],
  ])('rejects %s naming the file, field, value and range', (_, edit, field, texts) => {
    const path = variant(edit);
    const error = thrown(() => loadCellConfig(path));
    expect(error.code).toBe('E_INVALID_INPUT');
    expect(error.field).toBe(field);
    expect(error.message).toMatch(/^variant\d+\.json: /);
    for (const text of texts) expect(error.message).toContain(text);
  });

  it('rejects wt% that do not sum to 100 and a file that is not JSON', () => {
    const sum = variant({ 'massFractions_wtPct.se': 20 });
    expect(thrown(() => cellSetupFromConfig(loadCellConfig(sum))).code).toBe('E_COMPOSITION_SUM');
    const broken = join(tmp, 'broken.json');
    writeFileSync(broken, '{ "schemaVersion": 1,');
    expect(thrown(() => loadCellConfig(broken)).message).toContain('valid JSON');
    expect(thrown(() => loadCellConfig(join(tmp, 'missing.json'))).message).toContain('ENOENT');
  });

  it('composes the plugins the file names (swap carbon, drop side reactions)', () => {
    const setup = cellSetupFromConfig(
      loadCellConfig(
        variant({ 'plugins.carbon': { id: 'carbon-fiber' }, 'plugins.sideReactions': [] }),
      ),
    );
    expect(setup.carbonShape).toBe('fiber');
    expect(setup.sideReactions).toBe(false);
  });

  it('measures voxel descriptors with the carbon geometry of the file on request', () => {
    const measured = (d50_m: number) =>
      cellSetupFromConfig(
        loadCellConfig(
          variant({
            microstructure: { voxels: 32, voxelSize_um: 0.5, seed: 1, descriptors: 'voxel' },
            'plugins.carbon.options.agglomerates.agglomerateD50_m': d50_m,
          }),
        ),
      ).descriptors;
    const fine = measured(0.5e-6);
    const coarse = measured(2e-6);
    expect(fine?.volumeFractions.pore).toBeCloseTo(PAPER_SETTINGS.porosity, 2);
    // Larger agglomerates expose less carbon|SE area per volume.
    expect(coarse?.interfaceAreaPerVolume_m2_per_m3.carbon_se).toBeLessThan(
      fine?.interfaceAreaPerVolume_m2_per_m3.carbon_se ?? 0,
    );
  });

  it('names the config field of a bad plugin option', () => {
    const path = variant({ 'plugins.carbon.options.agglomerates.agglomerateD50_m': 1 });
    const error = thrown(() => cellSetupFromConfig(loadCellConfig(path)));
    expect(error.code).toBe('E_INVALID_INPUT');
    expect(error.field).toBe('plugins.carbon.options.agglomerateD50_m');
    expect(error.message).toContain('plugins.carbon.options: agglomerateD50_m = 1');
  });
});

describe('solidcell simulate --config', () => {
  it.each([
    [
      { 'plugins.carbon.id': 'carbon-nanotube' },
      'plugins.carbon.id = "carbon-nanotube"',
      '"carbon-spherical", "carbon-fiber"',
    ],
    [
      { 'plugins.sideReactions': [{ id: 'materials' }] },
      'plugins.sideReactions[0].id = "materials"',
      '"argyrodite-oxidation"',
    ],
    [
      { 'counterElectrode.materialId': 'li-metal' },
      'counterElectrode.materialId = "li-metal"',
      '"li-in"',
    ],
  ])('fails to compose an unknown plugin with exit code 3 (%#)', async (edit, named, allowed) => {
    const { code, stderr } = await runCaptured(['simulate', '--config', variant(edit), '--json']);
    expect(code).toBe(EXIT_PLUGIN);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(named);
    expect(stderr).toContain(allowed);
  });

  it('reports a bad field with exit code 2 and refuses cell flags next to --config', async () => {
    const bad = await runCaptured(['simulate', '--config', variant({ porosity: 0.95 })]);
    expect(bad.code).toBe(EXIT_INVALID_INPUT);
    expect(bad.stderr).toContain('porosity = 0.95 is not allowed');
    const both = await runCaptured([
      'simulate',
      '--config',
      join(CONFIGS, 'ncm90_sc1.json'),
      '--ncm',
      '80',
    ]);
    expect(both.code).toBe(EXIT_INVALID_INPUT);
    expect(both.stderr).toContain('--ncm = "80"');
    const neither = await runCaptured(['simulate', '--se', '9', '--carbon', '1']);
    expect(neither.code).toBe(EXIT_INVALID_INPUT);
    expect(neither.stderr).toContain('--ncm = nothing');
  });

  it('runs a temp config with a short custom protocol and its plugins', async () => {
    const path = variant({
      arealCapacity_mAh_per_cm2: 1,
      temperature_C: 30,
      'plugins.sideReactions': [],
      protocol: ['Charge at 0.5C until 3.7 V'],
    });
    const { code, stdout, stderr } = await runCaptured(['simulate', '--config', path, '--json']);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.settings.cellId).toBe('ncm90_sc1');
    expect(result.settings.composition_wtPct).toEqual({ ncm: 90, se: 9, carbon: 1 });
    expect(result.settings.protocol).toEqual(['Charge at 0.5C until 3.7 V']);
    expect(result.settings.temperature_K).toBeCloseTo(fromCelsius(30), 9);
    expect(result.settings.oneC_mA_per_cm2).toBeCloseTo(1, 9);
    expect(result.settings.plugins).not.toContain('argyrodite-oxidation');
    expect(result.summary.cycles[0].chargeMahG).toBeGreaterThan(50);
    expect(result.summary.cycles[0].sideReactionMahG).toBe(0);
  });

  it('runs the shipped configs/ncm90_sc1.json with a --step override', async () => {
    const { code, stdout } = await runCaptured([
      'simulate',
      '--config',
      join(CONFIGS, 'ncm90_sc1.json'),
      '--step',
      'Charge at 0.5C until 3.7 V',
      '--json',
    ]);
    expect(code).toBe(0);
    const result = JSON.parse(stdout);
    expect(result.settings.plugins).toEqual([
      'materials',
      'ncm-charge-transfer',
      'carbon-spherical',
      'effective-medium-transport',
      'argyrodite-oxidation',
    ]);
    expect(result.settings.arealCapacity_mAh_per_cm2).toBeCloseTo(3, 9);
    expect(result.summary.cycles[0].sideReactionMahG).toBeGreaterThan(0);
  });
});
