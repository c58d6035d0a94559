// Size guard of the voxel generator: memory estimate per grid and refusal above the limits.
import { SolidCellError } from '@solidcell/core';

/** Largest grid edge the generator accepts (voxels per edge). */
export const MAX_GRID_VOXELS_PER_EDGE = 512;

/**
 * Working memory per voxel of one generation (bytes): labels 1, carbon fraction 4, NCM depth
 * score 4, particle owner 4, distance transform 4, component labels 4, search queue 4, two gap
 * distances 8 (β), slack 1.
 */
export const GENERATOR_BYTES_PER_VOXEL = 30;

/** Default memory limit of the browser-safe entry (bytes): 2 GiB. */
export const DEFAULT_MEMORY_LIMIT_bytes = 2 * 1024 ** 3;

/** Estimated peak working memory (bytes) to generate and measure an `n³` grid. */
export function estimateGenerationMemory_bytes(voxelsPerEdge: number): number {
  return voxelsPerEdge ** 3 * GENERATOR_BYTES_PER_VOXEL;
}

/**
 * Refuses grids that are too large before any allocation.
 *
 * @param voxelsPerEdge - voxels per box edge (cubic box).
 * @param memoryLimit_bytes - the memory the caller allows (bytes).
 * @throws SolidCellError `E_RESOURCE_LIMIT` naming the estimate when the edge exceeds
 * {@link MAX_GRID_VOXELS_PER_EDGE} or the estimate exceeds the limit.
 */
export function assertGridWithinLimits(
  voxelsPerEdge: number,
  memoryLimit_bytes: number = DEFAULT_MEMORY_LIMIT_bytes,
): void {
  const estimate = estimateGenerationMemory_bytes(voxelsPerEdge);
  const mib = (bytes: number) => `${(bytes / 1024 ** 2).toFixed(0)} MiB`;
  if (voxelsPerEdge > MAX_GRID_VOXELS_PER_EDGE || estimate > memoryLimit_bytes) {
    throw new SolidCellError(
      'E_RESOURCE_LIMIT',
      `grid.voxels = ${voxelsPerEdge} needs about ${mib(estimate)} of working memory ` +
        `(${GENERATOR_BYTES_PER_VOXEL} bytes per voxel); allowed: at most ${MAX_GRID_VOXELS_PER_EDGE} voxels per edge and ${mib(memoryLimit_bytes)}`,
      {
        field: 'grid.voxels',
        value: voxelsPerEdge,
        allowed: `≤ ${MAX_GRID_VOXELS_PER_EDGE} voxels per edge and ≤ ${mib(memoryLimit_bytes)} estimated memory`,
      },
    );
  }
}
