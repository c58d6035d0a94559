// Builds a cell model configuration for one electrode from the first-party plugins: materials,
// NCM charge transfer, the carbon plugin, the effective-medium transport (with coefficients fitted
// to voxel results when given) and, optionally, argyrodite oxidation — or from the plugin ids of a
// cell configuration file.
import {
  type CellModelConfig,
  type CounterElectrodeConfig,
  cellPhysicsFromComponents,
} from '@solidcell/cell';
import {
  type CarbonShape,
  createCell,
  describeComposition,
  type MassFractions_wtPct,
  type MicrostructureDescriptors,
  parseCompositionInput,
  type SolidCellPlugin,
} from '@solidcell/core';
import type { CellPluginSpecs } from '../config/cellConfigSchema.js';
import { configuredPlugins } from '../config/composePlugins.js';
import { carbonPluginId, firstPartyPlugin } from '../plugins/firstPartyPlugins.js';

/** Percolation-law coefficients of the ionic network (parameters.md §6.1). */
export interface IonicTransportLaw {
  readonly ionicExponent: number;
  readonly ionicThreshold: number;
}

/** One electrode as the cell experiments need it (JSON-serialisable: it crosses worker threads). */
export interface CellSetup {
  readonly massFractions_wtPct: MassFractions_wtPct;
  readonly carbonShape: CarbonShape;
  readonly porosity: number;
  readonly arealCapacity_C_per_m2: number;
  readonly temperature_K: number;
  /** Side reactions on (argyrodite oxidation) or off; ignored when `plugins` is given. */
  readonly sideReactions: boolean;
  /** Plugins named by a cell configuration file; the first-party set above when absent. */
  readonly plugins?: CellPluginSpecs | undefined;
  /** Counter electrode (potential, resistance); the cell defaults (Li-In) when absent. */
  readonly counterElectrode?: CounterElectrodeConfig | undefined;
  /** Ionic law fitted to voxel results; plugin defaults when absent. */
  readonly ionicLaw?: IonicTransportLaw | undefined;
  /** Descriptors measured on this electrode's voxel microstructure; estimated when absent. */
  readonly descriptors?: MicrostructureDescriptors | undefined;
  /** Coarser mesh and looser tolerance (quick runs). */
  readonly coarse?: boolean | undefined;
  /**
   * Parameter overrides of the first-party NCM and oxidation plugins: the calibrated values of
   * model.md §4 (`calibration/calibratedParameters.ts`), or trial values while calibrating.
   */
  readonly parameterOverrides?: CellParameterOverrides | undefined;
}

/** Overrides of the first-party plugins' parameters (plugin defaults where absent). */
export interface CellParameterOverrides {
  readonly ncm?: Readonly<Record<string, number>> | undefined;
  readonly oxidation?: Readonly<Record<string, number>> | undefined;
  /** Contact-loss ageing (model.md M7) parameters of the cell (`@solidcell/cell` contactLoss). */
  readonly contactLoss?: Readonly<Record<string, number>> | undefined;
}

/** The plugins of a cell setup, in composition order. */
export function cellPlugins(setup: CellSetup): SolidCellPlugin[] {
  const transport = firstPartyPlugin(
    'effective-medium-transport',
    setup.ionicLaw ? { ...setup.ionicLaw } : {},
  );
  if (setup.plugins !== undefined) return configuredPlugins(setup.plugins, transport);
  const overrides = setup.parameterOverrides ?? {};
  const plugins = [
    firstPartyPlugin('materials'),
    firstPartyPlugin('ncm-charge-transfer', { ...overrides.ncm }),
    firstPartyPlugin(carbonPluginId(setup.carbonShape)),
    transport,
  ];
  if (setup.sideReactions) {
    plugins.push(
      firstPartyPlugin('argyrodite-oxidation', { parameters: { ...overrides.oxidation } }),
    );
  }
  return plugins;
}

/** The cell-model configuration of a setup. */
export function cellModelConfig(setup: CellSetup): CellModelConfig {
  const composition = parseCompositionInput({
    massFractions_wtPct: setup.massFractions_wtPct,
    carbonShape: setup.carbonShape,
    porosity: setup.porosity,
  });
  const { electrodeVolumeFractions } = describeComposition(composition);
  const physics = cellPhysicsFromComponents(createCell(cellPlugins(setup)), {
    transportId: 'effective-medium',
  });
  const microstructure =
    setup.descriptors === undefined
      ? undefined
      : {
          morphologyId: setup.plugins?.carbon.id ?? carbonPluginId(setup.carbonShape),
          carbonShape: setup.carbonShape,
          seed: 0,
          targetVolumeFractions: electrodeVolumeFractions,
          descriptors: setup.descriptors,
        };
  return {
    physics,
    electrode: {
      volumeFractions: electrodeVolumeFractions,
      arealCapacity_C_per_m2: setup.arealCapacity_C_per_m2,
      // Measured descriptors give the charge-transfer area (the measured NCM|SE contact), β,
      // the carbon|SE area, three-phase contact and σ_el,eff(x_Li) of the voxel solves.
      ...(microstructure ? { microstructure } : {}),
    },
    temperature_K: setup.temperature_K,
    // NCM|SE contact loss from the NCM's volume change (model.md M7), in every cell.
    contactLoss: { ...setup.parameterOverrides?.contactLoss },
    ...(setup.counterElectrode ? { counterElectrode: setup.counterElectrode } : {}),
    ...(setup.coarse
      ? { mesh: { electrodeNodes: 10, particleShells: 10 }, solver: { relativeTolerance: 3e-4 } }
      : {}),
  };
}
