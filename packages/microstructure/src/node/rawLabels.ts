// Raw export: uint8 labels (x fastest) + optional float32 carbon fractions + a JSON header.
import { readFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import {
  invalidInput,
  type MicrostructureDescriptors,
  PhaseLabel,
  type VoxelGrid,
} from '@solidcell/core';
import { writeFileAtomic } from './writeFileAtomic.js';

/** The JSON header written beside the raw labels. */
export interface RawLabelsHeader {
  readonly format: 'solidcell-voxels';
  readonly version: 1;
  /** Voxels along x, y, z. */
  readonly shape: readonly [number, number, number];
  /** Voxel edge length (m). */
  readonly voxelSize_m: number;
  readonly periodic: boolean;
  /** Memory order of the raw files: x varies fastest, index = x + nx (y + ny z). */
  readonly order: 'x-fastest';
  /** File name (same folder) of the uint8 labels. */
  readonly labelsFile: string;
  /** Label values. */
  readonly labels: typeof PhaseLabel;
  /** File name of the little-endian float32 carbon fractions, if any. */
  readonly carbonFractionFile?: string;
  /** Descriptors measured on the grid, if given. */
  readonly descriptors?: MicrostructureDescriptors;
}

/**
 * Writes `<base>.raw` (uint8 labels), `<base>.carbon.f32` (float32 LE, when the grid has carbon
 * fractions) and `<base>.json` (header), each atomically.
 *
 * @returns the path of the JSON header.
 */
export function writeRawLabels(
  basePath: string,
  grid: VoxelGrid,
  descriptors?: MicrostructureDescriptors,
): string {
  const name = basename(basePath);
  const labelsFile = `${name}.raw`;
  writeFileAtomic(join(dirname(basePath), labelsFile), grid.labels);
  let carbonFractionFile: string | undefined;
  if (grid.carbonFraction !== undefined) {
    carbonFractionFile = `${name}.carbon.f32`;
    const bytes = new Uint8Array(grid.carbonFraction.length * 4);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < grid.carbonFraction.length; i++) {
      view.setFloat32(4 * i, grid.carbonFraction[i]!, true);
    }
    writeFileAtomic(join(dirname(basePath), carbonFractionFile), bytes);
  }
  const header: RawLabelsHeader = {
    format: 'solidcell-voxels',
    version: 1,
    shape: grid.shape,
    voxelSize_m: grid.voxelSize_m,
    periodic: grid.periodic,
    order: 'x-fastest',
    labelsFile,
    labels: PhaseLabel,
    ...(carbonFractionFile ? { carbonFractionFile } : {}),
    ...(descriptors ? { descriptors } : {}),
  };
  const headerPath = `${basePath}.json`;
  writeFileAtomic(headerPath, `${JSON.stringify(header, null, 2)}\n`);
  return headerPath;
}

/**
 * Reads a grid written by {@link writeRawLabels} from its JSON header.
 *
 * @throws SolidCellError `E_INVALID_INPUT` when the header or file sizes do not match.
 */
export function readRawLabels(headerPath: string): VoxelGrid {
  const header = JSON.parse(readFileSync(headerPath, 'utf8')) as RawLabelsHeader;
  if (header.format !== 'solidcell-voxels' || header.order !== 'x-fastest') {
    invalidInput('header.format', header.format, '"solidcell-voxels" with x-fastest order');
  }
  const [nx, ny, nz] = header.shape;
  const total = nx * ny * nz;
  const folder = dirname(headerPath);
  const labels = new Uint8Array(readFileSync(join(folder, header.labelsFile)));
  if (labels.length !== total) {
    invalidInput('labelsFile', labels.length, `${total} bytes (${nx}×${ny}×${nz})`);
  }
  let carbonFraction: Float32Array | undefined;
  if (header.carbonFractionFile !== undefined) {
    const bytes = readFileSync(join(folder, header.carbonFractionFile));
    if (bytes.length !== 4 * total) {
      invalidInput('carbonFractionFile', bytes.length, `${4 * total} bytes`);
    }
    const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    carbonFraction = new Float32Array(total);
    for (let i = 0; i < total; i++) carbonFraction[i] = view.getFloat32(4 * i, true);
  }
  return {
    shape: [nx, ny, nz],
    voxelSize_m: header.voxelSize_m,
    labels,
    ...(carbonFraction ? { carbonFraction } : {}),
    periodic: header.periodic,
  };
}
