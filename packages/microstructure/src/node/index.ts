/**
 * `@solidcell/microstructure/node`: Node-only export of voxel microstructures (raw labels + JSON
 * header, VTK `.vti`, PNG slices), atomic writes and the machine-memory guard.
 *
 * @packageDocumentation
 */

export { assertGridFitsNodeMemory, nodeMemoryLimit_bytes } from './nodeMemoryLimit.js';
export {
  encodePng,
  PHASE_COLOURS,
  type SliceSpec,
  sliceRgb,
  upscaleRgb,
  writeSlicePng,
} from './png.js';
export { type RawLabelsHeader, readRawLabels, writeRawLabels } from './rawLabels.js';
export { vtiDocument, writeVti } from './vti.js';
export { writeFileAtomic } from './writeFileAtomic.js';
