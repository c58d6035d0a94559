// Docs sample (Concepts › Composition): the two vol% values of Kim et al. 2024 recomputed with
// core's composition maths (mechanism M1).
// #region check
import { referenceDensities, solidVolumeFractions } from '@solidcell/core';

/** Solid SE vol% of the paper's 80/17/3 and 90/7/3 wt% NCM/SE/SC electrodes. */
export function paperSeVolumePercent(): { readonly ncm80: number; readonly ncm90: number } {
  const densities = referenceDensities('spherical'); // 4760 / 1860 / 670 kg/m³
  const ncm80 = solidVolumeFractions({ ncm: 80, se: 17, carbon: 3 }, densities);
  const ncm90 = solidVolumeFractions({ ncm: 90, se: 7, carbon: 3 }, densities);
  return { ncm80: 100 * ncm80.se, ncm90: 100 * ncm90.se };
}
// #endregion check
