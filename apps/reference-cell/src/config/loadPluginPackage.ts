// Loads a third-party plugin by npm package name from the user's project: finds the package in the
// node_modules folders above that project, loads its ES module entry and checks its
// `solidcellPlugin` export (plugin-API version, factory). Each failure is one SolidCellError line.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import {
  formatValue,
  PLUGIN_PACKAGE_EXPORT,
  SOLIDCELL_PLUGIN_API_VERSION,
  SolidCellError,
  type SolidCellPlugin,
} from '@solidcell/core';

/** Conditions of an ES-module import under Node, in the order a package's `exports` is read. */
const IMPORT_CONDITIONS = new Set(['node', 'import', 'default']);

/** The target of an `exports` entry for the import conditions, or undefined. */
function conditionalTarget(entry: unknown): string | undefined {
  if (typeof entry === 'string') return entry;
  if (Array.isArray(entry)) {
    for (const item of entry) {
      const target = conditionalTarget(item);
      if (target !== undefined) return target;
    }
    return undefined;
  }
  if (entry === null || typeof entry !== 'object') return undefined;
  for (const [condition, value] of Object.entries(entry)) {
    if (IMPORT_CONDITIONS.has(condition)) {
      const target = conditionalTarget(value);
      if (target !== undefined) return target;
    }
  }
  return undefined;
}

/** The module file a package's `package.json` exports as `.` for an ES-module import. */
function entryFile(packageDir: string, manifest: Record<string, unknown>): string | undefined {
  const { exports } = manifest;
  if (exports === undefined) {
    return join(packageDir, typeof manifest.main === 'string' ? manifest.main : 'index.js');
  }
  const isSubpathMap =
    exports !== null &&
    typeof exports === 'object' &&
    !Array.isArray(exports) &&
    Object.keys(exports).some((key) => key.startsWith('.'));
  const target = conditionalTarget(
    isSubpathMap ? (exports as Record<string, unknown>)['.'] : exports,
  );
  return target === undefined ? undefined : join(packageDir, target);
}

/** The folder of an installed package, searching node_modules from `fromDir` upwards. */
function installedPackageDir(packageName: string, fromDir: string): string | undefined {
  for (let dir = resolve(fromDir); ; dir = dirname(dir)) {
    const candidate = join(dir, 'node_modules', packageName);
    if (existsSync(join(candidate, 'package.json'))) return candidate;
    if (dirname(dir) === dir) return undefined;
  }
}

function failure(
  code: 'E_PLUGIN_NOT_FOUND' | 'E_PLUGIN_NO_EXPORT' | 'E_PLUGIN_API_VERSION',
  field: string,
  packageName: string,
  problem: string,
  allowed: string,
): never {
  throw new SolidCellError(code, `${field} = ${formatValue(packageName)} ${problem}`, {
    field,
    value: packageName,
    allowed,
  });
}

/** The `solidcellPlugin` export of a loaded module (also accepted under `default`). */
function pluginExport(moduleExports: Record<string, unknown>): unknown {
  const defaultExport = moduleExports.default as Record<string, unknown> | undefined;
  return moduleExports[PLUGIN_PACKAGE_EXPORT] ?? defaultExport?.[PLUGIN_PACKAGE_EXPORT];
}

/**
 * Builds the plugin that an installed npm package provides.
 *
 * @param packageName - the package name, e.g. `@acme/solidcell-graphene`.
 * @param options - options passed to the package's `createPlugin`.
 * @param field - config field or flag that named the package, for error messages.
 * @param fromDir - the project whose node_modules hold the package (default: the working folder).
 * @remarks
 * The package's `.` export is loaded as an ES module (Node ≥ 20.19 loads it synchronously; an
 * entry with top-level `await` is refused), so that it shares `@solidcell/core` with this program.
 * @throws SolidCellError `E_PLUGIN_NOT_FOUND` when the package is not installed or cannot be
 * loaded (naming the install command), `E_PLUGIN_NO_EXPORT` when it has no `solidcellPlugin`
 * export, `E_PLUGIN_API_VERSION` when it targets another plugin-API version.
 */
export function pluginFromPackage(
  packageName: string,
  options: Readonly<Record<string, unknown>>,
  field: string,
  fromDir: string = process.cwd(),
): SolidCellPlugin {
  const packageDir = installedPackageDir(packageName, fromDir);
  const install = `npm install ${packageName}`;
  if (packageDir === undefined) {
    failure(
      'E_PLUGIN_NOT_FOUND',
      field,
      packageName,
      `is not installed in ${resolve(fromDir)}: install it with \`${install}\``,
      install,
    );
  }
  const manifestPath = join(packageDir, 'package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as Record<string, unknown>;
  const entry = entryFile(packageDir, manifest);
  let moduleExports: Record<string, unknown>;
  try {
    if (entry === undefined) throw new Error('its package.json exports no "." for import');
    moduleExports = createRequire(manifestPath)(entry) as Record<string, unknown>;
  } catch (error) {
    const reason = ((error as Error).message ?? String(error)).split('\n', 1)[0];
    return failure(
      'E_PLUGIN_NOT_FOUND',
      field,
      packageName,
      `could not be loaded (${reason}); reinstall it with \`${install}\``,
      install,
    );
  }
  const exported = pluginExport(moduleExports) as Record<string, unknown> | undefined;
  if (exported === undefined || typeof exported.createPlugin !== 'function') {
    failure(
      'E_PLUGIN_NO_EXPORT',
      field,
      packageName,
      `has no SolidCell plugin: expected an export "${PLUGIN_PACKAGE_EXPORT}" with createPlugin(options) (see definePluginPackage)`,
      `a module exporting ${PLUGIN_PACKAGE_EXPORT}`,
    );
  }
  if (exported.pluginApiVersion !== SOLIDCELL_PLUGIN_API_VERSION) {
    failure(
      'E_PLUGIN_API_VERSION',
      field,
      packageName,
      `targets plugin API ${formatValue(exported.pluginApiVersion)}, but this solidcell implements plugin API ${SOLIDCELL_PLUGIN_API_VERSION}: install a version of the plugin built for it`,
      `pluginApiVersion ${SOLIDCELL_PLUGIN_API_VERSION}`,
    );
  }
  return (exported.createPlugin as (o: Readonly<Record<string, unknown>>) => SolidCellPlugin)(
    options,
  );
}
