// Builds the calibration cell for one electrode (first-party plugins, fixed settings) and
// evaluates the 0.05C formation: capacities, irreversible capacity and the target-4 measure.

import type { ArgyroditeOxidationParameterOverrides } from '@solidcell/argyrodite-oxidation';
import {
  type CellModelConfig,
  cellPhysicsFromComponents,
  type SimulationResult,
  simulateExperiment,
} from '@solidcell/cell';
import { createCell, describeComposition, parseCompositionInput } from '@solidcell/core';
import type { NcmParameters } from '@solidcell/ncm-charge-transfer';
import { carbonPluginId, firstPartyPlugin } from '../plugins/firstPartyPlugins.js';
import { type CalibrationElectrode, PAPER_CELL_SETTINGS } from './settings.js';

/** Parameter overrides tried during calibration (plugin defaults where absent). */
export interface CalibrationOverrides {
  readonly ncm?: Partial<NcmParameters>;
  readonly oxidation?: ArgyroditeOxidationParameterOverrides;
}

/** Options of {@link calibrationCellConfig}. */
export interface CalibrationCellOptions {
  readonly overrides?: CalibrationOverrides;
  /** Include the argyrodite-oxidation side reaction (default true). */
  readonly sideReactions?: boolean;
  /** Temperature (K); default {@link PAPER_CELL_SETTINGS}.temperature_K. */
  readonly temperature_K?: number;
}

/**
 * Cell-model configuration of a calibration electrode: materials, ncm-charge-transfer, the
 * carbon plugin of its shape, effective-medium transport and argyrodite oxidation (with the
 * BET area of the electrode's own carbon), descriptors estimated from the volume fractions.
 */
export function calibrationCellConfig(
  electrode: CalibrationElectrode,
  options: CalibrationCellOptions = {},
): CellModelConfig {
  const composition = parseCompositionInput({
    massFractions_wtPct: {
      ncm: electrode.ncm_wtPct,
      se: electrode.se_wtPct,
      carbon: electrode.carbon_wtPct,
      ...(electrode.binder_wtPct ? { binder: electrode.binder_wtPct } : {}),
    },
    carbonShape: electrode.carbonShape,
    porosity: PAPER_CELL_SETTINGS.porosity,
  });
  const { electrodeVolumeFractions } = describeComposition(composition);
  const overrides = options.overrides ?? {};
  const plugins = [
    firstPartyPlugin('materials'),
    firstPartyPlugin('ncm-charge-transfer', { ...overrides.ncm }),
    firstPartyPlugin(carbonPluginId(electrode.carbonShape)),
    firstPartyPlugin('effective-medium-transport'),
  ];
  if (options.sideReactions ?? true) {
    plugins.push(
      // The reaction takes the electrode's carbon (density, BET area) from the container.
      firstPartyPlugin('argyrodite-oxidation', { parameters: { ...overrides.oxidation } }),
    );
  }
  const physics = cellPhysicsFromComponents(createCell(plugins), {
    transportId: 'effective-medium',
  });
  const arealMass =
    electrode.kind === 'dry'
      ? PAPER_CELL_SETTINGS.dryNcmArealMass_kg_per_m2
      : PAPER_CELL_SETTINGS.powderNcmArealMass_kg_per_m2;
  return {
    physics,
    electrode: { volumeFractions: electrodeVolumeFractions, ncmArealMass_kg_per_m2: arealMass },
    separatorThickness_m: PAPER_CELL_SETTINGS.separatorThickness_m,
    temperature_K: options.temperature_K ?? PAPER_CELL_SETTINGS.temperature_K,
  };
}

/** Formation metrics of one electrode. */
export interface FormationMetrics {
  readonly chargeCapacity_mAh_per_g: number;
  readonly dischargeCapacity_mAh_per_g: number;
  /** Charge − discharge capacity of the formation cycle (mAh/g NCM). */
  readonly irreversibleCapacity_mAh_per_g: number;
  /** Side-reaction charge of the formation (mAh/g NCM). */
  readonly sideReactionCapacity_mAh_per_g: number;
  /** Side-reaction charge passed during the first charge (mAh/g NCM). */
  readonly chargeSideReactionCapacity_mAh_per_g: number;
  /**
   * Fraction of the first-charge side-reaction charge passed while the cell voltage was below
   * 3.2 V vs Li-In (–), from the time series (trapezoidal in charge increments).
   */
  readonly sideChargeFractionBelow3p2V: number;
  /** Minimum SE volume fraction reached (electrode-volume basis, node mean) (–). */
  readonly minimumSeVolumeFraction: number;
  /** Initial SE volume fraction (–). */
  readonly initialSeVolumeFraction: number;
}

/** Reads {@link FormationMetrics} from a simulation whose first two steps are the formation. */
export function formationMetrics(result: SimulationResult): FormationMetrics {
  const series = result.timeSeries;
  const perG = 1 / (3.6 * result.cell.ncmArealMass_kg_per_m2 * 1000);
  const cycle = result.cycles[0];
  let below = 0;
  let total = 0;
  let minSe = Number.POSITIVE_INFINITY;
  for (let i = 1; i < series.time_s.length; i += 1) {
    minSe = Math.min(minSe, series.seVolumeFraction[i]!);
    if (series.stepIndex[i] !== 0) continue;
    const dq = series.sideReactionCharge_C_per_m2[i]! - series.sideReactionCharge_C_per_m2[i - 1]!;
    total += dq;
    const v = 0.5 * (series.voltageVsLiIn_V[i]! + series.voltageVsLiIn_V[i - 1]!);
    if (v < 3.2) below += dq;
  }
  // sideReactionCharge_C_per_m2 of the time series is per m² of electrode (C/m²); /3.6 → mAh/m².
  return {
    chargeCapacity_mAh_per_g: cycle?.chargeCapacity_mAh_per_g ?? 0,
    dischargeCapacity_mAh_per_g: cycle?.dischargeCapacity_mAh_per_g ?? 0,
    irreversibleCapacity_mAh_per_g: cycle?.irreversibleCapacity_mAh_per_g ?? 0,
    sideReactionCapacity_mAh_per_g: (cycle?.sideReactionCharge_C_per_m2 ?? 0) * perG,
    chargeSideReactionCapacity_mAh_per_g: total * perG,
    sideChargeFractionBelow3p2V: total > 0 ? below / total : 0,
    minimumSeVolumeFraction: minSe,
    initialSeVolumeFraction: series.seVolumeFraction[0] ?? 0,
  };
}

/** Runs the formation of {@link PAPER_CELL_SETTINGS} for one electrode. */
export function evaluateFormation(
  electrode: CalibrationElectrode,
  options: CalibrationCellOptions = {},
): FormationMetrics {
  const result = simulateExperiment(
    calibrationCellConfig(electrode, options),
    PAPER_CELL_SETTINGS.formation,
  );
  return formationMetrics(result);
}
