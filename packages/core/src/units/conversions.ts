// Conversions between SolidCell's SI internals and the customary units of battery papers
// (mAh/g, mAh/cm², mS/cm, g/cm³, µm, °C, C-rate, V vs Li-In). Used only at the edges.
import { invalidInput } from '../errors/SolidCellError.js';

/** 1 mAh/g = 3.6 C/g = 3600 C/kg. */
export const fromMilliampHoursPerGram = (value_mAh_per_g: number): number => value_mAh_per_g * 3600;
/** C/kg → mAh/g. */
export const toMilliampHoursPerGram = (value_C_per_kg: number): number => value_C_per_kg / 3600;

/** 1 mAh/cm² = 3.6 C / 1e-4 m² = 36 000 C/m². */
export const fromMilliampHoursPerSquareCm = (value_mAh_per_cm2: number): number =>
  value_mAh_per_cm2 * 36_000;
/** C/m² → mAh/cm². */
export const toMilliampHoursPerSquareCm = (value_C_per_m2: number): number =>
  value_C_per_m2 / 36_000;

/** 1 mS/cm = 0.1 S/m. */
export const fromMilliSiemensPerCm = (value_mS_per_cm: number): number => value_mS_per_cm * 0.1;
/** S/m → mS/cm. */
export const toMilliSiemensPerCm = (value_S_per_m: number): number => value_S_per_m * 10;

/** 1 g/cm³ = 1000 kg/m³. */
export const fromGramsPerCubicCm = (value_g_per_cm3: number): number => value_g_per_cm3 * 1000;
/** kg/m³ → g/cm³. */
export const toGramsPerCubicCm = (value_kg_per_m3: number): number => value_kg_per_m3 / 1000;

/** µm → m. */
export const fromMicrometres = (value_um: number): number => value_um * 1e-6;
/** m → µm. */
export const toMicrometres = (value_m: number): number => value_m * 1e6;

/** mA/cm² → A/m² (1 mA/cm² = 10 A/m²). */
export const fromMilliampsPerSquareCm = (value_mA_per_cm2: number): number => value_mA_per_cm2 * 10;
/** A/m² → mA/cm². */
export const toMilliampsPerSquareCm = (value_A_per_m2: number): number => value_A_per_m2 / 10;

/**
 * °C → K.
 * @throws SolidCellError `E_INVALID_INPUT` for NaN, ±∞ or a temperature at or below absolute zero.
 */
export const fromCelsius = (value_C: number): number => {
  if (!(Number.isFinite(value_C) && value_C > -273.15)) {
    invalidInput('temperature_C', value_C, 'a finite temperature > −273.15 °C');
  }
  return value_C + 273.15;
};
/** K → °C. */
export const toCelsius = (value_K: number): number => value_K - 273.15;

/**
 * Current density for a C-rate.
 *
 * @remarks
 * 1C discharges the reference areal capacity in one hour: i = C · Q_A / 3600 s.
 * @param cRate - C-rate (1/h), e.g. 0.05 for C/20.
 * @param arealCapacity_C_per_m2 - the capacity the C-rate is defined on (C/m²).
 * @returns current density in A/m².
 */
export const currentDensityFromCRate_A_per_m2 = (
  cRate: number,
  arealCapacity_C_per_m2: number,
): number => (cRate * arealCapacity_C_per_m2) / 3600;

/** Inverse of {@link currentDensityFromCRate_A_per_m2}. */
export const cRateFromCurrentDensity = (
  currentDensity_A_per_m2: number,
  arealCapacity_C_per_m2: number,
): number => (currentDensity_A_per_m2 * 3600) / arealCapacity_C_per_m2;

/** Li-In (In/InLi two-phase plateau) potential vs Li/Li⁺, V (parameters.md §9, 0.62 V). */
export const LI_IN_POTENTIAL_VS_LI_V = 0.62;

/** Potential vs Li/Li⁺ → vs Li-In (V). */
export const toVsLiIn = (potentialVsLi_V: number, liInVsLi_V = LI_IN_POTENTIAL_VS_LI_V): number =>
  potentialVsLi_V - liInVsLi_V;
/** Potential vs Li-In → vs Li/Li⁺ (V). */
export const fromVsLiIn = (
  potentialVsLiIn_V: number,
  liInVsLi_V = LI_IN_POTENTIAL_VS_LI_V,
): number => potentialVsLiIn_V + liInVsLi_V;
