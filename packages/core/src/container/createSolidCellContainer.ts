// Composes plugins into an inversify container, refusing unknown kinds, duplicate ids,
// conflicting single kinds and missing required kinds with messages that name the plugins.
import { Container } from 'inversify';
import { invalidInput, SolidCellError } from '../errors/SolidCellError.js';
import { PLUGIN_KINDS, type PluginKind, type SolidCellPlugin } from './definePlugin.js';
import { SERVICE_IDENTIFIERS } from './serviceIdentifiers.js';

/** Options of {@link createSolidCellContainer}. */
export interface CreateContainerOptions {
  /** Kinds that must have at least one binding after loading. */
  readonly requiredKinds?: readonly PluginKind[];
}

function isPluginKind(kind: string): kind is PluginKind {
  return Object.hasOwn(PLUGIN_KINDS, kind);
}

/** Refuses a plugin list that is not an array of plugin objects (id, kinds, module). */
function assertPluginShapes(plugins: unknown): asserts plugins is readonly SolidCellPlugin[] {
  if (!Array.isArray(plugins)) invalidInput('plugins', plugins, 'a list of plugins');
  for (const [index, plugin] of plugins.entries()) {
    const ok =
      typeof plugin === 'object' &&
      plugin !== null &&
      typeof plugin.id === 'string' &&
      Array.isArray(plugin.kinds) &&
      typeof plugin.module === 'object' &&
      plugin.module !== null;
    if (!ok) {
      invalidInput(
        `plugins[${index}]`,
        plugin,
        'a plugin from definePlugin (an object with id, kinds and module)',
      );
    }
  }
}

function activePlugins(plugins: readonly SolidCellPlugin[]): SolidCellPlugin[] {
  assertPluginShapes(plugins);
  const byId = new Map<string, SolidCellPlugin>();
  for (const plugin of plugins) {
    const existing = byId.get(plugin.id);
    if (existing !== undefined) {
      throw new SolidCellError(
        'E_PLUGIN_DUPLICATE_ID',
        `two plugins have the id "${plugin.id}"; plugin ids must be unique (rename one or list it once)`,
        { field: 'plugins', value: plugin.id, allowed: 'unique plugin ids' },
      );
    }
    for (const kind of plugin.kinds) {
      if (!isPluginKind(kind)) {
        throw new SolidCellError(
          'E_PLUGIN_UNKNOWN_KIND',
          `plugin "${plugin.id}" declares unknown kind "${String(kind)}"; allowed: ${Object.keys(PLUGIN_KINDS).join(', ')}`,
          {
            field: `plugins.${plugin.id}.kinds`,
            value: kind,
            allowed: Object.keys(PLUGIN_KINDS).join(', '),
          },
        );
      }
    }
    byId.set(plugin.id, plugin);
  }
  const replaced = new Set(plugins.flatMap((plugin) => plugin.replaces ?? []));
  return plugins.filter((plugin) => !replaced.has(plugin.id));
}

function assertNoSingleKindConflict(plugins: readonly SolidCellPlugin[]): void {
  const owner = new Map<PluginKind, string>();
  for (const plugin of plugins) {
    for (const kind of plugin.kinds) {
      if (PLUGIN_KINDS[kind] !== 'single') continue;
      const first = owner.get(kind);
      if (first !== undefined) {
        throw new SolidCellError(
          'E_PLUGIN_CONFLICT',
          `plugins "${first}" and "${plugin.id}" both provide ${kind}, of which a cell has exactly one; ` +
            `declare replaces: ["${first}"] in "${plugin.id}" to override it, or remove one`,
          { field: 'plugins', value: [first, plugin.id], allowed: `one ${kind} plugin` },
        );
      }
      owner.set(kind, plugin.id);
    }
  }
}

function assertUniqueBindingIds(container: Container, plugins: readonly SolidCellPlugin[]): void {
  for (const kind of Object.keys(PLUGIN_KINDS) as PluginKind[]) {
    const id = SERVICE_IDENTIFIERS[kind];
    if (!container.isBound(id)) continue;
    const seen = new Set<string>();
    for (const service of container.getAll(id)) {
      if (seen.has(service.id)) {
        const providers = plugins
          .filter((plugin) => plugin.kinds.includes(kind))
          .map((p) => `"${p.id}"`);
        throw new SolidCellError(
          'E_PLUGIN_CONFLICT',
          `two ${kind} bindings share the id "${service.id}" (plugins providing ${kind}: ${providers.join(', ')}); ` +
            'use replaces to override one',
          { field: 'plugins', value: service.id, allowed: `unique ${kind} ids` },
        );
      }
      seen.add(service.id);
    }
  }
}

/**
 * Creates the inversify container for a set of plugins.
 *
 * @remarks
 * Plugins load in order; a plugin listed in another's `replaces` is skipped. Before loading it
 * checks unknown kinds, duplicate plugin ids and two plugins binding a single kind; after
 * loading, duplicate service ids within a kind and the required kinds. Default scope: singleton.
 * @throws SolidCellError with code `E_PLUGIN_*` naming the plugins involved.
 */
export function createSolidCellContainer(
  plugins: readonly SolidCellPlugin[],
  options: CreateContainerOptions = {},
): Container {
  const active = activePlugins(plugins);
  assertNoSingleKindConflict(active);
  const container = new Container({ defaultScope: 'Singleton' });
  container.load(...active.map((plugin) => plugin.module));
  assertUniqueBindingIds(container, active);
  for (const kind of options.requiredKinds ?? []) {
    if (!container.isBound(SERVICE_IDENTIFIERS[kind])) {
      const loaded = active.map((plugin) => `"${plugin.id}"`).join(', ') || 'none';
      throw new SolidCellError(
        'E_PLUGIN_MISSING_KIND',
        `no plugin provides ${kind}, which is required here (loaded plugins: ${loaded})`,
        { field: 'plugins', value: kind, allowed: `a plugin of kind ${kind}` },
      );
    }
  }
  return container;
}
