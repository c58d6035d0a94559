// Minimal fake plugins for container tests.
import { ContainerModule } from 'inversify';
import type { ChargeTransfer } from '../contracts/ChargeTransfer.js';
import { ChargeTransfer as ChargeTransferId } from '../contracts/ChargeTransfer.js';
import {
  Material,
  type Material as MaterialContract,
  type MaterialRole,
} from '../contracts/Material.js';
import { Transport } from '../contracts/Transport.js';
import { definePlugin, type SolidCellPlugin } from './definePlugin.js';

export function fakeMaterial(
  id: string,
  role: MaterialRole,
  density_kg_per_m3: number,
): MaterialContract {
  return {
    id,
    name: id,
    role,
    density_kg_per_m3,
    ionicConductivity_S_per_m: () => 0,
    electronicConductivity_S_per_m: () => 0,
  };
}

export function fakeChargeTransfer(id: string, i0_A_per_m2: number): ChargeTransfer {
  return {
    id,
    activeMaterialId: 'ncm',
    lithiationWindow: { discharged: 1, charged: 0.27 },
    openCircuitPotential_V: () => 3.8,
    openCircuitPotentialSlope_V: () => -1,
    exchangeCurrentDensity_A_per_m2: () => i0_A_per_m2,
    currentDensity_A_per_m2: (eta) => 2 * i0_A_per_m2 * Math.sinh(eta / 0.0514),
    solidDiffusivity_m2_per_s: () => 4e-15,
  };
}

export function materialsPlugin(): SolidCellPlugin {
  return definePlugin({
    id: 'test-materials',
    kinds: ['Material'],
    module: new ContainerModule(({ bind }) => {
      bind(Material).toConstantValue(fakeMaterial('ncm', 'active-material', 4760));
      bind(Material).toConstantValue(fakeMaterial('se', 'solid-electrolyte', 1860));
    }),
  });
}

export function chargeTransferPlugin(
  id: string,
  i0_A_per_m2: number,
  replaces?: readonly string[],
): SolidCellPlugin {
  return definePlugin({
    id,
    kinds: ['ChargeTransfer'],
    module: new ContainerModule(({ bind }) => {
      bind(ChargeTransferId).toConstantValue(fakeChargeTransfer(id, i0_A_per_m2));
    }),
    ...(replaces ? { replaces } : {}),
  });
}

export function transportPlugin(id: string): SolidCellPlugin {
  return definePlugin({
    id: `${id}-plugin`,
    kinds: ['Transport'],
    module: new ContainerModule(({ bind }) => {
      bind(Transport).toConstantValue({
        id,
        method: 'effective-medium',
        effectiveConductivity: () => ({
          conductivity_S_per_m: 1,
          tortuosityFactor: 1,
          currentCarryingFraction: 1,
        }),
      });
    }),
  });
}
