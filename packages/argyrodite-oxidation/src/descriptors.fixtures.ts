// Estimated (non-voxel) microstructure descriptors for tests: wt% → vol% with core maths,
// NCM|SE area = f_contact·3ε_NCM/R_NCM (parameters.md §7.2), all carbon envelope touching SE.
import {
  electrodeVolumeFractions,
  type MicrostructureDescriptors,
  referenceDensities,
  solidVolumeFractions,
} from '@solidcell/core';

/** Descriptors of a 90 wt% NCM-type electrode with `carbon` wt% SC (porosity 0, solids basis). */
export function estimatedDescriptors(
  ncm_wtPct: number,
  carbon_wtPct: number,
  threePhaseFraction = 0.3,
): MicrostructureDescriptors {
  const volumeFractions = electrodeVolumeFractions(
    solidVolumeFractions(
      { ncm: ncm_wtPct, se: 100 - ncm_wtPct - carbon_wtPct, carbon: carbon_wtPct },
      referenceDensities('spherical'),
    ),
    0,
  );
  const ncmSe = (0.3 * 3 * volumeFractions.ncm) / 5e-6;
  return {
    volumeFractions,
    interfaceAreaPerVolume_m2_per_m3: {
      ncm_se: ncmSe,
      carbon_se: carbon_wtPct > 0 ? 1e6 : 0,
      ncm_carbon: 0,
      ncm_pore: 0,
      se_pore: 0,
      carbon_pore: 0,
    },
    threePhaseNcmAreaPerVolume_m2_per_m3: carbon_wtPct > 0 ? threePhaseFraction * ncmSe : 0,
    percolatingFraction: { se: 1, electronic: 1 },
    carbonInSeDomainFraction: 0.2,
  };
}
