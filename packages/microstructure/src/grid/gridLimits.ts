// Size guard of the voxel generator: its memory per voxel, summed from the constants each
// allocating module exports beside its allocations, and refusal above the limits.
import { SolidCellError } from '@solidcell/core';
import { DESCRIPTOR_SCRATCH_BYTES_PER_VOXEL } from '../descriptors/measureDescriptors.js';
import { CARBON_FIELDS_BYTES_PER_VOXEL } from '../generateMicrostructure.js';
import { NCM_RASTER_BYTES_PER_VOXEL } from '../ncm/rasterizeNcm.js';
import { SE_DENSIFY_BYTES_PER_VOXEL } from '../se/packSeGrains.js';

/** Largest grid edge the generator accepts (voxels per edge). */
export const MAX_GRID_VOXELS_PER_EDGE = 512;

/** Default memory limit of the browser-safe entry (bytes): 2 GiB. */
export const DEFAULT_MEMORY_LIMIT_bytes = 2 * 1024 ** 3;

/**
 * Bytes per voxel a finished microstructure holds (what crosses to a worker thread): labels 1
 * and NCM owner 4 of the raster, SE grain id 4 of the densification, the carbon fields.
 * (A function, not a constant: the generator imports this module.)
 */
export function microstructureBytesPerVoxel(): number {
  return 1 + 4 + 4 + CARBON_FIELDS_BYTES_PER_VOXEL;
}

/**
 * Peak bytes per voxel of one generation: every stage's arrays (raster, SE densification, carbon
 * fields, descriptor scratch), counted as live together because V8 frees large typed arrays only
 * when it next collects.
 */
export function generationBytesPerVoxel(): number {
  return (
    NCM_RASTER_BYTES_PER_VOXEL +
    SE_DENSIFY_BYTES_PER_VOXEL +
    CARBON_FIELDS_BYTES_PER_VOXEL +
    DESCRIPTOR_SCRATCH_BYTES_PER_VOXEL
  );
}

/** Estimated peak working memory (bytes) to generate and measure an `n³` grid. */
export function estimateGenerationMemory_bytes(voxelsPerEdge: number): number {
  return voxelsPerEdge ** 3 * generationBytesPerVoxel();
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
        `(${generationBytesPerVoxel()} bytes per voxel); allowed: at most ${MAX_GRID_VOXELS_PER_EDGE} voxels per edge and ${mib(memoryLimit_bytes)}`,
      {
        field: 'grid.voxels',
        value: voxelsPerEdge,
        allowed: `≤ ${MAX_GRID_VOXELS_PER_EDGE} voxels per edge and ≤ ${mib(memoryLimit_bytes)} estimated memory`,
      },
    );
  }
}
