// The configuration files of the paper's eight electrodes, built from PAPER_ELECTRODES and
// PAPER_SETTINGS; the shipped configs/*.json must equal these (checked by cellConfig.test.ts).
import { FIBER_BRIDGE_DEFAULTS } from '@solidcell/carbon-fiber';
import { SPHERICAL_AGGLOMERATE_DEFAULTS } from '@solidcell/carbon-spherical';
import {
  type CarbonShape,
  toCelsius,
  toMicrometres,
  toMilliampHoursPerSquareCm,
} from '@solidcell/core';
import { PAPER_ELECTRODES, type PaperElectrode } from '../paperElectrodes.js';
import { carbonPluginId } from '../plugins/firstPartyPlugins.js';
import { studySettings } from '../reproduce/studyPlan.js';
import { PAPER_SETTINGS } from '../studies/paperSettings.js';
import { CELL_CONFIG_SCHEMA_VERSION, type CellConfigInput } from './cellConfigSchema.js';

/** Seed of the example configs: the default of `solidcell reproduce --seed`. */
export const PAPER_CONFIG_SEED = 1;

/** Rounds away the last bits of unit round trips (298.15 K − 273.15 = 24.999…). */
const tidy = (value: number): number => Number(value.toPrecision(12));

/** The carbon plugin's geometry options, spelled out at their defaults so they can be edited. */
function carbonGeometry(shape: CarbonShape): Record<string, unknown> {
  if (shape === 'spherical') {
    const { agglomerateD50_m, agglomerateSpan } = SPHERICAL_AGGLOMERATE_DEFAULTS;
    return { agglomerates: { agglomerateD50_m, agglomerateSpan } };
  }
  const { diameter_m, length_m, waviness } = FIBER_BRIDGE_DEFAULTS;
  return { fibers: { diameter_m, length_m, waviness } };
}

/**
 * The configuration of one paper electrode: powder electrodes at the powder loading run the
 * formation protocol, dry electrodes at the dry loading the rate test; full-study voxel grid.
 */
export function paperCellConfig(electrode: PaperElectrode): CellConfigInput {
  const dry = electrode.id.startsWith('dry_');
  const grid = studySettings(false, PAPER_CONFIG_SEED);
  return {
    schemaVersion: CELL_CONFIG_SCHEMA_VERSION,
    id: electrode.id,
    description: electrode.description,
    massFractions_wtPct: { ...electrode.massFractions_wtPct },
    porosity: PAPER_SETTINGS.porosity,
    arealCapacity_mAh_per_cm2: tidy(
      toMilliampHoursPerSquareCm(
        dry
          ? PAPER_SETTINGS.dryArealCapacity_C_per_m2
          : PAPER_SETTINGS.powderArealCapacity_C_per_m2,
      ),
    ),
    temperature_C: tidy(toCelsius(PAPER_SETTINGS.temperature_K)),
    plugins: {
      materials: { id: 'materials' },
      chargeTransfer: { id: 'ncm-charge-transfer' },
      carbon: {
        id: carbonPluginId(electrode.carbonShape),
        options: carbonGeometry(electrode.carbonShape),
      },
      sideReactions: [{ id: 'argyrodite-oxidation' }],
    },
    counterElectrode: { materialId: 'li-in' },
    microstructure: {
      voxels: grid.voxels,
      voxelSize_um: tidy(toMicrometres(grid.voxelSize_m)),
      seed: grid.seed,
      descriptors: 'estimated',
    },
    protocol: dry ? 'rate' : 'formation',
  };
}

/** The configurations of all paper electrodes, in report order. */
export function paperCellConfigs(): CellConfigInput[] {
  return PAPER_ELECTRODES.map(paperCellConfig);
}
