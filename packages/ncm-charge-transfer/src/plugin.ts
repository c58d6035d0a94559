// The ncm-charge-transfer plugin: binds the NCM811 Material and its ChargeTransfer.
import { ChargeTransfer, definePlugin, Material } from '@solidcell/core';
import { ContainerModule } from 'inversify';
import { Ncm811 } from './Ncm811.js';
import { NcmChargeTransfer } from './NcmChargeTransfer.js';
import { type NcmParameters, resolveNcmParameters } from './parameters.js';

/** Plugin id (package name without scope). */
export const NCM_CHARGE_TRANSFER_PLUGIN_ID = 'ncm-charge-transfer';

function moduleFor(parameters: NcmParameters): ContainerModule {
  return new ContainerModule(({ bind }) => {
    bind(Material).toConstantValue(new Ncm811(parameters));
    bind(ChargeTransfer).toConstantValue(new NcmChargeTransfer(parameters));
  });
}

/**
 * Creates the plugin with parameter overrides.
 *
 * @param overrides - any subset of {@link NcmParameters} (SI units).
 * @throws SolidCellError `E_INVALID_INPUT` naming field, value and allowed range.
 * @example
 * ```ts
 * createNcmChargeTransferPlugin({ exchangeCurrentDensityRef_A_per_m2: 0.5 });
 * ```
 */
export function createNcmChargeTransferPlugin(overrides: Partial<NcmParameters> = {}) {
  return definePlugin({
    id: NCM_CHARGE_TRANSFER_PLUGIN_ID,
    kinds: ['Material', 'ChargeTransfer'],
    module: moduleFor(resolveNcmParameters(overrides)),
  });
}

/** Container module binding `Material` (ncm811) and `ChargeTransfer` with default parameters. */
export const ncmChargeTransferModule: ContainerModule = moduleFor(resolveNcmParameters());

/** The plugin with default parameters. */
export const ncmChargeTransferPlugin = definePlugin({
  id: NCM_CHARGE_TRANSFER_PLUGIN_ID,
  kinds: ['Material', 'ChargeTransfer'],
  module: ncmChargeTransferModule,
});

/** Alias of {@link ncmChargeTransferPlugin} for loading by package name. */
export const plugin = ncmChargeTransferPlugin;
