// Counts voxel faces between different phase labels (optionally restricted by a face filter).
import type { GridGeometry } from '../grid/GridGeometry.js';

/** Number of phase labels counted (pore, NCM, SE, carbon). */
export const LABEL_COUNT = 4;

/**
 * Counts the faces shared by two face-adjacent voxels of different labels.
 *
 * @returns a symmetric LABEL_COUNT × LABEL_COUNT matrix (row-major, [a·4 + b]) of face counts.
 * Periodic boxes count the wrap-around faces; walled boxes do not count the outer faces.
 */
export function countInterfaceFaces(grid: GridGeometry, labels: Uint8Array): Float64Array {
  const counts = new Float64Array(LABEL_COUNT * LABEL_COUNT);
  const add = (a: number, b: number) => {
    if (a !== b) {
      counts[a * LABEL_COUNT + b]! += 1;
      counts[b * LABEL_COUNT + a]! += 1;
    }
  };
  forEachFace(grid, (i, j) => add(labels[i]!, labels[j]!));
  return counts;
}

/** Calls `visit(i, j)` once for every pair of face-adjacent voxels (wrap faces when periodic). */
export function forEachFace(grid: GridGeometry, visit: (i: number, j: number) => void): void {
  const { nx, ny, nz, periodic } = grid;
  const plane = nx * ny;
  for (let z = 0; z < nz; z++) {
    for (let y = 0; y < ny; y++) {
      const row = nx * (y + ny * z);
      for (let x = 0; x < nx; x++) {
        const i = row + x;
        if (x < nx - 1) visit(i, i + 1);
        else if (periodic && nx > 1) visit(i, row);
        if (y < ny - 1) visit(i, i + nx);
        else if (periodic && ny > 1) visit(i, x + nx * ny * z);
        if (z < nz - 1) visit(i, i + plane);
        else if (periodic && nz > 1) visit(i, x + nx * y);
      }
    }
  }
}
