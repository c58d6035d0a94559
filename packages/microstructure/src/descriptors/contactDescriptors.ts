// Descriptors of contacts measured on the grid: local three-phase NCM|SE|C contact (model.md
// §2a), NCM|SE coverage, SE grain–grain contact area and the effective generated particle sizes.
import { PhaseLabel, type VoxelGrid } from '@solidcell/core';
import type { GridGeometry } from '../grid/GridGeometry.js';
import { forEachFace } from './faceCounts.js';

/** Contact descriptors, areas as face counts (multiply by the corrected face area). */
export interface ContactFaceCounts {
  /** NCM|SE faces weighted by the carbon within one voxel of the face (see below). */
  readonly threePhaseWeightedFaces: number;
  /** Faces between two different SE grains. */
  readonly seGrainContactFaces: number;
  /** Equivalent-sphere diameter (voxels) of the volume-median NCM particle, 0 without ids. */
  readonly ncmD50_voxels: number;
  /** Equivalent-sphere diameter (voxels) of the volume-median SE grain, 0 without ids. */
  readonly seGrainD50_voxels: number;
}

/** Carbon content of a voxel: 1 for a carbon voxel, its sub-voxel fraction otherwise. */
function carbonContent(grid: VoxelGrid, i: number): number {
  return grid.labels[i] === PhaseLabel.carbon ? 1 : (grid.carbonFraction?.[i] ?? 0);
}

/** Volume-median equivalent-sphere diameter (voxels) of the grains of one label. */
function volumeMedianDiameter(grid: VoxelGrid, label: number): number {
  const ids = grid.grainId;
  if (ids === undefined) return 0;
  const volume = new Map<number, number>();
  for (let i = 0; i < ids.length; i++) {
    if (grid.labels[i] !== label || ids[i]! < 0) continue;
    volume.set(ids[i]!, (volume.get(ids[i]!) ?? 0) + 1);
  }
  const volumes = [...volume.values()].sort((a, b) => a - b);
  const total = volumes.reduce((a, b) => a + b, 0);
  let cumulative = 0;
  for (const v of volumes) {
    cumulative += v;
    if (cumulative >= total / 2) return Math.cbrt((6 * v) / Math.PI);
  }
  return 0;
}

/**
 * Counts the contact faces of a grid.
 *
 * @remarks
 * Three-phase contact is local (model.md §2a): an NCM|SE face counts with the weight
 * w = min(1, max carbon content of its SE voxel and of that voxel's face neighbours), i.e.
 * only where carbon touches the interface within one voxel, in proportion to the carbon there.
 * More carbon in the SE domain gives more three-phase contact; carbon lying along NCM–NCM gaps
 * (fibres) touches fewer NCM|SE faces.
 */
export function countContactFaces(geometry: GridGeometry, grid: VoxelGrid): ContactFaceCounts {
  const { labels, grainId } = grid;
  const { nx, ny, nz, periodic } = geometry;
  const neighbourCarbon = (j: number): number => {
    const x = j % nx;
    const y = Math.floor(j / nx) % ny;
    const z = Math.floor(j / (nx * ny));
    let best = carbonContent(grid, j);
    const visit = (xx: number, yy: number, zz: number) => {
      if (!periodic && (xx < 0 || xx >= nx || yy < 0 || yy >= ny || zz < 0 || zz >= nz)) return;
      const k = ((xx + nx) % nx) + nx * (((yy + ny) % ny) + ny * ((zz + nz) % nz));
      best = Math.max(best, carbonContent(grid, k));
    };
    visit(x - 1, y, z);
    visit(x + 1, y, z);
    visit(x, y - 1, z);
    visit(x, y + 1, z);
    visit(x, y, z - 1);
    visit(x, y, z + 1);
    return Math.min(1, best);
  };
  let threePhase = 0;
  let grainContacts = 0;
  forEachFace(geometry, (i, j) => {
    const a = labels[i];
    const b = labels[j];
    if (a === PhaseLabel.ncm && b === PhaseLabel.se) threePhase += neighbourCarbon(j);
    else if (a === PhaseLabel.se && b === PhaseLabel.ncm) threePhase += neighbourCarbon(i);
    else if (a === PhaseLabel.se && b === PhaseLabel.se && grainId !== undefined) {
      const ga = grainId[i]!;
      const gb = grainId[j]!;
      if (ga >= 0 && gb >= 0 && ga !== gb) grainContacts++;
    }
  });
  return {
    threePhaseWeightedFaces: threePhase,
    seGrainContactFaces: grainContacts,
    ncmD50_voxels: volumeMedianDiameter(grid, PhaseLabel.ncm),
    seGrainD50_voxels: volumeMedianDiameter(grid, PhaseLabel.se),
  };
}
