// Closed-form (grid-free) descriptor estimates for the fast path of the cell model.
import type { ElectrodeVolumeFractions, MicrostructureDescriptors } from '@solidcell/core';

/** Inputs of {@link estimateDescriptors}; lengths in metres. */
export interface EstimateDescriptorsInput {
  readonly volumeFractions: ElectrodeVolumeFractions;
  /** Mean NCM particle radius (m). */
  readonly ncmRadius_m: number;
  /** Surface-to-volume ratio of the carbon primitives (1/m). */
  readonly carbonSurfaceToVolume_per_m: number;
  /** β, the carbon volume share in the SE domain (0–1). */
  readonly carbonInSeDomainFraction: number;
  /** Three-phase reach (m), one SE particle radius by default. */
  readonly threePhaseDistance_m: number;
  /** Residual pore radius (m). */
  readonly poreRadius_m: number;
}

/** SE percolation threshold φ_c (parameters.md §6.1, recommended 0.07). */
export const SE_PERCOLATION_THRESHOLD = 0.07;
/** Electronic (NCM + carbon) network threshold (parameters.md §6.2: NCM network 0.3–0.4). */
export const ELECTRONIC_PERCOLATION_THRESHOLD = 0.3;
/** 3D percolation-probability exponent (P∞ ∝ (p − p_c)^0.41, Stauffer & Aharony). */
const PERCOLATION_BETA = 0.41;

function spanningShare(phi: number, threshold: number): number {
  if (phi <= threshold) return 0;
  return Math.min(1, ((phi - threshold) / (1 - threshold)) ** PERCOLATION_BETA);
}

/**
 * Analytic descriptor estimates (no voxel grid).
 *
 * @remarks
 * - NCM surface a_NCM = 3 φ_NCM / R; it is shared among SE, carbon and pores in proportion to
 *   their volume in the non-NCM space (NCM–NCM contacts neglected).
 * - Carbon surface a_C = (S/V)_C φ_C; what is not on NCM is split between SE and pores by volume.
 * - SE|pore: pores of radius r_p, a = 3 φ_pore / r_p, less the pore area already on NCM/carbon.
 * - Three-phase NCM area: ncm_se × (1 − exp(−a_C δ / (1 − φ_NCM))), the first-order contact
 *   distribution of a Boolean carbon model within distance δ.
 * - Percolating shares: P = ((φ − φ_c)/(1 − φ_c))^0.41 above φ_c, else 0, with
 *   φ = φ_SE − β φ_C for the ionic network (φ_c = 0.07) and φ_NCM + φ_C for the electronic one
 *   (φ_c = 0.3).
 * - β is the placer's estimate. Voxel measurements supersede all of these.
 */
export function estimateDescriptors(input: EstimateDescriptorsInput): MicrostructureDescriptors {
  const f = input.volumeFractions;
  const pore = f.pore + f.binder;
  const nonNcm = Math.max(1e-12, 1 - f.ncm);
  const aNcm = (3 * f.ncm) / input.ncmRadius_m;
  const ncm_se = aNcm * (f.se / nonNcm);
  const ncm_carbon = aNcm * (f.carbon / nonNcm);
  const ncm_pore = aNcm * (pore / nonNcm);
  const aCarbon = input.carbonSurfaceToVolume_per_m * f.carbon;
  const freeCarbon = Math.max(0, aCarbon - ncm_carbon);
  const seShare = f.se + pore > 0 ? f.se / (f.se + pore) : 0;
  const carbon_se = freeCarbon * seShare;
  const carbon_pore = freeCarbon * (1 - seShare);
  const se_pore = Math.max(0, (3 * pore) / input.poreRadius_m - ncm_pore - carbon_pore);
  const threePhase = ncm_se * (1 - Math.exp((-aCarbon * input.threePhaseDistance_m) / nonNcm));
  const beta = input.carbonInSeDomainFraction;
  return {
    volumeFractions: { ...f, binder: 0, pore },
    interfaceAreaPerVolume_m2_per_m3: {
      ncm_se,
      carbon_se,
      ncm_carbon,
      ncm_pore,
      se_pore,
      carbon_pore,
    },
    threePhaseNcmAreaPerVolume_m2_per_m3: threePhase,
    percolatingFraction: {
      se: spanningShare(Math.max(0, f.se - beta * f.carbon), SE_PERCOLATION_THRESHOLD),
      electronic: spanningShare(f.ncm + f.carbon, ELECTRONIC_PERCOLATION_THRESHOLD),
    },
    carbonInSeDomainFraction: beta,
  };
}
