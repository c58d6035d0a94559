// Exact squared Euclidean distance transform (Felzenszwalb & Huttenlocher 2012), separable in
// x, y, z, with optional periodic wrap.
import type { GridGeometry } from '../grid/GridGeometry.js';

const FAR = 1e20;

function transform1d(
  f: Float64Array,
  n: number,
  d: Float64Array,
  v: Int32Array,
  zb: Float64Array,
): void {
  let k = 0;
  v[0] = 0;
  zb[0] = -FAR;
  zb[1] = FAR;
  for (let q = 1; q < n; q++) {
    let p = v[k]!;
    let s = (f[q]! + q * q - (f[p]! + p * p)) / (2 * q - 2 * p);
    while (k > 0 && s <= zb[k]!) {
      k--;
      p = v[k]!;
      s = (f[q]! + q * q - (f[p]! + p * p)) / (2 * q - 2 * p);
    }
    k++;
    v[k] = q;
    zb[k] = s;
    zb[k + 1] = FAR;
  }
  k = 0;
  for (let q = 0; q < n; q++) {
    while (zb[k + 1]! < q) k++;
    const p = v[k]!;
    d[q] = (q - p) * (q - p) + f[p]!;
  }
}

/**
 * Squared distance (voxel units²) from every voxel centre to the nearest voxel with
 * `feature[i] !== 0`; 1e20 when there is no feature at all.
 *
 * @remarks
 * Periodic boxes are handled line by line by transforming three copies of each line and keeping
 * the middle one, which is exact for distances below one box length.
 */
export function squaredDistanceTransform(grid: GridGeometry, feature: Uint8Array): Float32Array {
  const { nx, ny, nz, periodic } = grid;
  const out = new Float32Array(nx * ny * nz);
  for (let i = 0; i < out.length; i++) out[i] = feature[i] ? 0 : FAR;
  const maxN = Math.max(nx, ny, nz) * (periodic ? 3 : 1);
  const f = new Float64Array(maxN);
  const d = new Float64Array(maxN);
  const v = new Int32Array(maxN);
  const zb = new Float64Array(maxN + 1);
  const pass = (n: number, count: number, start: (line: number) => number, stride: number) => {
    const copies = periodic ? 3 : 1;
    const m = n * copies;
    for (let line = 0; line < count; line++) {
      const base = start(line);
      for (let c = 0; c < copies; c++) {
        for (let q = 0; q < n; q++) f[c * n + q] = out[base + q * stride]!;
      }
      transform1d(f, m, d, v, zb);
      const offset = periodic ? n : 0;
      for (let q = 0; q < n; q++) out[base + q * stride] = Math.min(FAR, d[offset + q]!);
    }
  };
  pass(nx, ny * nz, (line) => line * nx, 1);
  pass(ny, nx * nz, (line) => (line % nx) + nx * ny * Math.floor(line / nx), nx);
  pass(nz, nx * ny, (line) => line, nx * ny);
  return out;
}
