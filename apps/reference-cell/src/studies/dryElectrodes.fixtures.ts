// Test fixture: the dry SC and CF electrodes (90/8.7/1/0.3 wt%, 6 mAh/cm², 60 °C) with descriptors
// as measured on the quick reproduction's 64³ voxel structures (seed 1, 2026-12-02), rounded.
import type { MicrostructureDescriptors } from '@solidcell/core';
import { CALIBRATED_PARAMETERS } from '../calibration/calibratedParameters.js';
import type { CellSetup } from './cellSetup.js';
import { PAPER_SETTINGS } from './paperSettings.js';

const MEASURED: Record<'spherical' | 'fiber', MicrostructureDescriptors> = {
  spherical: {
    volumeFractions: { ncm: 0.6749, se: 0.16696, carbon: 0.053276, binder: 0, pore: 0.10487 },
    interfaceAreaPerVolume_m2_per_m3: {
      ncm_se: 150_584,
      carbon_se: 367_906,
      ncm_carbon: 20_671,
      ncm_pore: 194_916,
      se_pore: 114_858,
      carbon_pore: 15_951,
    },
    threePhaseNcmAreaPerVolume_m2_per_m3: 50_602,
    percolatingFraction: { se: 0.9962, electronic: 0.99726, carbon: 0, ncm: 1 },
    carbonInSeDomainFraction: 0.11381,
  },
  fiber: {
    volumeFractions: { ncm: 0.70255, se: 0.1738, carbon: 0.018579, binder: 0, pore: 0.10507 },
    interfaceAreaPerVolume_m2_per_m3: {
      ncm_se: 152_557,
      carbon_se: 448_749,
      ncm_carbon: 3520,
      ncm_pore: 201_792,
      se_pore: 114_787,
      carbon_pore: 5117,
    },
    threePhaseNcmAreaPerVolume_m2_per_m3: 37_513,
    percolatingFraction: { se: 0.74507, electronic: 0.99968, carbon: 0, ncm: 1 },
    carbonInSeDomainFraction: 0.0025415,
  },
};

/** A dry electrode as the long-cycling test builds it (coarse mesh, calibrated parameters). */
export function drySetup(
  carbonShape: 'spherical' | 'fiber',
  descriptors: MicrostructureDescriptors = MEASURED[carbonShape],
): CellSetup {
  return {
    massFractions_wtPct: { ncm: 90, se: 8.7, carbon: 1, binder: 0.3 },
    carbonShape,
    porosity: PAPER_SETTINGS.porosity,
    arealCapacity_C_per_m2: PAPER_SETTINGS.dryArealCapacity_C_per_m2,
    temperature_K: PAPER_SETTINGS.longCycleTemperature_K,
    sideReactions: true,
    descriptors,
    coarse: true,
    parameterOverrides: CALIBRATED_PARAMETERS,
  };
}

/** The measured descriptors of the dry electrode with `carbonShape`. */
export function dryDescriptors(carbonShape: 'spherical' | 'fiber'): MicrostructureDescriptors {
  return MEASURED[carbonShape];
}
