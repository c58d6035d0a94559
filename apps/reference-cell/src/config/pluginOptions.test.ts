// Reliability class 4: unknown plugin options are refused (exit 2) with the closest known name,
// at every level and for every first-party plugin, instead of being silently ignored.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EXIT_INVALID_INPUT } from '../cli/exitCodes.js';
import { runCaptured } from '../cli/runCli.fixtures.js';
import { FIRST_PARTY_PLUGIN_IDS, firstPartyPlugin } from '../plugins/firstPartyPlugins.js';
import { closestName } from '../plugins/pluginOptionKeys.js';

const folder = mkdtempSync(join(tmpdir(), 'solidcell-options-'));
const paperConfig = readFileSync(new URL('../../configs/dry_cf1.json', import.meta.url), 'utf8');

type Plugins = Record<string, { id: string; options?: unknown }> & {
  sideReactions: { id: string; options?: unknown }[];
};

async function simulateWith(edit: (plugins: Plugins) => void) {
  const config = JSON.parse(paperConfig) as { plugins: Plugins };
  edit(config.plugins);
  const path = join(folder, `config-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(path, JSON.stringify(config));
  return runCaptured(['simulate', '--config', path]);
}

describe('4 · unknown plugin options', () => {
  it.each<[string, (plugins: Plugins) => void, RegExp]>([
    [
      'carbon option "colour"',
      (p) => (p.carbon!.options = { colour: 'black' }),
      /plugins\.carbon\.options: colour = "black" is not allowed: expected a known option: one of "material", "fibers", "generator"/,
    ],
    [
      'a misspelt "material" key',
      (p) => (p.carbon!.options = { materail: { density_kg_per_m3: 1800 } }),
      /materail = .* \(did you mean "material"\?\)/,
    ],
    [
      'generator: "abc"',
      (p) => (p.carbon!.options = { generator: 'abc' }),
      /generator = "abc" is not allowed: expected an object of plugin options/,
    ],
    [
      'fibers.bogus',
      (p) => (p.carbon!.options = { fibers: { bogus: 1 } }),
      /fibers\.bogus = 1 is not allowed/,
    ],
    [
      'a side-reaction parameter at the wrong level',
      (p) => (p.sideReactions[0]!.options = { couplingFactor: 2 }),
      /plugins\.sideReactions\[0\]\.options: couplingFactor = 2 is not allowed: expected a known option: one of "parameters", "carbon"/,
    ],
  ])('%s → exit 2 naming it', async (_name, edit, message) => {
    const { code, stderr } = await simulateWith(edit);
    expect(code).toBe(EXIT_INVALID_INPUT);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toMatch(message);
  });

  it('every first-party plugin refuses an unknown top-level option and accepts none', () => {
    for (const id of FIRST_PARTY_PLUGIN_IDS) {
      expect(() => firstPartyPlugin(id, { notAnOption: 1 }), id).toThrow(
        /notAnOption = 1 is not allowed/,
      );
      expect(() => firstPartyPlugin(id, {}), id).not.toThrow();
    }
  });

  it('suggests only close names', () => {
    expect(closestName('fibres', ['fibers', 'material'])).toBe('fibers');
    expect(closestName('zzz', ['fibers', 'material'])).toBeUndefined();
  });
});
