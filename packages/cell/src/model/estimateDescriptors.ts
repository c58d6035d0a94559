// Microstructure descriptors estimated from volume fractions when no morphology result is given.
import {
  type ElectrodeVolumeFractions,
  isCarbonAdditive,
  type Material,
  type MicrostructureDescriptors,
} from '@solidcell/core';

/**
 * Estimates microstructure descriptors from the volume fractions alone.
 *
 * @remarks
 * Assumptions (replace by a Morphology result when available):
 * - NCM|SE area a = f_contact · 3 ε_NCM / R (parameters.md §7.2);
 * - carbon|SE area = ε_C ρ_C,app S_BET · ε_SE/(ε_SE + ε_NCM) (BET area shared between the two
 *   solid neighbours in proportion to their volume; 0 without a carbon additive);
 * - no three-phase area, fully percolating networks, β = 0.2 for spheres / 0.05 for fibres
 *   (parameters.md §10 defaults).
 * @param volumeFractions - electrode volume fractions (–).
 * @param particleRadius_m - NCM radius R (m).
 * @param contactFraction - f_contact (–).
 * @param carbon - the carbon additive (optional).
 */
export function estimateDescriptors(
  volumeFractions: ElectrodeVolumeFractions,
  particleRadius_m: number,
  contactFraction: number,
  carbon?: Material,
): MicrostructureDescriptors {
  const ncmSe = (contactFraction * 3 * volumeFractions.ncm) / particleRadius_m;
  let carbonSe = 0;
  let beta = 0.2;
  if (carbon !== undefined && isCarbonAdditive(carbon)) {
    const share = volumeFractions.se / Math.max(1e-12, volumeFractions.se + volumeFractions.ncm);
    carbonSe =
      volumeFractions.carbon *
      carbon.density_kg_per_m3 *
      carbon.specificSurfaceArea_m2_per_kg *
      share;
    beta = carbon.shape === 'fiber' ? 0.05 : 0.2;
  }
  return {
    volumeFractions,
    interfaceAreaPerVolume_m2_per_m3: {
      ncm_se: ncmSe,
      carbon_se: carbonSe,
      ncm_carbon: 0,
      ncm_pore: 0,
      se_pore: 0,
      carbon_pore: 0,
    },
    threePhaseNcmAreaPerVolume_m2_per_m3: 0,
    percolatingFraction: { se: 1, electronic: 1 },
    carbonInSeDomainFraction: volumeFractions.carbon > 0 ? beta : 0,
  };
}
