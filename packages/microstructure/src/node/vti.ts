// VTK XML ImageData (.vti) export of a voxel grid: phase labels and carbon fractions as cell data.
import type { VoxelGrid } from '@solidcell/core';
import { writeFileAtomic } from './writeFileAtomic.js';

function base64Block(data: Uint8Array): string {
  const header = new Uint8Array(8);
  new DataView(header.buffer).setBigUint64(0, BigInt(data.byteLength), true);
  // VTK's inline binary format: the byte-count header and the data are base64-encoded separately.
  return Buffer.from(header).toString('base64') + Buffer.from(data).toString('base64');
}

function float32Bytes(values: Float32Array): Uint8Array {
  const bytes = new Uint8Array(values.length * 4);
  const view = new DataView(bytes.buffer);
  for (let i = 0; i < values.length; i++) view.setFloat32(4 * i, values[i]!, true);
  return bytes;
}

/**
 * The `.vti` document of a grid (VTK XML ImageData 1.0, inline base64 binary, UInt64 headers).
 *
 * @remarks
 * One cell per voxel; cell arrays `phase` (UInt8, see PhaseLabel) and, when present,
 * `carbonFraction` (Float32). Spacing and origin are written in micrometres (a comment in the
 * file says so) because ParaView's default camera and picking tolerances suit µm better than m.
 */
export function vtiDocument(grid: VoxelGrid): string {
  const [nx, ny, nz] = grid.shape;
  const spacing_um = grid.voxelSize_m * 1e6;
  const extent = `0 ${nx} 0 ${ny} 0 ${nz}`;
  const arrays = [
    `        <DataArray type="UInt8" Name="phase" format="binary">${base64Block(grid.labels)}</DataArray>`,
  ];
  if (grid.carbonFraction !== undefined) {
    arrays.push(
      `        <DataArray type="Float32" Name="carbonFraction" format="binary">${base64Block(float32Bytes(grid.carbonFraction))}</DataArray>`,
    );
  }
  return [
    '<?xml version="1.0"?>',
    '<VTKFile type="ImageData" version="1.0" byte_order="LittleEndian" header_type="UInt64">',
    '  <!-- SolidCell voxel microstructure; lengths in micrometres; phase: 0 pore, 1 NCM, 2 SE, 3 carbon -->',
    `  <ImageData WholeExtent="${extent}" Origin="0 0 0" Spacing="${spacing_um} ${spacing_um} ${spacing_um}">`,
    `    <Piece Extent="${extent}">`,
    '      <CellData Scalars="phase">',
    ...arrays,
    '      </CellData>',
    '    </Piece>',
    '  </ImageData>',
    '</VTKFile>',
    '',
  ].join('\n');
}

/** Writes {@link vtiDocument} to `path` atomically. */
export function writeVti(path: string, grid: VoxelGrid): void {
  writeFileAtomic(path, vtiDocument(grid));
}
