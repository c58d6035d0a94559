import { ContainerModule } from 'inversify';
import { describe, expect, it } from 'vitest';
import { ChargeTransfer } from '../contracts/ChargeTransfer.js';
import { Material } from '../contracts/Material.js';
import { isSolidCellError, type SolidCellError } from '../errors/SolidCellError.js';
import {
  chargeTransferPlugin,
  fakeMaterial,
  materialsPlugin,
  transportPlugin,
} from './container.fixtures.js';
import { createCell } from './createCell.js';
import { createSolidCellContainer } from './createSolidCellContainer.js';
import { definePlugin, type PluginKind } from './definePlugin.js';

function failure(fn: () => unknown): SolidCellError {
  try {
    fn();
  } catch (error) {
    if (isSolidCellError(error)) return error;
    throw error;
  }
  throw new Error('expected a SolidCellError');
}

describe(createSolidCellContainer, () => {
  it('composes plugins and exposes every binding of a multi kind', () => {
    const container = createSolidCellContainer([materialsPlugin(), chargeTransferPlugin('bv', 1)]);
    expect(container.getAll(Material).map((m) => m.id)).toEqual(['ncm', 'se']);
    expect(container.get(ChargeTransfer).id).toBe('bv');
  });

  it('fails naming the kind and the loaded plugins when a required kind is missing', () => {
    const error = failure(() =>
      createSolidCellContainer([materialsPlugin()], { requiredKinds: ['ChargeTransfer'] }),
    );
    expect(error.code).toBe('E_PLUGIN_MISSING_KIND');
    expect(error.message).toBe(
      'no plugin provides ChargeTransfer, which is required here (loaded plugins: "test-materials")',
    );
  });

  it('fails naming both plugins when two provide a single kind', () => {
    const error = failure(() =>
      createSolidCellContainer([chargeTransferPlugin('bv-a', 1), chargeTransferPlugin('bv-b', 2)]),
    );
    expect(error.code).toBe('E_PLUGIN_CONFLICT');
    expect(error.message).toContain('plugins "bv-a" and "bv-b" both provide ChargeTransfer');
  });

  it('lets a plugin override a default through replaces', () => {
    const container = createSolidCellContainer([
      chargeTransferPlugin('default-bv', 1),
      chargeTransferPlugin('coated-bv', 0.1, ['default-bv']),
    ]);
    expect(container.get(ChargeTransfer).id).toBe('coated-bv');
    expect(
      container
        .get(ChargeTransfer)
        .exchangeCurrentDensity_A_per_m2({ surfaceLithiation: 0.5, temperature_K: 298.15 }),
    ).toBe(0.1);
  });

  it('rejects two plugins with the same id', () => {
    expect(
      failure(() => createSolidCellContainer([materialsPlugin(), materialsPlugin()])).code,
    ).toBe('E_PLUGIN_DUPLICATE_ID');
  });

  it('rejects an unknown kind', () => {
    const bogus = definePlugin({
      id: 'bogus',
      kinds: ['Electrolyte' as PluginKind],
      module: new ContainerModule(() => {}),
    });
    const error = failure(() => createSolidCellContainer([bogus]));
    expect(error.code).toBe('E_PLUGIN_UNKNOWN_KIND');
    expect(error.message).toContain('unknown kind "Electrolyte"');
  });

  it('rejects two bindings with the same service id within a multi kind', () => {
    const duplicate = definePlugin({
      id: 'more-materials',
      kinds: ['Material'],
      module: new ContainerModule(({ bind }) => {
        bind(Material).toConstantValue(fakeMaterial('ncm', 'active-material', 4700));
      }),
    });
    const error = failure(() => createSolidCellContainer([materialsPlugin(), duplicate]));
    expect(error.code).toBe('E_PLUGIN_CONFLICT');
    expect(error.message).toContain('two Material bindings share the id "ncm"');
  });
});

describe(createCell, () => {
  const plugins = [
    materialsPlugin(),
    chargeTransferPlugin('bv', 1),
    transportPlugin('effective-medium'),
  ];

  it('resolves typed components', () => {
    const cell = createCell(plugins);
    expect(cell.material('active-material').id).toBe('ncm');
    expect(cell.transport('effective-medium').method).toBe('effective-medium');
    expect(cell.sideReactions).toEqual([]);
  });

  it('requires Material, Transport and ChargeTransfer', () => {
    expect(
      failure(() => createCell([materialsPlugin(), chargeTransferPlugin('bv', 1)])).message,
    ).toContain('no plugin provides Transport');
  });

  it('names what is available when a component is not found', () => {
    const error = failure(() => createCell(plugins).transport('voxel-fv'));
    expect(error.code).toBe('E_PLUGIN_NOT_FOUND');
    expect(error.message).toBe(
      'no Transport "voxel-fv" is registered (available: "effective-medium")',
    );
  });
});
