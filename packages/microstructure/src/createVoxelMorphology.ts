// Wraps the voxel generator and a carbon placer as a core Morphology.
import type { Morphology, MorphologyRequest, ProgressCallback } from '@solidcell/core';
import type { CarbonPlacer } from './carbon/CarbonPlacer.js';
import {
  type GeneratedMicrostructure,
  type GeneratorParameters,
  generateMicrostructure,
} from './generateMicrostructure.js';

/** A {@link Morphology} whose `generate` returns the generator's extended result. */
export interface VoxelMorphology extends Morphology {
  /** The carbon placer it uses. */
  readonly placer: CarbonPlacer;
  generate(request: MorphologyRequest, onProgress?: ProgressCallback): GeneratedMicrostructure;
}

/**
 * Creates a voxel {@link Morphology} for one carbon placer.
 *
 * @param id - morphology id (e.g. `"carbon-spherical"`).
 * @param placer - the carbon placement plugin.
 * @param parameters - generator parameters (defaults: {@link MICROSTRUCTURE_DEFAULTS}).
 */
export function createVoxelMorphology(
  id: string,
  placer: CarbonPlacer,
  parameters: GeneratorParameters = {},
): VoxelMorphology {
  return {
    id,
    carbonShape: placer.carbonShape,
    placer,
    generate: (request, onProgress) =>
      generateMicrostructure(request, { ...parameters, morphologyId: id, placer }, onProgress),
  };
}
