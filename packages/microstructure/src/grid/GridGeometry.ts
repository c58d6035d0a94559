// Index and distance helpers of a cubic-voxel box (x fastest, optional periodic wrap).

/** Shape and boundary of a voxel box; coordinates are in voxel units, voxel i spans [i, i+1). */
export interface GridGeometry {
  readonly nx: number;
  readonly ny: number;
  readonly nz: number;
  readonly periodic: boolean;
}

/** Linear index of voxel (x, y, z): x + nx (y + ny z). */
export function voxelIndex(grid: GridGeometry, x: number, y: number, z: number): number {
  return x + grid.nx * (y + grid.ny * z);
}

/** Wraps an integer coordinate into [0, n) (periodic boxes). */
export function wrapIndex(i: number, n: number): number {
  const r = i % n;
  return r < 0 ? r + n : r;
}

/** Minimum-image difference along one axis of length `n` (periodic) or the plain difference. */
export function axisDelta(d: number, n: number, periodic: boolean): number {
  if (!periodic) return d;
  return d - n * Math.round(d / n);
}
