// The plugin descriptor: what every SolidCell plugin package exports, and the contract kinds.
import type { ContainerModule } from 'inversify';

/** Contract kinds a plugin can bind. */
export type PluginKind =
  | 'Material'
  | 'Morphology'
  | 'Transport'
  | 'ChargeTransfer'
  | 'SideReaction';

/** All kinds with their cardinality: `single` = at most one plugin binds it, `multi` = 0..n. */
export const PLUGIN_KINDS: Readonly<Record<PluginKind, 'single' | 'multi'>> = {
  Material: 'multi',
  Morphology: 'multi',
  Transport: 'multi',
  ChargeTransfer: 'single',
  SideReaction: 'multi',
};

/** What a plugin package exports (also as `plugin`, for loading by package name). */
export interface SolidCellPlugin {
  /** Stable kebab-case id, unique across installed plugins (first-party: package name). */
  readonly id: string;
  /** Contract kinds this plugin binds. */
  readonly kinds: readonly PluginKind[];
  /** The bindings; must load synchronously. */
  readonly module: ContainerModule;
  /** Ids of plugins this one deliberately replaces; their modules are not loaded. */
  readonly replaces?: readonly string[];
}

/** Identity helper that type-checks a plugin descriptor. */
export function definePlugin<const P extends SolidCellPlugin>(plugin: P): P {
  return plugin;
}
