// Maps each plugin kind to its service identifier.
import type { ServiceIdentifier } from 'inversify';
import { ChargeTransfer } from '../contracts/ChargeTransfer.js';
import { Material } from '../contracts/Material.js';
import { Morphology } from '../contracts/Morphology.js';
import { SideReaction } from '../contracts/SideReaction.js';
import { Transport } from '../contracts/Transport.js';
import type { PluginKind } from './definePlugin.js';

/** Service identifier of every plugin kind. */
export const SERVICE_IDENTIFIERS: Readonly<
  Record<PluginKind, ServiceIdentifier<{ readonly id: string }>>
> = {
  Material,
  Morphology,
  Transport,
  ChargeTransfer,
  SideReaction,
};
