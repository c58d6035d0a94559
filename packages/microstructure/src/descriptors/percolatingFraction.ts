// Face-connected (6-connectivity) clusters of a phase mask and the share that spans the box.
import type { GridGeometry } from '../grid/GridGeometry.js';

/**
 * Fraction (0–1) of the voxels of `mask` that belong to clusters connecting the faces x = 0 and
 * x = nx − 1 through face-to-face neighbours. Periodic boxes wrap y and z (never the transport
 * axis x). 0 for an empty mask.
 */
export function percolatingFractionAlongX(grid: GridGeometry, mask: Uint8Array): number {
  const { nx, ny, nz, periodic } = grid;
  const total = nx * ny * nz;
  const component = new Int32Array(total).fill(-1);
  const queue = new Int32Array(total);
  let members = 0;
  let spanning = 0;
  let id = 0;
  for (let seed = 0; seed < total; seed++) {
    if (!mask[seed] || component[seed] !== -1) continue;
    let head = 0;
    let tail = 0;
    queue[tail++] = seed;
    component[seed] = id;
    let low = false;
    let high = false;
    while (head < tail) {
      const i = queue[head++]!;
      const x = i % nx;
      const y = Math.floor(i / nx) % ny;
      const z = Math.floor(i / (nx * ny));
      if (x === 0) low = true;
      if (x === nx - 1) high = true;
      const visit = (j: number) => {
        if (mask[j] && component[j] === -1) {
          component[j] = id;
          queue[tail++] = j;
        }
      };
      if (x > 0) visit(i - 1);
      if (x < nx - 1) visit(i + 1);
      if (y > 0) visit(i - nx);
      else if (periodic && ny > 1) visit(i + nx * (ny - 1));
      if (y < ny - 1) visit(i + nx);
      else if (periodic && ny > 1) visit(i - nx * (ny - 1));
      if (z > 0) visit(i - nx * ny);
      else if (periodic && nz > 1) visit(i + nx * ny * (nz - 1));
      if (z < nz - 1) visit(i + nx * ny);
      else if (periodic && nz > 1) visit(i - nx * ny * (nz - 1));
    }
    members += tail;
    if (low && high) spanning += tail;
    id++;
  }
  return members === 0 ? 0 : spanning / members;
}
