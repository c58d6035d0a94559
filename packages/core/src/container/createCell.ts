// Resolves a composed container into the typed components a cell model works with.
import type { Container } from 'inversify';
import type { CarbonShape } from '../composition/referenceDensities.js';
import { ChargeTransfer } from '../contracts/ChargeTransfer.js';
import { Material, type MaterialRole } from '../contracts/Material.js';
import { Morphology } from '../contracts/Morphology.js';
import { SideReaction } from '../contracts/SideReaction.js';
import { Transport } from '../contracts/Transport.js';
import { SolidCellError } from '../errors/SolidCellError.js';
import { createSolidCellContainer } from './createSolidCellContainer.js';
import type { PluginKind, SolidCellPlugin } from './definePlugin.js';

/** The plugin kinds a cell simulation needs. */
export const CELL_REQUIRED_KINDS: readonly PluginKind[] = [
  'Material',
  'Transport',
  'ChargeTransfer',
];

/** Typed access to the components of a composed cell. */
export interface CellComponents {
  /** The underlying container (for plugin-specific services). */
  readonly container: Container;
  readonly materials: readonly Material[];
  readonly morphologies: readonly Morphology[];
  readonly transports: readonly Transport[];
  readonly chargeTransfer: ChargeTransfer;
  readonly sideReactions: readonly SideReaction[];
  /** The material with a role (the first one bound, unless `id` selects another). */
  material(role: MaterialRole, id?: string): Material;
  /** The morphology that places a carbon shape. */
  morphologyFor(shape: CarbonShape): Morphology;
  /** A transport by id. */
  transport(id: string): Transport;
}

function getAllOrEmpty<T>(container: Container, id: symbol): T[] {
  return container.isBound(id) ? container.getAll<T>(id) : [];
}

function pick<T extends { readonly id: string }>(
  items: readonly T[],
  what: string,
  matches: (item: T) => boolean,
  wanted: string,
): T {
  const found = items.find(matches);
  if (found === undefined) {
    const available = items.map((item) => `"${item.id}"`).join(', ') || 'none';
    throw new SolidCellError(
      'E_PLUGIN_NOT_FOUND',
      `no ${what} ${wanted} is registered (available: ${available})`,
      {
        field: what,
        value: wanted,
        allowed: available,
      },
    );
  }
  return found;
}

/**
 * Composes plugins into a cell and resolves its components.
 *
 * @throws SolidCellError `E_PLUGIN_MISSING_KIND` when Material, Transport or ChargeTransfer is
 * missing, and the errors of {@link createSolidCellContainer}.
 */
export function createCell(plugins: readonly SolidCellPlugin[]): CellComponents {
  const container = createSolidCellContainer(plugins, { requiredKinds: CELL_REQUIRED_KINDS });
  const materials = getAllOrEmpty<Material>(container, Material as symbol);
  const morphologies = getAllOrEmpty<Morphology>(container, Morphology as symbol);
  const transports = getAllOrEmpty<Transport>(container, Transport as symbol);
  const sideReactions = getAllOrEmpty<SideReaction>(container, SideReaction as symbol);
  return {
    container,
    materials,
    morphologies,
    transports,
    chargeTransfer: container.get(ChargeTransfer),
    sideReactions,
    material: (role, id) =>
      pick(
        materials,
        'Material',
        (m) => m.role === role && (id === undefined || m.id === id),
        id ?? `with role ${role}`,
      ),
    morphologyFor: (shape) =>
      pick(morphologies, 'Morphology', (m) => m.carbonShape === shape, `for ${shape} carbon`),
    transport: (id) => pick(transports, 'Transport', (t) => t.id === id, `"${id}"`),
  };
}
