// The reacting areas per electrode volume at a node, taken from the microstructure descriptors
// and the carbon additive: carbon BET area in contact with SE, NCM|SE area, three-phase fraction.
import type { CarbonAdditive, MicrostructureDescriptors } from '@solidcell/core';

/** Areas and fractions the reaction set acts on at one node. */
export interface ReactiveAreas {
  /** Carbon BET area per electrode volume that touches SE (m²/m³). */
  readonly carbonReactiveArea_m2_per_m3: number;
  /** Fraction of the carbon envelope surface touching SE (–), see {@link reactiveAreas}. */
  readonly carbonSeContactFraction: number;
  /** NCM|SE contact area per electrode volume (m²/m³). */
  readonly ncmSeArea_m2_per_m3: number;
  /** θ_3ph = three-phase NCM area / NCM|SE area (–), in [0, 1]. */
  readonly threePhaseFraction: number;
  /** As-built SE volume fraction of the electrode (–). */
  readonly initialSeFraction: number;
  /**
   * β, fraction of the carbon (apparent) volume that sits inside SE pathways, from the
   * descriptors' `carbonInSeDomainFraction`, clipped to [0, 1] (–). The SE shell consumed on
   * carbon and its products block Li⁺ pathways only in this fraction.
   */
  readonly carbonInSePathwayFraction: number;
}

function nonNegative(value: number): number {
  return Number.isFinite(value) && value > 0 ? value : 0;
}

/**
 * Reactive areas at a node.
 *
 * @remarks
 * Carbon: the BET area per electrode volume is ε_C·ρ_app·S_BET (ε_C is the electrode volume
 * fraction of carbon on the apparent-density basis, so ε_C·ρ_app is the carbon mass per
 * electrode volume). Only the part in contact with SE reacts; it is estimated as the fraction of
 * the carbon's envelope surface that touches SE in the voxel descriptors,
 * f = A_C|SE / (A_C|SE + A_NCM|C + A_C|pore), or 1 when all three are zero (sub-voxel carbon
 * embedded in SE, or analytic descriptors). Assumption: the internal (BET) surface of an
 * agglomerate is wetted by SE in the same proportion as its envelope.
 * Without a carbon additive (undefined) the carbon area is 0.
 * NCM: the NCM|SE area of the descriptors; θ_3ph = threePhaseNcmArea / NCM|SE area, clipped to
 * [0, 1] (0 when there is no NCM|SE area).
 * The descriptors are those of the as-built microstructure; SE loss is carried by the state.
 */
export function reactiveAreas(
  descriptors: MicrostructureDescriptors,
  carbon: CarbonAdditive | undefined,
): ReactiveAreas {
  const areas = descriptors.interfaceAreaPerVolume_m2_per_m3;
  const carbonSe = nonNegative(areas.carbon_se);
  const envelope = carbonSe + nonNegative(areas.ncm_carbon) + nonNegative(areas.carbon_pore);
  const contact = envelope > 0 ? carbonSe / envelope : 1;
  const carbonMass_kg_per_m3 =
    carbon === undefined
      ? 0
      : nonNegative(descriptors.volumeFractions.carbon) * carbon.density_kg_per_m3;
  const ncmSe = nonNegative(areas.ncm_se);
  const threePhase = nonNegative(descriptors.threePhaseNcmAreaPerVolume_m2_per_m3);
  return {
    carbonReactiveArea_m2_per_m3:
      carbonMass_kg_per_m3 * (carbon?.specificSurfaceArea_m2_per_kg ?? 0) * contact,
    carbonSeContactFraction: contact,
    ncmSeArea_m2_per_m3: ncmSe,
    threePhaseFraction: ncmSe > 0 ? Math.min(1, threePhase / ncmSe) : 0,
    initialSeFraction: nonNegative(descriptors.volumeFractions.se),
    carbonInSePathwayFraction: Math.min(1, nonNegative(descriptors.carbonInSeDomainFraction)),
  };
}
