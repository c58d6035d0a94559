// Turns the plugin specs of a cell configuration into plugins (first-party by id, third-party by
// npm package name), checking that each role gets a plugin of the right kind; unknown ids and
// unusable packages fail as plugin-composition errors (exit code 3).
import {
  formatValue,
  isSolidCellError,
  type PluginKind,
  SolidCellError,
  type SolidCellPlugin,
} from '@solidcell/core';
import { FIRST_PARTY_PLUGIN_IDS, firstPartyPlugin } from '../plugins/firstPartyPlugins.js';
import type { CellPluginSpecs, PluginSpec } from './cellConfigSchema.js';
import { pluginFromPackage } from './loadPluginPackage.js';

/** A plugin role of a configuration file. */
export type PluginRole = 'materials' | 'chargeTransfer' | 'carbon' | 'sideReactions';

/** Which plugins may fill a role, by the contract kinds they bind. */
const ROLE_ACCEPTS: Readonly<Record<PluginRole, (kinds: readonly PluginKind[]) => boolean>> = {
  materials: (kinds) => kinds.every((k) => k === 'Material'),
  chargeTransfer: (kinds) => kinds.includes('ChargeTransfer'),
  carbon: (kinds) => kinds.includes('Morphology'),
  sideReactions: (kinds) => kinds.includes('SideReaction'),
};

const ROLE_WORDS: Readonly<Record<PluginRole, string>> = {
  materials: 'materials',
  chargeTransfer: 'charge-transfer',
  carbon: 'carbon',
  sideReactions: 'side-reaction',
};

/** Roles in the order a plugin's declared kinds are matched against them (most specific first). */
const ROLES_BY_SPECIFICITY: readonly PluginRole[] = [
  'carbon',
  'chargeTransfer',
  'sideReactions',
  'materials',
];

/** The role a plugin's declared kinds give it, or undefined when they fit none. */
export function roleOfKinds(kinds: readonly PluginKind[]): PluginRole | undefined {
  if (kinds.length === 0) return undefined;
  return ROLES_BY_SPECIFICITY.find((role) => ROLE_ACCEPTS[role](kinds));
}

let kindsById: ReadonlyMap<string, readonly PluginKind[]> | undefined;

/** Ids of the first-party plugins that may fill a role. */
export function pluginIdsFor(role: PluginRole): string[] {
  kindsById ??= new Map(FIRST_PARTY_PLUGIN_IDS.map((id) => [id, firstPartyPlugin(id).kinds]));
  return [...kindsById].filter(([, kinds]) => ROLE_ACCEPTS[role](kinds)).map(([id]) => id);
}

/** The plugin of a `{"package"}` spec, checked to bind the contract kinds its role needs. */
function packagePluginForRole(
  role: PluginRole,
  packageName: string,
  options: Readonly<Record<string, unknown>>,
  field: string,
): SolidCellPlugin {
  const plugin = pluginFromPackage(packageName, options, `${field}.package`);
  if (!ROLE_ACCEPTS[role](plugin.kinds)) {
    throw new SolidCellError(
      'E_PLUGIN_MISSING_KIND',
      `${field}.package = ${formatValue(packageName)} binds ${plugin.kinds.join(', ') || 'nothing'}, not a ${ROLE_WORDS[role]} plugin`,
      { field: `${field}.package`, value: packageName, allowed: `a ${ROLE_WORDS[role]} plugin` },
    );
  }
  return plugin;
}

/** The first-party plugin of an `{"id"}` spec. */
function firstPartyPluginForRole(
  role: PluginRole,
  id: string | undefined,
  options: Readonly<Record<string, unknown>>,
  field: string,
): SolidCellPlugin {
  const allowed = pluginIdsFor(role);
  if (id === undefined || !allowed.includes(id)) {
    const list = allowed.map((known) => `"${known}"`).join(', ');
    throw new SolidCellError(
      'E_PLUGIN_NOT_FOUND',
      `${field}.id = ${formatValue(id)} is not a known ${ROLE_WORDS[role]} plugin: expected one of ${list}, or {"package": "<npm package>"}`,
      { field: `${field}.id`, value: id, allowed: list },
    );
  }
  return firstPartyPlugin(id, options);
}

/**
 * Builds the plugin of one role: a first-party plugin by `id`, or the plugin of an installed npm
 * `package` (whose declared kinds must fit the role).
 * @param field - dotted config field of the spec, e.g. `plugins.carbon`.
 * @throws SolidCellError `E_PLUGIN_NOT_FOUND` naming field, value and the allowed ids (or the
 * install command of a missing package), `E_PLUGIN_NO_EXPORT` / `E_PLUGIN_API_VERSION` for a
 * package that is not a plugin of this API, `E_PLUGIN_MISSING_KIND` for a package plugin of
 * another role; option errors of the plugin's factory are re-thrown with the field prefixed.
 */
export function pluginForRole(role: PluginRole, spec: PluginSpec, field: string): SolidCellPlugin {
  const options = spec.options ?? {};
  if (spec.package !== undefined) {
    return withOptionsField(field, () =>
      packagePluginForRole(role, spec.package as string, options, field),
    );
  }
  return withOptionsField(field, () => firstPartyPluginForRole(role, spec.id, options, field));
}

/** Runs a plugin factory, prefixing its option errors with `<field>.options`. */
function withOptionsField(field: string, build: () => SolidCellPlugin): SolidCellPlugin {
  try {
    return build();
  } catch (error) {
    if (!isSolidCellError(error) || error.field?.startsWith(field)) throw error;
    throw new SolidCellError(error.code, `${field}.options: ${error.message}`, {
      field: `${field}.options${error.field ? `.${error.field}` : ''}`,
      value: error.value,
      ...(error.allowed === undefined ? {} : { allowed: error.allowed }),
    });
  }
}

/**
 * The plugins of a configuration in composition order: materials, charge transfer, carbon,
 * then `transport` (supplied by the caller) and the side reactions.
 */
export function configuredPlugins(
  specs: CellPluginSpecs,
  transport: SolidCellPlugin,
): SolidCellPlugin[] {
  return [
    pluginForRole('materials', specs.materials, 'plugins.materials'),
    pluginForRole('chargeTransfer', specs.chargeTransfer, 'plugins.chargeTransfer'),
    pluginForRole('carbon', specs.carbon, 'plugins.carbon'),
    transport,
    ...specs.sideReactions.map((spec, k) =>
      pluginForRole('sideReactions', spec, `plugins.sideReactions[${k}]`),
    ),
  ];
}
