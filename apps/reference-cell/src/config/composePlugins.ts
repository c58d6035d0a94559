// Turns the plugin ids of a cell configuration into first-party plugins, checking that each role
// names a plugin of the right kind; unknown ids fail as plugin-composition errors (exit code 3).
import {
  formatValue,
  isSolidCellError,
  type PluginKind,
  SolidCellError,
  type SolidCellPlugin,
} from '@solidcell/core';
import { FIRST_PARTY_PLUGIN_IDS, firstPartyPlugin } from '../plugins/firstPartyPlugins.js';
import type { CellPluginSpecs, PluginSpec } from './cellConfigSchema.js';

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

let kindsById: ReadonlyMap<string, readonly PluginKind[]> | undefined;

/** Ids of the first-party plugins that may fill a role. */
export function pluginIdsFor(role: PluginRole): string[] {
  kindsById ??= new Map(FIRST_PARTY_PLUGIN_IDS.map((id) => [id, firstPartyPlugin(id).kinds]));
  return [...kindsById].filter(([, kinds]) => ROLE_ACCEPTS[role](kinds)).map(([id]) => id);
}

/**
 * Builds the plugin of one role.
 * @param field - dotted config field of the spec, e.g. `plugins.carbon`.
 * @throws SolidCellError `E_PLUGIN_NOT_FOUND` naming field, value and the allowed ids;
 * option errors of the plugin's factory are re-thrown with the field prefixed.
 */
export function pluginForRole(role: PluginRole, spec: PluginSpec, field: string): SolidCellPlugin {
  const allowed = pluginIdsFor(role);
  if (!allowed.includes(spec.id)) {
    const list = allowed.map((id) => `"${id}"`).join(', ');
    throw new SolidCellError(
      'E_PLUGIN_NOT_FOUND',
      `${field}.id = ${formatValue(spec.id)} is not a known ${ROLE_WORDS[role]} plugin: expected one of ${list}`,
      { field: `${field}.id`, value: spec.id, allowed: list },
    );
  }
  try {
    return firstPartyPlugin(spec.id, spec.options ?? {});
  } catch (error) {
    if (!isSolidCellError(error)) throw error;
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
