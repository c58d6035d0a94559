// The contract of a plugin published as its own npm package: the module exports `solidcellPlugin`,
// which declares the plugin-API version it targets and builds the plugin from its options.
import type { SolidCellPlugin } from './definePlugin.js';

/**
 * Version of the plugin API this core implements. A plugin package built against another version
 * is refused when loaded by name (the contract of {@link SolidCellPlugin} or of the role kinds
 * changed incompatibly).
 */
export const SOLIDCELL_PLUGIN_API_VERSION = 1;

/** Name of the export a plugin package provides. */
export const PLUGIN_PACKAGE_EXPORT = 'solidcellPlugin';

/** What a plugin package exports as {@link PLUGIN_PACKAGE_EXPORT}. */
export interface SolidCellPluginPackage {
  /** The {@link SOLIDCELL_PLUGIN_API_VERSION} the plugin was written for. */
  readonly pluginApiVersion: number;
  /** Builds the plugin; throws a SolidCellError naming the option for invalid options. */
  createPlugin(options: Readonly<Record<string, unknown>>): SolidCellPlugin;
}

/** Identity helper that type-checks the `solidcellPlugin` export of a plugin package. */
export function definePluginPackage<const P extends SolidCellPluginPackage>(pluginPackage: P): P {
  return pluginPackage;
}
