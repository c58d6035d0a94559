import {
  ChargeTransfer,
  createSolidCellContainer,
  definePlugin,
  isActiveMaterial,
  isSolidCellError,
  Material,
} from '@solidcell/core';
import { materialsPlugin } from '@solidcell/materials';
import { ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';
import { Ncm811 } from './Ncm811.js';
import { NcmChargeTransfer } from './NcmChargeTransfer.js';
import { resolveNcmParameters } from './parameters.js';
import { createNcmChargeTransferPlugin, plugin } from './plugin.js';

describe('ncm-charge-transfer with materials in a SolidCell container', () => {
  it('binds Materials ncm811, li6ps5cl, li-in, ptfe and one ChargeTransfer', () => {
    const container = createSolidCellContainer([plugin, materialsPlugin], {
      requiredKinds: ['Material', 'ChargeTransfer'],
    });
    const materials = container.getAll(Material);
    expect(materials.map((m) => m.id)).toEqual(['ncm811', 'li6ps5cl', 'li-in', 'ptfe']);
    expect(materials.filter(isActiveMaterial).map((m) => m.id)).toEqual(['ncm811']);
    const ct = container.get(ChargeTransfer);
    expect(ct.id).toBe('ncm-charge-transfer');
    expect(ct.activeMaterialId).toBe('ncm811');
  });

  it('passes overrides from createNcmChargeTransferPlugin to both bindings', () => {
    const container = createSolidCellContainer([
      createNcmChargeTransferPlugin({
        exchangeCurrentDensityRef_A_per_m2: 0.5,
        particleRadius_m: 3e-6,
      }),
    ]);
    const ct = container.get(ChargeTransfer);
    expect(
      ct.exchangeCurrentDensity_A_per_m2({ surfaceLithiation: 0.5, temperature_K: 298.15 }),
    ).toBe(0.5);
    const ncm = container.getAll(Material).find(isActiveMaterial)!;
    expect(ncm.particleRadius_m).toBe(3e-6);
  });

  it('fails at plugin creation naming the field for a bad override', () => {
    try {
      createNcmChargeTransferPlugin({ anodicTransferCoefficient: 2 });
      expect.unreachable();
    } catch (error) {
      expect(isSolidCellError(error) && error.field).toBe(
        'ncmParameters.anodicTransferCoefficient',
      );
    }
  });

  it("lets a researcher's ChargeTransfer with replaces: ['ncm-charge-transfer'] win", () => {
    const base = new NcmChargeTransfer(
      resolveNcmParameters({ exchangeCurrentDensityRef_A_per_m2: 0.1 }),
    );
    const coated = Object.assign(Object.create(base) as NcmChargeTransfer, { id: 'coated-ncm' });
    const researcher = definePlugin({
      id: 'coated-ncm',
      kinds: ['ChargeTransfer', 'Material'],
      replaces: ['ncm-charge-transfer'],
      module: new ContainerModule(({ bind }) => {
        bind(ChargeTransfer).toConstantValue(coated);
        // Replacing the plugin drops its ncm811 Material too, so the replacement rebinds it.
        bind(Material).toConstantValue(new Ncm811());
      }),
    });
    const container = createSolidCellContainer([plugin, materialsPlugin, researcher], {
      requiredKinds: ['ChargeTransfer'],
    });
    const ct = container.get(ChargeTransfer);
    expect(ct.id).toBe('coated-ncm');
    expect(
      ct.exchangeCurrentDensity_A_per_m2({ surfaceLithiation: 0.5, temperature_K: 298.15 }),
    ).toBe(0.1);
    expect(container.getAll(Material).map((m) => m.id)).toEqual([
      'li6ps5cl',
      'li-in',
      'ptfe',
      'ncm811',
    ]);
  });
});
