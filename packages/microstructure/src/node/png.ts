// PNG slice previews of a voxel grid: a minimal RGB PNG encoder (node:zlib) and a phase palette.
import { deflateSync } from 'node:zlib';
import { invalidInput, type VoxelGrid } from '@solidcell/core';
import { writeFileAtomic } from './writeFileAtomic.js';

/** RGB colour per phase label: pore white, NCM steel blue, SE amber, carbon black. */
export const PHASE_COLOURS: readonly (readonly [number, number, number])[] = [
  [255, 255, 255],
  [70, 110, 180],
  [230, 190, 60],
  [0, 0, 0],
];

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  const view = new DataView(out.buffer);
  view.setUint32(0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  view.setUint32(8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/** Encodes 8-bit RGB pixels (row-major, top row first) as a PNG file. */
export function encodePng(width: number, height: number, rgb: Uint8Array): Uint8Array {
  if (rgb.length !== width * height * 3) {
    invalidInput('rgb.length', rgb.length, `${width * height * 3} bytes (width × height × 3)`);
  }
  const ihdr = new Uint8Array(13);
  const view = new DataView(ihdr.buffer);
  view.setUint32(0, width);
  view.setUint32(4, height);
  ihdr.set([8, 2, 0, 0, 0], 8);
  const raw = new Uint8Array(height * (1 + 3 * width));
  for (let y = 0; y < height; y++) {
    raw[y * (1 + 3 * width)] = 0;
    raw.set(rgb.subarray(3 * width * y, 3 * width * (y + 1)), y * (1 + 3 * width) + 1);
  }
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    chunk('IHDR', ihdr),
    chunk('IDAT', new Uint8Array(deflateSync(raw))),
    chunk('IEND', new Uint8Array(0)),
  ];
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let offset = 0;
  for (const p of parts) {
    out.set(p, offset);
    offset += p.length;
  }
  return out;
}

/** Which slice to draw: the plane normal to `axis` at voxel `index`. */
export interface SliceSpec {
  readonly axis: 'x' | 'y' | 'z';
  readonly index: number;
  /** Integer pixels per voxel edge (nearest-neighbour upscaling, default 1). */
  readonly scale?: number;
}

/**
 * RGB pixels of one slice (sub-voxel carbon darkens the host colour by its fraction).
 *
 * @returns width, height and pixels; for axis z the image is x (right) × y (down).
 */
export function sliceRgb(
  grid: VoxelGrid,
  slice: SliceSpec,
): { width: number; height: number; rgb: Uint8Array } {
  const [nx, ny, nz] = grid.shape;
  const n = { x: nx, y: ny, z: nz }[slice.axis];
  if (!Number.isInteger(slice.index) || slice.index < 0 || slice.index >= n) {
    invalidInput('slice.index', slice.index, `an integer 0 ≤ index < ${n}`);
  }
  const [width, height] = slice.axis === 'x' ? [ny, nz] : slice.axis === 'y' ? [nx, nz] : [nx, ny];
  const rgb = new Uint8Array(width * height * 3);
  for (let v = 0; v < height; v++) {
    for (let u = 0; u < width; u++) {
      const [x, y, z] =
        slice.axis === 'x'
          ? [slice.index, u, v]
          : slice.axis === 'y'
            ? [u, slice.index, v]
            : [u, v, slice.index];
      const i = x + nx * (y + ny * z);
      const colour = PHASE_COLOURS[grid.labels[i]!] ?? [255, 0, 255];
      const keep = 1 - (grid.carbonFraction?.[i] ?? 0);
      const p = 3 * (u + width * v);
      rgb[p] = Math.round(colour[0] * keep);
      rgb[p + 1] = Math.round(colour[1] * keep);
      rgb[p + 2] = Math.round(colour[2] * keep);
    }
  }
  return { width, height, rgb };
}

/** Nearest-neighbour upscaling of an RGB image by an integer factor. */
export function upscaleRgb(
  image: { width: number; height: number; rgb: Uint8Array },
  scale: number,
): { width: number; height: number; rgb: Uint8Array } {
  if (!Number.isInteger(scale) || scale < 1 || scale > 64) {
    invalidInput('slice.scale', scale, 'an integer 1 ≤ scale ≤ 64');
  }
  const width = image.width * scale;
  const height = image.height * scale;
  const rgb = new Uint8Array(width * height * 3);
  for (let v = 0; v < height; v++) {
    const source = Math.floor(v / scale) * image.width;
    for (let u = 0; u < width; u++) {
      const from = 3 * (source + Math.floor(u / scale));
      rgb.set(image.rgb.subarray(from, from + 3), 3 * (u + width * v));
    }
  }
  return { width, height, rgb };
}

/** Writes a PNG preview of one slice atomically (upscaled by `slice.scale`). */
export function writeSlicePng(path: string, grid: VoxelGrid, slice: SliceSpec): void {
  const { width, height, rgb } = upscaleRgb(sliceRgb(grid, slice), slice.scale ?? 1);
  writeFileAtomic(path, encodePng(width, height, rgb));
}
