// Docs sample (Concepts › Effective transport, Playground): effective ionic and electronic
// conductivity of an electrode from the composed first-party plugins — materials for the bulk
// conductivities, the `effective-medium` Transport for the network laws, and the cell package's
// descriptor estimate in place of a voxel microstructure. Browser-safe.
// #region effective
import { carbonFiberPlugin } from '@solidcell/carbon-fiber';
import { carbonSphericalPlugin } from '@solidcell/carbon-spherical';
import { estimateDescriptors } from '@solidcell/cell';
import {
  type CarbonShape,
  type CellComponents,
  createCell,
  type ElectrodeVolumeFractions,
  isActiveMaterial,
  type Microstructure,
} from '@solidcell/core';
import { materialsPlugin } from '@solidcell/materials';
import { ncmChargeTransferPlugin } from '@solidcell/ncm-charge-transfer';
import { effectiveMediumTransportPlugin } from '@solidcell/transport';

/** Effective conductivities of an electrode (S/m). */
export interface EffectiveConductivities {
  readonly ionic_S_per_m: number;
  readonly electronic_S_per_m: number;
}

const cells = new Map<CarbonShape, CellComponents>();

/** The composed plugins for one carbon shape (composed once, then reused). */
function cellFor(carbonShape: CarbonShape): CellComponents {
  let cell = cells.get(carbonShape);
  if (cell === undefined) {
    const carbon = carbonShape === 'spherical' ? carbonSphericalPlugin : carbonFiberPlugin;
    cell = createCell([
      materialsPlugin,
      ncmChargeTransferPlugin,
      carbon,
      effectiveMediumTransportPlugin,
    ]);
    cells.set(carbonShape, cell);
  }
  return cell;
}

/**
 * σ_ion,eff and σ_e,eff of an electrode (volume fractions include pores) in the discharged state
 * (x_Li = 1, the electronic bottleneck), with the default contact fraction 0.3.
 */
export function effectiveConductivities(
  volumeFractions: ElectrodeVolumeFractions,
  carbonShape: CarbonShape,
  temperature_K = 298.15,
): EffectiveConductivities {
  const cell = cellFor(carbonShape);
  const ncm = cell.material('active-material');
  const se = cell.material('solid-electrolyte');
  const carbon = cell.material('carbon-additive');
  const radius_m = isActiveMaterial(ncm) ? ncm.particleRadius_m : 5e-6;
  const microstructure: Microstructure = {
    morphologyId: 'estimate-from-volume-fractions',
    carbonShape,
    seed: 0,
    targetVolumeFractions: volumeFractions,
    descriptors: estimateDescriptors(volumeFractions, radius_m, 0.3, carbon),
  };
  const transport = cell.transport('effective-medium');
  const at = { temperature_K, lithiation: 1 };
  const ionic = transport.effectiveConductivity({
    microstructure,
    path: 'ionic',
    phaseConductivity_S_per_m: {
      ncm: 0,
      se: se.ionicConductivity_S_per_m(at),
      carbon: 0,
      binder: 0,
      pore: 0,
    },
  });
  const electronic = transport.effectiveConductivity({
    microstructure,
    path: 'electronic',
    phaseConductivity_S_per_m: {
      ncm: ncm.electronicConductivity_S_per_m(at),
      se: se.electronicConductivity_S_per_m(at),
      carbon: carbon.electronicConductivity_S_per_m(at),
      binder: 0,
      pore: 0,
    },
  });
  return {
    ionic_S_per_m: ionic.conductivity_S_per_m,
    electronic_S_per_m: electronic.conductivity_S_per_m,
  };
}
// #endregion effective
