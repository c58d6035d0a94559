import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inflateSync } from 'node:zlib';
import { isSolidCellError, PhaseLabel, type VoxelGrid } from '@solidcell/core';
import { afterAll, describe, expect, it } from 'vitest';
import { assertGridFitsNodeMemory } from './nodeMemoryLimit.js';
import { encodePng, PHASE_COLOURS, sliceRgb, upscaleRgb, writeSlicePng } from './png.js';
import { readRawLabels, writeRawLabels } from './rawLabels.js';
import { writeVti } from './vti.js';

const folder = mkdtempSync(join(tmpdir(), 'solidcell-microstructure-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

const shape = [5, 4, 3] as const;
const labels = Uint8Array.from({ length: 60 }, (_, i) => (i * 7) % 4);
const carbonFraction = Float32Array.from({ length: 60 }, (_, i) =>
  labels[i] === PhaseLabel.se ? (i % 5) / 7 : 0,
);
const grid: VoxelGrid = { shape, voxelSize_m: 0.25e-6, labels, carbonFraction, periodic: true };

/** Checks tag balance of a simple XML document (no CDATA); returns the root element name. */
function assertWellFormedXml(xml: string): string {
  const body = xml.replace(/<\?xml[^>]*\?>/, '').replace(/<!--[\s\S]*?-->/g, '');
  const stack: string[] = [];
  let root = '';
  for (const match of body.matchAll(/<(\/?)([A-Za-z][\w]*)([^>]*?)(\/?)>/g)) {
    const [, closing, name, , selfClosing] = match;
    if (closing) expect(stack.pop()).toBe(name);
    else if (!selfClosing) {
      if (stack.length === 0) root = name!;
      stack.push(name!);
    }
  }
  expect(stack).toEqual([]);
  expect(body.replace(/<[^>]*>/g, '').includes('<')).toBe(false);
  return root;
}

describe('raw export', () => {
  it('reads back labels, carbon fractions and header fields equal to what was written', () => {
    const header = writeRawLabels(join(folder, 'grid'), grid);
    const back = readRawLabels(header);
    expect(back.shape).toEqual([5, 4, 3]);
    expect(back.voxelSize_m).toBe(0.25e-6);
    expect(back.periodic).toBe(true);
    expect(Array.from(back.labels)).toEqual(Array.from(labels));
    expect(Array.from(back.carbonFraction!)).toEqual(Array.from(carbonFraction));
    expect(readdirSync(folder).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});

describe('vti export', () => {
  it('writes well-formed VTK ImageData XML whose phase array decodes to the labels', () => {
    const path = join(folder, 'grid.vti');
    writeVti(path, grid);
    const xml = readFileSync(path, 'utf8');
    expect(assertWellFormedXml(xml)).toBe('VTKFile');
    expect(xml).toContain('WholeExtent="0 5 0 4 0 3"');
    const phase = /Name="phase" format="binary">([^<]*)</.exec(xml)![1]!;
    const size = Buffer.from(phase.slice(0, 12), 'base64').readBigUInt64LE(0);
    expect(size).toBe(60n);
    expect(Array.from(Buffer.from(phase.slice(12), 'base64'))).toEqual(Array.from(labels));
  });
});

describe('png export', () => {
  it('writes a PNG with the signature, the slice size and the phase colours', () => {
    const path = join(folder, 'slice.png');
    writeSlicePng(path, grid, { axis: 'z', index: 1 });
    const png = readFileSync(path);
    expect(Array.from(png.subarray(0, 8))).toEqual([137, 80, 78, 71, 13, 10, 26, 10]);
    expect(png.readUInt32BE(16)).toBe(5);
    expect(png.readUInt32BE(20)).toBe(4);
    const idatLength = png.readUInt32BE(33);
    const raw = inflateSync(png.subarray(41, 41 + idatLength));
    expect(raw.length).toBe(4 * (1 + 15));
    const { rgb } = sliceRgb(grid, { axis: 'z', index: 1 });
    expect(Array.from(raw.subarray(1, 16))).toEqual(Array.from(rgb.subarray(0, 15)));
    const i = 0 + 5 * (0 + 4 * 1);
    if (carbonFraction[i] === 0)
      expect(Array.from(rgb.subarray(0, 3))).toEqual([...PHASE_COLOURS[labels[i]!]!]);
  });

  it('upscales by pixel replication: every voxel becomes a scale × scale block', () => {
    const image = sliceRgb(grid, { axis: 'z', index: 1 });
    const big = upscaleRgb(image, 3);
    expect([big.width, big.height]).toEqual([15, 12]);
    for (let v = 0; v < big.height; v++) {
      for (let u = 0; u < big.width; u++) {
        const from = 3 * (Math.floor(u / 3) + image.width * Math.floor(v / 3));
        expect(Array.from(big.rgb.subarray(3 * (u + 15 * v), 3 * (u + 15 * v) + 3))).toEqual(
          Array.from(image.rgb.subarray(from, from + 3)),
        );
      }
    }
    expect(() => upscaleRgb(image, 0)).toThrow(/slice.scale/);
  });

  it('rejects a pixel buffer of the wrong size', () => {
    expect(() => encodePng(2, 2, new Uint8Array(5))).toThrow(/rgb.length/);
  });
});

describe(assertGridFitsNodeMemory, () => {
  it('refuses 600³ voxels with E_RESOURCE_LIMIT and accepts 64³', () => {
    expect(() => assertGridFitsNodeMemory(64)).not.toThrow();
    try {
      assertGridFitsNodeMemory(600);
      expect.unreachable();
    } catch (error) {
      expect(isSolidCellError(error) && error.code).toBe('E_RESOURCE_LIMIT');
    }
  });
});
