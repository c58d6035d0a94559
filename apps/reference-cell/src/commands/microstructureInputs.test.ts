import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCaptured } from '../cli/runCli.fixtures.js';
import {
  MICROSTRUCTURE_INPUTS,
  representativeVolumeWarning,
  resolveMicrostructureInputs,
} from './microstructureInputs.js';

const dir = mkdtempSync(join(tmpdir(), 'microstructure-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A config with every numeric input at a published value. */
const everyInput = {
  ncm: 90,
  se: 9,
  carbon: 1,
  porosity: 0.1,
  voxels: 32,
  voxelSizeUm: 0.5,
  ncmD50Um: 12,
  ncmSpan: 1,
  seD50Um: 1,
  seSpan: 1.5,
  agglomerateD50Um: 0.3,
  fibreDiameterNm: 150,
  fibreLengthUm: 6,
  sigmaSeSPerM: 0.48,
  sigmaNcmSPerM: 0.5,
  sigmaCarbonSPerM: 1000,
  se_se: 1e-6,
  ncm_ncm: 1e-5,
  carbon_carbon: 1e-10,
  ncm_carbon: 1e-7,
  seed: 3,
  seeds: 2,
  temperatureC: 60,
};

describe('microstructure inputs', () => {
  it('a config can set every input, and published pure-phase values are accepted', () => {
    expect(Object.keys(everyInput).sort()).toEqual(MICROSTRUCTURE_INPUTS.map((i) => i.key).sort());
    const values = resolveMicrostructureInputs(everyInput, {});
    expect(values.sigmaSeSPerM).toBe(0.48);
    expect(values.sigmaNcmSPerM).toBe(0.5);
  });

  it('flags win over the config', () => {
    expect(resolveMicrostructureInputs(everyInput, { seD50Um: '5' }).seD50Um).toBe(5);
  });

  it('warns below 5 NCM diameters per edge, naming the numbers', () => {
    const values = resolveMicrostructureInputs(everyInput, {});
    expect(representativeVolumeWarning(values)).toMatch(/16\.0 µm box holds 1\.3 NCM diameters/);
    expect(
      representativeVolumeWarning(resolveMicrostructureInputs(everyInput, { voxels: '128' })),
    ).toBeUndefined();
  });

  it('a bad config value ends in one line naming field, value and range (exit 2)', async () => {
    const file = join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ ...everyInput, seD50Um: -3 }));
    const { code, stderr } = await runCaptured(['microstructure', '--config', file]);
    expect(code).toBe(2);
    expect(stderr.trim().split('\n').at(-1)).toMatch(/config\.seD50Um = -3 .*0\.1 ≤ x ≤ 50 µm/);
  });

  it('an unknown config key is refused naming it (exit 2)', async () => {
    const file = join(dir, 'unknown.json');
    writeFileSync(file, JSON.stringify({ ...everyInput, seD50: 3 }));
    const { code, stderr } = await runCaptured(['microstructure', '--config', file]);
    expect(code).toBe(2);
    expect(stderr).toContain('config.seD50');
  });
});
