import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SOLIDCELL_PLUGIN_API_VERSION } from '@solidcell/core';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { EXIT_PLUGIN } from '../cli/exitCodes.js';
import { runCaptured } from '../cli/runCli.fixtures.js';
import { pluginForRole } from './composePlugins.js';
import { pluginFromPackage } from './loadPluginPackage.js';
import { firstPartySpecs, withPackagePlugins } from './pluginFlags.js';
import { thrown } from './thrownError.fixtures.js';

const project = mkdtempSync(join(tmpdir(), 'solidcell-plugin-project-'));
afterAll(() => rmSync(project, { recursive: true, force: true }));
afterEach(() => {
  vi.restoreAllMocks();
});

/** Installs a one-file ES-module package into the temp project's node_modules. */
function installFixture(
  name: string,
  source: string,
  manifest: Record<string, unknown> = {},
): void {
  const dir = join(project, 'node_modules', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({
      name,
      version: '1.0.0',
      type: 'module',
      exports: { '.': { import: './entry.js' } },
      ...manifest,
    }),
  );
  writeFileSync(join(dir, 'entry.js'), source);
}

/** A plugin package whose factory echoes its options; `kinds` and API version as given. */
const echoPlugin = (kinds: string[], apiVersion: unknown = SOLIDCELL_PLUGIN_API_VERSION): string =>
  `export const solidcellPlugin = { pluginApiVersion: ${JSON.stringify(apiVersion)},
  createPlugin: (options) => ({ id: 'acme-echo', kinds: ${JSON.stringify(kinds)}, module: null, options }) };`;

installFixture('@acme/solidcell-echo', echoPlugin(['SideReaction']));
installFixture('@acme/solidcell-future', echoPlugin(['SideReaction'], 2));
installFixture('@acme/not-a-plugin', 'export const somethingElse = 1;');
installFixture(
  '@acme/solidcell-default',
  `export default { solidcellPlugin: ${echoPlugin(['Morphology']).slice('export const solidcellPlugin = '.length, -1)} };`,
);
installFixture('@acme/solidcell-kindless', echoPlugin([]));
installFixture('@acme/solidcell-broken', 'throw new Error("boom at load");');
installFixture('@acme/solidcell-cjs-only', 'export {};', {
  exports: { '.': { require: './entry.cjs' } },
});

describe('pluginFromPackage', () => {
  it('loads the ES-module entry of an installed package and passes the options to createPlugin', () => {
    const plugin = pluginFromPackage('@acme/solidcell-echo', { width_m: 1e-6 }, 'f', project);
    expect(plugin.id).toBe('acme-echo');
    expect(plugin.kinds).toEqual(['SideReaction']);
    expect((plugin as unknown as { options: unknown }).options).toEqual({ width_m: 1e-6 });
  });

  it('finds the package from a sub-folder of the project and accepts a default export', () => {
    const sub = join(project, 'cells', 'a');
    mkdirSync(sub, { recursive: true });
    expect(pluginFromPackage('@acme/solidcell-default', {}, 'f', sub).kinds).toEqual([
      'Morphology',
    ]);
  });

  it.each([
    ['@acme/missing', 'E_PLUGIN_NOT_FOUND', 'is not installed in', 'npm install @acme/missing'],
    ['@acme/not-a-plugin', 'E_PLUGIN_NO_EXPORT', 'has no SolidCell plugin', 'solidcellPlugin'],
    [
      '@acme/solidcell-future',
      'E_PLUGIN_API_VERSION',
      'targets plugin API 2',
      `plugin API ${SOLIDCELL_PLUGIN_API_VERSION}`,
    ],
    [
      '@acme/solidcell-broken',
      'E_PLUGIN_NOT_FOUND',
      'could not be loaded (boom at load)',
      'npm install @acme/solidcell-broken',
    ],
    [
      '@acme/solidcell-cjs-only',
      'E_PLUGIN_NOT_FOUND',
      'could not be loaded (its package.json exports no "." for import)',
      'npm install',
    ],
  ])('refuses %s with %s in one line', (name, code, problem, hint) => {
    const error = thrown(() => pluginFromPackage(name, {}, 'plugins.carbon.package', project));
    expect(error.code).toBe(code);
    expect(error.field).toBe('plugins.carbon.package');
    expect(error.message).toContain(`plugins.carbon.package = "${name}" ${problem}`);
    expect(error.message).toContain(hint);
    expect(error.message.split('\n')).toHaveLength(1);
  });
});

describe('pluginForRole with {"package"}', () => {
  it('gives a package plugin the role its declared kinds fit, and refuses another role', () => {
    vi.spyOn(process, 'cwd').mockReturnValue(project);
    const spec = { package: '@acme/solidcell-echo', options: { k: 1 } };
    expect(pluginForRole('sideReactions', spec, 'plugins.sideReactions[0]').id).toBe('acme-echo');
    const error = thrown(() => pluginForRole('carbon', spec, 'plugins.carbon'));
    expect(error.code).toBe('E_PLUGIN_MISSING_KIND');
    expect(error.message).toBe(
      'plugins.carbon.package = "@acme/solidcell-echo" binds SideReaction, not a carbon plugin',
    );
  });
});

describe('solidcell simulate --config with a plugin package', () => {
  const CONFIG = fileURLToPath(new URL('../../configs/ncm90_sc1.json', import.meta.url));
  const withSideReaction = (spec: unknown): string => {
    const config = JSON.parse(readFileSync(CONFIG, 'utf8'));
    config.plugins.sideReactions = [spec];
    const path = join(project, `config${Math.random().toString(36).slice(2)}.json`);
    writeFileSync(path, JSON.stringify(config));
    return path;
  };

  it.each([
    ['@acme/missing', 'npm install @acme/missing'],
    ['@acme/not-a-plugin', 'has no SolidCell plugin'],
    ['@acme/solidcell-future', 'targets plugin API 2'],
  ])('ends %s with exit code 3 and one line', async (name, expected) => {
    vi.spyOn(process, 'cwd').mockReturnValue(project);
    const path = withSideReaction({ package: name });
    const { code, stderr } = await runCaptured(['simulate', '--config', path, '--json']);
    expect(code).toBe(EXIT_PLUGIN);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(`plugins.sideReactions[0].package = "${name}"`);
    expect(stderr).toContain(expected);
  });

  it('refuses a spec with both "id" and "package" (exit code 2)', async () => {
    const path = withSideReaction({ id: 'argyrodite-oxidation', package: '@acme/solidcell-echo' });
    const { code, stderr } = await runCaptured(['simulate', '--config', path]);
    expect(code).toBe(2);
    expect(stderr).toContain('exactly one of "id"');
  });
});

describe('--plugin <package>', () => {
  it('adds a side-reaction package and replaces the carbon with a Morphology package', () => {
    vi.spyOn(process, 'cwd').mockReturnValue(project);
    const specs = withPackagePlugins(firstPartySpecs('fiber', true), [
      '@acme/solidcell-echo',
      '@acme/solidcell-default',
    ]);
    expect(specs).toEqual({
      materials: { id: 'materials' },
      chargeTransfer: { id: 'ncm-charge-transfer' },
      carbon: { package: '@acme/solidcell-default' },
      sideReactions: [{ id: 'argyrodite-oxidation' }, { package: '@acme/solidcell-echo' }],
    });
  });

  it('refuses a package whose plugin declares no kinds', () => {
    vi.spyOn(process, 'cwd').mockReturnValue(project);
    const error = thrown(() =>
      withPackagePlugins(firstPartySpecs('spherical', false), ['@acme/solidcell-kindless']),
    );
    expect(error.code).toBe('E_PLUGIN_MISSING_KIND');
    expect(error.message).toContain('--plugin @acme/solidcell-kindless binds nothing');
  });

  it.each([
    [[], '--plugin = "@acme/missing" is not installed'],
    [
      ['--config', fileURLToPath(new URL('../../configs/ncm90_sc1.json', import.meta.url))],
      'npm install @acme/missing',
    ],
  ])('ends a missing package with exit code 3 and one line (%#)', async (cell, expected) => {
    vi.spyOn(process, 'cwd').mockReturnValue(project);
    const flags = cell.length > 0 ? cell : ['--ncm', '90', '--se', '9', '--carbon', '1'];
    const { code, stderr } = await runCaptured(['simulate', ...flags, '--plugin', '@acme/missing']);
    expect(code).toBe(EXIT_PLUGIN);
    expect(stderr.trim().split('\n')).toHaveLength(1);
    expect(stderr).toContain(expected);
  });
});
