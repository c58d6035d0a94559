// The fixed cell settings used for calibration and for the app's reproduction of the paper's
// protocols (model.md §4; parameters.md §9, §11): powder-pellet loading, porosity, temperature,
// separator and the formation protocol.
import type { CarbonShape } from '@solidcell/core';

/** Cell settings shared by calibration and reproduction. */
export interface PaperCellSettings {
  /** NCM areal mass of powder (pellet) electrodes (kg/m²); 15 mg/cm² (assumption, §9 range 10–20). */
  readonly powderNcmArealMass_kg_per_m2: number;
  /** NCM areal mass of the dry electrodes (kg/m²); 30 mg/cm² = 6.0 mAh/cm² at 200 mAh/g (§9). */
  readonly dryNcmArealMass_kg_per_m2: number;
  /** Pellet porosity after cold pressing (–); parameters.md §9: 0.10. */
  readonly porosity: number;
  /** Temperature of formation, rate and pulse tests (K); parameters.md §11.2: 25 °C. */
  readonly temperature_K: number;
  /** Temperature of the dry-electrode long cycling (K); parameters.md §9: 60 °C. */
  readonly cyclingTemperatureDry_K: number;
  /** Separator (pure SE) thickness (m); assumption 500 µm (pellet cell). */
  readonly separatorThickness_m: number;
  /** Formation protocol (voltages vs Li-In). */
  readonly formation: readonly string[];
}

/**
 * The fixed settings of every calibration run (and the app's reproduction).
 *
 * @remarks
 * 15 mg NCM/cm² (3.0 mAh/cm² at 200 mAh/g) is an assumption: [Kim2024] does not state the pellet
 * loading (parameters.md §9 "typical pellet composite loading 10–20 mg/cm²").
 */
export const PAPER_CELL_SETTINGS: PaperCellSettings = Object.freeze({
  powderNcmArealMass_kg_per_m2: 15e-6 / 1e-4,
  dryNcmArealMass_kg_per_m2: 30e-6 / 1e-4,
  porosity: 0.1,
  temperature_K: 298.15,
  cyclingTemperatureDry_K: 333.15,
  separatorThickness_m: 500e-6,
  formation: Object.freeze(['Charge at 0.05C until 3.7 V', 'Discharge at 0.05C until 2.5 V']),
});

/** An electrode of the calibration/reproduction set: wt% NCM/SE/carbon/binder and carbon shape. */
export interface CalibrationElectrode {
  readonly ncm_wtPct: number;
  readonly se_wtPct: number;
  readonly carbon_wtPct: number;
  readonly binder_wtPct?: number;
  readonly carbonShape: CarbonShape;
  /** `'powder'` (15 mg/cm²) or `'dry'` (30 mg/cm²). */
  readonly kind: 'powder' | 'dry';
}

/** 90 wt% NCM powder electrode with `carbon` wt% SC (the target-3 series). */
export function ncm90Powder(carbon_wtPct: number): CalibrationElectrode {
  return {
    ncm_wtPct: 90,
    se_wtPct: 10 - carbon_wtPct,
    carbon_wtPct,
    carbonShape: 'spherical',
    kind: 'powder',
  };
}
