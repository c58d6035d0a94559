// One call from a validated composition to every phase fraction, with the densities used.
import type { CompositionInput } from '../validation/compositionInput.js';
import type {
  ElectrodeVolumeFractions,
  PhaseDensities_kg_per_m3,
  SolidVolumeFractions,
} from './phases.js';
import { referenceDensities } from './referenceDensities.js';
import { electrodeVolumeFractions, solidVolumeFractions } from './volumeFractions.js';

/** Phase fractions of a composite electrode. */
export interface CompositionDescription {
  readonly solidVolumeFractions: SolidVolumeFractions;
  readonly electrodeVolumeFractions: ElectrodeVolumeFractions;
  readonly densities_kg_per_m3: PhaseDensities_kg_per_m3;
}

/**
 * Volume fractions of a validated composition; densities default to the paper's reference
 * densities for its carbon shape.
 */
export function describeComposition(
  input: CompositionInput,
  densities: PhaseDensities_kg_per_m3 = referenceDensities(input.carbonShape),
): CompositionDescription {
  const solid = solidVolumeFractions(input.massFractions_wtPct, densities);
  return {
    solidVolumeFractions: solid,
    electrodeVolumeFractions: electrodeVolumeFractions(solid, input.porosity),
    densities_kg_per_m3: densities,
  };
}
