// Settings of the paper's experiments (Kim et al. 2024) that the model needs but the paper does not
// state, each with its source or marked as an assumption; all SI.
import { fromCelsius, fromMilliampHoursPerSquareCm } from '@solidcell/core';

/** Fixed inputs of the reproduction's cells. */
export const PAPER_SETTINGS = {
  /**
   * Powder (pellet) electrodes: 15 mg NCM/cm² at 200 mAh/g = 3.0 mAh/cm² — an explicit input and
   * an assumption: the paper does not state it (parameters.md §9: 10–20 mg/cm² typical).
   */
  powderArealCapacity_C_per_m2: fromMilliampHoursPerSquareCm(3.0),
  /**
   * The plausible range of that loading, 10–20 mg NCM/cm² = 2.0–4.0 mAh/cm² (parameters.md §9):
   * the report repeats the powder rate test at both ends, since rate capability depends on it.
   */
  powderArealCapacityRange_C_per_m2: [
    fromMilliampHoursPerSquareCm(2.0),
    fromMilliampHoursPerSquareCm(4.0),
  ] as const,
  /** Dry electrodes: 6.0 mAh/cm² (parameters.md §9, [Kim2024]). */
  dryArealCapacity_C_per_m2: fromMilliampHoursPerSquareCm(6.0),
  /** Residual porosity after cold pressing (parameters.md §9, 0.05–0.20). */
  porosity: 0.1,
  /** Temperature of the pellet tests: not stated in the paper, 25 °C (parameters.md §11.2). */
  temperature_K: fromCelsius(25),
  /** Temperature of the long cycling of the dry electrodes (parameters.md §9, [Kim2024] Fig. 5d). */
  longCycleTemperature_K: fromCelsius(60),
  /** Voltage window vs Li-In (parameters.md §9). */
  upperCutoffVsLiIn_V: 3.7,
  lowerCutoffVsLiIn_V: 2.5,
  /** C-rates of the rate test. */
  rateCRates: [0.05, 0.1, 0.2, 0.5, 1, 2] as const,
  /** Cycling of the powder series: 100 cycles at 0.5C (model.md §3). */
  cyclingCRate: 0.5,
  cyclingCycles: 100,
  /** Long cycling of the dry electrodes: 150 cycles at 0.2C, 60 °C. */
  longCycleCRate: 0.2,
  longCycleCycles: 150,
  /** Pulse test: 0.05C charge in 10-minute segments, 1-minute 1C pulses, 10-minute rests. */
  pulseSegment_s: 600,
  pulseCRate: 1,
  pulse_s: 60,
  pulseRest_s: 600,
  /** CV of carbon–SE electrodes: carbon mass (assumption: 1 mg of carbon in both cells), scan rate, window vs Li-In. */
  cvCarbonMass_kg: 1e-6,
  cvScanRate_V_per_s: 1e-4,
  cvFromVsLiIn_V: 2.0,
  cvToVsLiIn_V: 4.0,
} as const;
