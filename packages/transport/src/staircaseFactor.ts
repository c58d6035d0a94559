// Area correction of a voxelised interface: a surface of unit normal n drawn with voxel faces has
// |n_x| + |n_y| + |n_z| times its true area, so a contact resistance applied per voxel face must
// be scaled by that factor to give the same resistance per true area.
import type { VoxelGrid } from '@solidcell/core';

const SOBEL = [1, 2, 1] as const;

/**
 * Staircase factor s = (|g_x| + |g_y| + |g_z|)/|g| (1 for a grid-aligned plane, √2 at 45°, √3 on
 * a body diagonal; 3/2 averaged over random orientations) of the interface between grain
 * `grainId[a]` and the voxel `b` next to it, with g the Sobel gradient of the indicator
 * "voxel belongs to grain grainId[a]" summed at `a` and at `b` (3×3×3 stencils; periodic axes
 * wrap, others clamp). 1 where the gradient vanishes.
 */
export function interfaceStaircaseFactor(grid: VoxelGrid, a: number, b: number): number {
  const { shape, grainId, periodic } = grid;
  if (grainId === undefined) return 1;
  const [nx, ny, nz] = shape;
  const grain = grainId[a]!;
  const label = grid.labels[a]!;
  const g = [0, 0, 0];
  const coordinate = (v: number, n: number) => {
    if (periodic) return ((v % n) + n) % n;
    return Math.min(n - 1, Math.max(0, v));
  };
  for (const centre of [a, b]) {
    const cx = centre % nx;
    const cy = Math.floor(centre / nx) % ny;
    const cz = Math.floor(centre / (nx * ny));
    for (let dz = -1; dz <= 1; dz++) {
      const z = coordinate(cz + dz, nz);
      for (let dy = -1; dy <= 1; dy++) {
        const y = coordinate(cy + dy, ny);
        for (let dx = -1; dx <= 1; dx++) {
          const i = coordinate(cx + dx, nx) + nx * (y + ny * z);
          if (grainId[i] !== grain || grid.labels[i] !== label) continue;
          g[0]! += dx * SOBEL[dy + 1]! * SOBEL[dz + 1]!;
          g[1]! += dy * SOBEL[dx + 1]! * SOBEL[dz + 1]!;
          g[2]! += dz * SOBEL[dx + 1]! * SOBEL[dy + 1]!;
        }
      }
    }
  }
  const norm = Math.hypot(g[0]!, g[1]!, g[2]!);
  if (norm === 0) return 1;
  return Math.min(Math.sqrt(3), (Math.abs(g[0]!) + Math.abs(g[1]!) + Math.abs(g[2]!)) / norm);
}
