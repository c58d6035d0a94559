// Node-side memory limit of the generator: half of the machine's physical memory.
import { totalmem } from 'node:os';
import { assertGridWithinLimits, DEFAULT_MEMORY_LIMIT_bytes } from '../grid/gridLimits.js';

/** Half of the machine's physical memory (bytes). */
export function nodeMemoryLimit_bytes(): number {
  return Math.floor(totalmem() / 2);
}

/**
 * Refuses a grid whose estimated working memory exceeds half of the machine's memory (or the
 * 512³ voxel cap).
 *
 * @throws SolidCellError `E_RESOURCE_LIMIT` naming the estimate.
 */
export function assertGridFitsNodeMemory(voxelsPerEdge: number): void {
  assertGridWithinLimits(
    voxelsPerEdge,
    Math.max(nodeMemoryLimit_bytes(), 0) || DEFAULT_MEMORY_LIMIT_bytes,
  );
}
