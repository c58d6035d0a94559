// Picks the cell's physics out of a composed container (core `createCell`).
import {
  type ActiveMaterial,
  type CellComponents,
  invalidInput,
  isActiveMaterial,
} from '@solidcell/core';
import type { CellPhysics } from './CellConfig.js';

/**
 * Builds {@link CellPhysics} from composed {@link CellComponents}.
 *
 * @param components - result of core `createCell(plugins)`.
 * @param options.transportId - id of the effective-medium transport to use inside the cell
 * (default `"effective-medium"`; falls back to the only bound transport).
 * @param options.sideReactionIds - restrict the side reactions to these ids (default: all).
 * @throws SolidCellError `E_PLUGIN_NOT_FOUND` for a missing material/transport,
 * `E_INVALID_INPUT` when the active material is not an ActiveMaterial.
 */
export function cellPhysicsFromComponents(
  components: CellComponents,
  options: { readonly transportId?: string; readonly sideReactionIds?: readonly string[] } = {},
): CellPhysics {
  const active = components.material('active-material');
  if (!isActiveMaterial(active)) {
    invalidInput('active material', active.id, 'an ActiveMaterial (role "active-material")');
  }
  const transportId = options.transportId ?? 'effective-medium';
  const transport =
    options.transportId === undefined && components.transports.length === 1
      ? components.transports[0]!
      : components.transport(transportId);
  const carbon = components.materials.find((m) => m.role === 'carbon-additive');
  const ids = options.sideReactionIds;
  return {
    chargeTransfer: components.chargeTransfer,
    activeMaterial: active as ActiveMaterial,
    electrolyte: components.material('solid-electrolyte'),
    carbon,
    transport,
    sideReactions:
      ids === undefined
        ? components.sideReactions
        : components.sideReactions.filter((r) => ids.includes(r.id)),
  };
}
