// Docs sample (Guides › Write your own plugin, last step): compose the third-party halide plugin
// with a first-party plugin and use it in composition maths.
// #region compose
import {
  createSolidCellContainer,
  Material,
  referenceDensities,
  solidVolumeFractions,
} from '@solidcell/core';
import { ncmChargeTransferPlugin } from '@solidcell/ncm-charge-transfer';
import { createHalideElectrolytePlugin } from 'solidcell-plugin-halide-electrolyte';

/** Li3InCl6 next to NCM811: materials in the container and the halide's share at 80/17/3 wt%. */
export function composeHalide(): {
  readonly materialIds: readonly string[];
  readonly ionicConductivity60C_S_per_m: number;
  readonly seVolumePercent: number;
} {
  const container = createSolidCellContainer([
    ncmChargeTransferPlugin,
    createHalideElectrolytePlugin({ ionicConductivity25C_S_per_m: 0.15 }),
  ]);
  const materials = container.getAll(Material);
  const halide = materials.find((material) => material.id === 'li3incl6');
  if (halide === undefined) throw new Error('li3incl6 is not bound');

  const phi = solidVolumeFractions(
    { ncm: 80, se: 17, carbon: 3 },
    { ...referenceDensities('spherical'), se: halide.density_kg_per_m3 },
  );
  return {
    materialIds: materials.map((material) => material.id),
    ionicConductivity60C_S_per_m: halide.ionicConductivity_S_per_m({ temperature_K: 333.15 }),
    seVolumePercent: 100 * phi.se,
  };
}
// #endregion compose
