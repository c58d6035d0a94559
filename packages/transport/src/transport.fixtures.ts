// Fixtures for the Transport tests: microstructures around synthetic grids or bare descriptors.
import type {
  ElectrodeVolumeFractions,
  Microstructure,
  MicrostructureDescriptors,
  VoxelGrid,
} from '@solidcell/core';

const zeroAreas = {
  ncm_se: 0,
  carbon_se: 0,
  ncm_carbon: 0,
  ncm_pore: 0,
  se_pore: 0,
  carbon_pore: 0,
};

/** Descriptors with the given fractions and β (other fields neutral). */
export function descriptorsOf(
  volumeFractions: ElectrodeVolumeFractions,
  carbonInSeDomainFraction = 0,
): MicrostructureDescriptors {
  return {
    volumeFractions,
    interfaceAreaPerVolume_m2_per_m3: zeroAreas,
    threePhaseNcmAreaPerVolume_m2_per_m3: 0,
    percolatingFraction: { se: 0.9, electronic: 0.95 },
    carbonInSeDomainFraction,
  };
}

/** A microstructure wrapping a grid (descriptors only carry the fractions). */
export function microstructureOf(
  grid: VoxelGrid | undefined,
  volumeFractions: ElectrodeVolumeFractions,
  carbonInSeDomainFraction = 0,
  carbonShape: 'spherical' | 'fiber' = 'spherical',
): Microstructure {
  return {
    morphologyId: 'test',
    carbonShape,
    seed: 1,
    targetVolumeFractions: volumeFractions,
    descriptors: descriptorsOf(volumeFractions, carbonInSeDomainFraction),
    ...(grid === undefined ? {} : { grid }),
  };
}
