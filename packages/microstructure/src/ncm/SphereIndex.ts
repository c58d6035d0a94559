// Uniform hash grid over spheres (voxel units) for neighbour queries in packing and measurement.
import { axisDelta, type GridGeometry, wrapIndex } from '../grid/GridGeometry.js';

/** A sphere in voxel units (centre and radius). */
export interface Sphere {
  readonly x: number;
  readonly y: number;
  readonly z: number;
  readonly radius: number;
}

/** Spatial hash of spheres; queries visit every sphere whose centre lies within a reach. */
export class SphereIndex {
  private readonly cellsPerAxis: readonly [number, number, number];
  private readonly cellSize: readonly [number, number, number];
  private readonly buckets: number[][];
  public readonly spheres: Sphere[] = [];

  public constructor(
    private readonly grid: GridGeometry,
    cellSize_voxels: number,
  ) {
    const size = Math.max(1, cellSize_voxels);
    const cells = [grid.nx, grid.ny, grid.nz].map((n) => Math.max(1, Math.floor(n / size)));
    this.cellsPerAxis = [cells[0]!, cells[1]!, cells[2]!];
    this.cellSize = [grid.nx / cells[0]!, grid.ny / cells[1]!, grid.nz / cells[2]!];
    this.buckets = Array.from({ length: cells[0]! * cells[1]! * cells[2]! }, () => []);
  }

  private cellOf(value: number, axis: 0 | 1 | 2): number {
    const m = this.cellsPerAxis[axis];
    return Math.min(m - 1, Math.max(0, Math.floor(value / this.cellSize[axis])));
  }

  /** Adds a sphere and returns its index. */
  public add(sphere: Sphere): number {
    const index = this.spheres.length;
    this.spheres.push(sphere);
    const [mx, my] = this.cellsPerAxis;
    const cx = this.cellOf(sphere.x, 0);
    const cy = this.cellOf(sphere.y, 1);
    const cz = this.cellOf(sphere.z, 2);
    this.buckets[cx + mx * (cy + my * cz)]!.push(index);
    return index;
  }

  /**
   * Calls `visit(index, dx, dy, dz)` for every sphere whose centre may lie within `reach` voxels
   * of (x, y, z); (dx, dy, dz) is the minimum-image vector from the point to the centre.
   * Stops early when `visit` returns true.
   */
  public forEachNear(
    x: number,
    y: number,
    z: number,
    reach: number,
    visit: (index: number, dx: number, dy: number, dz: number) => boolean | undefined,
  ): void {
    const { nx, ny, nz, periodic } = this.grid;
    const [mx, my, mz] = this.cellsPerAxis;
    const span = (axis: 0 | 1 | 2, value: number, m: number): number[] => {
      const size = this.cellSize[axis];
      const lo = Math.floor((value - reach) / size);
      const hi = Math.floor((value + reach) / size);
      const out: number[] = [];
      if (periodic && hi - lo + 1 >= m) {
        for (let c = 0; c < m; c++) out.push(c);
        return out;
      }
      for (let c = lo; c <= hi; c++) {
        if (periodic) out.push(wrapIndex(c, m));
        else if (c >= 0 && c < m) out.push(c);
      }
      return out;
    };
    const xs = span(0, x, mx);
    const ys = span(1, y, my);
    const zs = span(2, z, mz);
    for (const cz of zs) {
      for (const cy of ys) {
        for (const cx of xs) {
          for (const index of this.buckets[cx + mx * (cy + my * cz)]!) {
            const s = this.spheres[index]!;
            const dx = axisDelta(s.x - x, nx, periodic);
            const dy = axisDelta(s.y - y, ny, periodic);
            const dz = axisDelta(s.z - z, nz, periodic);
            if (visit(index, dx, dy, dz) === true) return;
          }
        }
      }
    }
  }
}
