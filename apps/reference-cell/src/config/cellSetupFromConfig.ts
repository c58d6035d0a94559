// Turns a validated cell configuration into the app's CellSetup: composes its plugins (carbon
// shape and counter electrode come from them) and, on request, measures a voxel microstructure.
import {
  createCell,
  describeComposition,
  formatValue,
  fromCelsius,
  fromMicrometres,
  fromMilliampHoursPerSquareCm,
  isCounterElectrode,
  type ProgressCallback,
  parseCompositionInput,
  SolidCellError,
} from '@solidcell/core';
import { assertGridFitsNodeMemory } from '@solidcell/microstructure/node';
import { firstPartyPlugin } from '../plugins/firstPartyPlugins.js';
import type { CellSetup } from '../studies/cellSetup.js';
import type { CellConfig } from './cellConfigSchema.js';
import { configuredPlugins } from './composePlugins.js';

/**
 * The cell setup a configuration describes.
 *
 * @remarks
 * With `microstructure.descriptors` = `"voxel"` the carbon plugin (with its geometry options)
 * generates a voxel electrode of `voxels`³ × `voxelSize_um` and the cell uses its measured
 * descriptors; with `"estimated"` (default) the cell estimates them, as `simulate` flags do.
 * @throws SolidCellError `E_PLUGIN_NOT_FOUND` for a plugin or counter electrode that is not
 * available (naming the field, value and allowed ids), `E_COMPOSITION_SUM` for wt% that do not
 * sum to 100, and the composition errors of core `createCell`.
 */
export function cellSetupFromConfig(config: CellConfig, onProgress?: ProgressCallback): CellSetup {
  const cell = createCell(
    configuredPlugins(config.plugins, firstPartyPlugin('effective-medium-transport')),
  );
  const morphology = cell.morphologies[0];
  if (morphology === undefined) {
    throw new SolidCellError('E_PLUGIN_MISSING_KIND', 'plugins.carbon binds no Morphology', {
      field: 'plugins.carbon.id',
      value: config.plugins.carbon.id,
      allowed: 'a carbon plugin',
    });
  }
  const wanted = config.counterElectrode.materialId;
  const counters = cell.materials.filter(isCounterElectrode);
  const counter = counters.find((m) => m.id === wanted);
  if (counter === undefined) {
    const list = counters.map((m) => `"${m.id}"`).join(', ') || 'none';
    throw new SolidCellError(
      'E_PLUGIN_NOT_FOUND',
      `counterElectrode.materialId = ${formatValue(wanted)} is not a counter electrode of plugins.materials: expected one of ${list}`,
      { field: 'counterElectrode.materialId', value: wanted, allowed: list },
    );
  }
  const composition = parseCompositionInput({
    massFractions_wtPct: config.massFractions_wtPct,
    carbonShape: morphology.carbonShape,
    porosity: config.porosity,
  });
  const grid = config.microstructure;
  let descriptors: CellSetup['descriptors'];
  if (grid.descriptors === 'voxel') {
    assertGridFitsNodeMemory(grid.voxels);
    const microstructure = morphology.generate(
      {
        volumeFractions: describeComposition(composition).electrodeVolumeFractions,
        seed: grid.seed,
        grid: { voxels: grid.voxels, voxelSize_m: fromMicrometres(grid.voxelSize_um) },
      },
      onProgress,
    );
    descriptors = microstructure.descriptors;
  }
  return {
    massFractions_wtPct: composition.massFractions_wtPct,
    carbonShape: composition.carbonShape,
    porosity: composition.porosity,
    arealCapacity_C_per_m2: fromMilliampHoursPerSquareCm(config.arealCapacity_mAh_per_cm2),
    temperature_K: fromCelsius(config.temperature_C),
    sideReactions: config.plugins.sideReactions.length > 0,
    plugins: config.plugins,
    counterElectrode: {
      potentialVsLi_V: counter.potentialVsLi_V,
      areaSpecificResistance_ohm_m2: counter.areaSpecificResistance_ohm_m2,
    },
    ...(descriptors ? { descriptors } : {}),
  };
}
